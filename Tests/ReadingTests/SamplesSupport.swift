import Foundation
import Testing
@testable import Reading

/// The user's five sample documents (Fixtures/000_*.txt … 004_*.txt), cleaned once per process.
enum Samples {
    static let names = [
        "000_e13b2afc85fcbd71", "001_38454eab360f1f82", "002_99ce95d519b90e4c",
        "003_1cfa4c8badbadbf4", "004_050a2b5ef843af37",
    ]

    static func text(_ n: Int) throws -> String {
        let url = try #require(Bundle.module.url(forResource: names[n], withExtension: "txt", subdirectory: "Fixtures"),
                               "missing fixture \(names[n])")
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The document as its reader hands it over. 000 is a field record: the record reader gives
    /// the 总结 field as the body, with 标题 and 链接 as metadata (simulated here).
    static func raw(_ n: Int) throws -> RawDocument {
        let text = try text(n)
        let path = names[n] + ".txt"
        guard n == 0 else { return RawDocument(sourcePath: path, kind: .text, text: text) }
        var meta = DocumentMetadata()
        var body = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("标题:") { meta.title = line.dropFirst(3).trimmingCharacters(in: .whitespaces) }
            if line.hasPrefix("链接:") { meta.url = line.dropFirst(3).trimmingCharacters(in: .whitespaces) }
            if line.hasPrefix("总结:") { body = line.dropFirst(3).trimmingCharacters(in: .whitespaces) }
        }
        return RawDocument(sourcePath: path, kind: .record, text: body, metadata: meta)
    }

    static func articles(_ n: Int) throws -> [CleanArticle] {
        TextCleaner().clean(try raw(n))
    }

    /// Text without any white space, for comparing after OCR repair.
    static func squeezed(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.filter { !$0.properties.isWhitespace }))
    }

    static func occurrences(of needle: String, in hay: String) -> Int {
        hay.components(separatedBy: needle).count - 1
    }

    /// Checks that no noise string is left in any paragraph, and every sentence is in the body.
    static func check(_ articles: [CleanArticle], noise: [String], sentences: [String],
                      sourceLocation: SourceLocation = #_sourceLocation) {
        let body = squeezed(articles.map(\.body).joined(separator: "\n"))
        for n in noise {
            for a in articles {
                for p in a.paragraphs {
                    #expect(!p.contains(n), "noise \"\(n)\" survives in: \(p)", sourceLocation: sourceLocation)
                }
            }
        }
        for s in sentences {
            #expect(body.contains(squeezed(s)), "sentence lost: \(s)", sourceLocation: sourceLocation)
        }
    }
}
