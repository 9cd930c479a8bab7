import Foundation
import Testing
@testable import Reading

/// Bad input from the issue: each gives text or a clear error naming the file, never a crash.
@Suite("Bad input")
struct BadInputTests {
    let reader = DocumentReader()
    let pipeline = ReadingPipeline()

    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kechuang-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test func tenThousandNestedElements() throws {
        let html = "<html><body>" + String(repeating: "<div>", count: 10_000) + "<p>深层的正文，有标点。</p>"
            + String(repeating: "</div>", count: 10_000) + "</body></html>"
        let docs = try reader.read(path: try write("nested.html", Array(html.utf8)))
        let articles = docs.flatMap(pipeline.articles(from:))
        #expect(articles.first?.body.contains("深层的正文") == true)
    }

    @Test func malformedHTML() throws {
        let html = "<html><head><title>坏页面</title><body><p>未闭合的段落<div><p>重庆科技创新<<<>>> &amp; &bogus; <script>var x=\"</div>\";</script><p>第二段落，有标点。"
        let docs = try reader.read(path: try write("bad.html", Array(html.utf8)))
        let body = docs.flatMap(pipeline.articles(from:)).map(\.body).joined()
        #expect(body.contains("第二段落"))
        #expect(!body.contains("var x"))
    }

    @Test func pageWithoutArticle() throws {
        let html = "<html><head><title>首页</title></head><body><ul><li><a href=/a>新闻</a></li><li><a href=/b>关于我们</a></li></ul></body></html>"
        let docs = try reader.read(path: try write("nav.html", Array(html.utf8)))
        #expect(docs.flatMap(pipeline.articles(from:)).allSatisfy { !$0.body.contains("关于我们") })
    }

    @Test func emptyAndBadJSONLines() throws {
        let path = try write("e.jsonl", Array("{\"text\":\"第一篇文章正文。\"}\n\n{}\n{\"text\":\"\"}\n".utf8))
        let docs = try reader.read(path: path)
        #expect(docs.count == 1)
        #expect(docs[0].warnings.contains { $0.contains("e.jsonl:3") })
        #expect(docs[0].warnings.contains { $0.contains("e.jsonl:4") })
    }

    @Test func truncatedGBK() throws {
        // 重庆科技创新 in GBK, cut in the middle of its last character.
        let gbk: [UInt8] = [0xD6, 0xD8, 0xC7, 0xEC, 0xBF, 0xC6, 0xBC, 0xBC, 0xB4, 0xB4, 0xD0]
        let docs = try reader.read(path: try write("cut.txt", gbk))
        #expect(docs.first?.text.hasPrefix("重庆科技创") == true)
        #expect(docs.first?.warnings.contains { $0.contains("cut.txt") && $0.contains("byte 10") } == true)
    }

    @Test func binaryFileNamesTheFileOnce() throws {
        let path = try write("image.txt", [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D, 0, 1])
        do {
            _ = try reader.read(path: path)
            Issue.record("expected an error")
        } catch let error as ReadingError {
            #expect(error.description.hasPrefix(path + ": "))
            #expect(error.description.components(separatedBy: "image.txt").count == 2)
        }
    }
}
