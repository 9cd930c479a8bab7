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
        let sql: String
        if match != nil {
            sql = """
                SELECT a.id, a.title, a.source, a.published, a.source_path, a.part, a.duplicate_of,
                       bm25(article_fts, 5.0, 1.0) AS rank,
                       snippet(article_fts, 1, '【', '】', '…', 24) AS snip
                FROM article_fts JOIN article a ON a.id = article_fts.rowid
                \(whereClause) ORDER BY rank, a.id LIMIT ?
                """
        } else {
            sql = """
                SELECT a.id, a.title, a.source, a.published, a.source_path, a.part, a.duplicate_of,
                       0.0 AS rank, substr(a.summary, 1, 80) AS snip
                FROM article a \(whereClause) ORDER BY a.published_day DESC, a.id LIMIT ?
                """
        }
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args) ?? []).map { r in
                SearchHit(id: r["id"], title: r["title"], source: r["source"], published: r["published"], path: r["source_path"],
                          part: r["part"], rank: r["rank"], snippet: (r["snip"] as String?) ?? "", duplicateOf: r["duplicate_of"])
            }
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
