import ChineseText
import Entities
import Foundation
import Keywords
@testable import Pipeline
import Reading
import Taxonomy
import Testing

/// One segmentation of the body shared by the taxonomy, entities and keywords gives what each
/// component finds when it segments the body itself.
@Suite("Shared segmentation")
struct SharedSegmentationTests {
    static let analyzer = Result { try ArticleAnalyzer() }

    /// The clean articles of the fixtures, plus texts with titles, Latin words and numbers at
    /// the edges.
    func articles() throws -> [(title: String?, body: String)] {
        let dir = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        var out: [(String?, String)] = [
            ("5G网络-2020", "-3.5℃，www.example.com 发布C++库。\n  中国科学院院长侯建国表示，人工智能化是方向"),
            (nil, "国家新一代人工智能创新发展试验区建设"),
            ("", "2020年8月18日"),
        ]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() {
            for raw in try DocumentReader().read(path: dir.appendingPathComponent(name).path) {
                for article in ReadingPipeline().articles(from: raw) { out.append((article.title, article.body)) }
            }
        }
        return out
    }

    @Test func defaultTokensFromSearchTokens() throws {
        let analyzer = try Self.analyzer.get()
        for (_, body) in try articles() {
            let words = BodySegmentation(body, segmenter: analyzer.segmenter)
            #expect(words.defaultTokens == analyzer.segmenter.tokenize(body))
        }
    }

    @Test func componentsAgree() throws {
        let analyzer = try Self.analyzer.get()
        for (title, body) in try articles() {
            let words = BodySegmentation(body, segmenter: analyzer.segmenter)
            let segmented = SegmentedText(body, scalars: words.scalars, searchTokens: words.searchTokens)
            let tech = analyzer.technologies.match(segmented)
            #expect(tech == analyzer.technologies.match(body))
            #expect(analyzer.industries.classify(segmented, technologies: tech) == analyzer.industries.classify(body, technologies: tech))
            #expect(analyzer.recognizer.recognize(body, tokens: words.defaultTokens) == analyzer.recognizer.recognize(body))
            let shared = analyzer.keywords.keywords(title: title, body: body, count: 8, bodyTokens: words.defaultTokens)
            #expect(shared.map(\.text) == analyzer.keywords.keywords(title: title, body: body, count: 8).map(\.text))
        }
    }
}
