import ChineseText
import Entities
import Foundation
import GRDB

extension CorpusStore {
    /// Ranked full-text search (BM25, title weighted 5× body) with filters and highlighted
    /// snippets. Without words, lists the articles matching the filters, newest first.
    /// Filters are matched in the index itself (see `FilterTags`), so a filtered query costs
    /// no more than an unfiltered one.
    public func search(_ q: SearchQuery) throws -> [SearchHit] {
        let segmenter: Segmenter
        do { segmenter = try Segmenter.standard() } catch { throw CorpusError.database(path: path, message: "\(error)") }
        let textMatch = q.matchExpression(segmenter: segmenter)
        if textMatch == nil && !q.text.trimmingCharacters(in: .whitespaces).isEmpty {
            throw CorpusError.invalidQuery("no searchable word in “\(q.text)”")
        }
        return try read { db in
            var clauses: [String] = []
            if let m = textMatch { clauses.append("{title body} : (\(m))") }
            if let type = q.eventType { clauses.append("tags : \(FilterTags.eventType(type))") }
            if let name = q.entity {
                // The name as seen in the corpus, or resolved by the recognizer (北大 → 北京大学).
                let names = Self.entityNames(name)
                let marks = Array(repeating: "?", count: names.count).joined(separator: ",")
                let ids = try Int64.fetchAll(db, sql: """
                    SELECT entity_id FROM entity_alias WHERE alias IN (\(marks)) UNION SELECT id FROM entity WHERE name IN (\(marks))
                    """, arguments: StatementArguments(names + names))
                if ids.isEmpty { return [] }
                clauses.append("tags : (" + ids.map(FilterTags.entity).joined(separator: " OR ") + ")")
            }
            if let tech = q.technology { clauses.append("tags : \(FilterTags.technology(tech))") }
            if let ind = q.industry { clauses.append("tags : \(FilterTags.industry(ind))") }
            // Dates: month tags narrow the matches in the index, the exact days are checked after.
            var dayConditions: [String] = []
            var dayArgs: [(any DatabaseValueConvertible)?] = []
            if q.from != nil || q.to != nil {
                let first = try String.fetchOne(db, sql: "SELECT min(published_day) FROM article") ?? ""
                let last = try String.fetchOne(db, sql: "SELECT max(published_day) FROM article") ?? ""
                let lo = q.from.map(SearchQuery.lowerDay) ?? first
                let hi = q.to.map(SearchQuery.upperDay) ?? last
                if let months = FilterTags.months(from: lo, to: hi) {
                    clauses.append("tags : (" + months.map(FilterTags.month).joined(separator: " OR ") + ")")
                }
                if let f = q.from { dayConditions.append("a.published_day >= ?"); dayArgs.append(SearchQuery.lowerDay(f)) }
                if let t = q.to { dayConditions.append("a.published_day <= ?"); dayArgs.append(SearchQuery.upperDay(t)) }
            }
            let limit = max(1, q.limit)
            guard !clauses.isEmpty else {
                let rows = try Row.fetchAll(db, sql: """
                    SELECT a.id FROM article a \(dayConditions.isEmpty ? "" : "WHERE " + dayConditions.joined(separator: " AND "))
                    ORDER BY a.published_day DESC, a.id LIMIT ?
                    """, arguments: StatementArguments(dayArgs + [limit]) ?? [])
                return try Self.hits(rows.map { ($0[0], 0) }, terms: [], db: db)
            }
            let match = clauses.joined(separator: " AND ")
            let join = dayConditions.isEmpty ? "" : "JOIN article a ON a.id = article_fts.rowid"
            let extra = dayConditions.isEmpty ? "" : " AND " + dayConditions.joined(separator: " AND ")
            let args = StatementArguments([match] + dayArgs + [limit]) ?? []
            if textMatch != nil {
                // Ranking first (ids and scores only), the page of results after.
                let rows = try Row.fetchAll(db, sql: """
                    SELECT article_fts.rowid, bm25(article_fts, 5.0, 1.0, 0.0) AS rank FROM article_fts \(join)
                    WHERE article_fts MATCH ?\(extra) ORDER BY rank, article_fts.rowid LIMIT ?
                    """, arguments: args)
                return try Self.hits(rows.map { ($0[0], $0[1]) }, terms: q.words(segmenter: segmenter), db: db)
            }
            let rows = try Row.fetchAll(db, sql: """
                SELECT a.id FROM article_fts JOIN article a ON a.id = article_fts.rowid
                WHERE article_fts MATCH ?\(extra) ORDER BY a.published_day DESC, a.id LIMIT ?
                """, arguments: args)
            return try Self.hits(rows.map { ($0[0], 0) }, terms: [], db: db)
        }
    }

    /// Articles, snippets and ranks of `ranked` ids, in that order.
    static func hits(_ ranked: [(Int64, Double)], terms: [String], db: Database) throws -> [SearchHit] {
        guard !ranked.isEmpty else { return [] }
        let list = ranked.map { String($0.0) }.joined(separator: ",")
        var byId: [Int64: Row] = [:]
        for r in try Row.fetchAll(db, sql: """
            SELECT id, title, source, published, source_path, part, duplicate_of, summary, body
            FROM article WHERE id IN (\(list))
            """) { byId[r["id"]] = r }
        return ranked.compactMap { (id, rank) in
            guard let r = byId[id] else { return nil }
            let body: String = r["body"]
            let snippet = Snippet.make(body, terms: terms) ?? String(((r["summary"] as String?) ?? "").prefix(80))
            return SearchHit(id: id, title: r["title"], source: r["source"], published: r["published"], path: r["source_path"],
                             part: r["part"], rank: rank, snippet: snippet, duplicateOf: r["duplicate_of"])
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
