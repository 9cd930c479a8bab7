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

    /// `scalars`, when given, are `ScalarArray.of(body)` (a caller that has them already).
    public func summarize(_ body: String, title: String? = nil, scalars given: [Unicode.Scalar]? = nil) -> String {
        let scalars = given ?? ScalarArray.of(body)
        let spans = EventExtractor.sentences(scalars)
        guard !spans.isEmpty else { return "" }
        let sentences = spans.map { SummarySentence(scalars, $0.0, $0.1) }
        // Content scores and overlaps of the sentences' bigrams (see `SummaryBigrams`).
        let grams = SummaryBigrams(scalars, spans.map { (start: $0.0, end: $0.1) }, title: title)
        var candidates: [(Int, Double)] = []
        for k in sentences.indices {
            let length = sentences[k].length
            let isHeading = length < 16 && !sentences[k].endsWithFullStop
            let isQuote = sentences[k].startsWithQuote
            if isHeading { continue }
            // The lead matters most in news: the first sentence counts double.
            var score = grams.content[k] * (1 + 1.0 / Double(1 + candidates.count))
            if isQuote { score *= 0.6 }
            if length > 150 { score *= 0.8 }
            candidates.append((k, score))
        }
        if candidates.isEmpty { candidates = sentences.indices.map { ($0, grams.content[$0]) } }
        let maxScore = candidates.map(\.1).max() ?? 1
        var chosen: [Int] = []
        var total = 0
        while chosen.count < maxSentences {
            var best: (Int, Double)?
            for (k, score) in candidates where !chosen.contains(k) {
                // The largest overlap with a chosen sentence (0 before the first).
                var overlap = 0.0
                for (m, c) in chosen.enumerated() {
                    let o = grams.similarity(c, k)
                    if m == 0 || o > overlap { overlap = o }
                }
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
