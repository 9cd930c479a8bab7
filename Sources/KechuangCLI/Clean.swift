import ArgumentParser
import ChineseText
import Foundation
import Reading

struct Clean: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read and clean documents into articles with their metadata.",
        discussion: """
        Reads text files (UTF-8, GBK/GB18030, Big5), HTML pages, JSON Lines \
        ({"url","title","html"|"text","published",...} per line), field records (标题:/链接:/总结:…), \
        PDF (with pdftotext), folders (recursively) and standard input (-). Removes navigation, \
        footers, copyright clauses, mastheads, photo credits and other noise, repairs OCR layout, \
        splits newspaper pages into their articles, and finds title, date, source and authors.

        --format jsonl writes one JSON object per article: source_path, part, title, url, source, \
        authors, published (ISO 8601), section, page, script, body (simplified), original_body, \
        captions, removed (each removed piece with its rule). --format text writes readable text.
        """
    )

    @Option(help: "jsonl (default) or text.")
    var format: String = "jsonl"

    @Argument(help: "Files or folders to read; - for standard input.")
    var paths: [String] = ["-"]

    func run() throws {
        guard format == "jsonl" || format == "text" else { throw ValidationError("--format must be jsonl or text") }
        var out = Output()
        defer { out.flush() }
        try ArticleStream.forEach(paths, label: "cleaning") { article in
            out.write(format == "jsonl" ? article.jsonLine() + "\n" : Self.text(article))
        }
    }

    static func text(_ a: Article) -> String {
        var s = "# \(a.title ?? "(untitled)")\n"
        s += "source_path: \(a.sourcePath)  part: \(a.part)\n"
        if let v = a.published { s += "published: \(v)\n" }
        if let v = a.source { s += "source: \(v)\n" }
        if !a.authors.isEmpty { s += "authors: \(a.authors.joined(separator: ", "))\n" }
        if let v = a.section { s += "section: \(v)\n" }
        if let v = a.url { s += "url: \(v)\n" }
        s += "\n\(a.body)\n"
        if !a.captions.isEmpty { s += "\ncaptions:\n" + a.captions.map { "  \($0)\n" }.joined() }
        return s + "\n"
    }
}

/// Reads files and folders into clean articles for a command: expands the paths, shows
/// progress, reports each unreadable file (naming it) and goes on with the rest, and exits
/// with status 1 at the end when some input could not be read.
enum ArticleStream {
    static func forEach(_ paths: [String], label: String, _ body: (Article) throws -> Void) throws {
        let (files, expandErrors) = DocumentReader.expand(paths)
        for e in expandErrors { Diagnostics.warn(e.description) }
        let reader = DocumentReader()
        let pipeline = ReadingPipeline()
        var failures = expandErrors.count
        var progress = Progress(total: files.count, label: label)
        for file in files {
            progress.advance(file)
            do {
                for raw in try reader.read(path: file) {
                    for w in raw.warnings { Diagnostics.warn(w) }
                    let articles = pipeline.articles(from: raw)
                    if articles.isEmpty && raw.warnings.isEmpty {
                        Diagnostics.warn(ReadingError.noArticle(path: raw.sourcePath).description)
                    }
                    for article in articles { try body(article) }
                }
            } catch let error as ReadingError {
                Diagnostics.warn(error.description)
                failures += 1
            }
        }
        progress.finish()
        if failures > 0 {
            Diagnostics.warn("\(failures) of \(files.count + expandErrors.count) inputs could not be read")
            throw ExitCode(1)
        }
    }
}

/// A progress line on standard error when it is a terminal (plain lines are not written
/// otherwise, so logs stay clean).
struct Progress {
    let total: Int
    let label: String
    private var done = 0
    private let isTerminal = isatty(2) == 1
    private var lastDraw = Date.distantPast

    init(total: Int, label: String) {
        self.total = total
        self.label = label
    }

    mutating func advance(_ item: String) {
        done += 1
        guard isTerminal, total > 1 else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) > 0.1 || done == total else { return }
        lastDraw = now
        let width = 30
        let filled = total == 0 ? width : done * width / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        let name = (item as NSString).lastPathComponent
        FileHandle.standardError.write(Data("\r\(label) \(bar) \(done)/\(total) \(name.prefix(40))\u{1B}[K".utf8))
    }

    func finish() {
        guard isTerminal, total > 1 else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
