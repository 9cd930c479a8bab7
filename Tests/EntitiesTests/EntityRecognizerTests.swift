import Foundation
import Testing
@testable import Entities
import Evaluation

/// Sentences from the user's samples in Examples/seeds (000, 002, 003), written out here so that
/// the tests are self-contained.
enum Seeds {
    static let s003 = "本报讯(重庆日报记者 罗静雯)12月15日,重庆市人民政府与中国科学院在北京签署战略合作协议。"
        + "市委副书记、市长唐良智与中国科学院党组书记、院长侯建国座谈并见证签约。中国科学院副院长张涛,市领导熊雪等参加。"
        + "近年来,綦江区加快聚集战略性新兴产业,推进科技成果转化和高新技术产业化。"
    static let s000 = "合川区钱塘镇大柱村，柑橘示范园里的无线阀门统控器可通过5G实施远程遥控施肥浇水。8月18日，重庆市政府与北京大学签署战略合作协议，"
        + "携手共建北京大学重庆大数据研究院。此前，清华大学也加强与我市高校合作，支持重庆在智能技术与系统等领域的科研能力提升。"
        + "今年3月，科技部批复重庆建设国家新一代人工智能创新发展试验区。“国家新一代人工智能创新发展试验区将充分发挥溢出带动性强的效应。”市科技局相关负责人表示。"
    static let s002 = "活动现场,电子科大计算机科学与工程学院院长申恒涛获聘成为四川省人工智能研究院院长,四川大学计算机学院(软件学院)院长吕建成、"
        + "电子科大信息与软件工程学院院长周世杰获聘成为四川省人工智能研究院副院长。\"电子科大和四川大学都是省内知名高校。\"四川省科技厅相关负责人表示。"
}

@Suite("EntityRecognizer on the seed samples")
struct EntityRecognizerTests {
    let recognizer: EntityRecognizer

    init() throws { recognizer = try EntityRecognizer.bundled() }

    func entity(_ entities: [Entity], _ name: String, _ type: EntityType) -> Entity? {
        entities.first { $0.name == name && $0.type == type }
    }

    @Test func peopleWithRolesAndOrganization() throws {
        let es = recognizer.recognize(Seeds.s003)
        let tang = try #require(entity(es, "唐良智", .person))
        #expect(tang.role == "市长")
        let hou = try #require(entity(es, "侯建国", .person))
        #expect(hou.role == "院长")
        let cas = try #require(entity(es, "中国科学院", .organization))
        #expect(cas.mentions.count == 3)
        #expect(entity(es, "张涛", .person)?.role == "副院长")
        #expect(entity(es, "罗静雯", .person)?.role == "记者")
        #expect(entity(es, "重庆市人民政府", .organization) != nil)
    }

    @Test func mentionOffsetsAreScalarOffsets() throws {
        let text = Seeds.s003
        let scalars = Array(text.unicodeScalars)
        for e in recognizer.recognize(text) {
            for m in e.mentions {
                var v = String.UnicodeScalarView()
                v.append(contentsOf: scalars[m.start..<m.end])
                #expect(String(v) == m.text)
            }
        }
    }

    @Test func placeDivisions() throws {
        let es = recognizer.recognize(Seeds.s003)
        let qijiang = try #require(entity(es, "綦江区", .place))
        #expect(qijiang.division?.province == "重庆市")
        #expect(qijiang.division?.county == "綦江区")
        let es0 = recognizer.recognize(Seeds.s000)
        let town = try #require(entity(es0, "钱塘镇", .place))
        #expect(town.division?.county == "合川区")
        #expect(town.division?.province == "重庆市")
        #expect(town.division?.level == 4)
    }

    @Test func cityGovernmentAndArticleCity() throws {
        let es = recognizer.recognize(Seeds.s000)
        // Canonical: the official name 重庆市人民政府; 重庆市政府 is kept as an alias.
        let gov = try #require(entity(es, "重庆市人民政府", .organization))
        #expect(gov.aliases.contains("重庆市政府"))
        #expect(entity(es, "北京大学", .organization) != nil)
        #expect(entity(es, "北京大学重庆大数据研究院", .organization) != nil)
        // 我市 → the inferred city of the article.
        let city = try #require(entity(es, "重庆市", .place))
        #expect(city.aliases.contains("我市"))
        #expect(city.aliases.contains("重庆"))
        // 市科技局 → the city's bureau; 科技部 → 科学技术部.
        #expect(entity(es, "重庆市科学技术局", .organization)?.aliases == ["市科技局"])
        #expect(entity(es, "科学技术部", .organization)?.aliases == ["科技部"])
    }

