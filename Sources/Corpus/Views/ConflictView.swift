import GRDB

/// Two sources that disagree on the same figure.
public struct Conflict: Sendable, Codable, Equatable {
    public struct Side: Sendable, Codable, Equatable {
        public var value: Double
        public var text: String
        public var sentence: String
        public var articleId: Int64
        public var title: String?
        public var source: String?
        public var published: String?
        public var path: String
        /// Reports giving this value.
        public var reports: Int

        enum CodingKeys: String, CodingKey {
            case value, text, sentence, articleId = "article_id", title, source, published, path, reports
        }
    }
    public var id: Int64
    public var subject: String?
    public var indicator: String
    public var unit: String
    public var a: Side
    public var b: Side
}

extension CorpusStore {
    /// Every conflict, with both values, an example source and sentence of each.
    public func conflicts() throws -> [Conflict] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT id, claim_key, subject, indicator, unit, quantity_a, quantity_b FROM conflict ORDER BY claim_key, value_a, value_b")
            return try rows.compactMap { r in
                guard let a = try Self.side(r["quantity_a"], key: r["claim_key"], db: db),
                      let b = try Self.side(r["quantity_b"], key: r["claim_key"], db: db) else { return nil }
                return Conflict(id: r["id"], subject: r["subject"], indicator: r["indicator"], unit: r["unit"], a: a, b: b)
            }
        }
    }

    static func side(_ quantityId: Int64, key: String, db: Database) throws -> Conflict.Side? {
        guard let r = try Row.fetchOne(db, sql: """
            SELECT q.value, q.text, q.sentence, a.id, a.title, a.source, a.published, a.source_path,
                   (SELECT count(*) FROM quantity q2 WHERE q2.claim_key = ? AND q2.value = q.value) AS reports
            FROM quantity q JOIN article a ON a.id = q.article_id WHERE q.id = ?
            """, arguments: [key, quantityId]) else { return nil }
        return Conflict.Side(value: r[0], text: r[1], sentence: (r[2] as String?) ?? "", articleId: r[3], title: r[4], source: r[5],
                             published: r[6], path: r[7], reports: r[8])
    }
}
