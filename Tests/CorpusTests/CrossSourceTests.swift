import Foundation
import GRDB
import Testing
@testable import Corpus

/// The cross-document results the user's samples call for.
@Suite("Across the samples", .serialized)
struct CrossSourceTests {
    static let corpus: (TempCorpus, CorpusStore) = {
        do {
            let t = try TempCorpus()
            let seeds = try t.copySamples()
            let store = try t.store()
            _ = try Ingester(store: store, analyzer: Samples.analyzer).ingest([seeds])
            return (t, store)
        } catch { fatalError("ingest: \(error)") }
    }()

    static func files(_ s: Story) -> Set<String> { Set(s.reports.map { String(($0.path as NSString).lastPathComponent.prefix(3)) }) }

    @Test func pekingUniversityAgreementIsOneStoryWithThreeSources() throws {
        let stories = try Self.corpus.1.stories(type: "cooperation")
        let pku = stories.filter { $0.parties.contains("北京大学") }
        #expect(pku.count == 1)
        #expect(pku.first.map(Self.files) == ["000", "001", "004"])
        #expect(pku.first?.date?.hasSuffix("08-18") == true)
    }

    @Test func casAgreementIsOneStoryWithTwoSources() throws {
        let stories = try Self.corpus.1.stories(type: "cooperation")
        let cas = stories.filter { $0.parties.contains("中国科学院") }
        #expect(cas.count == 1)
        #expect(cas.first.map(Self.files) == ["001", "003"])
        #expect(cas.first?.date == "2020-12-15")
    }

    @Test func onlyThePekingAndCASAgreementsSpanSeveralDocuments() throws {
        let multi = try Self.corpus.1.stories().filter { Self.files($0).count > 1 }
        #expect(multi.count == 2)
        #expect(Set(multi.map { Self.files($0) }) == [["000", "001", "004"], ["001", "003"]])
    }

    @Test func twentyVersusEighteenIsTheOnlyConflict() throws {
        let conflicts = try Self.corpus.1.conflicts()
        #expect(conflicts.count == 1)
        let c = try #require(conflicts.first)
        #expect(c.indicator.contains("双一流"))
        #expect(Set([c.a.value, c.b.value]) == [18, 20])
        #expect(Set([c.a.path, c.b.path].map { String(($0 as NSString).lastPathComponent.prefix(3)) }) == ["000", "004"])
        #expect(c.a.sentence.contains(c.a.text.replacingOccurrences(of: " ", with: "")) || !c.a.sentence.isEmpty)
    }

    @Test func repeatedFiguresThatAgreeAreNotConflicts() throws {
        let conflicts = try Self.corpus.1.conflicts()
        for figure in ["11所", "8所", "70个", "800余名", "138项", "38家", "56项"] {
            #expect(!conflicts.contains { $0.a.text == figure || $0.b.text == figure }, "false conflict on \(figure)")
        }
        // …and those figures were compared: each is a claim reported by both 000 and 004.
        let keys = try Self.corpus.1.read { db in
            try Int.fetchOne(db, sql: """
                SELECT count(DISTINCT claim_key) FROM quantity WHERE claim_key IS NOT NULL
                AND text IN ('11所', '8所', '70个', '800余名', '138项', '56项')
                """)
        }
        #expect((keys ?? 0) >= 5)
    }

    @Test func searchFindsEveryArticleContainingTheWord() throws {
        let store = Self.corpus.1
        for word in ["重庆", "芯片", "北京大学", "人工智能", "科学城"] {
            let expected = try store.read { db in
                Set(try Int64.fetchAll(db, sql: "SELECT id FROM article WHERE instr(body, ?) > 0 OR instr(coalesce(title, ''), ?) > 0",
                                       arguments: [word, word]))
            }
            let found = Set(try store.search(SearchQuery(text: word, limit: 100)).map(\.id))
            #expect(!expected.isEmpty)
            #expect(found == expected, "\(word): found \(found.sorted()), expected \(expected.sorted())")
        }
    }

    @Test func searchRanksHighlightsAndFilters() throws {
        let store = Self.corpus.1
        let hits = try store.search(SearchQuery(text: "中国科学院 战略合作协议"))
        #expect(hits.first?.path.contains("003") == true)
        #expect(hits.first?.snippet.contains("【") == true)
        let coop = try store.search(SearchQuery(text: "重庆", eventType: "cooperation", limit: 50))
        #expect(!coop.isEmpty)
        #expect(coop.count < (try store.search(SearchQuery(text: "重庆", limit: 50))).count)
        let byAlias = try store.search(SearchQuery(text: "", entity: "北大", limit: 50))
        #expect(Set(byAlias.map { String(($0.path as NSString).lastPathComponent.prefix(3)) }).isSuperset(of: ["000", "004"]))
        let dated = try store.search(SearchQuery(text: "重庆", from: "2020-12-01", to: "2020-12-31", limit: 50))
        #expect(!dated.isEmpty)
        #expect(dated.allSatisfy { ($0.published ?? "").hasPrefix("2020-12") })
        #expect(!(try store.search(SearchQuery(text: "", technology: "人工智能", limit: 50))).isEmpty)
        #expect(!(try store.search(SearchQuery(text: "", industry: "新一代信息技术产业", limit: 50))).isEmpty)
    }

    @Test func noSamplePairIsANearDuplicate() throws {
        // 004 reuses passages of 000 but each has large parts the other lacks (shingle
        // resemblance 0.15): related articles, not a reprint.
        let linked = try Self.corpus.1.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM article WHERE duplicate_of IS NOT NULL") }
        #expect(linked == 0)
    }

    @Test func briefingHasTheStoriesSourcesAndConflict() throws {
        let b = try Self.corpus.1.briefing(BriefingOptions())
        #expect(b.contains("## 重点事件"))
        #expect(b.contains("来源（3）"))
        #expect(b.contains("## 待核实的数字"))
        #expect(b.contains("20所") && b.contains("18所"))
        #expect(b.contains("## 技术热度"))
    }

    @Test func exportsCSVWithBOMAndQuotedFields() throws {
        var out = ""
        try Self.corpus.1.export(.csv) { out += $0 }
        #expect(out.hasPrefix("\u{FEFF}id,published,title"))
        let lines = out.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count >= 8)   // header + 7 articles (bodies are not exported; summaries have no raw newlines)
        var jsonl = ""
        try Self.corpus.1.export(.jsonl) { jsonl += $0 }
        let objects = jsonl.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(objects.count == 7)
        #expect(objects.allSatisfy { $0["id"] != nil && $0["story_ids"] != nil && $0["events"] != nil })
    }

    @Test func statsAndEntitiesViews() throws {
        let stats = try Self.corpus.1.stats()
        #expect(stats.articles == 7)
        #expect(stats.conflicts == 1)
        #expect(stats.months.reduce(0) { $0 + $1.articles } == 7)
        #expect(stats.months.contains { $0.month == "2020-12" && $0.articles == 4 })   // 001 and the three stories of 003
        #expect(stats.months.reduce(0) { $0 + $1.events } == stats.events)
        #expect(stats.industries.contains { $0.category == "新一代信息技术产业" })
        let orgs = try Self.corpus.1.entities(type: "organization", limit: 50)
        let pku = try #require(orgs.first { $0.name == "北京大学" })
        #expect(pku.articles == 3)
        #expect(pku.cooccurring.contains { $0.name == "重庆市人民政府" })
        let places = try Self.corpus.1.entities(type: "place", limit: 5)
        #expect(places.first?.name == "重庆市")
        #expect(places.first?.aliases.contains("我市") == true)
    }
}
