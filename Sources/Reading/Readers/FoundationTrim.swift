import ChineseText

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
    /// `CharacterSet.whitespaces` (`FoundationWhitespace`).
    @inline(__always)
    static func isWhitespace(_ v: UInt32) -> Bool { FoundationWhitespace.isWhitespace(v) }

    /// `CharacterSet.whitespacesAndNewlines` (`FoundationWhitespace`).
    @inline(__always)
    static func isWhitespaceOrNewline(_ v: UInt32) -> Bool { FoundationWhitespace.isWhitespaceOrNewline(v) }

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
