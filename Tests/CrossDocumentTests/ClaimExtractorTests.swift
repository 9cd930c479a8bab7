import Testing
import Foundation
import Analysis
@testable import CrossDocument

@Suite struct ClaimExtractorTests {
    typealias R = RecordSupport

    // Real sentences of the samples.
    static let s000 = "截至目前，我市已累计签约引进世界知名高校11所，国内“双一流”建设高校20所，“双一流”学科建设高校8所，国家级知名科研院所8家，世界500强企业研究院11家。这些引进的高校、科研院所及世界500强企业结合自身优势特长，建设了各类科研平台70个，集聚各层次科研人才800余名。其中，相关研发机构在大数据、智能制造、互联网等领域成功转化科研成果138项，孵化科技型企业38家，形成核心关键技术自主知识产权56项，有力推动了产业转型升级。"
    static let s004 = "截至目前,重庆市累计签约引进世界知名高校11所,国内“双一流”建设高校18所,“双一流”学科建设高校8所,国家级知名科研院所8家,世界500强企业研究院11家。\n“瞄准一流,不仅是搭建各类科研平台,更重要的是集聚各类高端人才。”该负责人称,目前,引进的高校、科研院所及世界500强企业结合自身优势特长,建设了各类科研平台70个,集聚各层次科研人才800余名。\n这些引进的研发机构,在平台建设、人才集聚、技术攻关、产品研发、成果转化等方面已取得初步成效。截至目前,各研发机构在大数据、智能制造、互联网等领域成功转化科研成果138项,孵化科技型企业38家,形成核心关键技术自主知识产权56项,有力推动了产业转型升级。"
    static let s003 = "近年来,綦江区加快聚集战略性新兴产业,推进科技成果转化和高新技术产业化,已有科技型企业719家、高新技术企业59家、市级以上研发机构38家、科技服务机构50家,成功创建市级高新技术产业园区,传统的老工业基地焕发出新的活力。"

    static var c000: [Claim] { ClaimExtractor.claims(in: R.record(s000, entities: [R.chongqing])) }
    static var c004: [Claim] { ClaimExtractor.claims(in: R.record(s004, entities: [R.chongqing])) }
    static var c003: [Claim] { ClaimExtractor.claims(in: R.record(s003, entities: [R.qijiang])) }

