import Analysis
import CrossDocument
import Dispatch
import Foundation
import GRDB
import Pipeline
import Reading

/// Ingests files into the corpus: reading, cleaning and analysis run on all cores; each batch
/// of files is written in one transaction together with its cross-document links (near
/// duplicates, stories, conflicts), so a run killed at any point leaves a consistent database
/// and the next run goes on where it stopped.
///
/// Idempotent: a file is keyed by the SHA-256 of its bytes. The same content under the same
/// path is skipped, under another path it is linked without a second copy, and a file whose
/// content changed replaces its old version.
public final class Ingester: Sendable {
    public let store: CorpusStore
    let analyzer: ArticleAnalyzer
    let reader = DocumentReader()
    let pipeline = ReadingPipeline()
    /// Files per transaction.
    public let batchSize: Int
    /// Threads for reading and analysis.
    public let jobs: Int
    /// Publication date assumed for documents that give none (anchors relative times).
    public let defaultPublished: String?

    public init(store: CorpusStore, analyzer: ArticleAnalyzer, batchSize: Int = 64,
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount, defaultPublished: String? = nil) {
        self.store = store
        self.analyzer = analyzer
        self.batchSize = max(1, batchSize)
        self.jobs = max(1, jobs)
        self.defaultPublished = defaultPublished
    }

    /// Ingests files and folders (walked recursively). Errors of single files are collected
    /// in the report; only a database failure throws.
    public func ingest(_ paths: [String], progress: (IngestProgress) -> Void = { _ in }) throws -> IngestReport {
        var report = IngestReport()
        let (expanded, expandErrors) = DocumentReader.expand(paths)
        var seenPaths = Set<String>()
        let files = expanded.filter { seenPaths.insert($0).inserted }   // a folder named twice is read once
        report.errors += expandErrors.map(\.description)
        report.files = files.count
        var known = try store.read { db in
            try Dictionary(Row.fetchAll(db, sql: "SELECT f.path, d.content_hash FROM file f JOIN document d ON d.id = f.document_id")
                .map { (($0[0] as String), ($0[1] as String)) }, uniquingKeysWith: { a, _ in a })
        }
        var knownHashes = Set(try store.read { db in try String.fetchAll(db, sql: "SELECT content_hash FROM document") })
        let writer = BatchWriter()
        var done = 0
        let batches = Self.batches(files, maxFiles: batchSize, maxBytes: Self.batchBytes)
        // Batch k+1 is read and analysed on the other threads while batch k is written: the
        // writer decides again with the database in hand (content stored meanwhile is linked).
        var pending: PendingBatch? = batches.first.map { startPreparing($0, known: known, knownHashes: knownHashes) }
        for k in batches.indices {
            guard let current = pending else { break }
            var prepared = current.wait()
            report.analysisSeconds += current.seconds
            pending = k + 1 < batches.count ? startPreparing(batches[k + 1], known: known, knownHashes: knownHashes) : nil
            let t1 = Date()
            let (linkSeconds, actions) = try store.write { db -> (Double, [PreparedFile.Action]) in
                var batch = prepared
                let seconds = try writer.write(&batch, db: db)
                return (seconds, batch.map(\.action))
            }
            for i in prepared.indices { prepared[i].action = actions[i] }
            report.linkSeconds += linkSeconds
            report.writeSeconds += Date().timeIntervalSince(t1)
            for p in prepared {
                report.warnings += p.warnings
                switch p.action {
                case .unchanged: report.unchanged += 1
                case .sameContent: report.sameContent += 1
                case .store:
                    if known[p.path] != nil { report.updated += 1 } else { report.added += 1 }
                    report.articles += p.articles.count
                case .failed: report.errors.append(p.error ?? "\(p.path): unreadable")
                }
                if p.action != .failed {
                    known[p.path] = p.hash
                    knownHashes.insert(p.hash)
                }
                done += 1
                progress(IngestProgress(done: done, total: files.count, path: p.path))
            }
        }
        pending?.cancelWait()
        return report
    }

    /// Input bytes per transaction at most (two batches are in memory at once: one written,
    /// one analysed), so a folder of large JSON Lines files does not grow the memory.
    public static let batchBytes = 8 << 20

