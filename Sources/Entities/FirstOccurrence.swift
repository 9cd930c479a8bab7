/// The first word of a text with each distinct spelling: a hash set of token indices keyed by
/// the tokens' scalars, so that a repeated word's facts (dictionary membership, word lists,
/// heads) are copied from its first occurrence instead of looked up again.
///
/// Spellings are compared scalar by scalar (`sameText`), so only words with identical scalars
/// share facts; every fact `Spotter.tokens` copies is a function of the scalars alone (or, for
/// `isPlace`, of the scalars and the tag, which the caller compares too).
struct FirstOccurrence {
    private var slots: [Int32]
    private var hashes: [UInt64]
    private let mask: Int

    /// Room for `count` words.
    init(count: Int) {
        var size = 16
        while size < count * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        hashes = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    /// The hash of `sc[lo..<hi]`.
    @inline(__always) static func hash(_ sc: [Unicode.Scalar], _ lo: Int, _ hi: Int) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for k in lo..<hi { h = (h ^ UInt64(sc[k].value)) &* 0x0000_0100_0000_01B3 }
        h ^= h >> 32
        return h &* 0x9E37_79B9_7F4A_7C15
    }

    /// The earlier word with hash `h` for which `sameText` holds, or nil after recording `index`
    /// as the first word of its spelling.
    mutating func firstOrInsert(_ index: Int32, hash h: UInt64, sameText: (Int32) -> Bool) -> Int32? {
        var s = Int(truncatingIfNeeded: h >> 40) & mask
        while true {
            let k = slots[s]
            if k < 0 {
                slots[s] = index
                hashes[s] = h
                return nil
            }
            if hashes[s] == h && sameText(k) { return k }
            s = (s + 1) & mask
        }
    }
}
