import Analysis
import ChineseText
import Foundation
import Pipeline

/// The quality gate: measures every score it can on the shared evaluation data and compares
/// each with its floor in `eval/baseline.json`.
public struct QualityGate: Sendable {
    public let evalDirectory: String
    /// The project's own held-out event cases (eval/events_heldout.jsonl), scored when present.
    public let eventCases: String?

    public init(evalDirectory: String, eventCases: String? = nil) {
        self.evalDirectory = evalDirectory
        self.eventCases = eventCases
    }

    /// Metric name → measured value.
    public func measure() throws -> [String: Double] {
        var scores: [String: Double] = [:]
        let fm = FileManager.default
        func path(_ rel: String) -> String { (evalDirectory as NSString).appendingPathComponent(rel) }

        let pkuTest = path("sighan2005/pku_test.utf8"), pkuGold = path("sighan2005/pku_test_gold.utf8")
        if fm.fileExists(atPath: pkuTest) && fm.fileExists(atPath: pkuGold) {
            let seg = try Segmenter.standard()
            let r = try SegmentationEvaluation.run(segmenter: seg, test: pkuTest, gold: pkuGold, showFailures: 0)
            scores["segmentation.pku.f1"] = r.score.f1
            let noHMM = try SegmentationEvaluation.run(segmenter: seg, test: pkuTest, gold: pkuGold, hmm: false, showFailures: 0)
            scores["segmentation.pku.no_hmm.f1"] = noHMM.score.f1
            let words = path("sighan2005/pku_training_words.utf8")
            if fm.fileExists(atPath: words) {
                let withWords = try Segmenter.withUserDictionary(URL(fileURLWithPath: words))
                let r = try SegmentationEvaluation.run(segmenter: withWords, test: pkuTest, gold: pkuGold, showFailures: 0)
                scores["segmentation.pku.user_dict.f1"] = r.score.f1
            }
        }
        let cases = path("opencc/to_simplified_cases.jsonl")
        if fm.fileExists(atPath: cases) {
            let r = try ConversionEvaluation.run(casesPath: cases)
            scores["conversion.opencc.pass_rate"] = r.total == 0 ? 0 : Double(r.passed) / Double(r.total)
        }
        let jionlp = path("jionlp")
        if fm.fileExists(atPath: jionlp) {
            let r = JioNLPEvaluation.run(directory: jionlp)
            scores["jionlp.parse_time.pass_rate"] = r.timeParser.rate
            scores["jionlp.parse_money.pass_rate"] = r.moneyParser.rate
            scores["jionlp.extract_time.pass_rate"] = r.timeExtractor.rate
            scores["jionlp.extract_money.pass_rate"] = r.moneyExtractor.rate
        }
        let pages = path("web_extraction/pages"), gold = path("web_extraction/gold")
        if fm.fileExists(atPath: pages) && fm.fileExists(atPath: gold) {
            let r = try WebExtractionEvaluation.run(pagesDirectory: pages, goldDirectory: gold)
            scores["web_extraction.body.f1"] = r.bodyF1
            scores["web_extraction.author.accuracy"] = r.authorAccuracy
            scores["web_extraction.date.accuracy"] = r.dateAccuracy
        }
        let bio = path("peoples_daily_ner/dev.bio")
        if fm.fileExists(atPath: bio) {
            let r = try NEREvaluation.run(bioPath: bio)
            scores["ner.peoples_daily.f1"] = r.overall.f1
        }
        let csl = path("csl_keywords/dev.tsv")
        if fm.fileExists(atPath: csl) {
            scores["keywords.csl.f1_at_5"] = try KeywordEvaluation.run(tsvPath: csl, k: 5).f1
        }
        if let eventCases, fm.fileExists(atPath: eventCases) {
            let r = try EventEvaluation.run(casesPath: eventCases, analyzer: try ArticleAnalyzer())
            scores["events.heldout.f1"] = r.f1
            scores["events.heldout.date_accuracy"] = r.dateAccuracy
            scores["events.heldout.party_recall"] = r.partyRecall
        }
        return scores
    }

    public static func loadBaseline(path: String) throws -> [String: Double] {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw EvaluationError.unreadable(path: path, reason: error.localizedDescription)
        }
        guard let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw EvaluationError.invalidData(path: path, line: 1, reason: "expected a JSON object of metric → floor")
        }
        var floors: [String: Double] = [:]
        for (k, v) in obj {
            if k.hasPrefix("_") { continue }
            guard let x = (v as? NSNumber)?.doubleValue else {
                throw EvaluationError.invalidData(path: path, line: 1, reason: "floor of \(k) is not a number")
            }
            floors[k] = x
        }
        return floors
    }

    public struct Report: Sendable {
        public var lines: [String] = []
        public var failedCount = 0
        public var checkedCount = 0
        public var passed: Bool { failedCount == 0 }
    }

    /// Every floor must have a measured score at or above it (a missing score fails).
    public static func compare(scores: [String: Double], floors: [String: Double]) -> Report {
        var report = Report()
        for name in floors.keys.sorted() {
            let floor = floors[name] ?? 0
            report.checkedCount += 1
            guard let value = scores[name] else {
                report.failedCount += 1
                report.lines.append("FAIL \(name): not measured (floor \(formatted(floor)))")
                continue
            }
            // Scores are compared at four decimals, as printed.
            if (value * 10000).rounded() < (floor * 10000).rounded() {
                report.failedCount += 1
                report.lines.append("FAIL \(name): \(formatted(value)) < floor \(formatted(floor))")
            } else {
                report.lines.append("ok   \(name): \(formatted(value)) (floor \(formatted(floor)))")
            }
        }
        for name in scores.keys.sorted() where floors[name] == nil {
            report.lines.append("info \(name): \(formatted(scores[name] ?? 0)) (no floor)")
        }
        return report
    }
}
