import ArgumentParser
import Corpus
import Foundation
import Pipeline

struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read, clean and analyze documents into the corpus database.",
        discussion: """
        Runs on all cores and writes in batched transactions. Idempotent: a file whose content \
        is already stored is skipped, the same content under another path is linked without a \
        second copy, and a changed file replaces its old version. A run that is killed leaves a \
        consistent database; run it again to complete it. Each batch also links near-duplicate \
        articles, merges events reported by several sources into stories and flags conflicting \
        figures. Errors name their files and do not stop the batch.
        """
    )

    @OptionGroup var corpus: CorpusOptions

    @Option(help: "The publication date to assume for documents that give none (e.g. 2020-09-01).")
    var published: String?

    @Option(help: "Threads for reading and analysis (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Files per transaction.")
    var batch: Int = 64

    @Flag(help: "Print the report as JSON.")
    var json = false

    @Flag(help: "Then print a Markdown briefing of the whole corpus (as `kechuang brief`).")
    var brief = false

    @Argument(help: "Files or folders to ingest.")
    var paths: [String]

    func run() throws {
        if let published, ArticleAnalyzer.date(fromISO: published) == nil {
            throw ValidationError("--published must be a date such as 2020-09-01")
        }
        let store = try corpus.open(mustExist: false)
        let analyzer: ArticleAnalyzer
        do { analyzer = try ArticleAnalyzer() } catch { throw CommandFailure("\(error)") }
        let ingester = Ingester(store: store, analyzer: analyzer, batchSize: batch, jobs: jobs, defaultPublished: published)
        let started = Date()
        var bar: Progress?
        let report: IngestReport
        do {
            report = try ingester.ingest(paths) { p in
                if bar == nil { bar = Progress(total: p.total, label: "ingesting") }
                bar?.advance(p.path)
                // Without a terminal: a plain line every tenth of the files.
                let step = max(1, p.total / 10)
                if isatty(2) != 1 && p.total >= 10 && (p.done % step == 0 || p.done == p.total) {
                    Diagnostics.warn("ingested \(p.done)/\(p.total) files")
                }
            }
        } catch {
            bar?.finish()
            Diagnostics.warn("error: \(error)")
            Diagnostics.warn("batches written before the error are kept; run the command again to go on")
            throw ExitCode(1)
        }
        bar?.finish()
        let seconds = Date().timeIntervalSince(started)
        for w in report.warnings { Diagnostics.warn(w) }
        if json {
            print(try JSONOut.string(IngestSummary(report, seconds: seconds)))
        } else {
            let rate = seconds > 0 ? Double(report.articles) / seconds : 0
            print("\(report.files) files: \(report.added) added, \(report.updated) updated, \(report.unchanged) unchanged, "
                + "\(report.sameContent) same content as a stored file, \(report.errors.count) failed")
            print(String(format: "%d articles analysed in %.2f s (%.0f articles/s; reading and analysis %.2f s, writing %.2f s incl. cross-document %.2f s)",
                         report.articles, seconds, rate, report.analysisSeconds, report.writeSeconds, report.linkSeconds) + " → \(corpus.db)")
        }
        if brief {
            print("")
            do { print(try store.briefing(BriefingOptions())) } catch { throw CommandFailure("\(error)") }
        }
        if !report.errors.isEmpty {
            Diagnostics.warn("\(report.errors.count) inputs could not be ingested:")
            for e in report.errors { Diagnostics.warn("  \(e)") }
            throw ExitCode(1)
        }
    }
}

struct IngestSummary: Encodable {
    var files, added, updated, unchanged, sameContent, failed, articles: Int
    var seconds, analysisSeconds, writeSeconds, linkSeconds: Double
    var errors: [String]
    init(_ r: IngestReport, seconds: Double) {
        files = r.files; added = r.added; updated = r.updated; unchanged = r.unchanged; sameContent = r.sameContent
        failed = r.errors.count; articles = r.articles; self.seconds = seconds; errors = r.errors
        analysisSeconds = r.analysisSeconds; writeSeconds = r.writeSeconds; linkSeconds = r.linkSeconds
    }
    enum CodingKeys: String, CodingKey {
        case files, added, updated, unchanged, sameContent = "same_content", failed, articles, seconds, errors
        case analysisSeconds = "analysis_seconds", writeSeconds = "write_seconds", linkSeconds = "link_seconds"
    }
}
