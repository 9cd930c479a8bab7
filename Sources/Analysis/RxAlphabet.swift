/// The scalars a regular expression can consume (read from its pattern by `RxPatternReader`),
/// as a bitmap over the Basic Multilingual Plane. A scalar outside the alphabet can never be
/// part of a match, so it splits a text into runs that no match crosses.
struct RxAlphabet: Sendable {
    private let bits: [UInt64]

    /// Nil when the pattern's alphabet is unbounded or leaves the BMP.
    init?(_ scalars: Set<UInt32>?) {
        guard let scalars, !scalars.isEmpty, scalars.allSatisfy({ $0 < 0x10000 }) else { return nil }
        var bits = [UInt64](repeating: 0, count: 1024)
        for v in scalars { bits[Int(v >> 6)] |= UInt64(1) << UInt64(v & 63) }
        self.bits = bits
    }

    @inline(__always) func contains(_ v: UInt32) -> Bool {
        v < 0x10000 && bits[Int(v >> 6)] & (UInt64(1) << UInt64(v & 63)) != 0
    }
}