    @Test func explicitCityOfArticle() throws {
        let es = recognizer.recognize("市科技局相关负责人表示，我市将加快建设。", context: EntityContext(cityOfArticle: "成都"))
        #expect(entity(es, "成都市科学技术局", .organization) != nil)
        #expect(entity(es, "成都市", .place)?.aliases == ["我市"])
        // Without a city nothing can be inferred: the bureau keeps its surface name.
        let bare = recognizer.recognize("市科技局相关负责人表示。")
        #expect(entity(bare, "市科技局", .organization) != nil)
    }

    @Test func aliasesFromTheTable() throws {
        let es = recognizer.recognize(Seeds.s002)
        let uestc = try #require(entity(es, "电子科技大学", .organization))
        #expect(uestc.aliases == ["电子科大"])
        #expect(uestc.mentions.count == 3)
        #expect(entity(es, "四川大学", .organization) != nil)
        #expect(entity(es, "申恒涛", .person)?.role == "院长")
        #expect(entity(es, "吕建成", .person) != nil)
        #expect(entity(es, "周世杰", .person) != nil)
        #expect(entity(es, "四川省人工智能研究院", .organization) != nil)
        #expect(entity(es, "四川省科学技术厅", .organization)?.aliases == ["四川省科技厅"])
    }

    @Test func ambiguousAliasOnlyInOrganizationContext() throws {
        let es = recognizer.recognize("川大与重大联合培养研究生。")
        #expect(entity(es, "重庆大学", .organization)?.aliases == ["重大"])
        #expect(entity(es, "四川大学", .organization)?.aliases == ["川大"])
        let plain = recognizer.recognize("这是一个重大项目，具有重大意义。")
        #expect(entity(plain, "重庆大学", .organization) == nil)
    }

    @Test func shortFormOfANameInTheSameText() throws {
        let es = recognizer.recognize("双方将共建中国科学院重庆科学中心。中科院重庆科学中心将采取“1+N”模式建设。北大和清华也来了。")
        let center = try #require(entity(es, "中国科学院重庆科学中心", .organization))
        #expect(Set(center.aliases) == ["中国科学院重庆科学中心", "中科院重庆科学中心"])
        #expect(entity(es, "北京大学", .organization)?.aliases == ["北大"])
        #expect(entity(es, "清华大学", .organization)?.aliases == ["清华"])
    }

    @Test func organizationsBySuffixWithLeftExpansion() throws {
        let text = "由中国信息通信研究院西部分院牵头，腾讯在成都设立腾讯人工智能科创联合体，北京理工大学重庆创新中心现场签约。"
        let es = recognizer.recognize(text)
        #expect(entity(es, "中国信息通信研究院西部分院", .organization) != nil)
        #expect(entity(es, "腾讯人工智能科创联合体", .organization) != nil)
        #expect(entity(es, "北京理工大学重庆创新中心", .organization) != nil)
        // Generic heads alone are no names.
        let generic = recognizer.recognize("打造具有全国影响力的科技创新中心，建设数据中心。")
        #expect(generic.filter { $0.type == .organization }.isEmpty)
    }

    @Test func foreignPlacesAndNames() throws {
        let es = recognizer.recognize("美国总统克林顿今天在华盛顿说，中美关系很重要。联合国秘书长科菲·安南表示支持。")
        #expect(entity(es, "克林顿", .person)?.role == "总统")
        #expect(entity(es, "科菲·安南", .person) != nil)
        #expect(entity(es, "美国", .place) != nil)
        #expect(entity(es, "华盛顿", .place) != nil)
        #expect(entity(es, "联合国", .organization) != nil)
        // 中美 → two places.
        let spans = recognizer.spans("中美关系很重要")
        #expect(spans.filter { $0.type == .place }.count == 2)
    }

