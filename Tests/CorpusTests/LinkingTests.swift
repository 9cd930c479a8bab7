import Foundation
import GRDB
import Testing
@testable import Corpus

@Suite("Cross-document linking", .serialized)
struct LinkingTests {
    /// A syndicated copy: another headline and source, a paragraph dropped, a few characters changed.
    static func reprint(of text: String) -> String {
        var lines = text.components(separatedBy: "\n")
        if let i = lines.firstIndex(where: { $0.hasPrefix("标题") }) { lines[i] = "标题: 重庆大数据智能化创新发展提速" }
        if let i = lines.firstIndex(where: { $0.hasPrefix("链接") }) { lines[i] = "链接: https://example.org/reprint.html" }
        var out = lines.joined(separator: "\n")
        if let r = out.range(of: "有VR(虚拟现实)太极") { out.replaceSubrange(r, with: "有VR太极") }
        out = out.replacingOccurrences(of: "记者", with: "本报记者")
        return out
    }

    @Test func aReprintIsLinkedToItsOriginalAndSearchShowsIt() throws {
        let t = try TempCorpus()
        let dir = try t.copySamples([Samples.names[0]])
        let original = try String(contentsOf: Samples.url(Samples.names[0]), encoding: .utf8)
        try Self.reprint(of: original).write(toFile: (dir as NSString).appendingPathComponent("zz_reprint.txt"), atomically: true, encoding: .utf8)
        let store = try t.store()
        _ = try Ingester(store: store, analyzer: Samples.analyzer).ingest([dir])
        let links = try store.read { db in
            try Row.fetchAll(db, sql: "SELECT r.source_path, o.source_path FROM article r JOIN article o ON o.id = r.duplicate_of")
                .map { (($0[0] as String) as NSString).lastPathComponent + "→" + (($0[1] as String) as NSString).lastPathComponent }
        }
        #expect(links == ["zz_reprint.txt→" + Samples.names[0]])
        let hits = try store.search(SearchQuery(text: "北京大学重庆大数据研究院"))
        #expect(hits.count == 2)
        #expect(hits.contains { $0.duplicateOf != nil })
        // Both copies report the same events: each story has the two of them as sources.
        let pku = try store.stories(type: "cooperation").filter { $0.parties.contains("北京大学") }
        #expect(pku.count == 1)
        #expect(pku.first?.sourceCount == 2)
    }

    @Test func storiesDoNotDependOnTheOrderReportsArrive() throws {
        // 004 and 001 share only 北京大学 and start two stories; 000 shows they are one.
        let t = try TempCorpus()
        let dir = try t.copySamples()
        let store = try t.store()
        let order = [4, 1, 3, 2, 0].map { (dir as NSString).appendingPathComponent(Samples.names[$0]) }
        let ingester = Ingester(store: store, analyzer: Samples.analyzer, batchSize: 1)
        for path in order { _ = try ingester.ingest([path]) }
        let coop = try store.stories(type: "cooperation")
        let pku = coop.filter { $0.parties.contains("北京大学") }
        #expect(pku.count == 1)
        #expect(pku.first?.sourceCount == 3)
        #expect(coop.filter { $0.parties.contains("中国科学院") }.first?.sourceCount == 2)
        #expect(try store.conflicts().count == 1)
    }
}
