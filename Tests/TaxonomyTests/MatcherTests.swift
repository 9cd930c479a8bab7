import Foundation
import Testing
@testable import Taxonomy

@Suite("Matching on word boundaries")
struct MatcherTests {
    let matcher = try! TechnologyMatcher.bundled()

    func terms(_ text: String) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: matcher.match(text).map { ($0.term, $0.count) })
    }

    @Test("a term inside a longer word of the segmenter counts: 人工智能化, 大数据智能化")
    func insideLongWords() {
        #expect(terms("推进人工智能化改造")["人工智能"] == 1)
        #expect(terms("推进大数据智能化创新发展")["大数据"] == 1)
        #expect(terms("重庆建设国家新一代人工智能创新发展试验区")["人工智能"] == 1)
    }

    @Test("a term across a word boundary does not count: 庞大数据量, 存储能力")
    func acrossBoundaries() {
        #expect(terms("处理庞大数据量")["大数据"] == nil)
        #expect(terms("提升存储能力")["储能"] == nil)
    }

    @Test("Latin forms are whole words, case-insensitive, full-width alike")
    func latin() {
        #expect(terms("MAIN系统上线")["人工智能"] == nil)
        #expect(terms("发展ai产业")["人工智能"] == 1)
        #expect(terms("AI赋能千行百业")["人工智能"] == 1)
        #expect(terms("ＡＩ和５Ｇ")["人工智能"] == 1)
        #expect(terms("ＡＩ和５Ｇ")["5G"] == 1)
        #expect(terms("支持5GHz频段")["5G"] == nil)
        #expect(terms("迈向5.5G")["5G"] == nil)
        #expect(terms("迈向5.5G")["5G-A"] == 1)
        #expect(terms("AIoT平台")["物联网"] == 1)
        #expect(terms("AIoT平台")["人工智能"] == nil)
        #expect(terms("基于Internet  of things的应用")["物联网"] == 1)
        #expect(terms("建设5G基站")["5G"] == 1)
    }

    @Test("longest form first")
    func longest() {
        let t = terms("工业机器人和智能网联汽车、AI芯片、硅光芯片")
        #expect(t["工业机器人"] == 1)
        #expect(t["机器人"] == nil)
        #expect(t["智能网联汽车"] == 1)
        #expect(t["人工智能芯片"] == 1)
        #expect(t["人工智能"] == nil)
        #expect(t["硅光芯片"] == 1)
        #expect(t["芯片"] == nil)
        #expect(terms("无人驾驶航空器")["无人机"] == 1)
        #expect(terms("无人驾驶航空器")["自动驾驶"] == nil)
    }

    @Test("counts are per canonical term across forms")
    func canonicalCounts() throws {
        let found = matcher.match("3D打印又称增材制造；IoT即物联网，AIoT是智能物联网。")
        let am = try #require(found.named("增材制造"))
        #expect(am.count == 2)
        #expect(am.forms == ["3D打印", "增材制造"])
        #expect(found.named("物联网")?.count == 4)
    }

    @Test("offsets are Unicode scalars, like the segmenter's tokens")
    func offsets() throws {
        let text = "😀𠀀发展人工智能"
        let found = matcher.match(text)
        let ai = try #require(found.named("人工智能"))
        #expect(ai.mentions == [TextSpan(start: 4, end: 8)])
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[4..<8])) == "人工智能")
    }

    @Test("a bracketed gloss is one mention: 虚拟现实（VR）")
    func gloss() throws {
        let found = matcher.match("发展虚拟现实（VR）和增强现实(AR)，VR产业")
        #expect(found.named("虚拟现实")?.count == 2)
        #expect(found.named("增强现实")?.count == 1)
        #expect(found.named("虚拟现实")?.mentions.first == TextSpan(start: 2, end: 10))
    }

    @Test("empty and non-Chinese text")
    func edgeCases() {
        #expect(matcher.match("").isEmpty)
        #expect(matcher.match("   \n").isEmpty)
        #expect(terms("Cloud Computing and Big Data")["云计算"] == 1)
        #expect(terms("Cloud Computing and Big Data")["大数据"] == 1)
    }
}

