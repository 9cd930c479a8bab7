/// A 4096-bit table of the needles' first three bytes (hashed), so that `NeedleSet` skips the
/// places of a text where no needle can start without looking at the needles.
///
/// Why the answers stay the same: a needle matches at a place only if its first three bytes
/// equal the text's three bytes there, and then their hash bit is set; a clear bit (or fewer
/// than three bytes left, when every needle has three or more) rules every needle out. Hash
/// collisions only let a place through to the exact comparison. Folding ASCII case, the text's
/// bytes are folded before hashing, as the needles (given in lower case) were.
struct NeedlePrefixFilter: Sendable {
    private let bits: [UInt64]

    /// nil when some needle is shorter than three bytes (it could match where the filter cannot look).
    init?(_ needles: [[UInt8]]) {
        guard !needles.isEmpty, needles.allSatisfy({ $0.count >= 3 }) else { return nil }
        var bits = [UInt64](repeating: 0, count: 64)
        for w in needles {
            let h = Self.hash(w[0], w[1], w[2])
            bits[h >> 6] |= 1 << UInt64(h & 63)
        }
        self.bits = bits
    }

    @inline(__always)
    static func hash(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int {
        let x = UInt32(a) << 16 | UInt32(b) << 8 | UInt32(c)
        return Int((x &* 0x9E37_79B1) >> 20)  // 12 bits
    }

    /// Whether some needle may start with these three bytes.
    @inline(__always)
    func mayStart(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Bool {
        let h = Self.hash(a, b, c)
        return bits.withUnsafeBufferPointer { $0[h >> 6] } & (1 << UInt64(h & 63)) != 0
    }

    /// The length of the UTF-8 sequence that starts with this byte (1 for a stray continuation byte).
    @inline(__always)
    static func scalarLength(_ b: UInt8) -> Int {
        b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
    }
}
