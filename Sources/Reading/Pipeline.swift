import ChineseText
import Foundation

/// Reading and cleaning, from raw documents to articles: clean and split (`TextCleaner`),
/// then detect the script and convert body and metadata to simplified Chinese, keeping the
/// original body.
public struct ReadingPipeline: Sendable {
    let cleaner = TextCleaner()
    let converter: ChineseConverter?

    public init() {
        converter = try? ChineseConverter(profile: .auto)
    }

    /// The articles of one raw document (none when it holds no text).
    public func articles(from raw: RawDocument) -> [Article] {
        let cleaned = cleaner.clean(raw)
        var articles: [Article] = []
        for (index, piece) in cleaned.enumerated() {
            let original = piece.paragraphs.joined(separator: "\n")
            if original.isEmpty { continue }
            // One count of the body gives its script and its conversion (see
            // `ChineseConverter.convertDetectingScript`).
            let both = converter?.convertDetectingScript(original)
            let script = both?.script ?? ScriptDetector.detect(original).script
            func simplified(_ s: String?) -> String? {
                guard let s, !s.isEmpty else { return nil }
                return converter?.convert(s) ?? s
            }
            let meta = piece.metadata
            articles.append(Article(
                sourcePath: raw.sourcePath,
                part: index,
                title: simplified(meta.title),
                url: meta.url,
                source: simplified(meta.source),
                authors: meta.authors.map { simplified($0) ?? $0 },
                published: meta.published,
                section: simplified(meta.section),
                page: meta.page,
                script: script,
                body: both?.text ?? converter?.convert(original) ?? original,
                originalBody: original,
                captions: piece.captions.map { converter?.convert($0) ?? $0 },
                removed: piece.removed))
        }
        // Renumber: an empty piece takes no index.
        for k in articles.indices { articles[k].part = k }
        return articles
    }
}
