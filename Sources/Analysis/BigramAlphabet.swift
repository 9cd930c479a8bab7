/// The characters a document's bigrams are made of (CJK ideographs U+4E00–U+9FFF, ASCII digits
/// and letters), numbered in ascending order of their scalars: a few hundred numbers for a
/// news article instead of some twenty thousand possible scalars.
///
/// Numbering is one-to-one and order-preserving on the document's characters, so a bigram's
/// pair of ranks `(first, second)` identifies it and pairs compare as the bigrams do; with so
/// few ranks, a counting sort by each of them is cheap (see `SummaryBigrams`).
///
/// The rank table has a place for every possible character but only the document's are
/// written (a bit set says which): clearing some 40 kB per document would cost more than the
/// rest of the work.
struct BigramAlphabet {
    /// Size of the index space (see `index`).
    static let indexCount = 0x80 + (0x9FFF - 0x4E00 + 1)

    /// A bit per index: whether the document has the character.
    private let present: UnsafeMutablePointer<UInt64>
    /// Per index of a present character: its rank among the document's characters.
    private let rankOf: UnsafeMutablePointer<UInt16>
    /// Number of distinct characters.
    let count: Int

    /// Calls `body` with the alphabet of the characters kept in `s[span]` for every span (valid
    /// during the call only).
    static func with<R>(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ spans: [(start: Int, end: Int)],
                        _ body: (BigramAlphabet) -> R) -> R {
        let words = (indexCount + 63) / 64
        let present = UnsafeMutablePointer<UInt64>.allocate(capacity: words)
        present.initialize(repeating: 0, count: words)
        let rankOf = UnsafeMutablePointer<UInt16>.allocate(capacity: indexCount)
        defer {
            present.deallocate()
            rankOf.deallocate()
        }
        for span in spans {
            for i in span.start..<span.end {
                let x = index(s[i].value)
                if x >= 0 { present[x >> 6] |= 1 << UInt64(x & 63) }
            }
        }
        // Ranks in ascending order of the set bits.
        var rank: UInt16 = 0
        for w in 0..<words {
            var word = present[w]
            while word != 0 {
                (rankOf + (w << 6 | word.trailingZeroBitCount)).initialize(to: rank)
                rank += 1
                word &= word &- 1
            }
        }
        return body(BigramAlphabet(present: present, rankOf: rankOf, count: Int(rank)))
    }

    /// The scalar's index (ASCII digits and letters as themselves, ideographs after them), or
    /// -1 for a scalar that bigrams skip.
    @inline(__always)
    static func index(_ v: UInt32) -> Int {
        if v >= 0x4E00 && v <= 0x9FFF { return Int(v - 0x4E00 + 0x80) }
        if (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) { return Int(v) }
        return -1
    }

    /// Whether the document has the character of index `x`.
    @inline(__always)
    func contains(_ x: Int) -> Bool { present[x >> 6] & (1 << UInt64(x & 63)) != 0 }

    /// The rank of the character of index `x`, which the document has.
    @inline(__always)
    func rank(_ x: Int) -> Int { Int(rankOf[x]) }
}