@Suite("Industries")
struct IndustryTests {
    let matcher = try! TechnologyMatcher.bundled()
    let classifier = try! IndustryClassifier.bundled()

    func classify(_ text: String) -> [IndustryMention] {
        classifier.classify(text, technologies: matcher.match(text))
    }

    @Test("an industry implied by strong technology evidence is marked implied")
    func implied() throws {
        let found = classify("实验室测试硅光芯片。硅光芯片是前沿技术。")
        let ic = try #require(found.named("集成电路"))
        #expect(ic.isImplied)
        #expect(ic.count == 2)
        #expect(ic.mentions.isEmpty)
        #expect(ic.evidence == [IndustryEvidence(kind: .technology, text: "硅光芯片", count: 2)])
        // One mention is not enough.
        #expect(classify("实验室测试硅光芯片。").named("集成电路") == nil)
    }

    @Test("aliases: 电子信息产业 → 电子信息, 装备制造业 → 高端装备, 汽摩产业 → 汽车")
    func aliases() throws {
        let found = classify("推动汽摩产业转型升级、装备制造业提振，壮大电子信息产业")
        #expect(found.named("电子信息")?.categoryCode == 1)
        #expect(found.named("高端装备")?.categoryCode == 2)
        #expect(found.named("汽车")?.categoryCode == 0)
        #expect(found.named("汽车")?.category == "other")
    }

    @Test("a bare generic name counts only in an industry context")
    func context() {
        #expect(classify("长安汽车、金康汽车等企业").named("汽车") == nil)
        #expect(classify("聚焦汽车、电子信息、大数据等重点产业领域").named("汽车") != nil)
        #expect(classify("提升汽车产业发展能级").named("汽车") != nil)
        #expect(classify("发展汽车领域").named("汽车") != nil)
        #expect(classify("银行和金融机构").named("金融") == nil)
        #expect(classify("金融业开放").named("金融")?.categoryCode == 0)
        #expect(classify("现代农业与生物育种").named("现代农业")?.category == "other")
        #expect(classify("现代种业").named("生物农业")?.categoryCode == 4)
    }

    @Test("categories are the nine of the 2018 classification or other")
    func categories() {
        for industry in classifier.industries {
            #expect((0...9).contains(industry.category.code))
        }
        let names = Set(StrategicIndustryCategory.allCases.map(\.name))
        #expect(names.count == 10)
        #expect(StrategicIndustryCategory(fileCode: "1") == .nextGenerationInformationTechnology)
        #expect(StrategicIndustryCategory(fileCode: "other") == .other)
        #expect(StrategicIndustryCategory(fileCode: "数字创意产业") == .digitalCreativity)
        #expect(StrategicIndustryCategory(fileCode: "10") == nil)
    }

    @Test("one segmentation for both matchers")
    func sharedSegmentation() throws {
        let body = Seeds.recordBody("000_")
        let text = try SegmentedText(body)
        let tech = matcher.match(text)
        #expect(tech == matcher.match(body))
        #expect(classifier.classify(text, technologies: tech) == classifier.classify(body, technologies: tech))
    }
}

@Suite("Inside long words")
struct InnerWordTests {
    let matcher = try! TechnologyMatcher.bundled()

    func terms(_ text: String) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: matcher.match(text).map { ($0.term, $0.count) })
    }

    @Test("a term inside a long word counts when the rest is a word or an affix")
    func accepted() {
        #expect(terms("建设光大人工智能产业基地")["人工智能"] == 1)
        #expect(terms("大型风力发电机叶片")["风电"] == 1)
        #expect(terms("北斗卫星导航系统")["北斗导航"] == 1)
    }

    @Test("not when the rest is a single character that makes another word: 北斗星")
    func rejected() {
        #expect(terms("生产北斗星微型车")["北斗导航"] == nil)
    }
}
