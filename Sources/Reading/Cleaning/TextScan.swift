import ChineseText

/// Small scanning helpers over Unicode scalars, shared by the cleaning rules. Everything here
/// works on `unicodeScalars` (no regular expressions), so it is cheap on long text.
enum Scan {
    typealias Scalars = [Unicode.Scalar]

    @inline(__always) static func scalars(_ s: String) -> Scalars { Array(s.unicodeScalars) }

    static func string<S: Sequence>(_ a: S) -> String where S.Element == Unicode.Scalar {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: a)
        return String(v)
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

    /// Whether the text ends a sentence: its last visible character, after closing quotes and
    /// brackets, is 。！？…
    static func endsSentence(_ s: String) -> Bool { endsSentence(scalars(s)) }

    static func endsSentence(_ s: Scalars) -> Bool {
        var i = s.count - 1
        while i >= 0 && isSpace(s[i]) { i -= 1 }
        while i >= 0 && isClosing(s[i]) { i -= 1 }
        return i >= 0 && isTerminal(s[i])
    }

    /// Whether a line is left open: it ends with a letter, digit, ideograph, or a clause separator.
    static func endsOpen(_ s: Scalars) -> Bool {
        guard let c = lastVisible(s) else { return false }
        if isCJK(c) || isAlnum(c) || isClauseSeparator(c) { return true }
        if c.value == 0x2014 || c.value == 0x2D { return true }  // — -
        return false
    }

    static func contains(_ s: String, any words: [String]) -> Bool {
        for w in words where s.contains(w) { return true }
        return false
    }

    /// Number of scalars that are not white space.
    static func visibleCount(_ s: String) -> Int {
        var n = 0
        for c in s.unicodeScalars where !isSpace(c) { n += 1 }
        return n
    }

    static func cjkCount(_ s: String) -> Int {
        var n = 0
        for c in s.unicodeScalars where isCJK(c) { n += 1 }
        return n
    }

    /// Printed width in ideograph units: ideographs and Chinese punctuation 1, ASCII and
    /// half-width characters 0.5, spaces 0.
    static func width(_ s: String) -> Double {
        var w = 0.0
        for c in s.unicodeScalars {
            if isSpace(c) { continue }
            w += c.value < 0x2000 ? 0.5 : 1
        }
        return w
    }

    static func trimmed(_ s: String) -> String {
        let a = scalars(s)
        var lo = 0, hi = a.count
        while lo < hi && (isSpace(a[lo]) || CharClass.isZeroWidth(a[lo].value)) { lo += 1 }
        while hi > lo && (isSpace(a[hi - 1]) || CharClass.isZeroWidth(a[hi - 1].value)) { hi -= 1 }
        if lo == 0 && hi == a.count { return s }
        return string(a[lo..<hi])
    }

    /// Trims and turns every run of white space into one ordinary space.
    static func collapsedSpaces(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for c in s.unicodeScalars {
            if isSpace(c) || CharClass.isZeroWidth(c.value) {
                if !out.isEmpty && !CharClass.isZeroWidth(c.value) { pendingSpace = true }
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(c)
        }
        return String(out)
    }

    /// A heading by its shape: short, no sentence end, not ending with a clause separator, at most
    /// one comma.
    static func isHeadingShaped(_ s: String) -> Bool {
        let a = scalars(s)
        let n = a.reduce(0) { $0 + (isSpace($1) ? 0 : 1) }
        guard n >= 2 && n <= 40 else { return false }
        guard cjkCountScalars(a) >= 2 else { return false }
        var commas = 0
        for c in a {
            if isTerminal(c) { return false }
            if c.value == 0xFF0C || c.value == 0x2C || c.value == 0xFF1B || c.value == 0x3B { commas += 1 }
        }
        if commas > 1 || (commas == 1 && n > 20) { return false }
        if let last = lastVisible(a), isClauseSeparator(last) { return false }
        return true
    }

    static func cjkCountScalars(_ a: Scalars) -> Int { a.reduce(0) { $0 + (isCJK($1) ? 1 : 0) } }

    // MARK: Comparison keys

    /// The comparison key of a text: ideographs, letters (lower-cased) and digits only, so that
    /// copies differing in spaces, punctuation or quote style compare equal.
    static func key(_ s: String) -> Scalars {
        var out: Scalars = []
        out.reserveCapacity(s.unicodeScalars.count)
        for c in s.unicodeScalars {
            if isCJK(c) || isDigit(c) { out.append(c) } else if isLetter(c) {
                let v = c.value
                if v >= 0x41 && v <= 0x5A, let l = Unicode.Scalar(v + 0x20) { out.append(l) } else { out.append(c) }
            }
        }
        return out
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
        let n = needle.count
        var i = start
        while i <= hay.count - n {
            if hay[i] == needle[0] {
                var j = 1
                while j < n && hay[i + j] == needle[j] { j += 1 }
                if j == n { return i }
            }
            i += 1
        }
        return nil
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
        var out: [Scalars] = []
        var cur = ""
        for c in s.unicodeScalars {
            if isTerminal(c) || isClauseSeparator(c) {
                let k = key(cur)
                if !k.isEmpty { out.append(k) }
                cur = ""
            } else {
                cur.unicodeScalars.append(c)
            }
        }
        let k = key(cur)
        if !k.isEmpty { out.append(k) }
        return out
    }
}
