import Foundation
import GRDB
import Testing
@testable import Corpus

@Suite("Ingest", .serialized)
struct IngestTests {
    @Test func samplesAreStoredOnceAndAgainChangesNothing() throws {
        let t = try TempCorpus()
        let seeds = try t.copySamples()
        let store = try t.store()
        let ingester = Ingester(store: store, analyzer: Samples.analyzer, batchSize: 2)
        let first = try ingester.ingest([seeds])
        #expect(first.files == 5)
        #expect(first.added == 5)
        #expect(first.errors.isEmpty)
        #expect(first.articles == 7)     // 003 is a front page with three stories
        let dump = try store.contentDump()
        let second = try ingester.ingest([seeds])
        #expect(second.unchanged == 5)
        #expect(second.articles == 0)
        #expect(try store.contentDump() == dump)
        #expect(try store.integrityCheck() == "ok")
    }

    @Test func sameContentUnderAnotherPathIsLinkedNotCopied() throws {
        let t = try TempCorpus()
        let a = try t.copySamples([Samples.names[1]], to: "a")
        let b = try t.copySamples([Samples.names[1]], to: "b")
        let store = try t.store()
        let ingester = Ingester(store: store, analyzer: Samples.analyzer)
        _ = try ingester.ingest([a])
        let r = try ingester.ingest([b])
        #expect(r.sameContent == 1)
        #expect(r.articles == 0)
        let counts = Dictionary(uniqueKeysWithValues: try store.counts().map { ($0.table, $0.rows) })
        #expect(counts["document"] == 1)
        #expect(counts["file"] == 2)
        #expect(counts["article"] == 1)
    }

    @Test func copiesInOneRunAreStoredOnceWhateverTheBatches() throws {
        // The next batch is prepared while the current one is written: a copy in the next
        // batch must still be linked, not stored twice.
        for batchSize in [1, 2, 8] {
            let t = try TempCorpus()
            let a = try t.copySamples([Samples.names[1], Samples.names[2]], to: "a")
            let b = try t.copySamples([Samples.names[1]], to: "b")
            let store = try t.store()
            let r = try Ingester(store: store, analyzer: Samples.analyzer, batchSize: batchSize).ingest([a, b, a])
            #expect(r.files == 3)
            #expect(r.added == 2)
            #expect(r.sameContent == 1)
            #expect(r.errors.isEmpty)
            let counts = Dictionary(uniqueKeysWithValues: try store.counts().map { ($0.table, $0.rows) })
            #expect(counts["document"] == 2)
            #expect(counts["file"] == 3)
        }
    }

