import ChineseText
import Foundation
import Testing
@testable import Keywords

@Suite("Word tables")
struct WordTablesTests {
    func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    @Test func parsesIDFLines() throws {
        let text = "\u{FEFF}劳动防护 13.900677652\n岗上 11.5\r\nAI 7\n劳动防护 2.25\n\n"
        let builder = try bytes(text).withUnsafeBufferPointer { try WordTables.parseIDF($0, path: "t") }
        let table = builder.build()
        #expect(table.count == 3)
        #expect(table.value("岗上") == 11.5)
        #expect(table.value("AI") == 7)
        #expect(table.value("劳动防护") == 2.25) // the last value wins, as in jieba's dict
        #expect(table.value("劳动") == nil)
    }

    @Test func reportsTheBadLine() {
        #expect(throws: KeywordError.invalidData(path: "t", line: 2, reason: "expected 'word idf'")) {
            _ = try bytes("岗上 11.5\n岗下\n").withUnsafeBufferPointer { try WordTables.parseIDF($0, path: "t") }
        }
    }

    @Test func parsesTheLexicon() throws {
        let data = Data("# comment\n大数据智能化 800 nz\n  西部(重庆)科学城 800 ns\n5G\n".utf8)
        let table = try WordTables.parseLexicon(data, path: "t").build()
        #expect(table.count == 3)
        #expect(table.value("西部(重庆)科学城") == 1)
        #expect(table.value("5G") == 1)
        #expect(table.value("# comment") == nil)
    }

    @Test func tableGrowsAndFindsEveryKey() {
        var b = ScalarTable.Builder(expectedCount: 2)
        for i in 0..<5000 { b.add("词\(i)", value: Float(i)) }
        let t = b.build()
        #expect(t.count == 5000)
        for i in stride(from: 0, to: 5000, by: 7) { #expect(t.value("词\(i)") == Float(i)) }
        #expect(t.value("词5000") == nil)
    }

    @Test func headCounts() {
        var b = ScalarTable.Builder()
        for w in ["模型", "数学模型", "物理模型", "概率模型", "甲醇", "甲醇钠"] { b.add(w, value: 10) }
        WordTables.countHeads(&b)
        let t = b.build()
        let scalars = "模型甲醇".unicodeScalars.map(\.value)
        scalars.withUnsafeBufferPointer { s in
            #expect(t.entry(s, 0, 2).map { t.sideValue(at: $0) } == 3)
            #expect(t.entry(s, 2, 4).map { t.sideValue(at: $0) } == 0)
        }
    }

    @Test func compiledTableRoundTripsThroughAFile() throws {
        var b = ScalarTable.Builder()
        for w in ["硅光芯片", "集成电路", "AI"] { b.add(w, value: 9.5) }
        var w = BlobWriter()
        w.add(UInt64(42))
        b.write(to: &w)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kw-\(UUID().uuidString).bin")
        defer { try? FileManager.default.removeItem(at: url) }
        try w.finish().write(to: url)
        let blob = try #require(RawBlob.map(path: url.path))
        var r = BlobReader(blob)
        #expect(r.value() == 42)
        let t = try #require(ScalarTable(reader: &r))
        #expect(t.value("集成电路") == 9.5)
        #expect(t.value("芯片") == nil)
        // A truncated blob is rejected, not read past its end.
        var short = BlobWriter()
        short.add(UInt64(1 << 20))
        var r2 = BlobReader(short.finish())
        #expect(ScalarTable(reader: &r2) == nil)
    }

    @Test func medianAsJiebaTakesIt() {
        #expect(WordTables.median([3, 1, 2]) == 2)
        #expect(WordTables.median([4, 1, 3, 2]) == 3) // sorted[count / 2]
        #expect(WordTables.median([]) == 0)
    }

    @Test func bundledTables() throws {
        let tables = try WordTables.bundled()
        #expect(tables.idf.count > 200_000)
        #expect(abs((tables.idf.value("发展") ?? 0) - 3.575) < 0.01)
        #expect(abs(tables.medianIDF - 11.95) < 0.05)
        #expect(tables.lexicon.value("大数据智能化") == 1)
        let s = "模型甲醇".unicodeScalars.map(\.value)
        s.withUnsafeBufferPointer { s in
            #expect(tables.idf.entry(s, 0, 2).map { tables.idf.sideValue(at: $0) } ?? 0 > 10)
        }
    }
}
