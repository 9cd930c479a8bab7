import ChineseText
import Foundation

/// Small scanning helpers over Unicode scalars, shared by the cleaning rules. Everything here
/// works on scalars or on the text's UTF-8 (no regular expressions, no Foundation searching), so
/// it is cheap on long text: the per-line helpers decode the UTF-8 in place instead of copying
/// the scalars into arrays, and literal searches compare bytes.
enum Scan {
    typealias Scalars = [Unicode.Scalar]

    /// The scalars of a text (decoded from its UTF-8 in one pass, counted first so the array is
    /// allocated once).
    static func scalars(_ s: String) -> Scalars {
        withUTF8(s) { p in
            let n = p.count
            if n == 0 { return [] }
            var count = 0
            for b in p where b & 0xC0 != 0x80 { count += 1 }
            return Scalars(unsafeUninitializedCapacity: count) { buf, initialized in
                var i = 0, k = 0
                while i < n {
                    buf[k] = Unicode.Scalar(decode(p, &i)).unsafelyUnwrapped
                    k += 1
                }
                initialized = k
            }
        }
    }

    static func string<S: Sequence>(_ a: S) -> String where S.Element == Unicode.Scalar {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: a)
        return String(v)
    }

    /// The text of some scalars, encoded straight into the string's storage.
    static func string(_ a: ArraySlice<Unicode.Scalar>) -> String {
        if a.isEmpty { return "" }
        return String(unsafeUninitializedCapacity: a.count * 4) { buf in
            var k = 0
            for c in a { encode(c.value, into: buf, &k) }
            return k
        }
    }

    static func string(_ a: [Unicode.Scalar]) -> String { string(a[...]) }

    // MARK: UTF-8

    /// Runs `body` on the text's UTF-8 (no copy for native strings).
    @inline(__always)
    static func withUTF8<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        var t = s
        return try t.withUTF8(body)
    }

    /// `UTF8Scan.decode`.
    @inline(__always)
    static func decode(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> UInt32 { UTF8Scan.decode(p, &i) }

    /// `UTF8Scan.decodeBack`.
    @inline(__always)
    static func decodeBack(_ p: UnsafeBufferPointer<UInt8>, _ end: inout Int) -> UInt32 { UTF8Scan.decodeBack(p, &end) }

    @inline(__always)
    static func encode(_ v: UInt32, into buf: UnsafeMutableBufferPointer<UInt8>, _ k: inout Int) {
        if v < 0x80 {
            buf[k] = UInt8(v)
            k += 1
        } else if v < 0x800 {
            buf[k] = UInt8(0xC0 | v >> 6)
            buf[k + 1] = UInt8(0x80 | v & 0x3F)
            k += 2
        } else if v < 0x10000 {
            buf[k] = UInt8(0xE0 | v >> 12)
            buf[k + 1] = UInt8(0x80 | (v >> 6) & 0x3F)
            buf[k + 2] = UInt8(0x80 | v & 0x3F)
            k += 3
        } else {
            buf[k] = UInt8(0xF0 | v >> 18)
            buf[k + 1] = UInt8(0x80 | (v >> 12) & 0x3F)
            buf[k + 2] = UInt8(0x80 | (v >> 6) & 0x3F)
            buf[k + 3] = UInt8(0x80 | v & 0x3F)
            k += 4
        }
    }

    /// Number of scalars (counted on the UTF-8, without decoding).
    static func scalarCount(_ s: String) -> Int {
        withUTF8(s) { p in
            var n = 0
            for b in p where b & 0xC0 != 0x80 { n += 1 }
            return n
        }
    }

    /// Whether the text has at most `limit` scalars (decided by the byte count when it can).
    static func scalarCount(_ s: String, atMost limit: Int) -> Bool {
        let bytes = s.utf8.count
        if bytes <= limit { return true }
        if bytes > 4 * limit { return false }
        return scalarCount(s) <= limit
    }

    // MARK: Literal search (UTF-8)

    /// The first offset ≥ `start` where `needle` occurs in `hay` (byte-wise: a match of valid
    /// UTF-8 always falls on scalar boundaries, so this is a scalar-exact literal search).
    @inline(__always)
    static func find(_ needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        let m = needle.count, n = hay.count
        guard m > 0 else { return start <= n ? start : nil }
        guard n - start >= m else { return nil }
        let first = needle[0]
        let last = n - m
        var i = start
        while i <= last {
            if hay[i] == first {
                var j = 1
                while j < m && hay[i + j] == needle[j] { j += 1 }
                if j == m { return i }
            }
            i += 1
        }
        return nil
    }

    /// `s.contains(needle)` (Foundation's, which compares canonically equivalent text as equal),
    /// by comparing bytes — exact when the text is plain (see `NeedleSet`).
    static func has(_ s: String, _ needle: Needle) -> Bool {
        needle.set.matches(s)
    }

    // MARK: Prefixes and suffixes

    /// Scalars that are their own character and their own normal form (NFC-stable, not a
    /// combining or format character, not a singleton that normalises to another character):
    /// Latin, Greek and Cyrillic letters, general punctuation, letter-like and number forms,
    /// arrows, mathematical and technical symbols, enclosed numbers, box drawing, shapes,
    /// dingbats, CJK punctuation, kana, bopomofo, enclosed and compatibility CJK, ideographs,
    /// full-width and small forms, Hangul syllables (not jamo), private use characters (icon
    /// fonts), U+FFFD — but no controls below U+0020. Text that is plain where it is
    /// compared compares equal as `String`s (canonical equivalence, whole characters) exactly
    /// when its bytes do. (Checked against the Unicode data: NFC(c) == c and the general category
    /// is not Mn, Mc, Me, Cf, Cs or Co for every character taken in.)
    @inline(__always)
    static func isPlain(_ v: UInt32) -> Bool {
        if v < 0x300 { return v >= 0x20 && v != 0xAD }
        if v < 0x2010 { return v >= 0x370 && v <= 0x4FF && v != 0x374 && v != 0x37E && v != 0x387 && (v < 0x483 || v > 0x489) }
        if v < 0x3000 {
            if v <= 0x205E { return v <= 0x2027 || v >= 0x2030 }
            guard v >= 0x2100 && v <= 0x27BF else { return false }
            return (v < 0x2400 || v >= 0x2460) && v != 0x2126 && v != 0x212A && v != 0x212B && v != 0x2329 && v != 0x232A
        }
        if v < 0x4E00 {
            if v <= 0x303F { return v < 0x302A || v > 0x302F }
            if v <= 0x30FF { return v != 0x3099 && v != 0x309A }
            if v <= 0x312F { return true }
            if v >= 0x3190 && v <= 0x31BF { return true }
            return v >= 0x3200  // 3200–33FF, 3400–4DBF, 4DC0–4DFF
        }
        if v <= 0x9FFF { return true }
        if v < 0xFE30 { return (v >= 0xAC00 && v <= 0xD7A3) || (v >= 0xE000 && v <= 0xF8FF) }
        if v <= 0xFE6F { return true }
        if v >= 0xFF01 && v <= 0xFF9D { return true }
        return (v >= 0xFFE0 && v <= 0xFFEE) || v == 0xFFFD
    }

    /// `s.hasPrefix(a.text)`, by comparing bytes when the start of `s` is plain.
    static func hasPrefix(_ s: String, _ a: Affix) -> Bool {
        if a.plain {
            let answer: Bool? = withUTF8(s) { p in
                // The scalars compared and the one after them must be plain.
                var i = 0, k = 0
                while i < p.count && k <= a.scalarCount {
                    if !isPlain(decode(p, &i)) { return nil }
                    k += 1
                }
                let m = a.bytes.count
                guard p.count >= m else { return false }
                return a.bytes.withUnsafeBufferPointer { b in
                    var j = 0
                    while j < m && p[j] == b[j] { j += 1 }
                    return j == m
                }
            }
            if let answer { return answer }
        }
        return s.hasPrefix(a.text)
    }

    /// `s.hasSuffix(a.text)`, by comparing bytes when the end of `s` is plain.
    static func hasSuffix(_ s: String, _ a: Affix) -> Bool {
        if a.plain {
            let answer: Bool? = withUTF8(s) { p in
                var end = p.count, k = 0
                while end > 0 && k <= a.scalarCount {
                    if !isPlain(decodeBack(p, &end)) { return nil }
                    k += 1
                }
                let m = a.bytes.count, n = p.count
                guard n >= m else { return false }
                return a.bytes.withUnsafeBufferPointer { b in
                    var j = 0
                    while j < m && p[n - m + j] == b[j] { j += 1 }
                    return j == m
                }
            }
            if let answer { return answer }
        }
        return s.hasSuffix(a.text)
    }

    // MARK: Character classes

    @inline(__always) static func isCJK(_ c: Unicode.Scalar) -> Bool { CharClass.isCJK(c.value) }
    @inline(__always) static func isSpace(_ c: Unicode.Scalar) -> Bool { CharClass.isWhitespace(c.value) }
    @inline(__always) static func isDigit(_ c: Unicode.Scalar) -> Bool { CharClass.isDigit(c.value) }
    @inline(__always) static func isLetter(_ c: Unicode.Scalar) -> Bool { CharClass.isLatinLetter(c.value) }
    @inline(__always) static func isAlnum(_ c: Unicode.Scalar) -> Bool { isDigit(c) || isLetter(c) }

    /// Chinese or ASCII punctuation (not letters, digits, ideographs or spaces).
    static func isPunct(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if CharClass.isCJKPunctuation(v) { return true }
        if v < 0x80 { return (v >= 0x21 && v <= 0x2F) || (v >= 0x3A && v <= 0x40) || (v >= 0x5B && v <= 0x60) || (v >= 0x7B && v <= 0x7E) }
        switch v {
        case 0x2022, 0x25A0, 0x25A1, 0x25CF, 0x25C6, 0x25B2, 0x2605, 0x203B, 0x25CE: return true  // • ■ □ ● ◆ ▲ ★ ※ ◎
        default: return false
        }
    }

    /// Sentence-final marks: 。！？ (and their ASCII and small forms), and the ellipsis.
    static func isTerminal(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x3002, 0xFF01, 0xFF1F, 0xFF61, 0xFE52, 0xFE56, 0xFE57, 0x21, 0x3F, 0x2026: return true
        default: return false
        }
    }

    /// Closing quotes and brackets that may follow a sentence end.
    static func isClosing(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x201D, 0x2019, 0x300D, 0x300F, 0x22, 0x27, 0x29, 0xFF09, 0x300B, 0x3011, 0x3009: return true
        default: return false
        }
    }

    static func isOpening(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x201C, 0x2018, 0x300C, 0x300E, 0x28, 0xFF08, 0x300A, 0x3010, 0x3008: return true
        default: return false
        }
    }

    /// Clause separators: ，,、；;：:
    static func isClauseSeparator(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0xFF0C, 0x2C, 0x3001, 0xFF1B, 0x3B, 0xFF1A, 0x3A: return true
        default: return false
        }
    }

    // MARK: Line shape

    /// The last scalar that is not white space.
    static func lastVisible(_ s: Scalars) -> Unicode.Scalar? { s.last(where: { !isSpace($0) }) }
    static func firstVisible(_ s: Scalars) -> Unicode.Scalar? { s.first(where: { !isSpace($0) }) }

    /// The last scalar of the text that is not white space (without copying the text).
    static func lastVisible(_ s: String) -> Unicode.Scalar? {
        withUTF8(s) { p in
            var end = p.count
            while end > 0 {
                let v = decodeBack(p, &end)
                if !CharClass.isWhitespace(v) { return Unicode.Scalar(v) }
            }
            return nil
        }
    }

    static func firstVisible(_ s: String) -> Unicode.Scalar? {
        withUTF8(s) { p in
            var i = 0
            while i < p.count {
                let v = decode(p, &i)
                if !CharClass.isWhitespace(v) { return Unicode.Scalar(v) }
            }
            return nil
        }
    }

    /// Whether the text ends a sentence: its last visible character, after closing quotes and
    /// brackets, is 。！？…
    static func endsSentence(_ s: String) -> Bool {
        withUTF8(s) { p in
            var end = p.count
            var v: UInt32 = 0x20
            while end > 0 {
                v = decodeBack(p, &end)
                if !CharClass.isWhitespace(v) { break }
            }
            if CharClass.isWhitespace(v) { return false }
            while isClosing(Unicode.Scalar(v).unsafelyUnwrapped) {
                guard end > 0 else { return false }
                v = decodeBack(p, &end)
            }
            return isTerminal(Unicode.Scalar(v).unsafelyUnwrapped)
        }
    }

    static func endsSentence(_ s: Scalars) -> Bool {
        var i = s.count - 1
        while i >= 0 && isSpace(s[i]) { i -= 1 }
        while i >= 0 && isClosing(s[i]) { i -= 1 }
        return i >= 0 && isTerminal(s[i])
    }

    /// Whether a line is left open: it ends with a letter, digit, ideograph, or a clause separator.
    static func endsOpen(_ s: Scalars) -> Bool {
        guard let c = lastVisible(s) else { return false }
        return isOpenEnd(c)
    }

    static func endsOpen(_ s: String) -> Bool {
        guard let c = lastVisible(s) else { return false }
        return isOpenEnd(c)
    }

    @inline(__always) private static func isOpenEnd(_ c: Unicode.Scalar) -> Bool {
        if isCJK(c) || isAlnum(c) || isClauseSeparator(c) { return true }
        if c.value == 0x2014 || c.value == 0x2D { return true }  // — -
        return false
    }

    static func contains(_ s: String, any words: [String]) -> Bool {
        NeedleSet(words).matches(s)
    }

    /// Whether the scalar starting with this byte is U+5000 or above in the BMP (ideographs,
    /// Hangul, full-width forms …: never white space), three bytes long.
    @inline(__always) static func isHighBMPLead(_ b: UInt8) -> Bool { b >= 0xE5 && b <= 0xEF }

    /// Number of scalars that are not white space.
    static func visibleCount(_ s: String) -> Int {
        withUTF8(s) { p in
            var n = 0, i = 0
            while i < p.count {
                if isHighBMPLead(p[i]) {
                    n += 1
                    i += 3
                } else if !CharClass.isWhitespace(decode(p, &i)) {
                    n += 1
                }
            }
            return n
        }
    }

    /// Whether at most `limit` scalars of the text are not white space (stops counting past the limit).
    static func visibleCount(_ s: String, atMost limit: Int) -> Bool {
        withUTF8(s) { p in
            if p.count <= limit { return true }
            var n = 0, i = 0
            while i < p.count {
                if isHighBMPLead(p[i]) {
                    i += 3
                } else if CharClass.isWhitespace(decode(p, &i)) {
                    continue
                }
                n += 1
                if n > limit { return false }
            }
            return true
        }
    }

    static func cjkCount(_ s: String) -> Int {
        withUTF8(s) { p in
            var n = 0, i = 0
            while i < p.count {
                if CharClass.isCJK(decode(p, &i)) { n += 1 }
            }
            return n
        }
    }

    /// Printed width in ideograph units: ideographs and Chinese punctuation 1, ASCII and
    /// half-width characters 0.5, spaces 0.
    static func width(_ s: String) -> Double {
        withUTF8(s) { p in
            var w = 0.0, i = 0
            while i < p.count {
                if isHighBMPLead(p[i]) {
                    w += 1
                    i += 3
                    continue
                }
                let v = decode(p, &i)
                if CharClass.isWhitespace(v) { continue }
                w += v < 0x2000 ? 0.5 : 1
            }
            return w
        }
    }

    @inline(__always) private static func isTrimmable(_ v: UInt32) -> Bool {
        CharClass.isWhitespace(v) || CharClass.isZeroWidth(v)
    }

    /// The text without white space and zero-width characters at either end (the text itself
    /// when there is none).
    static func trimmed(_ s: String) -> String {
        withUTF8(s) { p in
            let n = p.count
            var lo = 0
            while lo < n {
                var j = lo
                if !isTrimmable(decode(p, &j)) { break }
                lo = j
            }
            var hi = n
            while hi > lo {
                var k = hi
                if !isTrimmable(decodeBack(p, &k)) { break }
                hi = k
            }
            if lo == 0 && hi == n { return s }
            return String(decoding: UnsafeBufferPointer(rebasing: p[lo..<hi]), as: UTF8.self)
        }
    }

    /// Trims and turns every run of white space into one ordinary space.
    static func collapsedSpaces(_ s: String) -> String {
        withUTF8(s) { p in collapsedSpaces(p) ?? s }
    }

    /// The collapsed text of some UTF-8 (see `collapsedSpaces(_:)`), or nil when collapsing
    /// changes nothing.
    static func collapsedSpaces(_ p: UnsafeBufferPointer<UInt8>) -> String? {
        let n = p.count
        // Fast check: no zero-width characters, no space at either end, only single ASCII spaces.
        var prevSpace = true
        var clean = true
        var i = 0
        while i < n {
            let b = p[i]
            if b < 0x80 {
                i += 1
                if CharClass.isWhitespace(UInt32(b)) {
                    if b != 0x20 || prevSpace { clean = false; break }
                    prevSpace = true
                } else {
                    prevSpace = false
                }
                continue
            }
            // U+4000–U+EFFF (lead bytes E4–EE): neither white space nor zero-width.
            if b >= 0xE4 && b <= 0xEE {
                i += 3
                prevSpace = false
                continue
            }
            if isTrimmable(decode(p, &i)) { clean = false; break }
            prevSpace = false
        }
        if clean && (n == 0 || !prevSpace) { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(n)
        var pendingSpace = false
        i = 0
        while i < n {
            let start = i
            let v = decode(p, &i)
            if CharClass.isWhitespace(v) || CharClass.isZeroWidth(v) {
                if !out.isEmpty && !CharClass.isZeroWidth(v) { pendingSpace = true }
                continue
            }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: p[start..<i]))
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A heading by its shape: short, no sentence end, not ending with a clause separator, at most
    /// one comma.
    static func isHeadingShaped(_ s: String) -> Bool {
        withUTF8(s) { p in
            var n = 0, cjk = 0, commas = 0
            var last: UInt32 = 0x20
            var i = 0
            while i < p.count {
                let v = decode(p, &i)
                if CharClass.isWhitespace(v) { continue }
                n += 1
                if n > 40 { return false }
                last = v
                if CharClass.isCJK(v) { cjk += 1 }
                if isTerminal(Unicode.Scalar(v).unsafelyUnwrapped) { return false }
                if v == 0xFF0C || v == 0x2C || v == 0xFF1B || v == 0x3B { commas += 1 }
            }
            guard n >= 2, cjk >= 2 else { return false }
            if commas > 1 || (commas == 1 && n > 20) { return false }
            if isClauseSeparator(Unicode.Scalar(last).unsafelyUnwrapped) { return false }
            return true
        }
    }

    static func cjkCountScalars(_ a: Scalars) -> Int { a.reduce(0) { $0 + (isCJK($1) ? 1 : 0) } }

    // MARK: Comparison keys

    /// The comparison key of a text: ideographs, letters (lower-cased) and digits only, so that
    /// copies differing in spaces, punctuation or quote style compare equal.
    static func key(_ s: String) -> Scalars {
        withUTF8(s) { p in
            var out: Scalars = []
            out.reserveCapacity(p.count / 2 + 1)
            var i = 0
            while i < p.count { appendKey(decode(p, &i), to: &out) }
            return out
        }
    }

    static func key(_ a: ArraySlice<Unicode.Scalar>) -> Scalars {
        var out: Scalars = []
        out.reserveCapacity(a.count)
        for c in a { appendKey(c.value, to: &out) }
        return out
    }

    /// Appends the key form of one scalar (nothing for spaces and punctuation).
    @inline(__always)
    static func appendKey(_ v: UInt32, to out: inout Scalars) {
        if CharClass.isCJK(v) || CharClass.isDigit(v) {
            out.append(Unicode.Scalar(v).unsafelyUnwrapped)
        } else if CharClass.isLatinLetter(v) {
            out.append(Unicode.Scalar(v >= 0x41 && v <= 0x5A ? v + 0x20 : v).unsafelyUnwrapped)
        }
    }

    /// The first `n` characters of the text's key (fewer when the key is shorter).
    static func keyHead(_ s: String, _ n: Int) -> Scalars {
        withUTF8(s) { p in
            var out: Scalars = []
            var i = 0
            while i < p.count && out.count < n { appendKey(decode(p, &i), to: &out) }
            return out
        }
    }

    /// The last `n` characters of the text's key, in order (fewer when the key is shorter).
    static func keyTail(_ s: String, _ n: Int) -> Scalars {
        withUTF8(s) { p in
            var out: Scalars = []
            var end = p.count
            while end > 0 && out.count < n { appendKey(decodeBack(p, &end), to: &out) }
            out.reverse()
            return out
        }
    }

    /// Whether the key of the text is not empty (it has an ideograph, a letter or a digit).
    static func hasKey(_ s: String) -> Bool {
        withUTF8(s) { p in
            var i = 0
            while i < p.count {
                let v = decode(p, &i)
                if CharClass.isCJK(v) || CharClass.isDigit(v) || CharClass.isLatinLetter(v) { return true }
            }
            return false
        }
    }

    /// All start offsets of `needle` in `hay` (naive search; texts here are article-sized).
    static func occurrences(of needle: ArraySlice<Unicode.Scalar>, in hay: Scalars, limit: Int = .max) -> [Int] {
        guard !needle.isEmpty, needle.count <= hay.count else { return [] }
        var found: [Int] = []
        let first = needle.first!
        let n = needle.count
        var i = 0
        let end = hay.count - n
        while i <= end {
            if hay[i] == first {
                var j = 1
                var k = needle.startIndex + 1
                while j < n && hay[i + j] == needle[k] { j += 1; k += 1 }
                if j == n {
                    found.append(i)
                    if found.count >= limit { return found }
                }
            }
            i += 1
        }
        return found
    }

    static func firstIndex(of needle: Scalars, in hay: Scalars, from start: Int = 0) -> Int? {
        guard !needle.isEmpty, needle.count <= hay.count - start else { return nil }
        return hay.withUnsafeBufferPointer { hs in
            needle.withUnsafeBufferPointer { ns in
            hs.withMemoryRebound(to: UInt32.self) { h in
            ns.withMemoryRebound(to: UInt32.self) { nd in
                let n = nd.count
                let first = nd[0]
                var i = start
                let last = h.count - n
                let splat = SIMD8<UInt32>(repeating: first)
                while i <= last {
                    // Eight places at a time while none holds the needle's first character.
                    if i + 8 <= last + 1,
                       !any(UnsafeRawPointer(h.baseAddress! + i).loadUnaligned(as: SIMD8<UInt32>.self) .== splat) {
                        i += 8
                        continue
                    }
                    if h[i] == first {
                        var j = 1
                        while j < n && h[i + j] == nd[j] { j += 1 }
                        if j == n { return i }
                    }
                    i += 1
                }
                return nil
            }
            }
            }
        }
    }

    // MARK: Sentences

    /// Sentence ranges (in scalar offsets): a sentence ends at 。！？… with the closing quotes and
    /// brackets after it; the tail without an end mark is the last sentence. Ranges cover the text.
    static func sentenceRanges(_ a: Scalars) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        var i = 0
        while i < a.count {
            if isTerminal(a[i]) {
                var j = i + 1
                while j < a.count && (isTerminal(a[j]) || isClosing(a[j])) {
                    // A closing quote ends the sentence only if it closes one; an ASCII " after 。 does.
                    j += 1
                }
                out.append(start..<j)
                start = j
                i = j
                continue
            }
            i += 1
        }
        if start < a.count { out.append(start..<a.count) }
        return out
    }

    /// Clause keys of a text: the comparison keys of the pieces between punctuation marks.
    static func clauseKeys(_ s: String) -> [Scalars] {
        withUTF8(s) { p in
            var out: [Scalars] = []
            var cur: Scalars = []
            var i = 0
            while i < p.count {
                let v = decode(p, &i)
                let c = Unicode.Scalar(v).unsafelyUnwrapped
                if isTerminal(c) || isClauseSeparator(c) {
                    if !cur.isEmpty { out.append(cur); cur = [] }
                } else {
                    appendKey(v, to: &cur)
                }
            }
            if !cur.isEmpty { out.append(cur) }
            return out
        }
    }
}

