import Analysis
import Foundation
import Pipeline
import Reading

/// Scores typed events against hand-annotated cases (JSON Lines: `id`, `published`, `text`,
/// `events` [{type, date, parties}], `acceptable` [types a reader could also defend]).
///
/// A gold event is found when the analysis gives an event of its type; a predicted event is
/// wrong when it matches no gold event and its type is not acceptable for the case. Dates
/// are compared exactly (2021-03-15, 2021-08) on found events that have a gold date; a gold
/// party is found when a predicted party equals it or one contains the other (长安汽车 /
/// 重庆长安汽车股份有限公司).
public enum EventEvaluation {
    public struct Result: Sendable {
        public var cases = 0
        public var gold = 0
        public var predicted = 0
        public var found = 0
        public var wrong = 0
        public var dated = 0
        public var datesRight = 0
        public var goldParties = 0
        public var partiesFound = 0
        public var failures: [String] = []

        public var recall: Double { gold == 0 ? 0 : Double(found) / Double(gold) }
        public var precision: Double { predicted == 0 ? 0 : Double(predicted - wrong) / Double(predicted) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
        public var dateAccuracy: Double { dated == 0 ? 0 : Double(datesRight) / Double(dated) }
        public var partyRecall: Double { goldParties == 0 ? 0 : Double(partiesFound) / Double(goldParties) }
    }

    struct Case: Decodable {
        struct GoldEvent: Decodable { var type: String; var date: String?; var parties: [String] }
        var id: String
        var published: String?
        var text: String
        var events: [GoldEvent]
        var acceptable: [String]?
    }

    public static func run(casesPath: String, analyzer: ArticleAnalyzer) throws -> Result {
        guard let data = FileManager.default.contents(atPath: casesPath) else {
            throw EvaluationError.unreadable(path: casesPath, reason: "no such file")
        }
        var result = Result()
        let decoder = JSONDecoder()
        for (n, line) in String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated() where !line.isEmpty {
            guard let c = try? decoder.decode(Case.self, from: Data(line.utf8)) else {
                throw EvaluationError.invalidData(path: casesPath, line: n + 1, reason: "not an event case")
            }
            result.cases += 1
            let article = Article(sourcePath: c.id, published: c.published, body: c.text, originalBody: c.text)
            let events = analyzer.analyze(article).events
            result.gold += c.events.count
            result.predicted += events.count
            var used = Set<Int>()
            for g in c.events {
                guard let k = events.indices.first(where: { !used.contains($0) && events[$0].type.rawValue == g.type }) else {
                    result.failures.append("\(c.id): missed \(g.type) \(g.date ?? "")")
                    continue
                }
                used.insert(k)
                result.found += 1
                let p = events[k]
                if let d = g.date {
                    result.dated += 1
                    if p.date == d { result.datesRight += 1 } else { result.failures.append("\(c.id): \(g.type) date \(p.date ?? "none") ≠ \(d)") }
                }
                for party in g.parties {
                    result.goldParties += 1
                    if p.parties.contains(where: { $0 == party || $0.contains(party) || party.contains($0) }) {
                        result.partiesFound += 1
                    } else {
                        result.failures.append("\(c.id): \(g.type) party \(party) not in \(p.parties)")
                    }
                }
            }
            for (k, p) in events.enumerated() where !used.contains(k) && !(c.acceptable ?? []).contains(p.type.rawValue) {
                result.wrong += 1
                result.failures.append("\(c.id): extra \(p.type.rawValue) “\(p.label)”")
            }
        }
        return result
    }
}
