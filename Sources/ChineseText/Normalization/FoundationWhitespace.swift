/// The members of Foundation's `CharacterSet.whitespaces` and `.whitespacesAndNewlines`, and
/// `trimmingCharacters(in: .whitespacesAndNewlines)` without bridging to `NSString`.
///
/// Foundation trims code unit by code unit (UTF-16) from both ends while the unit is in the set;
/// it does not look at grapheme clusters or normal forms. Both sets hold only BMP scalars, so a
/// surrogate is never trimmed and trimming scalars from the ends is the same as trimming UTF-16
/// units. (The members are checked against `CharacterSet` for every scalar by the Reading tests;
/// note U+200B, zero width space, is "white space" to Foundation.)
public enum FoundationWhitespace {
    /// `CharacterSet.whitespaces`: tab, space, U+00A0, U+1680, U+2000–U+200B, U+202F, U+205F, U+3000.
    @inline(__always)
    public static func isWhitespace(_ v: UInt32) -> Bool {
        if v < 0x80 { return v == 0x20 || v == 0x09 }
        switch v {
        case 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// `CharacterSet.whitespacesAndNewlines`: the white space above plus U+000A–U+000D, U+0085,
    /// U+2028 and U+2029.
    @inline(__always)
    public static func isWhitespaceOrNewline(_ v: UInt32) -> Bool {
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        return v == 0x85 || v == 0x2028 || v == 0x2029 || isWhitespace(v)
    }

    /// `s.trimmingCharacters(in: .whitespacesAndNewlines)` (the same scalars).
    public static func trimmingWhitespaceAndNewlines(_ s: String) -> String {
        let u = s.unicodeScalars
        var lo = u.startIndex, hi = u.endIndex
        while lo < hi, isWhitespaceOrNewline(u[lo].value) { u.formIndex(after: &lo) }
        while hi > lo {
            let p = u.index(before: hi)
            guard isWhitespaceOrNewline(u[p].value) else { break }
            hi = p
        }
        if lo == u.startIndex && hi == u.endIndex { return s }
        return String(u[lo..<hi])
    }
}