    @Test func listWithElidedVerbsInOriginalAndReprint() throws {
        let a = Self.c000, b = Self.c004
        let a11 = try #require(R.claim(a, "11所")), b11 = try #require(R.claim(b, "11所"))
        #expect(a11.subject == "重庆市")
        #expect(a11.indicator == "签约引进世界知名高校")
        #expect(a11.key == "重庆市|签约引进世界知名高校|所")
        #expect(a11.key == b11.key && a11.value == b11.value && a11.value == 11)

        let a20 = try #require(R.claim(a, "20所")), b18 = try #require(R.claim(b, "18所"))
        #expect(a20.key == "重庆市|国内双一流建设高校|所")
        #expect(a20.key == b18.key)
        #expect(a20.value == 20 && b18.value == 18)
        #expect(a20.kind == "count" && a20.bound == "exact" && a20.unit == "所")

        let a8 = try #require(R.claim(a, "8所")), b8 = try #require(R.claim(b, "8所"))
        #expect(a8.key == "重庆市|双一流学科建设高校|所" && a8.key == b8.key && a8.value == b8.value)
        #expect(R.claim(a, "8家")?.key == "重庆市|国家级知名科研院所|家")
        #expect(R.claim(a, "11家")?.key == "重庆市|世界500强企业研究院|家")
        #expect(R.claim(b, "11家")?.key == R.claim(a, "11家")?.key)

        // Offsets point at the quantity in the body; the sentence is the whole sentence.
        let scalars = Array(Self.s000.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[a20.start..<a20.end])) == "20所")
        #expect(a20.sentence.hasPrefix("截至目前，我市") && a20.sentence.hasSuffix("研究院11家。"))
    }

    @Test func sameFactsWithoutSubjectMatchToo() throws {
        let a = Self.c000, b = Self.c004
        for text in ["70个", "800余名", "138项", "38家", "56项"] {
            let x = try #require(R.claim(a, text)), y = try #require(R.claim(b, text))
            #expect(x.key == y.key, "\(text): \(x.key) vs \(y.key)")
            #expect(x.subject == nil)
        }
        #expect(R.claim(a, "70个")?.indicator == "建设各类科研平台")
        #expect(R.claim(a, "800余名")?.indicator == "集聚各层次科研人才")
        // The frame 在大数据、智能制造、互联网等领域 and the adverb 成功 are not part of the indicator.
        #expect(R.claim(a, "138项")?.indicator == "转化科研成果")
        #expect(R.claim(a, "38家")?.indicator == "孵化科技型企业")
        // 800余名 is a lower bound.
        #expect(R.claim(a, "800余名")?.bound == "lower")
        #expect(R.claim(a, "800余名")?.value == 800)
    }

    @Test func differentVerbsGiveDifferentKeys() throws {
        let q = Self.c003
        let k719 = try #require(R.claim(q, "719家"))
        #expect(k719.subject == "綦江区")
        #expect(k719.indicator == "科技型企业")
        // Each item of the 、 list is its own clause and inherits the subject.
        #expect(R.claim(q, "59家")?.key == "綦江区|高新技术企业|家")
        #expect(R.claim(q, "38家")?.key == "綦江区|市级以上研发机构|家")
        #expect(R.claim(q, "50家")?.key == "綦江区|科技服务机构|家")
        let incubated = try #require(R.claim(Self.c000, "38家"))
        #expect(incubated.key != k719.key)
        #expect(incubated.key != R.claim(q, "38家")?.key)
        #expect(!ConflictRule.disagree(incubated, k719))
    }

    @Test func subjectThroughAliasAndTime() throws {
        // 今年 is stripped, 我市 resolves to 重庆市, the verb stays.
        let r = R.record("这得益于重庆不断加快创新步伐，今年我市组织实施技术创新项目1379项，“芯屏核器网”全产业链不断壮大。",
                         entities: [R.chongqing])
        let c = try #require(ClaimExtractor.claims(in: r).first)
        #expect(c.subject == "重庆市")
        #expect(c.indicator == "组织实施技术创新项目")
        // A time mention of the record (截至11月底) is stripped too.
        let body = "截至11月底，我市累计实施智能化改造项目2265个，建成数字化车间和智能工厂426个，示范项目生产效率平均提升70.2%。"
        let times = [AnalysisRecord.TimeRecord(text: "11月底", start: 2, end: 6, type: "time_span", time: nil)]
        let cs = ClaimExtractor.claims(in: R.record(body, entities: [R.chongqing], times: times))
        #expect(R.claim(cs, "2265个")?.key == "重庆市|实施智能化改造项目|个")
        #expect(R.claim(cs, "426个")?.key == "重庆市|建成数字化车间和智能工厂|个")
        #expect(R.claim(cs, "70.2%")?.key == "重庆市|示范项目生产效率平均提升|%")
        #expect(R.claim(cs, "70.2%")?.kind == "percent")
    }

    @Test func noSubjectOrTwoSubjects() throws {
        // No place or organization: nil.
        let none = ClaimExtractor.claims(in: R.record("引进的研发机构转化成果138项。"))
        #expect(none.first?.subject == nil)
        #expect(none.first?.indicator == "引进的研发机构转化成果")
        // 川渝两地: two places, no single subject.
        let both = R.record("8月，川渝两地首次联合启动重点研发项目申报，共同出资2000万元予以资助。",
                            entities: [R.sichuan, R.chongqingShort])
        let money = try #require(ClaimExtractor.claims(in: both).first)
        #expect(money.subject == nil)
        #expect(money.indicator == "出资")
        #expect(money.kind == "money" && money.unit == "元" && money.value == 20_000_000)
        // An organization followed by 等 is an enumeration, not the subject.
        let lab = AnalysisRecord.EntityRecord(name: "重庆市重点实验室", type: "organization",
                                              mentions: [.init(text: "重庆市重点实验室", start: 2, end: 10)])
        var r = R.record("拥有重庆市重点实验室等科技研发平台430个，加速推动大数据智能化领域创新。")
        r.entities = [lab]
        let platform = try #require(ClaimExtractor.claims(in: r).first)
        #expect(platform.subject == nil)
        #expect(platform.indicator == "科技研发平台")
    }

    @Test func countedNounAfterTheNumber() throws {
        let r = R.record("自2017年9月获批成立以来，已聚集300多家物联网相关企业、高校及科研院所，成为骨干力量。")
        let c = try #require(R.claim(ClaimExtractor.claims(in: r), "300多家"))
        #expect(c.indicator == "聚集物联网相关企业")
        #expect(c.bound == "lower")
        let projects = ClaimExtractor.claims(in: R.record("此次签约落户的41个项目,均属电子信息产业领域。"))
        #expect(projects.first?.indicator == "签约落户项目")
        // A bare short noun says too little.
        #expect(ClaimExtractor.claims(in: R.record("电子科大和四川大学都是省内知名高校,两所学校在人工智能领域实力雄厚。")).isEmpty)
    }

    @Test func skippedQuantities() {
        let texts = [
            "且排名上升了11位,升至第77位。",            // 第77位 is a rank (11位 stays).
            "联合微电子中心仅用9个月时间,顺利实现建设通线。",  // 9个月 is a time.
            "重庆正深入学习贯彻党的十九届五中全会精神。",       // 十九届 is an ordinal.
            "重庆将突出“四个面向”,高标准建设科学城。",        // a slogan.
            "其中10家。",                               // generic indicator.
        ]
        let claims = texts.flatMap { ClaimExtractor.claims(in: R.record($0, entities: [R.chongqing])) }
        #expect(claims.map(\.text) == ["11位"])
        #expect(claims.first?.indicator == "排名上升")
    }

    @Test func boundsFromTheWording() throws {
        let r = R.record("到2022年成都人工智能产业规模将突破500亿元,带动关联产业规模突破5000亿元。高新技术企业占全市30%以上。总投资约296亿元。",
                     entities: [.init(name: "成都市", type: "place", aliases: ["成都"])])
        let cs = ClaimExtractor.claims(in: r)
        // 到2022年 is stripped without a time mention; 成都 is the subject.
        #expect(R.claim(cs, "500亿元")?.subject == "成都市")
        // A target keeps 将突破, so it is not compared with an actual figure.
        #expect(R.claim(cs, "500亿元")?.indicator == "人工智能产业规模将突破")
        #expect(R.claim(cs, "500亿元")?.bound == "lower")
        #expect(R.claim(cs, "5000亿元")?.indicator == "带动关联产业规模")
        #expect(R.claim(cs, "5000亿元")?.bound == "lower")
        #expect(R.claim(cs, "30%以上")?.bound == "lower")
        #expect(R.claim(cs, "约296亿元")?.bound == "approximate")
        #expect(R.claim(cs, "约296亿元")?.indicator == "总投资")
    }

    @Test func robustToBadOffsetsAndEmptyBodies() {
        #expect(ClaimExtractor.claims(in: R.record("")).isEmpty)
        var r = R.record("孵化科技型企业38家。")
        r.quantities.append(Quantity(text: "9所", kind: .count, value: 9, unit: "所", bound: .exact, start: 50, end: 60))
        r.quantities.append(Quantity(text: "x", kind: .count, value: 9, unit: "所", bound: .exact, start: 3, end: 2))
        r.entities.append(.init(name: "坏", type: "place", mentions: [.init(text: "坏", start: -4, end: 99)]))
        #expect(ClaimExtractor.claims(in: r).map(\.text) == ["38家"])
    }

    @Test func codableRoundTripAndKey() throws {
        let c = try #require(R.claim(Self.c000, "20所"))
        let data = try JSONEncoder().encode(c)
        #expect(try JSONDecoder().decode(Claim.self, from: data) == c)
        let anonymous = Claim(subject: nil, indicator: "孵化科技型企业", unit: "家", kind: "count", value: 38, bound: "exact",
                              text: "38家", sentence: "", start: 0, end: 3)
        #expect(anonymous.key == "|孵化科技型企业|家")
    }
}
