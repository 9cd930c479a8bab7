import ArgumentParser
import Evaluation
import Foundation
import Reading

struct EvalExtraction: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extraction",
        abstract: "Body F1, author and date accuracy of HTML extraction against gold records.",
        discussion: """
            --pages holds ID.html, --gold holds ID.json ({"body","author","date"}; "UNKNOWN" when absent). \
            Body F1 is bag-of-characters F1 with white space ignored; dates are compared at the gold's \
            precision (day, or minute when the gold has a time). --speed only extracts every page in --pages \
            (one thread) and prints pages/s.
            """
    )

    @Option(help: "The folder of pages (ID.html).") var pages: String
    @Option(help: "The folder of gold records (ID.json).") var gold: String?
    @Flag(help: "Print the scores as JSON.") var json = false
    @Option(help: "How many failing pages to list.") var show = 10
    @Option(help: ArgumentHelp("Write each page's extraction as JSON Lines {id, body, author, date} to this file.", visibility: .hidden))
    var dump: String?
    @Flag(help: "Only extract every page in --pages and print the speed.") var speed = false
    @Option(help: ArgumentHelp("Print the text blocks and scores of one page (a diagnostic).", visibility: .hidden))
    var explain: String?

    func run() throws {
        if let explain {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: explain)))
            print(try HTMLExtractor.explain(bytes: bytes, path: explain))
            return
        }
        if speed {
            try runSpeed()
            return
        }
        guard let gold else {
            throw ValidationError("--gold is required (unless --speed)")
        }
        let result = try WebExtractionEvaluation.run(pagesDirectory: pages, goldDirectory: gold)
        if let dump {
            var out = ""
            for page in result.pages {
                let obj: [String: Any] = [
                    "id": page.id, "body": page.body, "author": page.authors.joined(separator: " "),
                    "date": page.published ?? "",
                ]
                let data = try JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys])
                out += String(decoding: data, as: UTF8.self) + "\n"
            }
            try out.write(toFile: dump, atomically: true, encoding: .utf8)
        }
        if json {
            print(result.jsonLine)
        } else {
            for line in result.failures(limit: show) { print(line) }
            print(result.summary)
        }
    }

    func runSpeed() throws {
        let fm = FileManager.default
        let files = try fm.contentsOfDirectory(atPath: pages)
            .filter { $0.hasSuffix(".html") || $0.hasSuffix(".htm") }.sorted()
        let started = Date()
        var bytes = 0
        var chars = 0
        for file in files {
            let path = (pages as NSString).appendingPathComponent(file)
            let data = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            bytes += data.count
            let r = try HTMLExtractor.extract(bytes: data, path: path)
            chars += r.text.utf8.count
        }
        let seconds = Date().timeIntervalSince(started)
        let mb = Double(bytes) / 1_048_576
        let line = String(format: "%d pages, %.1f MB in %.3f s: %.1f pages/s, %.1f MB/s (%d bytes of text)",
                          files.count, mb, seconds, Double(files.count) / max(seconds, 1e-9), mb / max(seconds, 1e-9), chars)
        if json {
            print("{\"pages\":\(files.count),\"bytes\":\(bytes),\"seconds\":\(seconds),\"pages_per_second\":\(Double(files.count) / max(seconds, 1e-9))}")
        } else {
            print(line)
        }
    }
}
