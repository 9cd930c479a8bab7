import Analysis
import Foundation
import Pipeline
import Reading
import Testing

/// The user's samples through the whole pipeline: reading, cleaning, analysis.
@Suite("Sample analysis")
struct SampleAnalysisTests {
    static let analyzer = Result { try ArticleAnalyzer() }

    func records(_ prefix: String, published: String? = nil) throws -> [AnalysisRecord] {
        let dir = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: dir.path).first { $0.hasPrefix(prefix) })
        let analyzer = try Self.analyzer.get()
        var out: [AnalysisRecord] = []
        for raw in try DocumentReader().read(path: dir.appendingPathComponent(name).path) {
            for var article in ReadingPipeline().articles(from: raw) {
                var anchor: Date?
                if article.published == nil, let published {
                    article.published = published
                    anchor = ArticleAnalyzer.date(fromISO: published)
                }
                out.append(analyzer.analyze(article, published: anchor))
            }
        }
        return out
    }

    @Test func seed000EventsWithAPublicationDate() throws {
        let r = try #require(try records("000_", published: "2020-09-01").first)
        let cooperation = try #require(r.events.first { $0.type == .cooperation })
        #expect(cooperation.date == "2020-08-18")
        #expect(cooperation.parties.contains("重庆市人民政府"))
        #expect(cooperation.parties.contains("北京大学"))
        #expect(cooperation.summary.hasPrefix("2020年8月18日"))
        let approval = try #require(r.events.first { $0.type == .approval })
        #expect(approval.date == "2020-03")
        #expect(approval.parties == ["科学技术部"])
        #expect(r.events.contains { $0.type == .policy && $0.date == "2020-06" })
        #expect(r.events.contains { $0.type == .investment && $0.date == "2020-08" && $0.amount?.value == 20_000_000 })
    }

    @Test func seed000WithoutADateKeepsTheYearOpen() throws {
        let r = try #require(try records("000_").first)
        #expect(r.events.first { $0.type == .cooperation }?.date == "XXXX-08-18")
    }

    @Test func seed003AgreementWithTheAcademy() throws {
        let rs = try records("003_")
        #expect(rs.count == 3)
        let e = try #require(rs[0].events.first { $0.type == .cooperation })
        #expect(e.date == "2020-12-15")
        #expect(e.parties.prefix(2) == ["重庆市人民政府", "中国科学院"])
        #expect(rs[0].entities.contains { $0.name == "唐良智" && $0.type == "person" && $0.role == "市长" })
        #expect(rs[2].events.contains { $0.type == .project && $0.date == "2020-12-15" && $0.amount?.bound == .lower })
    }

    @Test func seed004IsAnalyzedInSimplifiedChinese() throws {
        let r = try #require(try records("004_", published: "2020-09-01").first)
        #expect(r.script == "traditional")
        #expect(r.authors == ["张亦筑"])
        #expect(r.events.contains { $0.type == .cooperation && $0.date == "2020-08-18" && $0.parties.contains("北京大学") })
        #expect(r.events.contains { $0.type == .achievement && $0.parties.contains("北京理工大学重庆创新中心") })
        #expect(r.quantities.contains { $0.kind == .money && $0.value == 50_000_000 })
        #expect(r.quantities.contains { $0.text == "18所" && $0.value == 18 })
    }

    @Test func seed000KeywordsTechnologiesIndustries() throws {
        let r = try #require(try records("000_").first)
        #expect(r.keywords.count >= 5 && r.keywords.count <= 10)
        for generic in ["创新", "发展", "建设", "产业"] { #expect(!r.keywords.contains(generic)) }
        let terms = Set(r.technologies.map(\.term))
        for t in ["人工智能", "物联网", "数字孪生", "大数据", "智能制造", "数控机床", "虚拟现实"] { #expect(terms.contains(t), "\(t)") }
        #expect(!terms.contains("VR体验"))
        #expect(r.industries.contains { $0.name == "大数据" && $0.category == "新一代信息技术产业" })
        #expect(r.industries.contains { $0.name == "高端装备" && $0.category == "高端装备制造产业" })
        #expect(r.quantities.contains { $0.kind == .money && $0.value == 29_600_000_000 && $0.approximate })
        #expect(r.quantities.contains { $0.text == "800余名" && $0.approximate })
        #expect(!r.summary.isEmpty)
        #expect(!r.summary.contains("人工智能辅助临床勾画放疗靶区")) // a caption
    }

    @Test func recordFormatRoundTrips() throws {
        let r = try #require(try records("000_", published: "2020-09-01").first)
        let text = r.recordText()
        let fields = try #require(RecordReader.fields(of: text))
        #expect(fields.map(\.name) == ["标题", "链接", "总结", "关键词", "AI技术", "行业", "重大事件摘要", "来源", "作者", "发布时间", "正文"])
        #expect(text.contains("2020年8月18日"))
        let json = try r.jsonLine()
        #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil)
    }
}