    /// Consecutive files, at most `maxFiles` and about `maxBytes` per batch (a single larger
    /// file is a batch of its own).
    static func batches(_ files: [String], maxFiles: Int, maxBytes: Int) -> [[String]] {
        var out: [[String]] = []
        var current: [String] = []
        var bytes = 0
        for f in files {
            let size = (try? FileManager.default.attributesOfItem(atPath: f)[.size] as? Int) ?? 0
            if !current.isEmpty && (current.count >= maxFiles || bytes + size > maxBytes) {
                out.append(current)
                current = []
                bytes = 0
            }
            current.append(f)
            bytes += size
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// Starts preparing a batch on a background queue.
    func startPreparing(_ batch: [String], known: [String: String], knownHashes: Set<String>) -> PendingBatch {
        let pending = PendingBatch()
        DispatchQueue.global().async { [self] in
            let t0 = Date()
            let result = prepare(batch, known: known, knownHashes: knownHashes)
            pending.finish(result, seconds: Date().timeIntervalSince(t0))
        }
        return pending
    }

    // MARK: Parallel stage

    /// Hashes every file of the batch, decides what to do with it, and analyses new content.
    func prepare(_ batch: [String], known: [String: String], knownHashes: Set<String>) -> [PreparedFile] {
        let slots = Slots<PreparedFile>(count: batch.count)
        // Hashing and analysis in one parallel pass; a content seen twice in the batch is
        // analysed once (the first file in order) and linked for the others afterwards.
        DispatchQueue.concurrentPerform(iterations: batch.count) { i in
            slots[i] = prepareOne(batch[i], known: known, knownHashes: knownHashes)
        }
        var out = slots.values(default: PreparedFile(path: ""))
        var firstOfHash: [String: Int] = [:]
        for i in out.indices where out[i].action == .store {
            if firstOfHash[out[i].hash] != nil {
                out[i].action = .sameContent
                out[i].articles = []
            } else {
                firstOfHash[out[i].hash] = i
            }
        }
        return out
    }

    func prepareOne(_ path: String, known: [String: String], knownHashes: Set<String>) -> PreparedFile {
        var p = PreparedFile(path: path)
        let bytes: [UInt8]
        do { bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) } catch {
            p.error = "\(path): cannot read (\((error as NSError).localizedFailureReason ?? error.localizedDescription))"
            return p
        }
        p.byteCount = bytes.count
        p.hash = ContentHash.sha256Hex(bytes)
        if known[path] == p.hash { p.action = .unchanged; return p }
        if knownHashes.contains(p.hash) { p.action = .sameContent; return p }
        do {
            let raws: [RawDocument]
            if (path as NSString).pathExtension.lowercased() == "pdf" { raws = try reader.read(path: path) } else {
                raws = try reader.read(bytes: bytes, path: path)
            }
            for raw in raws {
                p.warnings += raw.warnings
                for article in pipeline.articles(from: raw) {
                    p.articles.append(try analyze(article))
                }
            }
            if p.articles.isEmpty && p.warnings.isEmpty { p.warnings.append("\(path): no article found") }
            p.action = .store
        } catch let e as ReadingError {
            p.error = e.description
        } catch {
            p.error = "\(path): \(error)"
        }
        return p
    }

    func analyze(_ article: Article) throws -> PreparedArticle {
        var a = article
        var anchor: Date? = nil
        if a.published == nil, let d = defaultPublished, let date = ArticleAnalyzer.date(fromISO: d) {
            a.published = d
            anchor = date
        }
        let record = analyzer.analyze(a, published: anchor)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]   // the same bytes for the same record
        // The body lives in article.body (and the index); the stored record omits it, and the
        // original text too when conversion did not change it. Exports put them back.
        var stored = record
        stored.body = ""
        if stored.originalBody == record.body { stored.originalBody = "" }
        let json = String(decoding: try encoder.encode(stored), as: UTF8.self)
        return PreparedArticle(record: record, json: json, simhash: SimHash.fingerprint(record.body),
                               claims: ClaimExtractor.claims(in: record))
    }
}

/// A batch being prepared on another thread.
final class PendingBatch: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: [PreparedFile] = []
    private(set) var seconds = 0.0

    func finish(_ r: [PreparedFile], seconds: Double) {
        result = r
        self.seconds = seconds
        done.signal()
    }

    /// Blocks until the batch is prepared.
    func wait() -> [PreparedFile] {
        done.wait()
        return result
    }

    /// Nothing left to wait for (the run ended early).
    func cancelWait() {}
}

/// Result slots written by parallel iterations, each index by exactly one iteration.
final class Slots<T>: @unchecked Sendable {
    private var storage: [T?]
    private let lock = NSLock()
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    subscript(i: Int) -> T? {
        get { lock.lock(); defer { lock.unlock() }; return storage[i] }
        set { lock.lock(); storage[i] = newValue; lock.unlock() }
    }
    func values(default d: T) -> [T] { lock.lock(); defer { lock.unlock() }; return storage.map { $0 ?? d } }
}
