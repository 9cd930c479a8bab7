extension Candidate {
    /// The ranking order: the higher score first, then the earlier first occurrence, then the
    /// longer text. On the candidates of one document it is a strict total order (for scores
    /// that are not NaN): two candidates with the same span have the same text, and a text is
    /// one candidate.
    @inline(__always)
    static func ranksBefore(_ x: Candidate, _ y: Candidate) -> Bool {
        if x.score != y.score { return x.score > y.score }
        if x.start != y.start { return x.start < y.start }
        return x.end > y.end
    }
}

/// A document's candidates in ranking order, taken one at a time, for selection that stops
/// after the first few: a binary heap (built in linear time, then one sift per candidate taken)
/// instead of sorting them all.
///
/// Because `Candidate.ranksBefore` is a strict total order, every correct sort gives the same
/// sequence, and so does taking the heap's minimum again and again: the candidates come out
/// exactly as `items.sorted(by: Candidate.ranksBefore)` lists them. The heap compares packed
/// integer keys that order as `ranksBefore` does (see `key`). Should a score be NaN, where
/// `ranksBefore` is no order, the candidates come from that sort itself.
struct CandidateRanking: Sequence, IteratorProtocol {
    /// A candidate's place in the order: `high` holds the score (an order-reversing map of its
    /// bits) and the start, `low` the reversed end and the candidate's index.
    struct Key {
        var high: UInt64
        var low: UInt64

        @inline(__always)
        static func < (a: Key, b: Key) -> Bool { a.high != b.high ? a.high < b.high : a.low < b.low }
    }

    private let items: [Candidate]
    private var heap: [Key] = []
    /// The fallback: the sorted candidates and the next one to give.
    private var sorted: [Candidate]?
    private var taken = 0

    init(_ items: [Candidate]) {
        self.items = items
        if items.contains(where: { $0.score.isNaN }) {
            sorted = items.sorted(by: Candidate.ranksBefore)
            return
        }
        heap = items.indices.map { Self.key(items[$0], index: $0) }
        heap.withUnsafeMutableBufferPointer { h in
            var k = h.count / 2
            while k > 0 {
                k -= 1
                Self.siftDown(h, k, count: h.count)
            }
        }
    }

    /// The key of `c`, the candidate at `index`: keys compare as `ranksBefore` orders.
    ///
    /// A float's bits, with the sign bit set for positive values and all bits flipped for
    /// negative ones, compare as unsigned integers as the floats do (−0 is made +0 first, as
    /// the two compare equal); flipping that again puts higher scores first. Starts are
    /// nonnegative and ascend; ends descend, so they are flipped; the index only makes keys
    /// distinct (two candidates never share start and end).
    @inline(__always)
    static func key(_ c: Candidate, index: Int) -> Key {
        let bits = (c.score == 0 ? 0 : c.score).bitPattern
        let ascending = bits & 0x8000_0000 != 0 ? ~bits : bits | 0x8000_0000
        return Key(high: UInt64(~ascending) << 32 | UInt64(UInt32(bitPattern: c.start)),
                   low: UInt64(~UInt32(bitPattern: c.end)) << 32 | UInt64(UInt32(truncatingIfNeeded: index)))
    }

    @inline(__always)
    private static func siftDown(_ h: UnsafeMutableBufferPointer<Key>, _ from: Int, count n: Int) {
        var k = from
        let x = h[k]
        while true {
            var child = 2 * k + 1
            if child >= n { break }
            if child + 1 < n && h[child + 1] < h[child] { child += 1 }
            if !(h[child] < x) { break }
            h[k] = h[child]
            k = child
        }
        h[k] = x
    }

    mutating func next() -> Candidate? {
        if let sorted {
            guard taken < sorted.count else { return nil }
            taken += 1
            return sorted[taken - 1]
        }
        guard !heap.isEmpty else { return nil }
        let best = Int(truncatingIfNeeded: heap[0].low & 0xFFFF_FFFF)
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap.withUnsafeMutableBufferPointer { h in
                h[0] = last
                Self.siftDown(h, 0, count: h.count)
            }
        }
        return items[best]
    }
}
