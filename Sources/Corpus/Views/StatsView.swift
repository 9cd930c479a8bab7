import GRDB

/// Corpus statistics per month and per industry.
public struct CorpusStats: Sendable, Codable, Equatable {
    public struct Month: Sendable, Codable, Equatable {
        public var month: String          // YYYY-MM, or "unknown"
        public var articles: Int
        public var events: Int
        public var technologies: [Count]
    }
    public struct Count: Sendable, Codable, Equatable {
        public var name: String
        public var count: Int
    }
    public struct Industry: Sendable, Codable, Equatable {
        public var category: String
        public var articles: Int
        public var industries: [Count]
    }
    public var articles: Int
    public var duplicates: Int
    public var stories: Int
    public var events: Int
    public var conflicts: Int
    public var months: [Month]
    public var industries: [Industry]
    public var technologies: [Count]
}

extension CorpusStore {
    public func stats(topTechnologies: Int = 5) throws -> CorpusStats {
        try read { db in
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
            let monthExpr = "coalesce(substr(a.published_day, 1, 7), 'unknown')"
            let monthRows = try Row.fetchAll(db, sql: """
                SELECT \(monthExpr) AS m, count(*) AS n FROM article a GROUP BY m ORDER BY m = 'unknown', m
                """)
            var events: [String: Int] = [:]
            for r in try Row.fetchAll(db, sql: """
                SELECT \(monthExpr) AS m, count(*) FROM event e JOIN article a ON a.id = e.article_id GROUP BY m
                """) { events[r[0]] = r[1] }
            // Technologies per month in one pass, the top ones kept per month.
            var techByMonth: [String: [CorpusStats.Count]] = [:]
            for r in try Row.fetchAll(db, sql: """
                SELECT \(monthExpr) AS m, t.term, count(*) AS n FROM technology t JOIN article a ON a.id = t.article_id
                GROUP BY m, t.term ORDER BY m, n DESC, t.term
                """) {
                let m: String = r[0]
                if techByMonth[m, default: []].count < topTechnologies { techByMonth[m, default: []].append(.init(name: r[1], count: r[2])) }
            }
            let months: [CorpusStats.Month] = monthRows.map { r in
                let m: String = r["m"]
                return .init(month: m, articles: r["n"], events: events[m] ?? 0, technologies: techByMonth[m] ?? [])
            }
            var industries: [CorpusStats.Industry] = []
            for r in try Row.fetchAll(db, sql: "SELECT category, count(DISTINCT article_id) AS n FROM industry GROUP BY category ORDER BY n DESC, category") {
                let cat: String = r["category"]
                let specific = try Row.fetchAll(db, sql: """
                    SELECT name, count(*) AS n FROM industry WHERE category = ? GROUP BY name ORDER BY n DESC, name
                    """, arguments: [cat]).map { CorpusStats.Count(name: $0[0], count: $0[1]) }
                industries.append(.init(category: cat, articles: r["n"], industries: specific))
            }
            let tech = try Row.fetchAll(db, sql: "SELECT term, count(*) AS n FROM technology GROUP BY term ORDER BY n DESC, term LIMIT 20")
                .map { CorpusStats.Count(name: $0[0], count: $0[1]) }
            return CorpusStats(articles: try count("SELECT count(*) FROM article"),
                               duplicates: try count("SELECT count(*) FROM article WHERE duplicate_of IS NOT NULL"),
                               stories: try count("SELECT count(*) FROM story"), events: try count("SELECT count(*) FROM event"),
                               conflicts: try count("SELECT count(*) FROM conflict"), months: months, industries: industries, technologies: tech)
        }
    }
}
