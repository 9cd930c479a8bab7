/// A Bloom set of the first two scalars of a table's keys: a word whose first two scalars are
/// not in it is certainly no key (of two or more scalars), so its lookup can be skipped. A set
/// bit only means "maybe".
struct ScalarPairBloom: Sendable {
    private static let bitCount = 1 << 18
    private var bits = [UInt64](repeating: 0, count: ScalarPairBloom.bitCount / 64)

    /// The first two scalars of every key of two or more scalars.
    init<S: Sequence>(keys: S) where S.Element == String {
        for k in keys {
            var it = k.unicodeScalars.makeIterator()
            guard let a = it.next(), let b = it.next() else { continue }
            let h = Self.slot(a, b)
            bits[h >> 6] |= UInt64(1) << UInt64(h & 63)
        }
    }

    @inline(__always) static func slot(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Int {
        let x = (UInt64(a.value) << 21 | UInt64(b.value)) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: x >> 46) & (bitCount - 1)
    }

    /// False only when no key of two or more scalars starts with `a`, `b`.
    @inline(__always) func mayStart(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        let h = Self.slot(a, b)
        return bits[h >> 6] & (UInt64(1) << UInt64(h & 63)) != 0
    }
}
