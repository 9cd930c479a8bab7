import ArgumentParser
import Corpus
import Foundation

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export the corpus: jsonl, csv (UTF-8 with BOM, for Excel), markdown or record (the samples' field format).")

    @OptionGroup var corpus: CorpusOptions
    @Option(help: "jsonl, csv, markdown or record.") var format: String = "jsonl"
    @Option(help: "Output file (default: standard output).") var out: String?

    func run() throws {
        guard let f = ExportFormat(rawValue: format) else {
            throw ValidationError("--format must be one of " + ExportFormat.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let store = try corpus.open()
        var sink = try FileSink(path: out)
        defer { sink.close() }
        try store.export(f) { sink.write($0) }
    }
}

struct Brief: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A Markdown briefing: top stories with their sources, new organizations, technologies on the rise, conflicting figures to check.")

    @OptionGroup var corpus: CorpusOptions
    @Option(help: "From this publication day (YYYY[-MM[-DD]]).") var from: String?
    @Option(help: "Up to this publication day.") var to: String?
    @Option(help: "Output file (default: standard output).") var out: String?

    func run() throws {
        let text = try corpus.open().briefing(BriefingOptions(from: from, to: to))
        var sink = try FileSink(path: out)
        defer { sink.close() }
        sink.write(text)
    }
}

/// Buffered output to a file or standard output.
struct FileSink {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private let ownsHandle: Bool

    init(path: String?) throws {
        if let path {
            guard FileManager.default.createFile(atPath: path, contents: nil), let h = FileHandle(forWritingAtPath: path) else {
                throw ValidationError("cannot write \(path)")
            }
            handle = h
            ownsHandle = true
        } else {
            handle = FileHandle.standardOutput
            ownsHandle = false
        }
    }

    mutating func write(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count > 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func close() {
        flush()
        if ownsHandle { try? handle.close() }
    }
}
