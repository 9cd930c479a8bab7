/// One candidate keyphrase of a document: a word or a sequence of 2–4 words, identified by its
/// text (the scalars of its first occurrence).
struct Candidate {
    /// Scalar span of the first occurrence.
    var start: Int32
    var end: Int32
    /// The first occurrence as tokens: `firstToken ..< firstToken + words`.
    var firstToken: Int32
    var words: UInt8
    /// Occurrences, and occurrences weighted by position (title, lead sentence).
    var count: Int32
    var weight: Float
    /// Sentence of the first occurrence.
    var firstSentence: Int32
    /// `ScalarTable.hash` of the text (what the word tables are probed with).
    var hash: UInt64
    /// Set by scoring.
    var score: Float = 0
}

/// The candidates of one document, keyed by their text and counted in one pass: open
/// addressing over the document's own scalars, so no string is made per token or candidate.
struct CandidateTable {
    private(set) var items: [Candidate] = []
    private var slots: [Int32]
    private var mask: Int

    init(expected: Int) {
        var capacity = 64
        while capacity < expected * 2 { capacity <<= 1 }
        slots = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
        items.reserveCapacity(expected)
    }

    /// Counts one occurrence of `s[start..<end]` (tokens `firstToken ..< firstToken + words`),
    /// whose `ScalarTable.hash` is `hash`.
    @inline(__always)
    mutating func add(_ s: UnsafeBufferPointer<UInt32>, start: Int, end: Int, hash h: UInt64, firstToken: Int, words: Int,
                      weight: Float, sentence: Int32) {
        let n = end - start
        let found: Bool = items.withUnsafeMutableBufferPointer { items in
            slots.withUnsafeMutableBufferPointer { slots in
                var i = Int(truncatingIfNeeded: h) & mask
                while true {
                    let e = Int(slots[i])
                    if e < 0 { break }
                    if items[e].hash == h && Int(items[e].end - items[e].start) == n {
                        let os = Int(items[e].start)
                        var same = true
                        for j in 0..<n where s[os + j] != s[start + j] { same = false; break }
                        if same {
                            items[e].count += 1
                            items[e].weight += weight
                            return true
                        }
                    }
                    i = (i + 1) & mask
                }
                slots[i] = Int32(items.count)
                return false
            }
        }
        if found { return }
        items.append(Candidate(start: Int32(start), end: Int32(end), firstToken: Int32(firstToken), words: UInt8(words),
                               count: 1, weight: weight, firstSentence: sentence, hash: h))
        if items.count * 2 > slots.count { grow() }
    }

    private mutating func grow() {
        let capacity = slots.count * 2
        slots = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
        for (k, c) in items.enumerated() {
            var i = Int(truncatingIfNeeded: c.hash) & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = Int32(k)
        }
    }
}
