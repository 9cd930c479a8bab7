import GRDB

/// An entity across the corpus.
public struct EntitySummary: Sendable, Codable, Equatable {
    public var name: String
    public var type: String
    public var aliases: [String]
    /// Articles that mention it, and mentions in all.
    public var articles: Int
    public var mentions: Int
    /// The entities it appears with most often (name and shared articles).
    public var cooccurring: [Cooccurrence]
    /// First publication day it was seen.
    public var firstSeen: String?

    public struct Cooccurrence: Sendable, Codable, Equatable {
        public var name: String
        public var articles: Int
    }

    enum CodingKeys: String, CodingKey { case name, type, aliases, articles, mentions, cooccurring, firstSeen = "first_seen" }
}

extension CorpusStore {
    /// Entities by number of articles mentioning them.
    public func entities(type: String? = nil, limit: Int = 50, cooccurring: Int = 5) throws -> [EntitySummary] {
        try read { db in
            var args: [(any DatabaseValueConvertible)?] = []
            var cond = ""
            if let type { cond = "WHERE e.type = ?"; args.append(type) }
            args.append(limit)
            let rows = try Row.fetchAll(db, sql: """
                SELECT e.id, e.name, e.type, count(*) AS articles, sum(ae.mentions) AS mentions, min(a.published_day) AS first
                FROM entity e JOIN article_entity ae ON ae.entity_id = e.id JOIN article a ON a.id = ae.article_id
                \(cond) GROUP BY e.id ORDER BY articles DESC, mentions DESC, e.name LIMIT ?
                """, arguments: StatementArguments(args) ?? [])
            return try rows.map { r in
                let id: Int64 = r["id"]
                let name: String = r["name"]
                let aliases = try String.fetchAll(db, sql: "SELECT alias FROM entity_alias WHERE entity_id = ? AND alias <> ? ORDER BY alias",
                                                  arguments: [id, name])
                let co = try Row.fetchAll(db, sql: """
                    SELECT e2.name, count(*) AS n FROM article_entity x JOIN article_entity y ON y.article_id = x.article_id AND y.entity_id <> x.entity_id
                    JOIN entity e2 ON e2.id = y.entity_id WHERE x.entity_id = ? GROUP BY e2.id ORDER BY n DESC, e2.name LIMIT ?
                    """, arguments: [id, cooccurring]).map { EntitySummary.Cooccurrence(name: $0[0], articles: $0[1]) }
                return EntitySummary(name: name, type: r["type"], aliases: aliases, articles: r["articles"], mentions: r["mentions"],
                                     cooccurring: co, firstSeen: r["first"])
            }
        }
    }
}
