import Analysis
import Foundation
import GRDB

/// A Markdown briefing of a period: the overview, top stories with their sources, new
/// organizations, technologies on the rise, conflicting figures to check, industries.
public struct BriefingOptions: Sendable {
    /// Period bounds (YYYY, YYYY-MM or YYYY-MM-DD), inclusive; nil = the whole corpus
    /// (articles without a date included).
    public var from: String?
    public var to: String?
    public var topStories = 10
    public var newOrganizations = 10
    public var technologies = 10

    public init(from: String? = nil, to: String? = nil) {
        self.from = from
        self.to = to
    }
}

extension CorpusStore {
    public func briefing(_ o: BriefingOptions) throws -> String {
        let lo = o.from.map(SearchQuery.lowerDay)
        let hi = o.to.map { SearchQuery.upperDay($0) + "~" }
        let bounded = lo != nil || hi != nil
        // Articles of the period.
        var cond: [String] = []
        var args: [(any DatabaseValueConvertible)?] = []
        if let lo { cond.append("a.published_day >= ?"); args.append(lo) }
        if let hi { cond.append("a.published_day <= ?"); args.append(hi) }
        let inPeriod = cond.isEmpty ? "1" : cond.joined(separator: " AND ")
        let periodArgs = StatementArguments(args) ?? []

        return try read { db in
            var s = "# 科创简报"
            s += bounded ? "：\(o.from ?? "…") 至 \(o.to ?? "…")\n\n" : "（全部文章）\n\n"
            let articles = try Int.fetchOne(db, sql: "SELECT count(*) FROM article a WHERE \(inPeriod)", arguments: periodArgs) ?? 0
            let reprints = try Int.fetchOne(db, sql: "SELECT count(*) FROM article a WHERE \(inPeriod) AND a.duplicate_of IS NOT NULL", arguments: periodArgs) ?? 0
            let sources = try Int.fetchOne(db, sql: "SELECT count(DISTINCT coalesce(a.source, a.source_path)) FROM article a WHERE \(inPeriod)", arguments: periodArgs) ?? 0
            let storyIds = try Int64.fetchAll(db, sql: """
                SELECT DISTINCT e.story_id FROM event e JOIN article a ON a.id = e.article_id WHERE \(inPeriod) AND e.story_id IS NOT NULL
                """, arguments: periodArgs)
            // Conflicts on figures reported in the period (by either side).
            let conflictRows = try Row.fetchAll(db, sql: """
                SELECT c.quantity_a, c.quantity_b, c.claim_key, c.subject, c.indicator FROM conflict c
                WHERE EXISTS (SELECT 1 FROM quantity q JOIN article a ON a.id = q.article_id
                              WHERE q.claim_key = c.claim_key AND q.value IN (c.value_a, c.value_b) AND \(inPeriod))
                ORDER BY c.claim_key
                """, arguments: periodArgs)
            let conflictCount = conflictRows.count
            s += "本期共 \(articles) 篇文章（其中转载 \(reprints) 篇），来自 \(sources) 个来源；归并为 \(storyIds.count) 个事件，发现 \(conflictCount) 处数字不一致。\n\n"

            // Top stories: most sources first, then dated before undated.
            s += "## 重点事件\n\n"
            let stories = try Self.storiesById(storyIds, db: db)
                .sorted { ($0.sourceCount, $0.date != nil ? 1 : 0, -$0.id) > ($1.sourceCount, $1.date != nil ? 1 : 0, -$1.id) }
                .prefix(o.topStories)
            if stories.isEmpty { s += "（无）\n\n" }
            for st in stories {
                let type = Event.Kind(rawValue: st.type).flatMap { AnalysisRecord.eventTypeNames[$0] } ?? st.type
                s += "- **\(st.date ?? "日期不详")** [\(type)] \(st.summary)"
                if !st.parties.isEmpty { s += "（\(st.parties.joined(separator: "、"))）" }
                let names = Self.uniqueSources(st.reports)
                let shown = names.prefix(Self.sourcesShown).joined(separator: "；")
                s += "\n  来源（\(st.sourceCount)）：\(shown)" + (names.count > Self.sourcesShown ? "；等" : "") + "\n"
            }
            s += "\n"

            // New organizations: first seen in this period.
            s += bounded ? "## 新出现的机构\n\n" : "## 主要机构\n\n"
            let orgs = try Row.fetchAll(db, sql: """
                SELECT e.name, count(*) AS n FROM entity e JOIN article_entity ae ON ae.entity_id = e.id JOIN article a ON a.id = ae.article_id
                WHERE e.type = 'organization' AND \(inPeriod)
                  AND NOT EXISTS (SELECT 1 FROM article_entity ae2 JOIN article a2 ON a2.id = ae2.article_id
                                  WHERE ae2.entity_id = e.id AND a2.published_day < ?)
                GROUP BY e.id ORDER BY n DESC, e.name LIMIT ?
                """, arguments: periodArgs + [lo ?? "", o.newOrganizations])
            s += orgs.isEmpty ? "（无）\n\n" : orgs.map { "- \($0[0] as String)（\($0[1] as Int) 篇）" }.joined(separator: "\n") + "\n\n"

            // Technologies: this period against the previous period of the same length.
            s += "## 技术热度\n\n"
            let tech = try Row.fetchAll(db, sql: """
                SELECT t.term, t.category, count(*) AS n, sum(t.count) AS mentions FROM technology t JOIN article a ON a.id = t.article_id
                WHERE \(inPeriod) GROUP BY t.term ORDER BY n DESC, mentions DESC, t.term LIMIT ?
                """, arguments: periodArgs + [o.technologies])
            var previous: [String: Int] = [:]
            if let lo, let hiDay = o.to.map(SearchQuery.upperDay), let (pLo, pHi) = Self.previousPeriod(lo, hiDay) {
                for r in try Row.fetchAll(db, sql: """
                    SELECT t.term, count(*) FROM technology t JOIN article a ON a.id = t.article_id
                    WHERE a.published_day >= ? AND a.published_day <= ? GROUP BY t.term
                    """, arguments: [pLo, pHi]) { previous[r[0]] = r[1] }
            }
            if tech.isEmpty { s += "（无）\n\n" } else {
                s += "| 技术 | 类别 | 文章数 | 提及次数 |" + (previous.isEmpty ? "" : " 上期 |") + "\n"
                s += "|---|---|---|---|" + (previous.isEmpty ? "" : "---|") + "\n"
                for r in tech {
                    let term: String = r[0]
                    s += "| \(term) | \(r[1] as String) | \(r[2] as Int) | \(r[3] as Int) |"
                    if !previous.isEmpty { s += " \(previous[term] ?? 0) |" }
                    s += "\n"
                }
                s += "\n"
            }

            // Conflicts.
            s += "## 待核实的数字\n\n"
            let conflicts = conflictRows
            if conflicts.isEmpty { s += "（无）\n\n" }
            for c in conflicts {
                guard let a = try Self.side(c[0], key: c[2], db: db), let b = try Self.side(c[1], key: c[2], db: db) else { continue }
                let subject: String? = c[3]
                s += "- **\(subject.map { $0 + "：" } ?? "")\(c[4] as String)**：\(a.text) 与 \(b.text)\n"
                for side in [a, b] {
                    s += "  - \(side.text) — \(side.source ?? side.title ?? side.path)\(side.published.map { "，\($0.prefix(10))" } ?? "")：“\(side.sentence)”\n"
                }
            }
            s += "\n"

            // Industries.
            s += "## 行业分布\n\n"
            let ind = try Row.fetchAll(db, sql: """
                SELECT i.category, count(DISTINCT i.article_id) AS n, group_concat(DISTINCT i.name) FROM industry i JOIN article a ON a.id = i.article_id
                WHERE \(inPeriod) GROUP BY i.category ORDER BY n DESC, i.category
                """, arguments: periodArgs)
            s += ind.isEmpty ? "（无）\n" : ind.map { "- \($0[0] as String)：\($0[1] as Int) 篇（\((($0[2] as String?) ?? "").replacingOccurrences(of: ",", with: "、"))）" }.joined(separator: "\n") + "\n"
            return s
        }
    }

