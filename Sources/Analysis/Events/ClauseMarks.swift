/// Scalar tests of `EventExtractor`'s sentence and clause scanning, as comparisons instead of
/// a search of a `String`'s scalars or a Unicode property lookup per scalar.
enum ClauseMarks {
    /// `"，,；;".unicodeScalars.contains(u)`: U+FF0C, U+002C, U+FF1B, U+003B.
    @inline(__always)
    static func isComma(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0xFF0C, 0x2C, 0xFF1B, 0x3B: return true
        default: return false
        }
    }

    /// `"，,；;。！？".unicodeScalars.contains(u)`: the commas and U+3002, U+FF01, U+FF1F.
    @inline(__always)
    static func isStop(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0xFF0C, 0x2C, 0xFF1B, 0x3B, 0x3002, 0xFF01, 0xFF1F: return true
        default: return false
        }
    }

    /// `u.properties.isWhitespace`. Among ASCII scalars White_Space is exactly U+0009–U+000D
    /// and U+0020, and no CJK ideograph (U+4E00–U+9FFF) has it; other scalars ask the property.
    @inline(__always)
    static func isWhitespace(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        if v >= 0x4E00 && v <= 0x9FFF { return false }
        return u.properties.isWhitespace
    }
}
