import ChineseText
import Foundation
import GRDB
import Testing
@testable import Corpus

@Suite("FTS5 tokenizer")
struct TokenizerTests {
    func tokens(_ text: String, query: Bool) throws -> [(String, Bool)] {
        let q = try DatabaseQueue()
        return try q.read { db in
            db.add(tokenizer: SegmenterTokenizer.self)
            let t = try db.makeTokenizer(.init(components: ["kechuang"]))
            let list = query ? try t.tokenize(query: text) : try t.tokenize(document: text)
            return list.map { ($0.token, $0.flags.contains(.colocated)) }
        }
    }

    @Test func longWordsAlsoIndexTheirWordsAtTheSamePosition() throws {
        let doc = try tokens("重庆市与中国科学院签署协议", query: false)
        let words = doc.map(\.0)
        #expect(words.contains("重庆市"))
        #expect(words.contains("中国科学院"))
        // 重庆 is colocated with 重庆市, 科学院 with 中国科学院.
        #expect(doc.contains { $0 == ("重庆", true) })
        #expect(doc.contains { $0 == ("科学院", true) })
        // The first token at a position is never colocated.
        #expect(doc.first?.1 == false)
        // Punctuation is not indexed.
        #expect(!(try tokens("重庆，芯片。", query: false)).contains { $0.0 == "，" || $0.0 == "。" })
    }

    @Test func queriesUseTheDefaultSegmentationOnly() throws {
        let q = try tokens("中国科学院", query: true)
        #expect(q.map(\.0) == ["中国科学院"])
        #expect(q.allSatisfy { !$0.1 })
    }

    @Test func latinIsFoldedAndFullWidthNormalized() throws {
        let d = try tokens("ＡＩ与5G和AIoT", query: false).map(\.0)
        #expect(d.contains("ai"))
        #expect(d.contains("5g"))
        #expect(d.contains("aiot"))
    }

    @Test func byteOffsetsPointIntoTheText() throws {
        let (scalars, offsets) = "重庆a".utf8CString.withUnsafeBufferPointer { p in
            p.withMemoryRebound(to: UInt8.self) { SegmenterTokenizer.decode(UnsafeBufferPointer(rebasing: $0.dropLast())) }
        }
        #expect(scalars == [0x91CD, 0x5E86, 0x61])
        #expect(offsets == [0, 3, 6, 7])
    }

    @Test func queryExpressionQuotesEachTermAsAPhrase() throws {
        let seg = try Segmenter.standard()
        #expect(SearchQuery(text: "大数据研究院 芯片").matchExpression(segmenter: seg) == "\"大数据 研究院\" AND \"芯片\"")
        #expect(SearchQuery(text: "“西部 科学城”").matchExpression(segmenter: seg)?.hasPrefix("\"西部") == true)
        #expect(SearchQuery(text: "，。").matchExpression(segmenter: seg) == nil)
    }
}
