import ChineseText
import Foundation
import Testing
@testable import Keywords

/// Paragraphs from the user's own samples (Examples/seeds/000_* and 001_*).
enum Samples {
    static let title1 = "西部科技创新中心建设“加速跑”"
    static let body1 = """
        推进大数据智能化创新发展，对加快西部(重庆)科学城建设、打造具有全国影响力的西部科技创新中心起到重要支撑作用。\
        “国家新一代人工智能创新发展试验区将充分发挥人工智能溢出带动性强的‘头雁’效应，推动汽摩产业转型升级、装备制造业提振、\
        ‘芯屏器核网’全产业链构建和智慧城市高质量建设。”市科技局相关负责人表示。如在智能网联汽车领域，我市将加快推动长安汽车、\
        金康汽车等企业的L3/L4智能汽车产业化，促进5G、人工智能技术在智能汽车上的融合应用，开展城市级智能网联汽车大规模、\
        综合性应用示范，提升汽车产业发展能级。相关研发机构在大数据、智能制造、互联网等领域成功转化科研成果138项，\
        孵化科技型企业38家，形成核心关键技术自主知识产权56项，有力推动了产业转型升级。“下一步，我们还将围绕加快建设\
        具有全国影响力的科技创新中心，高水平建设西部(重庆)科学城，通过政策‘组合拳’，让更多大数据智能化创新资源在重庆加速聚集。”
        """

    static let title2 = "创新驱动 “智造重镇”“智慧名城”正成为重庆新名片"
    static let body2 = """
        位于西永微电园内一个不足70平方米的实验室,硅光芯片在这里经历各种测试——这是全国首个能够实现硅光芯片全流程封装测试的实验室。
        硅光芯片是未来信息产业发展的前沿技术,也是未来集成电路发展的重要趋势之一,英特尔、IBM、华为等知名企业都在这一领域进行了布局。
        如今,重庆已具备硅光领域全流程自主工艺制造能力,并开始向全球提供硅光芯片流片服务和光电设计自动化设计服务。
        目前,西永微电园已吸引一批知名集成电路企业落户,集成电路产业不断壮大。2019年10月,重庆入选首批国家数字经济创新发展试验区。
        今年6月,重庆成为全国首个启动实施的国家数字经济创新发展试验区(以下简称试验区)。不论是传统制造业、农业还是服务业,
        都在积极拥抱互联网,数字经济创新发展试验区的改革实践正在深入推进。
        """

    /// Policy boilerplate made of generic words, with numbers and dates.
    static let generic = """
        各地要加快推进产业创新发展，扎实做好建设工作，推进产业发展，加快建设创新体系，推动工作落实，加快产业建设，\
        推进创新工作，促进经济社会发展。2020年12月25日，全市投资296亿元，实施项目1379项，增长25.5%。
        """

    /// Bare generic words that must never be keyphrases by themselves.
    static let genericWords = ["创新", "发展", "建设", "产业", "工作", "推进", "加快", "推动", "促进", "全国", "我市", "重要"]
}

@Suite("KeywordExtractor")
struct KeywordExtractorTests {
    let extractor: KeywordExtractor

    init() throws { extractor = try KeywordExtractor(segmenter: try Segmenter.standard()) }

    @Test func multiWordTermsOfTheFirstSample() {
        let texts = extractor.keywords(title: Samples.title1, body: Samples.body1).map(\.text)
        #expect(texts.count == 8)
        for term in ["西部(重庆)科学城", "大数据智能化", "产业转型升级", "智能网联汽车"] {
            #expect(texts.contains(term), "\(term) missing from \(texts)")
        }
    }

    @Test func multiWordTermsOfTheSecondSample() {
        let texts = extractor.keywords(title: Samples.title2, body: Samples.body2).map(\.text)
        for term in ["硅光芯片", "集成电路", "西永微电园", "国家数字经济创新发展试验区"] {
            #expect(texts.contains(term), "\(term) missing from \(texts)")
        }
        // 芯片 only occurs inside 硅光芯片: the phrase stands for it.
        #expect(!texts.contains("芯片"))
        #expect(!texts.contains("硅光"))
    }

    @Test func genericWordsNeverStandAlone() {
        for (title, body) in [(Samples.title1, Samples.body1), (Samples.title2, Samples.body2), ("加快推进产业创新发展", Samples.generic)] {
            let texts = extractor.keywords(title: title, body: body, count: 20).map(\.text)
            for word in Samples.genericWords {
                #expect(!texts.contains(word), "generic \(word) in \(texts)")
            }
        }
    }

    @Test func noNumbersDatesOrMeasures() {
        let texts = extractor.keywords(title: nil, body: Samples.generic + Samples.body2 + "样品厚度为50 nm，面积667m2。", count: 30).map(\.text)
        #expect(!texts.isEmpty)
        for t in texts {
            let digits = t.unicodeScalars.filter { ("0"..."9").contains($0) }.count
            let letters = t.unicodeScalars.filter { $0.properties.isAlphabetic && $0.value < 0x80 }.count
            #expect(digits <= letters, "number-like keyphrase \(t)")
            #expect(!t.contains("年") || !t.contains("20"), "date-like keyphrase \(t)")
            #expect(!["nm", "m2", "667m2"].contains(t))
        }
    }

    @Test func deterministicOrder() throws {
        let a = extractor.keywords(title: Samples.title1, body: Samples.body1, count: 10)
        let b = extractor.keywords(title: Samples.title1, body: Samples.body1, count: 10)
        let c = try KeywordExtractor(segmenter: try Segmenter.standard()).keywords(title: Samples.title1, body: Samples.body1, count: 10)
        #expect(a == b)
        #expect(a == c)
        // Scores never increase down the list.
        for i in 1..<a.count { #expect(a[i - 1].score >= a[i].score) }
    }

    @Test func countAndEmptyInput() {
        #expect(extractor.keywords(title: Samples.title1, body: Samples.body1, count: 5).count == 5)
        #expect(extractor.keywords(title: Samples.title1, body: Samples.body1, count: 0).isEmpty)
        #expect(extractor.keywords(title: nil, body: "").isEmpty)
        #expect(extractor.keywords(title: "", body: "，。！").isEmpty)
        // Fewer than `count` candidates: all of them.
        #expect(extractor.keywords(title: nil, body: "硅光芯片。", count: 8).map(\.text) == ["硅光芯片"])
    }

    @Test func titleOccurrencesWeighMore() {
        let body = "集成电路产业不断壮大，集成电路企业落户。硅光芯片完成测试。"
        let plain = extractor.keywords(title: nil, body: body).map(\.text)
        let titled = extractor.keywords(title: "硅光芯片走向量产", body: body).map(\.text)
        #expect(plain.first == "集成电路")
        #expect(titled.first == "硅光芯片")
    }

    @Test func phraseReplacesItsHeadWhenTheyCoOccur() {
        // 测控系统 always occurs as 温室测控系统: the longer phrase is kept, once.
        let body = "温室测控系统采用无线通信。温室测控系统由传感器组成。温室测控系统运行稳定。"
        let texts = extractor.keywords(title: nil, body: body).map(\.text)
        #expect(texts.contains("温室测控系统"))
        #expect(!texts.contains("测控系统"))
        #expect(!texts.contains("温室"))
    }

    @Test func keywordIsCodable() throws {
        let k = Keyword(text: "硅光芯片", score: 1.5)
        let data = try JSONEncoder().encode(k)
        #expect(try JSONDecoder().decode(Keyword.self, from: data) == k)
    }
}
