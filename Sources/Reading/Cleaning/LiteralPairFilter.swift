/// A test of 16 places of a text at once for a literal `NeedleSet` (one that matches scalar for
/// scalar, without the plain-text check): can a needle start at any of them?
///
/// A needle starts at place j only if the text's bytes j (and j + 1, for a needle of two or
/// more bytes) are the needle's first (two) bytes. The test compares bytes i…i+15 and i+1…i+16
/// with those bytes for every needle; when no place passes, none of the 16 places starts a
/// match and the search moves on by 16 without changing its answer (whether any needle occurs).
/// Places inside a scalar are harmless: a needle's first byte is never a continuation byte.
struct LiteralPairFilter: Sendable {
    private let first: [UInt8]
    private let second: [UInt8]
    /// Whether the needle has a second byte to compare.
    private let hasSecond: [Bool]

    /// nil for an empty set or more than 8 needles (the test would cost more than it saves).
    init?(_ needles: [[UInt8]]) {
        guard !needles.isEmpty, needles.count <= 8, needles.allSatisfy({ !$0.isEmpty }) else { return nil }
        first = needles.map { $0[0] }
        second = needles.map { $0.count >= 2 ? $0[1] : 0 }
        hasSecond = needles.map { $0.count >= 2 }
    }

    /// Whether a needle may start at one of the places i…i+15 (needs i + 17 <= hay.count).
    @inline(__always)
    func mayStart(in hay: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard let base = hay.baseAddress else { return true }
        let raw = UnsafeRawPointer(base + i)
        let v0 = raw.loadUnaligned(as: SIMD16<UInt8>.self)
        let v1 = raw.loadUnaligned(fromByteOffset: 1, as: SIMD16<UInt8>.self)
        for k in 0..<first.count {
            var m = v0 .== SIMD16<UInt8>(repeating: first[k])
            if hasSecond[k] { m = m .& (v1 .== SIMD16<UInt8>(repeating: second[k])) }
            if any(m) { return true }
        }
        return false
    }
}
