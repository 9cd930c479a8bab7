import Foundation
import Testing
@testable import Reading

@Suite("Readers")
struct ReaderTests {
    func fixture(_ prefix: String) throws -> String {
        let dir = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: dir.path).first { $0.hasPrefix(prefix) })
        return dir.appendingPathComponent(name).path
    }

    func temp(_ name: String, _ bytes: [UInt8]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kechuang-reader-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test func recordFormatIsRecognized() throws {
        let docs = try DocumentReader().read(path: try fixture("000_"))
        #expect(docs.count == 1)
        let doc = try #require(docs.first)
        #expect(doc.kind == .record)
        #expect(doc.metadata.title == "西部科技创新中心建设“加速跑”")
        #expect(doc.metadata.url?.hasPrefix("http://baijiahao.baidu.com/") == true)
        #expect(doc.text.hasPrefix("人工智能辅助临床勾画放疗靶区"))
        #expect(!doc.text.contains("关键词:"))
        #expect(!doc.text.contains("重大事件摘要"))
    }

    @Test func recordFieldsRunOverLines() {
        let fields = RecordReader.fields(of: "标题: T\n链接: http://x\n总结: 第一段\n重大事件摘要: 1. A\n\n2. B\n")
        #expect(fields?.map(\.name) == ["标题", "链接", "总结", "重大事件摘要"])
        #expect(fields?.last?.value == "1. A\n\n2. B")
        #expect(RecordReader.fields(of: "今天天气很好。\n标题: 不是记录") == nil)
    }

    @Test func plainTextIsNotARecord() throws {
        let docs = try DocumentReader().read(path: try fixture("001_"))
        #expect(docs.first?.kind == .text)
        #expect(docs.first?.text.contains("硅光芯片") == true)
    }

    @Test func jsonLinesWithABadLine() throws {
        let lines = """
        {"url":"http://a.cn/1","title":"标题一","text":"重庆科技创新。","published":"2020-12-25"}

        not json
        {"title":"只有标题"}
        {"url":"http://a.cn/2","text":"第二篇。","author":"张三、李四"}
        """
        let path = try temp("in.jsonl", Array(lines.utf8))
        let docs = try DocumentReader().read(path: path)
        #expect(docs.count == 2)
        #expect(docs[0].metadata.title == "标题一")
        #expect(docs[0].metadata.published == "2020-12-25")
        #expect(docs[0].sourcePath.hasSuffix("in.jsonl:1"))
        #expect(docs[1].metadata.authors == ["张三", "李四"])
        // Line 3 is not JSON; line 4 has no text: both reported with their line numbers.
        #expect(docs[0].warnings.contains { $0.contains("in.jsonl:3") })
        #expect(docs[0].warnings.contains { $0.contains("in.jsonl:4") })
    }

    @Test func emptyJSONLinesFileGivesNothing() throws {
        #expect(try DocumentReader().read(path: try temp("empty.jsonl", [])).isEmpty)
        #expect(throws: ReadingError.self) { try DocumentReader().read(path: try temp("bad.jsonl", Array("{oops\n".utf8))) }
    }

    @Test func foldersAreWalkedAndMissingPathsNamed() throws {
        let a = try temp("a.txt", Array("甲".utf8))
        let dir = (a as NSString).deletingLastPathComponent
        try Data("<html><body><p>乙</p></body></html>".utf8).write(to: URL(fileURLWithPath: dir + "/sub.html"))
        try Data([0, 1, 2]).write(to: URL(fileURLWithPath: dir + "/skip.bin"))
        let (files, errors) = DocumentReader.expand([dir, dir + "/missing.txt"])
        #expect(files.map { ($0 as NSString).lastPathComponent } == ["a.txt", "sub.html"])
        #expect(errors.count == 1)
        #expect(errors.first?.description.contains("missing.txt") == true)
    }

    @Test func binaryFileIsAClearError() throws {
        let path = try temp("photo.txt", [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D, 0, 1, 2, 3])
        #expect(throws: ReadingError.self) { try DocumentReader().read(path: path) }
    }

    @Test func pdfWithoutPdftotextSaysWhatToInstall() throws {
        let path = try temp("doc.pdf", Array("%PDF-1.4\n".utf8))
        if PDFReader.findTool("pdftotext") == nil {
            do {
                _ = try DocumentReader().read(path: path)
                Issue.record("expected an error")
            } catch let error as ReadingError {
                #expect(error.description.contains("poppler-utils"))
                #expect(error.description.contains("doc.pdf"))
            }
        } else {
            // A broken PDF: pdftotext fails, and the message names the file.
            #expect(throws: ReadingError.self) { try DocumentReader().read(path: path) }
        }
    }

    @Test func articleJSONKeepsFieldOrderAndEscapes() {
        let a = Article(sourcePath: "x.txt", title: "标\"题", authors: ["张三"], body: "第一段\n第二段",
                        removed: [Removal(rule: "copyright", text: "版权所有")])
        let json = a.jsonLine()
        #expect(json.hasPrefix("{\"source_path\":\"x.txt\",\"part\":0,\"title\":\"标\\\"题\""))
        #expect(json.contains("\"body\":\"第一段\\n第二段\""))
        #expect(json.contains("\"removed\":[{\"rule\":\"copyright\",\"text\":\"版权所有\"}]"))
        #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil)
    }
}