/// A prefix or suffix to test for with `Scan.hasPrefix`/`hasSuffix` (build it once, in a static let).
struct Affix: Sendable {
    let text: String
    let bytes: [UInt8]
    let scalarCount: Int
    /// All its scalars are plain (else the tests fall back to `String`'s).
    let plain: Bool

    init(_ text: String) {
        self.text = text
        bytes = Array(text.utf8)
        scalarCount = text.unicodeScalars.count
        plain = text.unicodeScalars.allSatisfy { Scan.isPlain($0.value) }
    }
}

/// A literal to search for (build it once, in a static let).
struct Needle: Sendable {
    let set: NeedleSet
    /// `literal`: scalar for scalar (as `unicodeScalars` compare), not as Foundation's `contains`.
    init(_ s: String, literal: Bool = false) { set = NeedleSet([s], literal: literal) }
}

/// Several literals searched for in one pass over a text's UTF-8, answering what
/// `words.contains { text.contains($0) }` (Foundation's `contains`) answers, much faster.
///
/// The needles are bucketed by their first byte, so each position of the text is compared only
/// with the needles that can start there. A byte match is a match of whole scalars (UTF-8 is
/// self-synchronising). Foundation compares canonically equivalent text as equal and matches
/// whole characters; on plain text (`Scan.isPlain`: every scalar its own character and its own
/// normal form) that is the same as comparing bytes, so the bytes decide while the text is
/// plain, and Foundation decides for the rare text that is not (combining marks, compatibility
/// ideographs, emoji, …). Build it once, in a static let.
struct NeedleSet: Sendable {
    /// The needles' bytes, one after another, in bucket order.
    private let flat: [UInt8]
    /// Needle k (in bucket order) is flat[offsets[k]..<offsets[k] + lengths[k]].
    private let offsets: [Int]
    private let lengths: [Int]
    /// The needles starting with byte b are the k in bucket[b]..<bucket[b + 1].
    private let bucket: [Int]
    /// The needles as given (for Foundation, on text that is not plain).
    let words: [String]
    /// All needles are plain (else Foundation always decides).
    private let plain: Bool
    /// Matches scalar for scalar, never as Foundation does.
    private let literal: Bool
    /// A filter on the first three bytes of a match (`NeedlePrefixFilter`): nil when a needle is
    /// shorter than three bytes.
    private let prefixes: NeedlePrefixFilter?
    /// For literal sets of a few needles: a 16-bytes-at-a-time test on their first two bytes.
    private let literalPairs: LiteralPairFilter?

