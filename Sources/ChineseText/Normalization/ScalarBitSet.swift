/// A set of Unicode scalars for membership tests in hot loops: a bitmap over the Basic
/// Multilingual Plane (no hashing), a hash set beyond it. Used to skip dictionary lookups of
/// words whose first or last scalar no key has, and as the alphabets and first-scalar filters
/// of the analysis scanners.
public struct ScalarBitSet: Sendable {
    @usableFromInline var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
    @usableFromInline var astral = Set<UInt32>()

    public init() {}

    public init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        for s in scalars { insert(s) }
    }

    /// The set of scalar values `values` (values that are not scalars are left out).
    public init<S: Sequence>(values: S) where S.Element == UInt32 {
        for v in values { insert(value: v) }
    }

    public mutating func insert(_ s: Unicode.Scalar) { insert(value: s.value) }

    public mutating func insert(value v: UInt32) {
        if v < 0x10000 { bits[Int(v >> 6)] |= UInt64(1) << UInt64(v & 63) } else { astral.insert(v) }
    }

    /// Inlinable: it is called per scalar from other modules.
    @inlinable @inline(__always) public func contains(_ s: Unicode.Scalar) -> Bool { contains(value: s.value) }

    @inlinable @inline(__always) public func contains(value v: UInt32) -> Bool {
        if v < 0x10000 { return bits[Int(v >> 6)] & (UInt64(1) << UInt64(v & 63)) != 0 }
        return !astral.isEmpty && astral.contains(v)
    }
}
