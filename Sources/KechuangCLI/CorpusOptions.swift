import ArgumentParser
import Corpus
import Foundation

/// `--db PATH`, shared by the corpus commands.
struct CorpusOptions: ParsableArguments {
    @Option(help: "The corpus database (SQLite).")
    var db: String = "kechuang.sqlite"

    /// Opens the corpus; `mustExist` for read-only commands, so a typo does not create an empty file.
    func open(mustExist: Bool = true) throws -> CorpusStore {
        if mustExist && !FileManager.default.fileExists(atPath: db) {
            throw ValidationError("no corpus at \(db): run `kechuang ingest PATH... --db \(db)` first")
        }
        do { return try CorpusStore(path: db) } catch { throw CommandFailure("\(error)") }
    }
}

/// JSON for --json outputs (sorted keys, Chinese as is).
enum JSONOut {
    static func string<T: Encodable>(_ value: T) throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return String(decoding: try e.encode(value), as: UTF8.self)
    }
}

/// A failure reported as "Error: message" without the usage text (which ValidationError adds).
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
