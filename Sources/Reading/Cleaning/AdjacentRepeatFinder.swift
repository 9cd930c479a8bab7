/// Finds the first place where a piece of 3…40 scalars is repeated right after itself (the
/// candidate loops of `RepeatedPhraseRule`), through the next occurrence of each trigram.
///
/// Why it equals the definition (`FastPathTests.referenceFirstRepeat`): a piece `a[i..<i+L]`
/// repeated at `i + L` (L ≥ 3) starts with the trigram `a[i..<i+3]` again at `i + L`. So the
/// lengths worth testing at `i` are the distances to the later places where the same trigram
/// starts. A backward pass threads, for each position, the next position whose trigram falls in
/// the same hash bucket (a superset of the places with the same trigram: a bucket shared by
/// other trigrams only adds candidates, and every candidate is compared in full, from its first
/// scalar). At each `i`, in increasing order, the candidates 3…40 ahead are tested in
/// increasing length, the same (i, L) pairs the definition finds equal, so the first `i` found
/// is the definition's. Scalars are compared by value (no canonical equivalence), as before.
enum AdjacentRepeatFinder {
    /// The shortest and longest repeated piece looked for.
    static let shortest = 3
    static let longest = 40

    /// The first position where a piece of 3…40 scalars is repeated right after itself, or nil.
    static func first(in a: [Unicode.Scalar]) -> Int? {
        let n = a.count
        guard n >= 2 * shortest else { return nil }
        return a.withUnsafeBufferPointer { sp in
            sp.withMemoryRebound(to: UInt32.self) { p in
                // Buckets: a power of two at least twice the number of trigrams.
                let trigrams = n - 2
                var bits = 6
                while (1 << bits) < 2 * trigrams { bits += 1 }
                let shift = UInt64(64 - bits)
                var last = [Int32](repeating: Int32.max, count: 1 << bits)
                var next = [Int32](repeating: Int32.max, count: trigrams)
                return last.withUnsafeMutableBufferPointer { last in
                    next.withUnsafeMutableBufferPointer { next in
                        // Backward: next[i] = the next position in the same bucket as i.
                        var i = trigrams - 1
                        while i >= 0 {
                            // Scalars fit in 21 bits: the packed trigram is exact before hashing.
                            let packed = UInt64(p[i]) << 42 | UInt64(p[i + 1]) << 21 | UInt64(p[i + 2])
                            let h = Int(truncatingIfNeeded: (packed &* 0x9E37_79B9_7F4A_7C15) >> shift)
                            next[i] = last[h]
                            last[h] = Int32(truncatingIfNeeded: i)
                            i -= 1
                        }
                        // Forward: the candidates 3…40 ahead of each position, nearest first.
                        i = 0
                        while i + 2 * shortest <= n {
                            var j = Int(next[i])
                            while j != Int(Int32.max) {
                                let L = j - i
                                if L > longest || i + 2 * L > n { break }
                                if L >= shortest {
                                    var k = 0
                                    while k < L && p[i + L + k] == p[i + k] { k += 1 }
                                    if k == L { return i }
                                }
                                j = Int(next[j])
                            }
                            i += 1
                        }
                        return nil
                    }
                }
            }
        }
    }
}
