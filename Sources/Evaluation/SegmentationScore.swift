/// Word-segmentation scoring as in the SIGHAN bakeoffs: a predicted word is correct when its
/// character span equals a gold word's span. Whitespace separates words and is not counted.
public struct SegmentationScore: Sendable, Equatable {
    public private(set) var goldWords = 0
    public private(set) var predictedWords = 0
    public private(set) var correctWords = 0
    /// Gold words not in the training vocabulary, and how many of them were found (when a
    /// vocabulary is given).
    public private(set) var oovGold = 0
    public private(set) var oovCorrect = 0
    /// Lines whose characters differ between gold and prediction (a tokenization bug).
    public private(set) var misalignedLines = 0
    public private(set) var lines = 0

    public init() {}

    public var precision: Double { predictedWords == 0 ? 0 : Double(correctWords) / Double(predictedWords) }
    public var recall: Double { goldWords == 0 ? 0 : Double(correctWords) / Double(goldWords) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    public var oovRecall: Double? { oovGold == 0 ? nil : Double(oovCorrect) / Double(oovGold) }

    /// Scores one line; returns whether it was segmented exactly like the gold.
    @discardableResult
    public mutating func add(gold: String, predicted: String, vocabulary: Set<String>? = nil) -> Bool {
        lines += 1
        let g = Self.spans(gold)
        let p = Self.spans(predicted)
        if g.chars != p.chars { misalignedLines += 1 }
        goldWords += g.spans.count
        predictedWords += p.spans.count
        let predictedSet = Set(p.spans.map { $0.start &* 1_000_003 &+ $0.end })
        var correct = 0
        for (k, span) in g.spans.enumerated() {
            let hit = predictedSet.contains(span.start &* 1_000_003 &+ span.end)
            if hit { correct += 1 }
            if let vocabulary, !vocabulary.contains(g.words[k]) {
                oovGold += 1
                if hit { oovCorrect += 1 }
            }
        }
        correctWords += correct
        return correct == g.spans.count && g.spans.count == p.spans.count
    }

    static func spans(_ line: String) -> (spans: [(start: Int, end: Int)], words: [String], chars: Int) {
        var spans: [(Int, Int)] = []
        var words: [String] = []
        var pos = 0
        for word in line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{3000}" || $0 == "\r" }) {
            let n = word.unicodeScalars.count
            spans.append((pos, pos + n))
            words.append(String(word))
            pos += n
        }
        return (spans.map { (start: $0.0, end: $0.1) }, words, pos)
    }
}
