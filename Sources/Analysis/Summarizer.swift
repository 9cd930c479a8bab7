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
        let scalars = Array(body.unicodeScalars)
        let spans = EventExtractor.sentences(scalars)
        guard !spans.isEmpty else { return "" }
        let sentences = spans.map { String(String.UnicodeScalarView(scalars[$0.0..<$0.1])) }
        let grams = sentences.map(Self.bigrams)
        var weight: [UInt64: Double] = [:]
        for g in grams { for b in Set(g) { weight[b, default: 0] += 1 } }
        let titleGrams = Set(title.map(Self.bigrams) ?? [])
        func content(_ k: Int) -> Double {
            let g = Set(grams[k])
            guard !g.isEmpty else { return 0 }
            var s = 0.0
            for b in g { s += log(1 + (weight[b] ?? 0)) + (titleGrams.contains(b) ? 1 : 0) }
            return s / Double(g.count).squareRoot()
        }
        var candidates: [(Int, Double)] = []
        for k in sentences.indices {
            let length = sentences[k].count
            let isHeading = length < 16 && !sentences[k].hasSuffix("。")
            let isQuote = sentences[k].hasPrefix("“") || sentences[k].hasPrefix("\"")
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
                let overlap = chosen.map { Self.similarity(grams[$0], grams[k]) }.max() ?? 0
                let mmr = 0.7 * score / max(maxScore, 1e-9) - 0.3 * overlap
                if overlap > 0.5 { continue }
                if best == nil || mmr > best!.1 { best = (k, mmr) }
            }
            guard let (k, _) = best else { break }
            if !chosen.isEmpty && total + sentences[k].count > maxCharacters { break }
            chosen.append(k)
            total += sentences[k].count
            if chosen.count >= 2 && total > maxCharacters * 2 / 3 { break }
        }
        return chosen.sorted().map { sentences[$0] }.joined()
    }

    /// Character bigrams of the CJK characters and digits, packed into integers.
    static func bigrams(_ s: String) -> [UInt64] {
        var out: [UInt64] = []
        var prev: UInt32 = 0
        for u in s.unicodeScalars {
            let v = u.value
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

    /// Share of the smaller sentence's bigrams found in the other.
    static func similarity(_ a: [UInt64], _ b: [UInt64]) -> Double {
        let sa = Set(a), sb = Set(b)
        guard !sa.isEmpty, !sb.isEmpty else { return 0 }
        return Double(sa.intersection(sb).count) / Double(min(sa.count, sb.count))
    }
}
