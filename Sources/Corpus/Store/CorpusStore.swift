import CrossDocument
import Foundation
import GRDB

/// The corpus: one SQLite file (WAL, foreign keys, versioned migrations) holding documents,
/// articles with their full analysis, a Chinese full-text index, entities, quantities and
/// numeric claims, events merged into stories, and conflicts between sources.
public final class CorpusStore: Sendable {
    /// The database file.
    public let path: String
    let pool: DatabasePool

    /// Opens (creating and migrating when needed) the corpus at `path`.
    public init(path: String) throws {
        self.path = path
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            db.add(tokenizer: SegmenterTokenizer.self)
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA cache_size = -65536")        // 64 MiB of page cache
            try db.execute(sql: "PRAGMA mmap_size = 268435456")      // read through mmap up to 256 MiB
        }
        do {
            pool = try DatabasePool(path: path, configuration: config)
            try Schema.migrator().migrate(pool)
            try pool.write { db in try Schema.refreshSearchIndex(db) }
        } catch let error as DatabaseError {
            throw CorpusError.database(path: path, message: error.message ?? "\(error)")
        } catch {
            throw CorpusError.database(path: path, message: "\(error)")
        }
    }

    /// Read access for views and exports.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.read(body) } catch let e as CorpusError { throw e } catch {
            throw CorpusError.database(path: path, message: "\(error)")
        }
    }

    /// A write transaction.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.write(body) } catch let e as CorpusError { throw e } catch {
            throw CorpusError.database(path: path, message: "\(error)")
        }
    }

    /// `PRAGMA integrity_check`, `PRAGMA foreign_key_check` and FTS5's own integrity check of
    /// the search index against the articles: "ok" when all pass.
    public func integrityCheck() throws -> String {
        try write { db in
            let rows = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            let fk = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            var fts = "ok"
            do { try db.execute(sql: "INSERT INTO article_fts(article_fts, rank) VALUES ('integrity-check', 1)") } catch {
                fts = "search index: \(error)"
            }
            if rows == ["ok"] && fk.isEmpty && fts == "ok" { return "ok" }
            return (rows.filter { $0 != "ok" } + fk.map { "foreign key: \($0)" } + (fts == "ok" ? [] : [fts])).joined(separator: "\n")
        }
    }

    /// Tables whose content `contentDigest` covers.
    static let contentTables = ["document", "file", "article", "article_band", "entity", "entity_alias", "article_entity", "technology",
                                "industry", "quantity", "claim_value", "story", "story_party", "event", "event_party", "conflict"]

    /// Every row of every table (timestamps excepted) in key order, one line each: two
    /// databases with the same content give the same lines.
    public func contentLines() throws -> [String] {
        try read { db in
            var out: [String] = []
            for t in Self.contentTables {
                let columns = try db.columns(in: t).map(\.name).filter { $0 != "ingested_at" }
                let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
                for row in try Row.fetchAll(db, sql: "SELECT \(list) FROM \(t) ORDER BY \(list)") {
                    out.append(t + ": " + row.description)
                }
            }
            return out
        }
    }

    /// SHA-256 of `contentLines()`.
    public func contentDigest() throws -> String {
        var bytes: [UInt8] = []
        for line in try contentLines() { bytes += Array(line.utf8); bytes.append(0x0A) }
        return ContentHash.sha256Hex(bytes)
    }

    /// Row counts of the main tables.
    public func counts() throws -> [(table: String, rows: Int)] {
        try read { db in
            try ["document", "file", "article", "entity", "quantity", "event", "story", "conflict"].map { t in
                (t, try Int.fetchOne(db, sql: "SELECT count(*) FROM \(t)") ?? 0)
            }
        }
    }
}