    /// How a UTF-8 lead byte tells whether its scalar is plain for searching: 0 plain (ASCII,
    /// U+0080–U+02FF, U+4000–U+9FFF, U+E000–U+EFFF), 1 not plain, 2 decode and see
    /// (U+0300–U+04FF, U+2000–U+3FFF, U+A000–U+DFFF, U+F000–U+FFFF).
    static let leadClass: [UInt8] = (0..<256).map { b -> UInt8 in
        switch b {
        case 0x00...0xCB: return 0
        case 0xCC...0xD3: return 2
        case 0xE2, 0xE3, 0xEA...0xED, 0xEF: return 2
        case 0xE4...0xE9, 0xEE: return 0
        default: return 1
        }
    }

    /// Plain for searching: ASCII controls included (no needle holds one).
    @inline(__always) static func isSearchPlain(_ v: UInt32) -> Bool { v < 0x300 || Scan.isPlain(v) }

    /// `literal`: match scalar for scalar (what comparing `unicodeScalars` tells), not as
    /// Foundation's `contains`.
    init(_ words: [String], literal: Bool = false) {
        self.words = words
        self.literal = literal
        plain = words.allSatisfy { $0.unicodeScalars.allSatisfy { Self.isSearchPlain($0.value) } }
        let sorted = words.map { Array($0.utf8) }.filter { !$0.isEmpty }.sorted { $0[0] < $1[0] }
        var flat: [UInt8] = [], offsets: [Int] = [], lengths: [Int] = []
        var bucket = Array(repeating: 0, count: 257)
        for w in sorted {
            offsets.append(flat.count)
            lengths.append(w.count)
            flat += w
            bucket[Int(w[0]) + 1] += 1
        }
        for b in 0..<256 { bucket[b + 1] += bucket[b] }
        self.flat = flat
        self.offsets = offsets
        self.lengths = lengths
        self.bucket = bucket
        prefixes = NeedlePrefixFilter(sorted)
        literalPairs = literal ? LiteralPairFilter(sorted) : nil
    }

