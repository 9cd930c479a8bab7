import ChineseText
import Foundation
import Keywords

/// Scores keyphrase extraction on CSL keyword data (`csl_keywords/dev.tsv`).
///
/// The file has one abstract a line: `to keywords<TAB>TEXT<TAB>kw1_kw2_…`, where TEXT is the
/// abstract, a space and the paper's title, and the keywords are the authors'. Every document
/// gets its top `k` keyphrases (default 5) from TEXT; a keyphrase is correct when it equals one
/// of the authors' keywords exactly (after trimming white space; duplicates counted once).
///
/// Scores are micro-averaged over all documents: precision = correct / predicted, recall =
/// correct / gold, F1 their harmonic mean. `scripts/peers_keywords.py` uses the same scorer for
/// jieba, JioNLP and Kechuang.
public struct KeywordEvaluation: Sendable {
    /// Keyphrases taken per document.
    public let k: Int
    public let precision: Double
    public let recall: Double
    public let f1: Double
    /// Mean of the per-document F1 (macro average), for reference.
    public let macroF1: Double
    public let documents: Int
    public let correct: Int
    public let predicted: Int
    public let gold: Int
    /// Extraction time (seconds, excluding reading the file) and input size (UTF-8 bytes).
    public let seconds: Double
    public let bytes: Int
    /// The first documents whose keyphrases missed every gold keyword.
    public let failures: [String]

    /// Scores `tsvPath` with `KeywordExtractor(segmenter: .standard())`.
    ///
    /// `splitTitle` passes the title (the text after the last sentence-final punctuation and
    /// space) as the title; by default the whole TEXT is the body, as the peers get it.
    public static func run(tsvPath: String, k: Int = 5, splitTitle: Bool = false,
                           showFailures: Int = 0) throws -> KeywordEvaluation {
        let segmenter: Segmenter
        do { segmenter = try Segmenter.standard() } catch {
            throw KeywordError.unreadable(path: "segmenter", reason: "\(error)")
        }
        return try run(tsvPath: tsvPath, extractor: try KeywordExtractor(segmenter: segmenter), k: k,
                       splitTitle: splitTitle, showFailures: showFailures)
    }

    public static func run(tsvPath: String, extractor: KeywordExtractor, k: Int = 5, splitTitle: Bool = false,
                           showFailures: Int = 0) throws -> KeywordEvaluation {
        run(rows: try readRows(tsvPath), extractor: extractor, k: k, splitTitle: splitTitle, showFailures: showFailures)
    }

    /// Scores rows already read (see `readRows`).
    public static func run(rows: [Row], extractor: KeywordExtractor, k: Int = 5, splitTitle: Bool = false,
                           showFailures: Int = 0) -> KeywordEvaluation {
        var tally = Tally()
        var failures: [String] = []
        var seconds = 0.0
        var bytes = 0
        for row in rows {
            let (title, body) = splitTitle ? Self.splitTitle(row.text) : (nil, row.text)
            let started = DispatchTime.now().uptimeNanoseconds
            let predicted = extractor.keywords(title: title, body: body, count: k).map(\.text)
            seconds += Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            bytes += row.text.utf8.count
            let hits = tally.add(predicted: predicted, gold: row.keywords)
            if hits == 0 && failures.count < showFailures {
                failures.append("gold: \(row.keywords.joined(separator: " | "))\n  ours: \(predicted.joined(separator: " | "))")
            }
        }
        return KeywordEvaluation(k: k, precision: tally.precision, recall: tally.recall, f1: tally.f1, macroF1: tally.macroF1,
                                 documents: tally.documents, correct: tally.correct, predicted: tally.predicted,
                                 gold: tally.gold, seconds: seconds, bytes: bytes, failures: failures)
    }

    // MARK: Data

    /// One line of the file.
    public struct Row: Sendable {
        public var text: String
        public var keywords: [String]
    }

    /// The rows of a CSL keywords TSV file.
    public static func readRows(_ path: String) throws -> [Row] {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw KeywordError.unreadable(path: path, reason: error.localizedDescription)
        }
        var rows: [Row] = []
        var lineNumber = 0
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line[...]
            if trimmed.isEmpty { continue }
            let fields = trimmed.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 3 else {
                throw KeywordError.invalidData(path: path, line: lineNumber, reason: "expected 3 tab-separated fields, found \(fields.count)")
            }
            let keywords = fields[fields.count - 1].split(separator: "_").map { String($0).trimmingCharacters(in: .whitespaces) }
            rows.append(Row(text: String(fields[fields.count - 2]), keywords: keywords.filter { !$0.isEmpty }))
        }
        return rows
    }

    /// Splits CSL's "abstract title" text at the last sentence-final punctuation followed by a
    /// space; (nil, text) when there is none.
    public static func splitTitle(_ text: String) -> (title: String?, body: String) {
        let scalars = Array(text.unicodeScalars)
        var i = scalars.count - 1
        while i > 0 {
            if scalars[i] == " " && ".。!！?？".unicodeScalars.contains(scalars[i - 1]) {
                var title = String.UnicodeScalarView(); title.append(contentsOf: scalars[(i + 1)...])
                var body = String.UnicodeScalarView(); body.append(contentsOf: scalars[..<i])
                let t = String(title).trimmingCharacters(in: .whitespaces)
                return t.isEmpty ? (nil, text) : (t, String(body))
            }
            i -= 1
        }
        return (nil, text)
    }

    // MARK: Scoring

    /// Counts for P/R/F1@k over documents.
    public struct Tally: Sendable {
        public private(set) var documents = 0
        public private(set) var correct = 0
        public private(set) var predicted = 0
        public private(set) var gold = 0
        private var f1Sum = 0.0

        public init() {}

        /// Adds one document; returns its number of correct keyphrases.
        @discardableResult
        public mutating func add(predicted: [String], gold goldList: [String]) -> Int {
            var seen = Set<String>()
            let p = predicted.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && seen.insert($0).inserted }
            let g = Set(goldList.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
            let hits = p.filter { g.contains($0) }.count
            documents += 1
            correct += hits
            self.predicted += p.count
            gold += g.count
            let dp = p.isEmpty ? 0 : Double(hits) / Double(p.count)
            let dr = g.isEmpty ? 0 : Double(hits) / Double(g.count)
            f1Sum += dp + dr > 0 ? 2 * dp * dr / (dp + dr) : 0
            return hits
        }

        public var precision: Double { predicted == 0 ? 0 : Double(correct) / Double(predicted) }
        public var recall: Double { gold == 0 ? 0 : Double(correct) / Double(gold) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
        public var macroF1: Double { documents == 0 ? 0 : f1Sum / Double(documents) }
    }

    public var summary: String {
        func pct(_ x: Double) -> String { String(format: "%.2f", x * 100) }
        var s = "documents \(documents)  gold \(gold)  predicted \(predicted)  correct \(correct)\n"
        s += "P@\(k) \(pct(precision))  R@\(k) \(pct(recall))  F1@\(k) \(pct(f1))  (macro F1 \(pct(macroF1)))\n"
        s += String(format: "%.1f docs/s, %.2f MB/s", Double(documents) / max(seconds, 1e-9), Double(bytes) / 1e6 / max(seconds, 1e-9))
        for f in failures { s += "\n" + f }
        return s
    }
}
