import Foundation
import Testing
@testable import Taxonomy

@Suite("The user's samples")
struct SeedTests {
    let matcher = try! TechnologyMatcher.bundled()
    let classifier = try! IndustryClassifier.bundled()

    @Test("000: technologies of the field record's body")
    func seed000Technologies() throws {
        let body = Seeds.recordBody("000_")
        let found = matcher.match(body)
        for term in ["人工智能", "物联网", "数字孪生", "大数据", "智能制造", "5G", "数控机床", "智能网联汽车", "虚拟现实"] {
            #expect(found.named(term) != nil, "missing \(term) in \(found.map(\.term))")
        }
        // Every mention is a canonical term of the taxonomy; VR体验 is not one.
        #expect(found.named("VR体验") == nil)
        #expect(!found.contains { $0.forms.contains("VR体验") })
        #expect(matcher.term(named: "VR体验") == nil)
        for m in found { #expect(matcher.term(named: m.term) != nil) }
    }

    @Test("000: VR(虚拟现实) is one mention of 虚拟现实, VR滑雪体验 another")
    func seed000VirtualReality() throws {
        let body = Seeds.recordBody("000_")
        let text = try SegmentedText(body)
        let vr = try #require(matcher.match(text).named("虚拟现实"))
        #expect(vr.category == .digitalApplications)
        #expect(vr.count == 2)
        #expect(vr.count == vr.mentions.count)
        #expect(vr.forms == ["VR", "虚拟现实"])
        #expect(text.text(of: vr.mentions[0]) == "VR(虚拟现实)")
        #expect(text.text(of: vr.mentions[1]) == "VR")
    }

    @Test("000: mentions point at the forms in the text, counts match")
    func seed000Spans() throws {
        let body = Seeds.recordBody("000_")
        let text = try SegmentedText(body)
        let found = matcher.match(text)
        let ai = try #require(found.named("人工智能"))
        #expect(ai.count >= 20)
        #expect(ai.category == .artificialIntelligence)
        #expect(ai.industryCategory == .nextGenerationInformationTechnology)
        for m in found {
            #expect(m.count == m.mentions.count)
            for span in m.mentions where m.term != "虚拟现实" {
                let written = text.text(of: span)
                #expect(matcher.term(named: m.term)!.forms.contains { $0.lowercased() == written.lowercased() }, "\(written) for \(m.term)")
            }
        }
        let icv = try #require(found.named("智能网联汽车"))
        #expect(icv.forms.contains("智能网联汽车"))
        #expect(icv.industryCategory == .newEnergyVehicles)
        // Most mentioned first.
        #expect(found.map(\.count) == found.map(\.count).sorted(by: >))
    }

    @Test("000: industries 大数据, 高端装备, 智能制造 with their categories")
    func seed000Industries() throws {
        let body = Seeds.recordBody("000_")
        let industries = classifier.classify(body, technologies: matcher.match(body))
        let bigData = try #require(industries.named("大数据"))
        #expect(bigData.category == "新一代信息技术产业")
        #expect(bigData.categoryCode == 1)
        #expect(!bigData.isImplied)
        #expect(bigData.evidence.contains { $0.kind == .name && $0.text == "大数据" })
        #expect(bigData.evidence.contains { $0.kind == .technology && $0.text == "大数据" })
        let equipment = try #require(industries.named("高端装备"))
        #expect(equipment.category == "高端装备制造产业")
        #expect(equipment.categoryCode == 2)
        #expect(!equipment.isImplied)
        // 装备制造业 is an alias of 高端装备.
        #expect(equipment.evidence.contains { $0.kind == .name && $0.text == "装备制造业" })
        #expect(equipment.evidence.contains { $0.kind == .technology && $0.text == "数控机床" })
        let manufacturing = try #require(industries.named("智能制造"))
        #expect(manufacturing.category == "高端装备制造产业")
        #expect(manufacturing.categoryCode == 2)
        // 汽摩产业 → 汽车, not a strategic emerging industry.
        let cars = try #require(industries.named("汽车"))
        #expect(cars.category == "other")
        #expect(cars.categoryCode == 0)
        #expect(cars.evidence.contains { $0.text == "汽摩产业" })
        // Named industries come before implied ones.
        if let firstImplied = industries.firstIndex(where: \.isImplied) {
            #expect(!industries[firstImplied...].contains { !$0.isImplied })
        }
    }

    @Test("001: 硅光芯片, 集成电路, 5G, 人工智能, 大数据")
    func seed001() throws {
        let text = Seeds.text("001_")
        let found = matcher.match(text)
        for term in ["硅光芯片", "集成电路", "5G", "人工智能", "大数据"] {
            #expect(found.named(term) != nil, "missing \(term) in \(found.map(\.term))")
        }
        #expect(found.named("硅光芯片")!.count == 4)
        #expect(found.named("硅光芯片")!.category == .integratedCircuitsAndElectronics)
        let industries = classifier.classify(text, technologies: found)
        let ic = try #require(industries.named("集成电路"))
        #expect(ic.categoryCode == 1)
        #expect(ic.evidence.contains { $0.kind == .technology && $0.text == "硅光芯片" && $0.count == 4 })
        #expect(industries.named("数字经济")?.categoryCode == 1)
    }
}