    /// Whether any needle occurs in the text (`words.contains { s.contains($0) }`).
    func matches(_ s: String) -> Bool {
        if literal { return Scan.withUTF8(s) { search($0, fold: false, checkPlain: false) } ?? false }
        if plain, let answer = Scan.withUTF8(s, { search($0, fold: false) }) { return answer }
        return words.contains { s.contains($0) }
    }

    /// Whether any needle occurs in the lower-cased text (`s.lowercased().contains(…)`, needles
    /// given in lower case): ASCII letters compared without regard to case.
    func matchesIgnoringASCIICase(_ s: String) -> Bool {
        if plain, let answer = Scan.withUTF8(s, { search($0, fold: true) }) { return answer }
        let lower = s.lowercased()
        return words.contains { lower.contains($0) }
    }

    /// The answer from the bytes, or nil when the text is not plain before a match or right after it.
    @inline(__always)
    private func search(_ hay: UnsafeBufferPointer<UInt8>, fold: Bool, checkPlain: Bool = true) -> Bool? {
        @inline(__always) func at(_ i: Int) -> UInt8 {
            let b = hay[i]
            return fold && b &- 0x41 < 26 ? b | 0x20 : b
        }
        @inline(__always) func plainAt(_ i: Int) -> Bool {
            switch Self.leadClass[Int(hay[i])] {
            case 0: return true
            case 1: return false
            default:
                var j = i
                return Self.isSearchPlain(Scan.decode(hay, &j))
            }
        }
        let n = hay.count
        let filter = prefixes
        let pairs = literalPairs
        return flat.withUnsafeBufferPointer { f in
            offsets.withUnsafeBufferPointer { offs in
                lengths.withUnsafeBufferPointer { lens in
                    bucket.withUnsafeBufferPointer { bk in
                        var i = 0
                        while i < n {
                            // A literal search skips 16 places at a time where no needle's first
                            // two bytes are (`LiteralPairFilter`).
                            if !checkPlain && !fold, let pairs, i + 17 <= n, !pairs.mayStart(in: hay, at: i) {
                                i += 16
                                continue
                            }
                            if checkPlain && Self.leadClass[Int(hay[i])] != 0 && !plainAt(i) { return nil }
                            // No needle starts with these three bytes (or fewer are left): no
                            // match here; go on to the next scalar (a match of valid UTF-8 starts
                            // on a scalar's first byte).
                            if let filter, i + 3 > n || !filter.mayStart(at(i), at(i + 1), at(i + 2)) {
                                i += NeedlePrefixFilter.scalarLength(hay[i])
                                continue
                            }
                            let b = Int(at(i))
                            var k = bk[b]
                            let end = bk[b + 1]
                            while k < end {
                                let len = lens[k], off = offs[k]
                                if i + len <= n {
                                    var j = 1
                                    while j < len && at(i + j) == f[off + j] { j += 1 }
                                    // A match, and the character after it is plain too.
                                    if j == len { return !checkPlain || i + len == n || plainAt(i + len) ? true : nil }
                                }
                                k += 1
                            }
                            i += 1
                        }
                        return false
                    }
                }
            }
        }
    }
}
