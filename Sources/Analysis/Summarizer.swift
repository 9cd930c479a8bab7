import ChineseText
import Foundation

/// An extractive summary: two or three sentences of the body, in their original order, chosen
/// for their content and position and kept apart from each other (maximal marginal relevance
/// over character bigrams, so a repeated figure or a reworded sentence is not picked twice).
///
/// Content is the weight of the sentence's character bigrams in the whole article (frequent
/// bigrams such as 人工 智能 试验 make a sentence central); position favours the lead; very short
/// sentences (headings, captions) and quotations of officials are skipped when there is enough
/// else to choose from. Captions are not part of the body given here.
public struct Summarizer: Sendable {
    public var maxSentences = 3
    public var maxCharacters = 220

    public init() {}

    public func summarize(_ body: String, title: String? = nil) -> String {
        let scalars = ScalarArray.of(body)
        let spans = EventExtractor.sentences(scalars)
        guard !spans.isEmpty else { return "" }
        let sentences = spans.map { SummarySentence(scalars, $0.0, $0.1) }
        // Each sentence's distinct bigrams, sorted: weights are summed in that order (the same
        // sum in every run) and overlaps counted by merging.
        let sorted = sentences.map { Self.distinctSorted(Self.bigrams(scalars, $0.start, $0.end)) }
        // How many sentences have each bigram: all sentences' distinct bigrams sorted together,
        // as runs of equal values.
        var all: [UInt64] = []
        all.reserveCapacity(sorted.reduce(0) { $0 + $1.count })
        for g in sorted { all.append(contentsOf: g) }
        all.sort()
        var keys: [UInt64] = [], counts: [Double] = []
        var i = 0
        while i < all.count {
            var j = i + 1
            while j < all.count && all[j] == all[i] { j += 1 }
            keys.append(all[i]); counts.append(Double(j - i))
            i = j
        }
        let titleGrams = Self.distinctSorted(title.map(Self.bigrams) ?? [])
        func content(_ k: Int) -> Double {
            let g = sorted[k]
            guard !g.isEmpty else { return 0 }
            var s = 0.0
            var ti = 0
            for b in g {
                // `titleGrams` is sorted, and so is `g`: walk it along; `keys` by bisection.
                while ti < titleGrams.count && titleGrams[ti] < b { ti += 1 }
                var lo = 0, hi = keys.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if keys[mid] < b { lo = mid + 1 } else { hi = mid }
                }
                let weight = lo < keys.count && keys[lo] == b ? counts[lo] : 0
                s += log(1 + weight) + (ti < titleGrams.count && titleGrams[ti] == b ? 1 : 0)
            }
            return s / Double(g.count).squareRoot()
        }
        var candidates: [(Int, Double)] = []
        for k in sentences.indices {
            let length = sentences[k].length
            let isHeading = length < 16 && !sentences[k].endsWithFullStop
            let isQuote = sentences[k].startsWithQuote
            if isHeading { continue }
            // The lead matters most in news: the first sentence counts double.
            var score = content(k) * (1 + 1.0 / Double(1 + candidates.count))
            if isQuote { score *= 0.6 }
            if length > 150 { score *= 0.8 }
            candidates.append((k, score))
        }
        if candidates.isEmpty { candidates = sentences.indices.map { ($0, content($0)) } }
        let maxScore = candidates.map(\.1).max() ?? 1
        var chosen: [Int] = []
        var total = 0
        while chosen.count < maxSentences {
            var best: (Int, Double)?
            for (k, score) in candidates where !chosen.contains(k) {
                let overlap = chosen.map { Self.similarity(sorted[$0], sorted[k]) }.max() ?? 0
                let mmr = 0.7 * score / max(maxScore, 1e-9) - 0.3 * overlap
                if overlap > 0.5 { continue }
                if let b = best, !(mmr > b.1) { continue }
                best = (k, mmr)
            }
            guard let (k, _) = best else { break }
            if !chosen.isEmpty && total + sentences[k].length > maxCharacters { break }
            chosen.append(k)
            total += sentences[k].length
            if chosen.count >= 2 && total > maxCharacters * 2 / 3 { break }
        }
        // `ScalarString.make` holds exactly the given scalars, as a `String.UnicodeScalarView` built
        // from them does, and `+=` joins the UTF-8 bytes: the same string, without the generic
        // `append(contentsOf:)` path.
        var out = ""
        for k in chosen.sorted() { out += ScalarString.make(scalars, sentences[k].start, sentences[k].end) }
        return out
    }

    /// Bigrams of the CJK characters, ASCII digits and letters among the scalars `start..<end`
    /// of a text: adjacent kept scalars, packed into integers.
    static func bigrams(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> [UInt64] {
        var out: [UInt64] = []
        out.reserveCapacity(end - start)
        var prev: UInt32 = 0
        for i in start..<end {
            let v = s[i].value
            let keep = (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
            if keep {
                if prev != 0 { out.append(UInt64(prev) << 32 | UInt64(v)) }
                prev = v
            } else {
                prev = 0
            }
        }
        return out
    }

    /// The distinct values of `v`, ascending.
    static func distinctSorted(_ v: [UInt64]) -> [UInt64] {
        var out = v.sorted()
        var w = 0
        for x in out where w == 0 || out[w - 1] != x { out[w] = x; w += 1 }
        out.removeLast(out.count - w)
        return out
    }

    /// Overlap of two sentences, given as sorted distinct bigrams: the bigrams they share over
    /// the smaller count (the intersection counted by a merge).
    static func similarity(_ a: [UInt64], _ b: [UInt64]) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var i = 0, j = 0, common = 0
        while i < a.count && j < b.count {
            if a[i] < b[j] { i += 1 } else if a[i] > b[j] { j += 1 } else { common += 1; i += 1; j += 1 }
        }
        return Double(common) / Double(min(a.count, b.count))
    }

    /// Character bigrams of the CJK characters and digits of `s`, packed into integers.
    static func bigrams(_ s: String) -> [UInt64] {
        let scalars = ScalarArray.of(s)
        return bigrams(scalars, 0, scalars.count)
    }
}

/// One sentence of the body: its scalar span and the `Character`-level facts the summarizer
/// asks of it. When every scalar is simple (`ScalarText.isSimple`: a grapheme cluster on its
/// own, no canonical decomposition) characters are scalars, so the count is the span's length
/// and the first/last character tests are scalar tests; otherwise the `String` answers.
struct SummarySentence {
    let start: Int
    let end: Int
    /// `String.count` of the sentence.
    let length: Int
    /// `hasSuffix("。")`.
    let endsWithFullStop: Bool
    /// `hasPrefix("“") || hasPrefix("\"")`.
    let startsWithQuote: Bool

    init(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) {
        self.start = start
        self.end = end
        var simple = true
        for i in start..<end where !ScalarText.isSimple(scalars[i].value) { simple = false; break }
        if simple {
            length = end - start
            endsWithFullStop = end > start && scalars[end - 1] == "。"
            startsWithQuote = end > start && (scalars[start] == "“" || scalars[start] == "\"")
        } else {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: scalars[start..<end])
            let s = String(v)
            length = s.count
            endsWithFullStop = s.hasSuffix("。")
            startsWithQuote = s.hasPrefix("“") || s.hasPrefix("\"")
        }
    }
}
