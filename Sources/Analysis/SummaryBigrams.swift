import Foundation

/// The character bigrams of a body's sentences, as the summarizer weighs and compares them:
/// each sentence's content score and its distinct bigrams.
///
/// A bigram is two adjacent kept scalars (CJK ideographs U+4E00–U+9FFF, ASCII digits and
/// letters). Its code packs the ranks of its two characters in the document's alphabet
/// (`BigramAlphabet`, ranks ascending with the scalars): a one-to-one, order-preserving map of
/// the pair `(first, second)`, so codes compare as the bigrams do.
///
/// Every occurrence becomes `code << 32 | sentence`, in sentence order. Two stable counting
/// sorts (by the second rank, then by the first) order them by code and, for equal codes, by
/// sentence; removing repeats gives each bigram's group of sentences, bigrams ascending.
/// Walking the groups in that order:
/// - a bigram's weight is its group's size (the number of sentences that have it), as the run
///   of equal values in the sorted distinct bigrams of all sentences was;
/// - each sentence receives its terms `log(1 + weight) + (1 if the title has the bigram)` in
///   ascending bigram order, the order in which a sentence's sorted bigrams were summed one by
///   one: the same floating-point additions, the same sums (`log(1 + weight)` is computed once
///   per weight: most bigrams are in one or two sentences);
/// - each sentence's list of bigram ranks (the group's number) comes out ascending, so two
///   lists merge as the sorted bigram arrays did and share as many values.
struct SummaryBigrams {
    /// Per sentence: the content score, the sum of its terms over the square root of its
    /// number of distinct bigrams (0 without bigrams).
    private(set) var content: [Double]
    /// The ranks of sentence `k`'s distinct bigrams, ascending: `ranks[offsets[k] ..< offsets[k + 1]]`.
    private var offsets: [Int]
    private var ranks: [Int32]

    /// Bigrams of the sentences `spans` (scalar ranges of `scalars`) and of the title.
    init(_ scalars: [Unicode.Scalar], _ spans: [(start: Int, end: Int)], title: String?) {
        let sentenceCount = spans.count
        var alphabetSize = 0
        var titleCodes: [UInt32] = []
        // At most one bigram per scalar.
        var pairs = [UInt64](unsafeUninitializedCapacity: spans.reduce(0) { $0 + $1.end - $1.start }) { out, count in
            scalars.withUnsafeBufferPointer { s in
                BigramAlphabet.with(s, spans) { alphabet in
                    alphabetSize = alphabet.count
                    var w = 0
                    for (k, span) in spans.enumerated() {
                        // Every character of the body is in its alphabet.
                        var prev = -1
                        for i in span.start..<span.end {
                            let x = BigramAlphabet.index(s[i].value)
                            let r = x >= 0 ? alphabet.rank(x) : -1
                            if r >= 0 && prev >= 0 {
                                out[w] = UInt64(prev << 16 | r) << 32 | UInt64(k)
                                w += 1
                            }
                            prev = r
                        }
                    }
                    count = w
                    titleCodes = Self.titleCodes(title, alphabet)
                }
            }
        }
        Self.sortByCode(&pairs, ranks: alphabetSize)
        // Each bigram once per sentence.
        var distinct = 0
        pairs.withUnsafeMutableBufferPointer { p in
            for q in p.indices where distinct == 0 || p[distinct - 1] != p[q] {
                p[distinct] = p[q]
                distinct += 1
            }
        }
        var perSentence = [Int](repeating: 0, count: sentenceCount + 1)
        var sums = [Double](repeating: 0, count: sentenceCount)
        // Every place is written below (one per distinct occurrence).
        var ranks = [Int32](unsafeUninitializedCapacity: distinct) { _, n in n = distinct }
        // `log(1 + w)` of the weights w met so far (NaN for the others).
        var logWeight = [Double](repeating: .nan, count: sentenceCount + 1)
        pairs.withUnsafeBufferPointer { p in
            perSentence.withUnsafeMutableBufferPointer { offsets in
                for q in 0..<distinct { offsets[Int(truncatingIfNeeded: p[q] & 0xFFFF_FFFF) + 1] += 1 }
                for k in 0..<sentenceCount { offsets[k + 1] += offsets[k] }
                // `fill[k]`: the next free place of sentence k's list.
                var fill = Array(offsets[0..<sentenceCount])
                sums.withUnsafeMutableBufferPointer { sums in
                    ranks.withUnsafeMutableBufferPointer { ranks in
                        fill.withUnsafeMutableBufferPointer { fill in
                            var i = 0, rank: Int32 = 0, ti = 0
                            while i < distinct {
                                let code = p[i] >> 32
                                var j = i + 1
                                while j < distinct && p[j] >> 32 == code { j += 1 }
                                while ti < titleCodes.count && UInt64(titleCodes[ti]) < code { ti += 1 }
                                let inTitle = ti < titleCodes.count && UInt64(titleCodes[ti]) == code
                                let weight = j - i
                                if logWeight[weight].isNaN { logWeight[weight] = log(1 + Double(weight)) }
                                let term = logWeight[weight] + (inTitle ? 1 : 0)
                                for q in i..<j {
                                    let k = Int(truncatingIfNeeded: p[q] & 0xFFFF_FFFF)
                                    sums[k] += term
                                    ranks[fill[k]] = rank
                                    fill[k] += 1
                                }
                                rank += 1
                                i = j
                            }
                        }
                    }
                }
            }
        }
        content = [Double](repeating: 0, count: sentenceCount)
        for k in 0..<sentenceCount {
            let n = perSentence[k + 1] - perSentence[k]
            if n > 0 { content[k] = sums[k] / Double(n).squareRoot() }
        }
        self.offsets = perSentence
        self.ranks = ranks
    }

