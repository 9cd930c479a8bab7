import ArgumentParser
import ChineseText
import Corpus
import Foundation

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Full-text search of the corpus (Chinese words and phrases, BM25 ranking, highlighted snippets).",
        discussion: """
        Space-separated terms must all match; each term is matched as a phrase of its words \
        (大数据研究院 → 大数据 研究院 in a row); a two-character word also finds the longer words \
        that contain it (重庆 finds 重庆市). Traditional characters in the query are converted. Filters: --from/--to (publication \
        day, YYYY[-MM[-DD]]), --type (event type), --entity (name or alias), --tech, --industry \
        (an industry or one of the nine categories). Without words, lists articles matching the filters.
        """
    )

    @OptionGroup var corpus: CorpusOptions
    @Argument(help: "Words or phrases.") var query: [String] = []
    @Option(help: "From this publication day.") var from: String?
    @Option(help: "Up to this publication day.") var to: String?
    @Option(name: .customLong("type"), help: "Event type: \(EventTypes.list).") var eventType: String?
    @Option(help: "Organization, place or person (name or alias).") var entity: String?
    @Option(help: "Technology term (e.g. 人工智能, 5G).") var tech: String?
    @Option(help: "Industry or industry category.") var industry: String?
    @Option(help: "Maximum results.") var limit: Int = 20
    @Flag(help: "JSON Lines output.") var json = false
    @Option(help: ArgumentHelp("Run every query of this file (one per line; options after a tab) and print hit counts and latency percentiles.",
                               valueName: "file"))
    var queries: String?

    func run() throws {
        if let queries { return try runBatch(queries) }
        if let t = eventType, !EventTypes.all.contains(t) { throw ValidationError("--type must be one of \(EventTypes.list)") }
        let store = try corpus.open()
        var text = query.joined(separator: " ")
        if let conv = try? ChineseConverter(profile: .auto) { text = conv.convert(text) }
        let q = SearchQuery(text: text, from: from, to: to, eventType: eventType, entity: entity, technology: tech, industry: industry, limit: limit)
        let hits: [SearchHit]
        do { hits = try store.search(q) } catch { throw CommandFailure("\(error)") }
        if json {
            for h in hits { print(try JSONOut.string(h)) }
            return
        }
        if hits.isEmpty { print("no match"); return }
        for h in hits {
            var head = "[\(h.id)] \(h.title ?? "(untitled)")"
            var meta: [String] = []
            if let p = h.published { meta.append(String(p.prefix(10))) }
            if let s = h.source { meta.append(s) }
            if let d = h.duplicateOf { meta.append("reprint of [\(d)]") }
            if !meta.isEmpty { head += "  — " + meta.joined(separator: " · ") }
            print(head)
            print("    \(h.path)\(h.part > 0 ? " #\(h.part)" : "")")
            print("    \(h.snippet.replacingOccurrences(of: "\n", with: " "))")
        }
    }
}

extension Search {
    /// Batch mode: each line is `QUERY` or `QUERY<TAB>--option value …`; one store, timed per query.
    func runBatch(_ file: String) throws {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { throw ValidationError("cannot read \(file)") }
        let store = try corpus.open()
        var times: [Double] = []
        var hitsTotal = 0
        for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let parts = line.split(separator: "\t", maxSplits: 1)
            var args = parts[0].split(separator: " ").map(String.init)
            if parts.count > 1 { args += parts[1].split(separator: " ").map(String.init) }
            let cmd = try Search.parse(args)
            let q = SearchQuery(text: cmd.query.joined(separator: " "), from: cmd.from, to: cmd.to, eventType: cmd.eventType,
                                entity: cmd.entity, technology: cmd.tech, industry: cmd.industry, limit: limit)
            let t0 = DispatchTime.now().uptimeNanoseconds
            let hits = try store.search(q)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
            hitsTotal += hits.count
            print("\(hits.count)\t\(String(format: "%.2f", times.last ?? 0)) ms\t\(line)")
        }
        guard !times.isEmpty else { return }
        let sorted = times.sorted()
        func pct(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
        print(String(format: "search: %d queries, %.1f hits each, p50 %.2f ms, p95 %.2f ms, max %.2f ms",
                     times.count, Double(hitsTotal) / Double(times.count), pct(0.5), pct(0.95), sorted.last ?? 0))
    }
}

enum EventTypes {
    static let all = ["cooperation", "approval", "establishment", "policy", "investment", "project", "launch", "meeting", "appointment", "ranking", "achievement"]
    static var list: String { all.joined(separator: ", ") }
}
