import Foundation
import GRDB
import Pipeline
@testable import Corpus

/// A temporary folder with a corpus database, removed at deinit.
final class TempCorpus: Sendable {
    let folder: URL
    let dbPath: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kechuang-corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        dbPath = folder.appendingPathComponent("test.sqlite").path
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func store() throws -> CorpusStore { try CorpusStore(path: dbPath) }

    /// A folder of the samples inside the temporary folder (so tests can change files).
    func copySamples(_ names: [String]? = nil, to sub: String = "seeds") throws -> String {
        let dir = folder.appendingPathComponent(sub)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for name in names ?? Samples.names {
            try FileManager.default.copyItem(at: Samples.url(name), to: dir.appendingPathComponent(name))
        }
        return dir.path
    }
}

enum Samples {
    static let names = ["000_e13b2afc85fcbd71.txt", "001_38454eab360f1f82.txt", "002_99ce95d519b90e4c.txt",
                        "003_1cfa4c8badbadbf4.txt", "004_050a2b5ef843af37.txt"]
    static func url(_ name: String) -> URL {
        Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil)
            ?? Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(name)
    }
    static let analyzer: ArticleAnalyzer = {
        do { return try ArticleAnalyzer() } catch { fatalError("analyzer: \(error)") }
    }()
}

extension CorpusStore {
    func contentDump() throws -> [String] { try contentLines() }
}