    /// Overlap of two sentences: the bigrams they share over the smaller count of distinct
    /// bigrams (0 when either has none).
    func similarity(_ a: Int, _ b: Int) -> Double {
        let a0 = offsets[a], a1 = offsets[a + 1], b0 = offsets[b], b1 = offsets[b + 1]
        guard a1 > a0, b1 > b0 else { return 0 }
        return ranks.withUnsafeBufferPointer { r in
            var i = a0, j = b0, common = 0
            while i < a1 && j < b1 {
                if r[i] < r[j] { i += 1 } else if r[i] > r[j] { j += 1 } else { common += 1; i += 1; j += 1 }
            }
            return Double(common) / Double(min(a1 - a0, b1 - b0))
        }
    }

    /// Sorts packed occurrences `code << 32 | sentence`, given in sentence order, by code and
    /// then sentence: a stable counting sort by the code's low half (the second character's
    /// rank), then one by its high half (the first's). Ranks are below `ranks`.
    static func sortByCode(_ pairs: inout [UInt64], ranks: Int) {
        let n = pairs.count
        guard n > 1 else { return }
        var second = [Int32](repeating: 0, count: ranks + 1)
        var first = [Int32](repeating: 0, count: ranks + 1)
        // Every place is written by the first scatter.
        var scratch = [UInt64](unsafeUninitializedCapacity: n) { _, count in count = n }
        pairs.withUnsafeMutableBufferPointer { p in
        scratch.withUnsafeMutableBufferPointer { t in
        second.withUnsafeMutableBufferPointer { second in
        first.withUnsafeMutableBufferPointer { first in
            for x in p {
                second[Int(truncatingIfNeeded: x >> 32) & 0xFFFF + 1] += 1
                first[Int(truncatingIfNeeded: x >> 48) + 1] += 1
            }
            for r in 0..<ranks {
                second[r + 1] += second[r]
                first[r + 1] += first[r]
            }
            for x in p {
                let r = Int(truncatingIfNeeded: x >> 32) & 0xFFFF
                t[Int(second[r])] = x
                second[r] += 1
            }
            for x in t {
                let r = Int(truncatingIfNeeded: x >> 48)
                p[Int(first[r])] = x
                first[r] += 1
            }
        }
        }
        }
        }
    }

    /// The codes (`first << 16 | second` of the characters' ranks) of the title's distinct
    /// bigrams that the body can have (both characters in its alphabet), ascending.
    static func titleCodes(_ title: String?, _ alphabet: BigramAlphabet) -> [UInt32] {
        guard let title else { return [] }
        var codes: [UInt32] = []
        var prev = -1
        for u in title.unicodeScalars {
            let x = BigramAlphabet.index(u.value)
            let r = x >= 0 && alphabet.contains(x) ? alphabet.rank(x) : -1
            if r >= 0 && prev >= 0 { codes.append(UInt32(prev << 16 | r)) }
            prev = r
        }
        codes.sort()
        var w = 0
        for q in codes.indices where w == 0 || codes[w - 1] != codes[q] {
            codes[w] = codes[q]
            w += 1
        }
        codes.removeLast(codes.count - w)
        return codes
    }
}
