import ChineseText
import Foundation

/// Segments a SIGHAN test file and scores it against the gold file.
public struct SegmentationEvaluation: Sendable {
    public let score: SegmentationScore
    public let failures: [String]
    public let seconds: Double

    public static func run(segmenter: Segmenter, test: String, gold: String, hmm: Bool = true,
                           vocabulary: String? = nil, showFailures: Int = 10) throws -> SegmentationEvaluation {
        let testLines = try EvalFiles.lines(test)
        let goldLines = try EvalFiles.lines(gold)
        guard testLines.count == goldLines.count else {
            throw EvaluationError.mismatch("\(test) has \(testLines.count) lines but \(gold) has \(goldLines.count)")
        }
        let vocab: Set<String>? = try vocabulary.map { Set(try EvalFiles.lines($0).map { $0.trimmingCharacters(in: .whitespaces) }) }
        var score = SegmentationScore()
        var failures: [String] = []
        let started = Date()
        for (k, line) in testLines.enumerated() {
            let words = segmenter.cut(line, hmm: hmm).filter { !$0.allSatisfy(\.isWhitespace) }
            let predicted = words.joined(separator: " ")
            let exact = score.add(gold: goldLines[k], predicted: predicted, vocabulary: vocab)
            if !exact && failures.count < showFailures {
                failures.append("line \(k + 1)\n  gold: \(goldLines[k].split(separator: " ").joined(separator: " "))\n  ours: \(predicted)")
            }
        }
        return SegmentationEvaluation(score: score, failures: failures, seconds: Date().timeIntervalSince(started))
    }

    public var summary: String {
        var s = "lines \(score.lines)  gold words \(score.goldWords)  predicted \(score.predictedWords)  correct \(score.correctWords)\n"
        s += "precision \(formatted(score.precision))  recall \(formatted(score.recall))  F1 \(formatted(score.f1))"
        if let oov = score.oovRecall { s += "  OOV recall \(formatted(oov))" }
        if score.misalignedLines > 0 { s += "\nwarning: \(score.misalignedLines) lines differ in their characters" }
        return s
    }

    public var jsonLine: String {
        var d: [String: Any] = ["precision": score.precision, "recall": score.recall, "f1": score.f1, "lines": score.lines]
        if let oov = score.oovRecall { d["oov_recall"] = oov }
        return EvalFiles.json(d)
    }
}
