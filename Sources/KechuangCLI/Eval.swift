import Pipeline
import ArgumentParser
import ChineseText
import Entities
import Evaluation
import Foundation

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score Kechuang against evaluation data.",
        subcommands: [EvalSegmentation.self, EvalConversion.self, EvalExtraction.self, EvalKeywords.self, EvalNER.self, EvalEvents.self, EvalGate.self]
    )
}

struct EvalSegmentation: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segmentation",
        abstract: "Word precision/recall/F1 against a gold segmentation (SIGHAN format)."
    )

    @Option(help: "The unsegmented test file, one sentence per line.") var test: String
    @Option(help: "The gold file: the same lines, words separated by spaces.") var gold: String
    @Option(name: .customLong("user-dict"), help: "A user dictionary to load first.") var userDict: String?
    @Option(name: .customLong("train-words"), help: "The training vocabulary, for out-of-vocabulary recall.") var trainWords: String?
    @Flag(name: .customLong("no-hmm"), help: "Do not use the HMM.") var noHMM = false
    @Option(help: "How many wrongly segmented lines to print.") var show = 10
    @Flag(help: "Print the scores as JSON.") var json = false

    func run() throws {
        let segmenter = try userDict.map { try Segmenter.withUserDictionary(URL(fileURLWithPath: $0)) } ?? Segmenter.standard()
        let result = try SegmentationEvaluation.run(
            segmenter: segmenter, test: test, gold: gold, hmm: !noHMM,
            vocabulary: trainWords, showFailures: show)
        if json {
            print(result.jsonLine)
        } else {
            for failure in result.failures { print(failure) }
            print(result.summary)
        }
    }
}

struct EvalConversion: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conversion",
        abstract: "Pass count on conversion cases (JSON Lines: id, config, input, expected)."
    )

    @Option(help: "The cases file.") var cases: String
    @Flag(help: "Print the scores as JSON.") var json = false

    func run() throws {
        let result = try ConversionEvaluation.run(casesPath: cases)
        if json {
            print(result.jsonLine)
        } else {
            for failure in result.failures { print(failure) }
            print(result.summary)
        }
        if result.passed < result.total { throw ExitCode(1) }
    }
}

struct EvalGate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gate",
        abstract: "Run every scorer on the shared evaluation data and fail when a score is below its floor.",
        discussion: "The floors live in eval/baseline.json: {\"metric\": floor, ...}."
    )

    @Option(help: "The baseline file with the floors.") var baseline = "eval/baseline.json"
    @Option(name: .customLong("eval-dir"), help: "The shared evaluation data.") var evalDir = "../shared/eval"

    func run() throws {
        let events = ((baseline as NSString).deletingLastPathComponent as NSString).appendingPathComponent("events_heldout.jsonl")
        let gate = QualityGate(evalDirectory: evalDir, eventCases: events)
        let scores = try gate.measure()
        let floors = try QualityGate.loadBaseline(path: baseline)
        let report = QualityGate.compare(scores: scores, floors: floors)
        for line in report.lines { print(line) }
        if !report.passed {
            print("quality gate: FAILED (\(report.failedCount) below floor)")
            throw ExitCode(1)
        }
        print("quality gate: passed (\(report.checkedCount) metrics at or above their floors)")
    }
}

struct EvalNER: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ner",
        abstract: "Entity precision/recall/F1 (PER, LOC, ORG) against a BIO file (one character and tag per line)."
    )

    @Option(help: "The BIO file.") var bio: String
    @Flag(help: "Print the predicted spans per sentence (start-end-TYPE), for scripts/peers_ner.py.") var spans = false

    func run() throws {
        if spans {
            let r = try EntityRecognizer.bundled()
            var out = Output()
            for s in try NEREvaluation.readSentences(bioPath: bio) {
                out.write(r.spans(s.text).map { "\($0.start)-\($0.end)-\($0.type.bioTag)" }.joined(separator: " ") + "\n")
            }
            out.flush()
            return
        }
        print(try NEREvaluation.run(bioPath: bio).summary)
    }
}

struct EvalEvents: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Typed events against hand-annotated cases: found/wrong events, date accuracy, party recall.",
        discussion: "The cases (JSON Lines: id, published, text, events [{type, date, parties}], acceptable) default to the project's held-out set, eval/events_heldout.jsonl."
    )

    @Option(help: "The cases file.") var cases = "eval/events_heldout.jsonl"
    @Option(help: "Print up to this many failures.") var showFailures = 40

    func run() throws {
        let r = try EventEvaluation.run(casesPath: cases, analyzer: try ArticleAnalyzer())
        print("\(r.cases) cases, \(r.gold) gold events, \(r.predicted) predicted: found \(r.found), wrong \(r.wrong)")
        print(String(format: "event precision %.4f recall %.4f F1 %.4f; dates right %d/%d (%.4f); parties found %d/%d (%.4f)",
                     r.precision, r.recall, r.f1, r.datesRight, r.dated, r.dateAccuracy, r.partiesFound, r.goldParties, r.partyRecall))
        for f in r.failures.prefix(showFailures) { print("  \(f)") }
    }
}
