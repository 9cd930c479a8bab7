/// Substring search and replacement over UTF-8 bytes, for text where it provably agrees with
/// Foundation's `range(of:)` / `replacingOccurrences(of:with:)`.
///
/// Foundation compares grapheme clusters under canonical equivalence: "会" is not found in
/// "会\u{301}", and a compatibility ideograph matches its unified form. When every scalar of both
/// strings is "simple" — ASCII, Latin-1 symbols, general punctuation, CJK symbols, kana,
/// ideographs, full-width forms: scalars that neither combine with a neighbour nor have a
/// canonical decomposition — clusters are single scalars and equivalence is identity, so a byte
/// match is exactly Foundation's match. Otherwise the helpers return nil and callers use
/// Foundation.
enum ScalarText {
    /// True for scalars that form a grapheme cluster on their own and have no canonical
    /// decomposition (see the type's notes).
    @inline(__always) static func isSimple(_ v: UInt32) -> Bool {
        if v < 0xC0 { return v != 0x0D }
        if v >= 0x4E00 && v <= 0x9FFF { return true }
        if v < 0x2010 { return false }
        if v <= 0x2027 { return true }
        if v < 0x2030 { return false }
        if v <= 0x205E { return true }
        if v < 0x2460 { return false }
        if v <= 0x27BF { return true }
        if v < 0x2E80 { return false }
        if v <= 0x2FDF { return true }
        if v < 0x3000 { return false }
        if v <= 0x3029 { return true }
        if v < 0x3030 { return false }
        if v <= 0x3098 { return true }
        if v < 0x309B { return false }
        if v <= 0x4DBF { return true }
        if v >= 0xFE30 && v <= 0xFE4F { return true }
        if v >= 0xFF00 && v <= 0xFF9D { return true }
        if v >= 0xFFA0 && v <= 0xFFEF { return true }
        if v >= 0x20000 && v <= 0x2A6DF { return true }
        return false
    }

    static func isSimple(_ s: String) -> Bool {
        for u in s.unicodeScalars where !isSimple(u.value) { return false }
        return true
    }

    /// Runs `body` over the UTF-8 bytes of `s`; nil when `s` is not simple.
    @inline(__always) static func withSimpleUTF8<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard isSimple(s) else { return nil }
        if let r = s.utf8.withContiguousStorageIfAvailable(body) { return r }
        return Array(s.utf8).withUnsafeBufferPointer(body)
    }

    /// Byte offset of the first occurrence of `n` in `h` at or after `from`.
    @inline(__always) static func find(_ h: UnsafeBufferPointer<UInt8>, _ n: UnsafeBufferPointer<UInt8>, from: Int = 0) -> Int? {
        let m = n.count
        guard m > 0, h.count >= m, from <= h.count - m else { return nil }
        let first = n[0]
        var i = from
        let last = h.count - m
        outer: while i <= last {
            if h[i] != first { i += 1; continue }
            var k = 1
            while k < m {
                if h[i + k] != n[k] { i += 1; continue outer }
                k += 1
            }
            return i
        }
        return nil
    }

    /// Whether `hay` contains `needle`; nil when Foundation must decide (non-simple text or an
    /// empty needle).
    static func contains(_ hay: String, _ needle: String) -> Bool? {
        guard !needle.isEmpty else { return nil }
        return withSimpleUTF8(hay) { h in
            withSimpleUTF8(needle) { n in find(h, n) != nil }
        } ?? nil
    }

    /// Scalar offset of the first occurrence of `needle`; `.some(nil)` when absent, nil when
    /// Foundation must decide.
    static func scalarIndex(_ hay: String, of needle: String) -> Int?? {
        guard !needle.isEmpty else { return nil }
        return withSimpleUTF8(hay) { h -> Int?? in
            withSimpleUTF8(needle) { n -> Int? in
                guard let at = find(h, n) else { return nil }
                var count = 0
                for k in 0..<at where h[k] & 0xC0 != 0x80 { count += 1 }
                return count
            }
        } ?? nil
    }

    /// The first occurrence of `needle` in `hay` at or after `from`, for a `hay` the caller
    /// knows to be simple; nil when absent (or when `needle` is empty or not simple).
    static func range(of needle: String, in hay: String, from: String.Index) -> Range<String.Index>? {
        guard !needle.isEmpty else { return nil }
        let start = hay.utf8.distance(from: hay.utf8.startIndex, to: from)
        let at: Int?? = withSimpleUTF8(needle) { n in
            if let r = hay.utf8.withContiguousStorageIfAvailable({ find($0, n, from: start) }) { return r }
            return Array(hay.utf8).withUnsafeBufferPointer { find($0, n, from: start) }
        }
        guard let found = at, let i = found else { return nil }
        let lower = hay.utf8.index(hay.utf8.startIndex, offsetBy: i)
        return lower..<hay.utf8.index(lower, offsetBy: needle.utf8.count)
    }

    /// Number of non-overlapping occurrences of `needle`; nil when Foundation must decide.
    static func occurrences(_ hay: String, _ needle: String) -> Int? {
        guard !needle.isEmpty else { return nil }
        return withSimpleUTF8(hay) { h in
            withSimpleUTF8(needle) { n -> Int in
                var count = 0
                var at = 0
                while let i = find(h, n, from: at) { count += 1; at = i + n.count }
                return count
            }
        } ?? nil
    }

    /// `hay` with every non-overlapping occurrence of `needle` replaced by `replacement`; nil
    /// when Foundation must decide.
    static func replacing(_ hay: String, _ needle: String, with replacement: String) -> String? {
        guard !needle.isEmpty else { return nil }
        return withSimpleUTF8(hay) { h -> String? in
            withSimpleUTF8(needle) { n -> String in
                guard var i = find(h, n) else { return hay }
                var out: [UInt8] = []
                out.reserveCapacity(h.count + 16)
                var copied = 0
                while true {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: h[copied..<i]))
                    out.append(contentsOf: replacement.utf8)
                    copied = i + n.count
                    guard let next = find(h, n, from: copied) else { break }
                    i = next
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: h[copied..<h.count]))
                return String(decoding: out, as: UTF8.self)
            }
        } ?? nil
    }

    /// `hay` with its first occurrence of `needle` replaced; `.some(nil)` when there is none,
    /// nil when Foundation must decide.
    static func replacingFirst(_ hay: String, _ needle: String, with replacement: String) -> String?? {
        guard !needle.isEmpty else { return nil }
        return withSimpleUTF8(hay) { h -> String?? in
            withSimpleUTF8(needle) { n -> String? in
                guard let i = find(h, n) else { return nil }
                var out: [UInt8] = []
                out.reserveCapacity(h.count + 16)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: h[0..<i]))
                out.append(contentsOf: replacement.utf8)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: h[(i + n.count)..<h.count]))
                return String(decoding: out, as: UTF8.self)
            }
        } ?? nil
    }
}
