import Analysis
import ArgumentParser
import Foundation
import Pipeline
import Reading

struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read, clean and analyze documents into full records.",
        discussion: """
        Everything `clean` does, then per article: a summary, keywords, technologies (with \
        counts), industries (mapped to the 2018 strategic emerging industries classification), \
        entities, quantities (money in yuan, counts, percentages, ranks), time expressions \
        normalized against the publication date, and typed events with date, parties, amount, \
        a one-line summary and the evidence sentence.

        Formats: jsonl (one JSON object per article), record (the field format of the first \
        sample: 标题, 链接, 总结, 关键词, AI技术, 行业, 重大事件摘要, then 来源, 作者, 发布时间, 正文), \
        markdown (a readable briefing section per article).

        Without a publication date in the document or --published, years the text does not \
        settle stay open (8月18日 → XXXX-08-18).
        """
    )

    @Option(help: "jsonl (default), record or markdown.")
    var format: String = "jsonl"

    @Option(help: "The publication date to assume for documents that give none (e.g. 2020-09-01).")
    var published: String?

    @Option(name: .customLong("technologies"), help: "A technology taxonomy file of your own (TSV: term, canonical, category, aliases, industry).")
    var technologyFiles: [String] = []

    @Argument(help: "Files or folders to read; - for standard input.")
    var paths: [String] = ["-"]

    func run() throws {
        guard ["jsonl", "record", "markdown"].contains(format) else { throw ValidationError("--format must be jsonl, record or markdown") }
        var base: Date?
        if let published {
            guard let d = ArticleAnalyzer.date(fromISO: published) else { throw ValidationError("--published must be a date such as 2020-09-01") }
            base = d
        }
        let analyzer: ArticleAnalyzer
        do { analyzer = try ArticleAnalyzer(userTechnologyFiles: technologyFiles.map { URL(fileURLWithPath: $0) }) } catch {
            throw CommandFailure("\(error)")
        }
        var out = Output()
        defer { out.flush() }
        try ArticleStream.forEach(paths, label: "analyzing") { article in
            var a = article
            var anchor: Date? = nil
            if a.published == nil, let published, base != nil {
                a.published = published
                anchor = base
            }
            let record = analyzer.analyze(a, published: anchor)
            switch format {
            case "record": out.write(record.recordText() + "\n")
            case "markdown": out.write(record.markdown())
            default: out.write(try record.jsonLineBytes())
            }
        }
    }
}
