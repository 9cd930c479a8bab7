/// A 256-bit Bloom set of the scalars of a text, plus whether it has a decimal digit (ICU's
/// `\d`, general category Nd). Membership answers "maybe" or "certainly not": a set bit may
/// come from another scalar, a clear bit means no scalar of the text maps to it.
struct ScalarBloom: Sendable, Equatable {
    var w0: UInt64 = 0, w1: UInt64 = 0, w2: UInt64 = 0, w3: UInt64 = 0
    var decimal = false

    init() {}

    /// The scalars of `s`.
    init(_ s: String) {
        for u in s.unicodeScalars {
            insert(u.value)
            if !decimal && Self.isDecimal(u) { decimal = true }
        }
    }

    /// The scalars of `s` (no decimal flag).
    init(scalarsOf s: String) {
        for u in s.unicodeScalars { insert(u.value) }
    }

    @inline(__always) mutating func insert(_ v: UInt32) {
        let bit = (v &* 0x9E37_79B1) >> 24
        let b = UInt64(1) << UInt64(bit & 63)
        switch bit >> 6 {
        case 0: w0 |= b
        case 1: w1 |= b
        case 2: w2 |= b
        default: w3 |= b
        }
    }

    /// True when the text may contain one scalar of `other` (or a digit, when `other.decimal`).
    @inline(__always) func intersects(_ other: ScalarBloom) -> Bool {
        if other.decimal && decimal { return true }
        return (w0 & other.w0) | (w1 & other.w1) | (w2 & other.w2) | (w3 & other.w3) != 0
    }

    /// True when the text may contain every scalar of `other`.
    @inline(__always) func containsAll(_ other: ScalarBloom) -> Bool {
        (w0 & other.w0) == other.w0 && (w1 & other.w1) == other.w1 && (w2 & other.w2) == other.w2 && (w3 & other.w3) == other.w3
    }

    /// ICU's `\d`: general category Nd.
    static func isDecimal(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if v < 0x80 { return v >= 0x30 && v <= 0x39 }
        if v >= 0x3000 && v <= 0x9FFF { return false }
        if v >= 0xFF10 && v <= 0xFF19 { return true }
        if v >= 0xFF00 && v <= 0xFFEF { return false }
        return u.properties.generalCategory == .decimalNumber
    }
}