    @Test func siteNamesAreNotPeople() throws {
        let es = recognizer.recognize("工作人员在綦江开拓卫星项目，重庆市綦江区提供支持。")
        #expect(es.allSatisfy { $0.type != .person })
    }

    @Test func emptyAndNonChineseText() {
        #expect(recognizer.recognize("").isEmpty)
        #expect(recognizer.spans("   ").isEmpty)
        _ = recognizer.recognize("Hello, world! 12345 ★★★ \u{0}")
    }

    @Test func speedOfATenKilobyteArticle() throws {
        var text = ""
        while text.utf8.count < 10_240 { text += Seeds.s000 + Seeds.s002 + Seeds.s003 }
        _ = recognizer.recognize(text)
        let runs = 5
        let start = Date()
        for _ in 0..<runs { _ = recognizer.recognize(text) }
        let perRun = Date().timeIntervalSince(start) / Double(runs)
        // Release builds take ~3–4 ms (entities-experiment bench); debug test builds are slower.
        #expect(perRun < 0.25, "recognize took \(perRun * 1000) ms for \(text.utf8.count) bytes")
    }
}

@Suite("NEREvaluation scoring")
struct NEREvaluationTests {
    @Test func bioSpans() {
        let spans = NEREvaluation.spans(tags: ["B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-ORG", "B-ORG", "I-PER"])
        #expect(spans == [
            EntitySpan(start: 0, end: 2, type: .person), EntitySpan(start: 3, end: 5, type: .place),
            EntitySpan(start: 5, end: 6, type: .organization), EntitySpan(start: 6, end: 7, type: .organization),
            EntitySpan(start: 7, end: 8, type: .person),
        ])
    }

    @Test func scoresAFileExactly() throws {
        // 唐良智 (PER) 在 北京 (LOC) 会见 中国科学院 (ORG) 院长侯建国 (PER).
        let chars = Array("唐良智在北京会见中国科学院院长侯建国。")
        var tags = [String](repeating: "O", count: chars.count)
        func mark(_ a: Int, _ b: Int, _ t: String) { tags[a] = "B-" + t; for k in (a + 1)..<b { tags[k] = "I-" + t } }
        mark(0, 3, "PER"); mark(4, 6, "LOC"); mark(8, 13, "ORG"); mark(15, 18, "PER")
        var file = zip(chars, tags).map { "\($0) \($1)" }.joined(separator: "\n") + "\n\n"
        file += "这 O\n是 O\n空 O\n的 O\n"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ner-\(UUID().uuidString).bio")
        try file.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let sentences = try NEREvaluation.readSentences(bioPath: url.path)
        #expect(sentences.count == 2)
        #expect(sentences[0].gold.count == 4)
        let e = try NEREvaluation.run(bioPath: url.path)
        #expect(e.overall.gold == 4)
        #expect(e.score(.person).gold == 2)
        #expect(e.f1 > 0.99, "\(e.summary)")
        #expect(e.jsonLine.contains("\"f1\""))
    }

    @Test func badFilesAreReported() throws {
        #expect(throws: EvaluationError.self) { try NEREvaluation.readSentences(bioPath: "/nonexistent/dev.bio") }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).bio")
        try "字 X-PER\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: EvaluationError.self) { try NEREvaluation.readSentences(bioPath: url.path) }
    }
}

@Suite("Resources")
struct ResourceTests {
    @Test func aliasTableIsLargeAndWellFormed() throws {
        let lexicon = try Lexicon.bundled()
        #expect(lexicon.aliases.count >= 150)
        for (alias, entry) in lexicon.aliases {
            #expect(!alias.isEmpty && !entry.canonical.isEmpty)
            #expect(entry.cityTemplate == entry.canonical.contains("{city}"), "\(alias)")
        }
    }

    @Test func gazetteerResolvesParents() throws {
        let g = try Gazetteer.bundled()
        let e = try #require(g.byName["綦江区"]?.first)
        #expect(g.division(e).province == "重庆市")
        #expect(g.byShort["綦江"] != nil)
    }
}
