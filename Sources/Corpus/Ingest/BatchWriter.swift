import Analysis
import CrossDocument
import Foundation
import GRDB

/// Writes one batch of prepared files inside the caller's transaction: documents, files,
/// articles and everything derived from them, then the cross-document links of what changed.
final class BatchWriter {
    let linker = CrossDocumentLinker()
    /// Entity ids by name and type, and the aliases already stored, for this run (entities are
    /// never deleted, so the cache stays true).
    private var entityIds: [String: Int64] = [:]
    private var storedAliases: Set<String> = []

    /// Returns the seconds spent in the cross-document step.
    func write(_ batch: inout [PreparedFile], db: Database) throws -> Double {
        var touched = Touched()
        let now = ISO8601DateFormatter().string(from: Date())
        for k in batch.indices {
            // Content stored since the batch was prepared (by an earlier batch of this run):
            // link the path instead of storing it twice.
            if batch[k].action == .store,
               try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM document WHERE content_hash = ?"), arguments: [batch[k].hash]) != nil {
                let current = try String.fetchOne(db, sql: """
                    SELECT d.content_hash FROM file f JOIN document d ON d.id = f.document_id WHERE f.path = ?
                    """, arguments: [batch[k].path])
                batch[k].action = current == batch[k].hash ? .unchanged : .sameContent
                batch[k].articles = []
            }
            let p = batch[k]
            switch p.action {
            case .unchanged, .failed: continue
            case .sameContent:
                try removePath(p.path, keepingHash: p.hash, db: db, touched: &touched)
                guard let docId = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM document WHERE content_hash = ?"), arguments: [p.hash]) else { continue }
                try db.cachedStatement(sql: "INSERT OR REPLACE INTO file(path, document_id) VALUES (?, ?)").execute(arguments: [p.path, docId])
            case .store:
                try removePath(p.path, keepingHash: nil, db: db, touched: &touched)
                try db.execute(sql: "INSERT INTO document(content_hash, byte_count, ingested_at) VALUES (?, ?, ?)",
                               arguments: [p.hash, p.byteCount, now])
                let docId = db.lastInsertedRowID
                try db.cachedStatement(sql: "INSERT INTO file(path, document_id) VALUES (?, ?)").execute(arguments: [p.path, docId])
                for (index, a) in p.articles.enumerated() {
                    let articleId = try insertArticle(a, index: index, documentId: docId, db: db, touched: &touched)
                    touched.articles.append((articleId, a.simhash, a.record.body))
                }
            }
        }
        let t0 = Date()
        try linker.link(touched, db: db)
        return Date().timeIntervalSince(t0)
    }

    /// Detaches `path` from the document it pointed to (unless that document has `keepingHash`),
    /// deleting the document when no other file refers to it.
    func removePath(_ path: String, keepingHash: String?, db: Database, touched: inout Touched) throws {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT f.document_id, d.content_hash FROM file f JOIN document d ON d.id = f.document_id WHERE f.path = ?
            """, arguments: [path]) else { return }
        let docId: Int64 = row[0]
        let hash: String = row[1]
        if hash == keepingHash { return }
        try db.cachedStatement(sql: "DELETE FROM file WHERE path = ?").execute(arguments: [path])
        let others = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM file WHERE document_id = ?"), arguments: [docId]) ?? 0
        guard others == 0 else { return }
        touched.stories.formUnion(try Int64.fetchAll(db, sql: """
            SELECT DISTINCT e.story_id FROM event e JOIN article a ON a.id = e.article_id
            WHERE a.document_id = ? AND e.story_id IS NOT NULL
            """, arguments: [docId]))
        touched.claimKeys.formUnion(try String.fetchAll(db, sql: """
            SELECT DISTINCT q.claim_key FROM quantity q JOIN article a ON a.id = q.article_id
            WHERE a.document_id = ? AND q.claim_key IS NOT NULL
            """, arguments: [docId]))
        // Reprints of a deleted original point to nothing now: link them again.
        touched.relink.formUnion(try Int64.fetchAll(db, sql: """
            SELECT r.id FROM article r JOIN article o ON o.id = r.duplicate_of WHERE o.document_id = ?
            """, arguments: [docId]))
        try db.cachedStatement(sql: "DELETE FROM document WHERE id = ?").execute(arguments: [docId])
    }

    // MARK: Articles

    /// `index`: the article's position in its file (a JSON Lines file holds many documents,
    /// a newspaper page many articles).
    func insertArticle(_ a: PreparedArticle, index: Int, documentId: Int64, db: Database, touched: inout Touched) throws -> Int64 {
        let r = a.record
        // Entities first: their ids go into the article's filter tags.
        let entityIds = try r.entities.map { try entity($0, db: db) }
        let tags = FilterTags.tags(eventTypes: r.events.map(\.type.rawValue), published: Self.day(r.published), entityIds: entityIds,
                                   technologies: r.technologies.map(\.term),
                                   industries: r.industries.map(\.name) + r.industries.map(\.category))
        try db.cachedStatement(sql: """
            INSERT INTO article(document_id, part, source_path, title, url, source, authors, published, published_day,
                section, page, script, body, summary, keywords, simhash, record, tags)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                documentId, index, r.sourcePath, r.title, r.url, r.source, Self.json(r.authors), r.published,
                Self.day(r.published), r.section, r.page, r.script, r.body, r.summary, Self.json(r.keywords),
                Int64(bitPattern: a.simhash), a.json, tags,
            ])
        let id = db.lastInsertedRowID
        for band in SimHash.bands(a.simhash) + SentenceAnchors.anchors(r.body) {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO article_band(band, article_id) VALUES (?, ?)").execute(arguments: [band, id])
        }
        for (e, entityId) in zip(r.entities, entityIds) {
            try db.cachedStatement(sql: """
                INSERT INTO article_entity(article_id, entity_id, mentions, role) VALUES (?, ?, ?, ?)
                ON CONFLICT(article_id, entity_id) DO UPDATE SET mentions = mentions + excluded.mentions
                """).execute(arguments: [id, entityId, e.mentions.count, e.role])
        }
        for t in r.technologies {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO technology(article_id, term, category, count) VALUES (?, ?, ?, ?)")
                .execute(arguments: [id, t.term, t.category, t.count])
        }
        for i in r.industries {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO industry(article_id, name, category) VALUES (?, ?, ?)")
                .execute(arguments: [id, i.name, i.category])
        }
        var claimAt: [Int: Claim] = [:]
        for c in a.claims { claimAt[c.start] = c }
        for q in r.quantities {
            let c = claimAt[q.start]
            try db.cachedStatement(sql: """
                INSERT INTO quantity(article_id, text, kind, value, unit, bound, start, "end", subject, indicator, claim_key, sentence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [id, q.text, q.kind.rawValue, q.value, q.unit, q.bound.rawValue, q.start, q.end,
                                         c?.subject, c?.indicator, c?.key, c?.sentence])
            if let c, try ConflictFinder.add(key: c.key, value: c.value, bound: c.bound, published: Self.day(r.published),
                                            quantityId: db.lastInsertedRowID, db: db) {
                touched.newFigures.insert(c.key)
            }
        }
        for e in r.events {
            try db.cachedStatement(sql: """
                INSERT INTO event(article_id, type, label, date, date_text, parties, place, amount, amount_text, summary, evidence, start, "end")
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [id, e.type.rawValue, e.label, e.date, e.dateText, Self.json(e.parties), e.place,
                                         e.amount?.value, e.amount?.text, e.summary, e.evidence, e.start, e.end])
            let eventId = db.lastInsertedRowID
            for party in Set(e.parties) {
                try db.cachedStatement(sql: "INSERT OR IGNORE INTO event_party(event_id, party) VALUES (?, ?)").execute(arguments: [eventId, party])
            }
        }
        return id
    }

    func entity(_ e: AnalysisRecord.EntityRecord, db: Database) throws -> Int64 {
        let key = e.name + "\u{1}" + e.type
        let id: Int64
        if let cached = entityIds[key] {
            id = cached
        } else if let existing = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM entity WHERE name = ? AND type = ?"), arguments: [e.name, e.type]) {
            id = existing
        } else {
            try db.execute(sql: "INSERT INTO entity(name, type, division) VALUES (?, ?, ?)",
                           arguments: [e.name, e.type, e.division.map(Self.json)])
            id = db.lastInsertedRowID
        }
        entityIds[key] = id
        for alias in Set(e.aliases + [e.name]) where storedAliases.insert(alias + "\u{1}" + String(id)).inserted {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO entity_alias(alias, entity_id) VALUES (?, ?)").execute(arguments: [alias, id])
        }
        return id
    }

    // MARK: Helpers

    static func json(_ strings: [String]) -> String {
        guard let data = try? JSONEncoder().encode(strings), let s = String(data: data, encoding: .utf8) else { return "[]" }
        return s
    }

    /// `YYYY-MM-DD` from an ISO date, or nil.
    static func day(_ published: String?) -> String? {
        guard let p = published else { return nil }
        let u = Array(p.utf8.prefix(10))
        guard u.count == 10, u[4] == 0x2D, u[7] == 0x2D,
              u.enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 || (0x30...0x39).contains($0.element) }) else { return nil }
        return String(decoding: u, as: UTF8.self)
    }
}

/// What a batch changed, for the cross-document step.
struct Touched {
    /// New articles: id, fingerprint, body.
    var articles: [(id: Int64, simhash: UInt64, body: String)] = []
    /// Reprints whose original was deleted.
    var relink: Set<Int64> = []
    /// Stories that lost reports.
    var stories: Set<Int64> = []
    /// Claim keys that lost figures (their distinct values are rebuilt).
    var claimKeys: Set<String> = []
    /// Claim keys that received a new distinct value (their conflicts are recomputed).
    var newFigures: Set<String> = []
}