    static func storiesById(_ ids: [Int64], db: Database) throws -> [Story] {
        try ids.compactMap { id in
            guard let r = try Row.fetchOne(db, sql: "SELECT id, type, date, label, summary FROM story WHERE id = ?", arguments: [id]) else { return nil }
            return try Story.load(r, db: db)
        }
    }

    /// Sources listed per story.
    static let sourcesShown = 5

    /// One line per reporting document: source (or file name), date and title.
    static func uniqueSources(_ reports: [Story.Report]) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for r in reports where seen.insert(r.path).inserted {
            var parts: [String] = [r.source ?? (r.path as NSString).lastPathComponent]
            if let p = r.published { parts.append(String(p.prefix(10))) }
            if let t = r.title { parts.append("《\(t)》") }
            out.append(parts.joined(separator: " "))
        }
        return out
    }

    /// The period of the same length just before [lo, hi] (days as YYYY-MM-DD).
    static func previousPeriod(_ lo: String, _ hi: String) -> (String, String)? {
        let f = DateFormatter()
        f.dateFormat = "yyyy-MM-dd"
        f.timeZone = TimeZone(identifier: "Asia/Shanghai")
        guard let a = f.date(from: String(lo.prefix(10))), let b = f.date(from: String(hi.prefix(10))), b >= a else { return nil }
        let length = b.timeIntervalSince(a) + 86400
        return (f.string(from: a.addingTimeInterval(-length)), f.string(from: a.addingTimeInterval(-86400)))
    }
}
