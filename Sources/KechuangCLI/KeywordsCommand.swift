import ArgumentParser
import ChineseText
import Evaluation
import Foundation
import Keywords

struct KeywordsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keywords",
        abstract: "Keyphrases of texts (TF-IDF over phrases, with position and domain features).",
        discussion: """
        Prints one line per input file: the keyphrases separated by tabs. With --tsv, reads a \
        keyword evaluation file (label<TAB>text<TAB>keywords per line) and prints the keyphrases \
        of each row's text, one row per line (used by scripts/peers_keywords.py).
        """
    )

    @Option(help: "How many keyphrases.") var count = 8
    @Option(help: "A TSV file: label, text, keywords per line.") var tsv: String?
    @Flag(name: .customLong("split-title"), help: "With --tsv: the text ends with its title; pass it as the title.") var splitTitle = false
    @Argument(help: "Files; standard input when none.") var files: [String] = []

    func run() throws {
        let extractor: KeywordExtractor
        do { extractor = try KeywordExtractor(segmenter: Segmenter.standard()) } catch { throw CommandFailure("\(error)") }
        var out = Output()
        if let tsv {
            let rows: [KeywordEvaluation.Row]
            do { rows = try KeywordEvaluation.readRows(tsv) } catch { throw CommandFailure("\(error)") }
            for row in rows {
                let (title, body) = splitTitle ? KeywordEvaluation.splitTitle(row.text) : (nil, row.text)
                out.write(extractor.keywords(title: title, body: body, count: count).map(\.text).joined(separator: "\t") + "\n")
            }
            out.flush()
            return
        }
        let failures = try Inputs.forEach(files) { input in
            out.write(extractor.keywords(title: nil, body: input.text, count: count).map(\.text).joined(separator: "\t") + "\n")
        }
        out.flush()
        if failures > 0 { throw ExitCode(1) }
    }
}

struct EvalKeywords: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keywords",
        abstract: "Precision/recall/F1@k of keyphrases against authors' keywords (CSL TSV format)."
    )

    @Option(help: "The TSV file (label<TAB>text<TAB>kw1_kw2_…).") var tsv: String
    @Option(help: "k.") var k = 5
    @Flag(name: .customLong("split-title"), help: "The text ends with its title; pass it as the title.") var splitTitle = false
    @Option(help: "How many documents' failures to print.") var show = 0

    func run() throws {
        let r = try KeywordEvaluation.run(tsvPath: tsv, k: k, splitTitle: splitTitle, showFailures: show)
        print(String(format: "documents %d  P@%d %.4f  R@%d %.4f  F1@%d %.4f", r.documents, k, r.precision, k, r.recall, k, r.f1))
    }
}
