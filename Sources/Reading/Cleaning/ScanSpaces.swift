import ChineseText

extension Scan {
    /// `s.unicodeScalars.contains(where: Scan.isSpace)`, on the UTF-8 without the generic scalar
    /// iterator. A three-byte scalar with lead byte E5–EF is U+5000 or above in the BMP, where
    /// `CharClass.isWhitespace` has no member, so it is skipped undecoded.
    static func containsSpace(_ s: String) -> Bool {
        withUTF8(s) { p in
            var i = 0
            while i < p.count {
                if isHighBMPLead(p[i]) { i += 3; continue }
                if CharClass.isWhitespace(decode(p, &i)) { return true }
            }
            return false
        }
    }
}
