/// Foundation's `trimmingCharacters(in: .whitespaces)` and `(in: .whitespacesAndNewlines)` done on
/// UTF-8 bytes, without bridging to `NSString`.
///
/// Why this is the same: Foundation trims code unit by code unit (UTF-16) from both ends while the
/// unit is in the set; it does not look at grapheme clusters or normal forms. Both sets hold only
/// BMP scalars, so a surrogate is never trimmed and trimming scalars from the ends of the UTF-8 is
/// the same as trimming units from the ends of the UTF-16. The members below are the ones
/// `CharacterSet.whitespaces` / `.whitespacesAndNewlines` report (checked for every scalar by
/// `FoundationTrimTests`): note U+200B (zero width space) is "white space" to Foundation.
enum FoundationTrim {
    /// `CharacterSet.whitespaces`: tab, space, U+00A0, U+1680, U+2000–U+200B, U+202F, U+205F, U+3000.
    @inline(__always)
    static func isWhitespace(_ v: UInt32) -> Bool {
        if v < 0x80 { return v == 0x20 || v == 0x09 }
        switch v {
        case 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// `CharacterSet.whitespacesAndNewlines`: the white space above plus U+000A–U+000D, U+0085,
    /// U+2028 and U+2029.
    @inline(__always)
    static func isWhitespaceOrNewline(_ v: UInt32) -> Bool {
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        return v == 0x85 || v == 0x2028 || v == 0x2029 || isWhitespace(v)
    }

    /// The byte range of `p[lo..<hi]` (valid UTF-8, whole scalars) left after trimming the set's
    /// scalars from both ends.
    @inline(__always)
    static func trimmed(_ p: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, newlines: Bool) -> Range<Int> {
        var start = lo
        while start < hi {
            var i = start
            let v = Scan.decode(p, &i)
            guard newlines ? isWhitespaceOrNewline(v) : isWhitespace(v) else { break }
            start = i
        }
        var end = hi
        while end > start {
            var k = end
            let v = Scan.decodeBack(p, &k)
            guard newlines ? isWhitespaceOrNewline(v) : isWhitespace(v) else { break }
            end = k
        }
        return start..<end
    }

    /// `s.trimmingCharacters(in: .whitespacesAndNewlines)` (the result has the same scalars).
    static func trimmingWhitespaceAndNewlines(_ s: String) -> String {
        Scan.withUTF8(s) { p in
            let r = trimmed(p, 0, p.count, newlines: true)
            if r.count == p.count { return s }
            return String(decoding: UnsafeBufferPointer(rebasing: p[r]), as: UTF8.self)
        }
    }
}