    @Test func aChangedFileReplacesItsOldVersion() throws {
        let t = try TempCorpus()
        let dir = try t.copySamples([Samples.names[3]])
        let store = try t.store()
        let ingester = Ingester(store: store, analyzer: Samples.analyzer)
        _ = try ingester.ingest([dir])
        #expect(try store.search(SearchQuery(text: "綦江")).count >= 1)
        // The user cuts the page down to its first story.
        let path = (dir as NSString).appendingPathComponent(Samples.names[3])
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let cut = text.components(separatedBy: "\n").filter { !$0.contains("綦江") }.joined(separator: "\n")
        try cut.write(toFile: path, atomically: true, encoding: .utf8)
        let r = try ingester.ingest([dir])
        #expect(r.updated == 1)
        #expect(try store.search(SearchQuery(text: "綦江")).isEmpty)
        let counts = Dictionary(uniqueKeysWithValues: try store.counts().map { ($0.table, $0.rows) })
        #expect(counts["document"] == 1)
        #expect(try store.integrityCheck() == "ok")
        // Nothing of the old version is left: every event and quantity belongs to a stored article.
        let orphans = try store.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM story s WHERE NOT EXISTS (SELECT 1 FROM event e WHERE e.story_id = s.id)")
        }
        #expect(orphans == 0)
    }

    @Test func anInterruptedRunCompletedGivesTheSameDatabaseAsOneRun() throws {
        // A run killed after its second batch has committed those batches only (one
        // transaction per batch); the next run must complete it into the same database.
        let once = try TempCorpus()
        let seeds = try once.copySamples()
        _ = try Ingester(store: try once.store(), analyzer: Samples.analyzer, batchSize: 1).ingest([seeds])

        let twice = try TempCorpus()
        let seeds2 = try twice.copySamples()
        let store = try twice.store()
        let files = Samples.names.map { (seeds2 as NSString).appendingPathComponent($0) }
        _ = try Ingester(store: store, analyzer: Samples.analyzer, batchSize: 1).ingest(Array(files.prefix(2)))
        let r = try Ingester(store: store, analyzer: Samples.analyzer, batchSize: 1).ingest([seeds2])
        #expect(r.unchanged == 2)
        #expect(r.added == 3)
        let a = try once.store().contentDump().map { $0.replacingOccurrences(of: once.folder.path, with: "") }
        let b = try store.contentDump().map { $0.replacingOccurrences(of: twice.folder.path, with: "") }
        #expect(a.count == b.count)
        if let i = a.indices.first(where: { $0 < b.count && a[$0] != b[$0] }) {
            Issue.record("first difference: \(a[i].prefix(300)) ≠ \(b[i].prefix(300))")
        }
    }

    @Test func badInputsAreNamedAndTheRestIsStored() throws {
        let t = try TempCorpus()
        let dir = try t.copySamples([Samples.names[0]])
        let binary = (dir as NSString).appendingPathComponent("broken.txt")
        try Data([0x00, 0x01, 0x02, 0xFF, 0x00, 0x00, 0x7F, 0x00] + Array(repeating: 0, count: 400)).write(to: URL(fileURLWithPath: binary))
        let missing = t.folder.appendingPathComponent("missing.txt").path
        let store = try t.store()
        let r = try Ingester(store: store, analyzer: Samples.analyzer).ingest([dir, missing])
        #expect(r.added == 1)
        #expect(r.errors.count == 2)
        #expect(r.errors.contains { $0.contains("broken.txt") })
        #expect(r.errors.contains { $0.contains("missing.txt") })
        #expect(try store.counts().first { $0.table == "article" }?.rows == 1)
    }
}

@Suite("Store maintenance")
struct StoreMaintenanceTests {
    @Test func aSearchIndexBuiltByAnotherTokenizerIsRebuilt() throws {
        let t = try TempCorpus()
        let dir = try t.copySamples([Samples.names[1]])
        do {
            let store = try t.store()
            _ = try Ingester(store: store, analyzer: Samples.analyzer).ingest([dir])
            try store.write { db in
                try db.execute(sql: "UPDATE kechuang_meta SET value = 'old' WHERE key = 'tokenizer'")
                // Simulate an index built with other tokens.
                try db.execute(sql: "INSERT INTO article_fts(article_fts, rowid, title, body) SELECT 'delete', id, title, body FROM article")
            }
            #expect(try store.search(SearchQuery(text: "芯片")).isEmpty)
        }
        let reopened = try t.store()
        #expect(try reopened.integrityCheck() == "ok")
        #expect(try reopened.search(SearchQuery(text: "芯片")).count == 1)
    }

    @Test func theDigestDependsOnContentOnly() throws {
        let a = try TempCorpus(), b = try TempCorpus()
        let da = try a.copySamples(), db = try b.copySamples()
        let sa = try a.store(), sb = try b.store()
        _ = try Ingester(store: sa, analyzer: Samples.analyzer, batchSize: 5).ingest([da])
        _ = try Ingester(store: sb, analyzer: Samples.analyzer, batchSize: 2, jobs: 1).ingest([db])
        // The paths differ (two temporary folders), so compare with the folder removed.
        let la = try sa.contentLines().map { $0.replacingOccurrences(of: a.folder.path, with: "") }
        let lb = try sb.contentLines().map { $0.replacingOccurrences(of: b.folder.path, with: "") }
        #expect(la == lb)
    }
}
