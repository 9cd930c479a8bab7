/// A set of Unicode scalars for membership tests on every word: a bitmap over the Basic
/// Multilingual Plane (no hashing), a hash set beyond it. Used to skip dictionary lookups of
/// words whose first or last scalar no key has.
struct ScalarBitSet: Sendable {
    private var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
    private var astral = Set<UInt32>()

    init() {}

    init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        for s in scalars { insert(s) }
    }

    mutating func insert(_ s: Unicode.Scalar) {
        let v = s.value
        if v < 0x10000 { bits[Int(v >> 6)] |= UInt64(1) << UInt64(v & 63) } else { astral.insert(v) }
    }

    @inline(__always) func contains(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x10000 { return bits[Int(v >> 6)] & (UInt64(1) << UInt64(v & 63)) != 0 }
        return astral.contains(v)
    }
}
