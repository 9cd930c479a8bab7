import ChineseText
import Entities
import GRDB

extension CorpusStore {
    /// Ranked full-text search (BM25, title weighted 5× body) with filters and highlighted
    /// snippets. Without words, lists the articles matching the filters, newest first.
    public func search(_ q: SearchQuery) throws -> [SearchHit] {
        let segmenter: Segmenter
        do { segmenter = try Segmenter.standard() } catch { throw CorpusError.database(path: path, message: "\(error)") }
        let match = q.matchExpression(segmenter: segmenter)
        if match == nil && !q.text.trimmingCharacters(in: .whitespaces).isEmpty {
            throw CorpusError.invalidQuery("no searchable word in “\(q.text)”")
        }
        var conditions: [String] = []
        var args: [(any DatabaseValueConvertible)?] = []
        if let match { conditions.append("article_fts MATCH ?"); args.append(match) }
        if let f = q.from { conditions.append("a.published_day >= ?"); args.append(SearchQuery.lowerDay(f)) }
        if let t = q.to { conditions.append("a.published_day <= ?"); args.append(SearchQuery.upperDay(t)) }
        if let type = q.eventType { conditions.append("EXISTS (SELECT 1 FROM event e WHERE e.article_id = a.id AND e.type = ?)"); args.append(type) }
        if let name = q.entity {
            // The name as seen in the corpus, or resolved by the recognizer (北大 → 北京大学).
            let names = Self.entityNames(name)
            let marks = Array(repeating: "?", count: names.count).joined(separator: ",")
            conditions.append("""
                EXISTS (SELECT 1 FROM article_entity ae JOIN entity_alias al ON al.entity_id = ae.entity_id
                        WHERE ae.article_id = a.id AND al.alias IN (\(marks)))
                """)
            args += names
        }
        if let tech = q.technology {
            conditions.append("EXISTS (SELECT 1 FROM technology t WHERE t.article_id = a.id AND lower(t.term) = lower(?))")
            args.append(tech)
        }
        if let ind = q.industry {
            conditions.append("EXISTS (SELECT 1 FROM industry i WHERE i.article_id = a.id AND (i.name = ? OR i.category = ?))")
            args.append(ind); args.append(ind)
        }
        args.append(max(1, q.limit))
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let needsArticle = conditions.count > (match == nil ? 0 : 1)
        return try read { db in
            guard let match else {
                let rows = try Row.fetchAll(db, sql: """
                    SELECT a.id, 0.0 AS rank FROM article a \(whereClause) ORDER BY a.published_day DESC, a.id LIMIT ?
                    """, arguments: StatementArguments(args) ?? [])
                return try Self.hits(rows.map { ($0[0], 0) }, match: nil, db: db)
            }
            // Ranking first (ids and scores only), snippets for the page of results after:
            // snippet() on every match of a frequent word would cost more than the ranking.
            let from = needsArticle ? "article_fts JOIN article a ON a.id = article_fts.rowid" : "article_fts"
            let rows = try Row.fetchAll(db, sql: """
                SELECT article_fts.rowid, bm25(article_fts, 5.0, 1.0) AS rank FROM \(from)
                \(whereClause) ORDER BY rank, article_fts.rowid LIMIT ?
                """, arguments: StatementArguments(args) ?? [])
            return try Self.hits(rows.map { ($0[0], $0[1]) }, match: match, db: db)
        }
    }

    /// Articles, snippets and ranks of `ranked` ids, in that order.
    static func hits(_ ranked: [(Int64, Double)], match: String?, db: Database) throws -> [SearchHit] {
        guard !ranked.isEmpty else { return [] }
        let ids = ranked.map(\.0)
        let list = ids.map(String.init).joined(separator: ",")
        var snippets: [Int64: String] = [:]
        if let match {
            for r in try Row.fetchAll(db, sql: """
                SELECT rowid, snippet(article_fts, 1, '【', '】', '…', 24) FROM article_fts
                WHERE article_fts MATCH ? AND rowid IN (\(list))
                """, arguments: [match]) { snippets[r[0]] = r[1] }
        }
        var byId: [Int64: Row] = [:]
        for r in try Row.fetchAll(db, sql: """
            SELECT id, title, source, published, source_path, part, duplicate_of, substr(summary, 1, 80) AS summary
            FROM article WHERE id IN (\(list))
            """) { byId[r["id"]] = r }
        return ranked.compactMap { (id, rank) in
            guard let r = byId[id] else { return nil }
            return SearchHit(id: id, title: r["title"], source: r["source"], published: r["published"], path: r["source_path"],
                             part: r["part"], rank: rank, snippet: snippets[id] ?? ((r["summary"] as String?) ?? ""),
                             duplicateOf: r["duplicate_of"])
        }
    }

    /// `name` and the canonical names the entity recognizer resolves it to.
    static func entityNames(_ name: String) -> [String] {
        var names = [name]
        if let recognizer = try? EntityRecognizer.bundled() {
            for e in recognizer.recognize(name) where !names.contains(e.name) { names.append(e.name) }
        }
        return names
    }
}
