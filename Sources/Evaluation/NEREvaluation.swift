import ChineseText
import Entities
import Foundation

/// Entity-level named-entity scoring on a BIO file (People's Daily 1998 / MSRA style: one
/// character and its tag per line, `B-PER`/`I-PER`, `LOC`, `ORG`, `O`; a blank line between
/// sentences). A predicted span counts only when its start, end and type all equal a gold
/// span's (exact match, as conlleval). The recognizer is `EntityRecognizer.spans(_:)`.
///
/// The data is read at evaluation time only (research licence): nothing is copied or learned.
public struct NEREvaluation: Sendable {
    /// Counts and rates of one type, or of all types together.
    public struct Score: Sendable, Hashable {
        public var correct = 0
        public var predicted = 0
        public var gold = 0
        public var precision: Double { predicted == 0 ? 0 : Double(correct) / Double(predicted) }
        public var recall: Double { gold == 0 ? 0 : Double(correct) / Double(gold) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
        public init() {}
    }

    /// One sentence of the file: its text and its gold spans (scalar offsets).
    public struct Sentence: Sendable {
        public var text: String
        public var gold: [EntitySpan]
    }

    public let overall: Score
    /// Per type: PER, LOC, ORG.
    public let byType: [EntityType: Score]
    public let sentences: Int
    public let seconds: Double

    public var precision: Double { overall.precision }
    public var recall: Double { overall.recall }
    public var f1: Double { overall.f1 }
    public func score(_ type: EntityType) -> Score { byType[type] ?? Score() }

    /// Reads `bioPath`, tags every sentence with the bundled recognizer and scores it.
    public static func run(bioPath: String) throws -> NEREvaluation {
        try run(bioPath: bioPath, recognizer: try EntityRecognizer.bundled())
    }

    public static func run(bioPath: String, recognizer: EntityRecognizer) throws -> NEREvaluation {
        let sentences = try readSentences(bioPath: bioPath)
        let started = Date()
        var byType: [EntityType: Score] = [:]
        var overall = Score()
        for s in sentences {
            let predicted = recognizer.spans(s.text)
            add(gold: s.gold, predicted: predicted, overall: &overall, byType: &byType)
        }
        return NEREvaluation(overall: overall, byType: byType, sentences: sentences.count,
                             seconds: Date().timeIntervalSince(started))
    }

    /// Adds one sentence's exact-span matches to the counts.
    public static func add(gold: [EntitySpan], predicted: [EntitySpan], overall: inout Score,
                           byType: inout [EntityType: Score]) {
        let g = Set(gold), p = Set(predicted)
        for type in EntityType.allCases {
            let gt = g.filter { $0.type == type }, pt = p.filter { $0.type == type }
            var s = byType[type] ?? Score()
            s.gold += gt.count
            s.predicted += pt.count
            s.correct += gt.intersection(pt).count
            byType[type] = s
        }
        overall.gold += g.count
        overall.predicted += p.count
        overall.correct += g.intersection(p).count
    }

    /// The sentences of a BIO file with their gold spans.
    public static func readSentences(bioPath: String) throws -> [Sentence] {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: bioPath)) } catch {
            throw EvaluationError.unreadable(path: bioPath, reason: error.localizedDescription)
        }
        var sentences: [Sentence] = []
        var chars = String.UnicodeScalarView()
        var tags: [String] = []
        func flush() {
            if !tags.isEmpty { sentences.append(Sentence(text: String(chars), gold: spans(tags: tags))) }
            chars = String.UnicodeScalarView()
            tags = []
        }
        var lineNo = 0
        for raw in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNo += 1
            var line = String(decoding: raw, as: UTF8.self)
            if line.hasSuffix("\r") { line.removeLast() }
            if line.trimmingCharacters(in: .whitespaces).isEmpty { flush(); continue }
            // "字 TAG": the tag after the last space; the character before it (a space itself
            // when the line starts with two spaces).
            guard let sep = line.lastIndex(where: { $0 == " " || $0 == "\t" }) else {
                throw EvaluationError.invalidData(path: bioPath, line: lineNo, reason: "expected a character and a tag")
            }
            let tag = String(line[line.index(after: sep)...])
            var ch = String(line[..<sep])
            if ch.isEmpty { ch = " " }
            guard tag == "O" || tag.hasPrefix("B-") || tag.hasPrefix("I-") else {
                throw EvaluationError.invalidData(path: bioPath, line: lineNo, reason: "unknown tag '\(tag)'")
            }
            let scalars = ch.unicodeScalars
            chars.append(contentsOf: scalars)
            // A multi-scalar "character" keeps one tag per scalar, so offsets stay in scalars.
            tags.append(tag)
            for _ in scalars.dropFirst() { tags.append(tag.hasPrefix("B-") ? "I-" + tag.dropFirst(2) : tag) }
        }
        flush()
        return sentences
    }

    /// Spans of a BIO tag sequence; an I- tag after O or after another type starts a span.
    public static func spans(tags: [String]) -> [EntitySpan] {
        var out: [EntitySpan] = []
        var start = -1
        var type: EntityType?
        func close(_ end: Int) {
            if let t = type, start >= 0 { out.append(EntitySpan(start: start, end: end, type: t)) }
            start = -1
            type = nil
        }
        for (i, tag) in tags.enumerated() {
            if tag == "O" { close(i); continue }
            let t = entityType(String(tag.dropFirst(2)))
            if tag.hasPrefix("B-") || t != type {
                close(i)
                if let t { start = i; type = t }
            }
        }
        close(tags.count)
        return out
    }

    static func entityType(_ name: String) -> EntityType? {
        switch name {
        case "PER": return .person
        case "LOC": return .place
        case "ORG": return .organization
        default: return nil
        }
    }

    public var summary: String {
        var s = "sentences \(sentences)  gold \(overall.gold)  predicted \(overall.predicted)  correct \(overall.correct)  (\(String(format: "%.1f", seconds)) s)\n"
        s += "type      P       R       F1      gold  pred\n"
        for t in EntityType.allCases {
            let x = score(t)
            s += String(format: "%-5@ %7.4f %7.4f %7.4f %6d %5d\n", t.bioTag as NSString, x.precision, x.recall, x.f1, x.gold, x.predicted)
        }
        s += String(format: "%-5@ %7.4f %7.4f %7.4f %6d %5d", "ALL" as NSString, precision, recall, f1, overall.gold, overall.predicted)
        return s
    }

    /// One JSON line for the quality gate.
    public var jsonLine: String {
        var d: [String: Any] = ["precision": precision, "recall": recall, "f1": f1, "sentences": sentences]
        for t in EntityType.allCases { d["f1_" + t.bioTag] = score(t).f1 }
        guard let data = try? JSONSerialization.data(withJSONObject: d, options: [.sortedKeys]),
              let s = String(data: data, encoding: .utf8) else { return "{}" }
        return s
    }
}
