import GRDB

/// A merged story: one real-world event with every report of it.
public struct Story: Sendable, Codable, Equatable {
    public struct Report: Sendable, Codable, Equatable {
        public var articleId: Int64
        public var title: String?
        public var source: String?
        public var published: String?
        public var path: String
        public var date: String?
        public var evidence: String

        enum CodingKeys: String, CodingKey {
            case articleId = "article_id", title, source, published, path, date, evidence
        }
    }
    public var id: Int64
    public var type: String
    public var date: String?
    public var label: String
    public var summary: String
    public var parties: [String]
    public var reports: [Report]
    /// Distinct documents that report it.
    public var sourceCount: Int { Set(reports.map(\.path)).count }

    enum CodingKeys: String, CodingKey { case id, type, date, label, summary, parties, reports }
}

extension Story {
    /// The story of a `story` row (id, type, date, label, summary) with its parties, in order
    /// of first report, and its reports, by publication.
    static func load(_ r: Row, db: Database) throws -> Story {
        let id: Int64 = r["id"]
        let parties = try String.fetchAll(db, sql: """
            SELECT ep.party FROM event e JOIN event_party ep ON ep.event_id = e.id WHERE e.story_id = ?
            GROUP BY ep.party ORDER BY min(e.id), ep.party
            """, arguments: [id])
        let reports = try Row.fetchAll(db, sql: """
            SELECT a.id, a.title, a.source, a.published, a.source_path, e.date, e.evidence
            FROM event e JOIN article a ON a.id = e.article_id WHERE e.story_id = ? ORDER BY a.published_day, a.id, e.id
            """, arguments: [id]).map {
            Story.Report(articleId: $0[0], title: $0[1], source: $0[2], published: $0[3], path: $0[4], date: $0[5], evidence: $0[6])
        }
        return Story(id: id, type: r["type"], date: r["date"], label: r["label"], summary: r["summary"], parties: parties, reports: reports)
    }
}

extension CorpusStore {
    /// Stories (merged events), by date; undated stories last. `from`/`to` bound the story
    /// date (YYYY, YYYY-MM or YYYY-MM-DD); stories whose year is unknown (XXXX-…) are kept
    /// only without bounds.
    public func stories(from: String? = nil, to: String? = nil, type: String? = nil, minSources: Int = 1, limit: Int? = nil) throws -> [Story] {
        var cond: [String] = []
        var args: [(any DatabaseValueConvertible)?] = []
        if let from { cond.append("s.date >= ?"); args.append(SearchQuery.lowerDay(from)) }
        if let to { cond.append("s.date <= ? AND s.date NOT LIKE 'XXXX%'"); args.append(SearchQuery.upperDay(to) + "~") }
        if from != nil { cond.append("s.date NOT LIKE 'XXXX%'") }
        if let type { cond.append("s.type = ?"); args.append(type) }
        let whereClause = cond.isEmpty ? "" : "WHERE " + cond.joined(separator: " AND ")
        return try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT s.id, s.type, s.date, s.label, s.summary FROM story s \(whereClause)
                ORDER BY s.date IS NULL, replace(s.date, 'XXXX', '0000'), s.id
                """, arguments: StatementArguments(args) ?? [])
            var out: [Story] = []
            for r in rows {
                let story = try Story.load(r, db: db)
                if story.sourceCount >= minSources { out.append(story) }
            }
            if let limit, out.count > limit {
                // The most reported first, then by date.
                out = Array(out.enumerated().sorted { ($0.element.sourceCount, -$0.offset) > ($1.element.sourceCount, -$1.offset) }
                    .prefix(limit).sorted { $0.offset < $1.offset }.map(\.element))
            }
            return out
        }
    }
}
