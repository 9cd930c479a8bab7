import ChineseText

/// The scalars a regular expression can consume (read from its pattern by `RxPatternReader`).
/// A scalar outside the alphabet can never be part of a match, so it splits a text into runs
/// that no match crosses.
struct RxAlphabet: Sendable {
    private let set: ScalarBitSet

    /// Nil when the pattern's alphabet is unbounded or leaves the BMP.
    init?(_ scalars: Set<UInt32>?) {
        guard let scalars, !scalars.isEmpty, scalars.allSatisfy({ $0 < 0x10000 }) else { return nil }
        set = ScalarBitSet(values: scalars)
    }

    @inline(__always) func contains(_ v: UInt32) -> Bool { set.contains(value: v) }
}
