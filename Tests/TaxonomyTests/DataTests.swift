import Foundation
import Testing
@testable import Taxonomy

/// Checks the bundled files row by row, independently of the loaders.
@Suite("Bundled data")
struct DataTests {
    static func rows(_ name: String) throws -> [(line: Int, fields: [String])] {
        let url = name == "technologies" ? try TechnologyTaxonomy.bundledURL() : try IndustryClassifier.bundledURL()
        let text = try String(contentsOf: url, encoding: .utf8)
        var out: [(Int, [String])] = []
        var header = true
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.isEmpty || t.hasPrefix("#") { continue }
            if header { header = false; continue }
            out.append((i + 1, line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }))
        }
        return out
    }

    @Test("every technology row parses; categories and codes are from the fixed sets")
    func technologyRows() throws {
        let rows = try Self.rows("technologies")
        let categories = Set(TechnologyCategory.allCases.map(\.rawValue))
        for (line, f) in rows {
            #expect(f.count == 5, "line \(line): \(f.count) columns")
            guard f.count == 5 else { continue }
            #expect(!f[0].isEmpty, "line \(line): empty term")
            #expect(categories.contains(f[2]), "line \(line): category \(f[2])")
            #expect(StrategicIndustryCategory(fileCode: f[4]) != nil, "line \(line): code \(f[4])")
            #expect(!f[3].contains("||") && !f[3].hasPrefix("|") && !f[3].hasSuffix("|"), "line \(line): empty alias")
        }
    }

    @Test("no term or alias names two canonical terms; at least 200 terms")
    func technologyForms() throws {
        let rows = try Self.rows("technologies")
        var owner: [String: (String, Int)] = [:]
        var canonicalInfo: [String: (String, String, Int)] = [:]
        var canonicals = Set<String>()
        for (line, f) in rows where f.count == 5 {
            let canonical = f[1].isEmpty ? f[0] : f[1]
            canonicals.insert(canonical)
            if let (category, code, first) = canonicalInfo[canonical] {
                #expect(category == f[2] && code == f[4], "line \(line): \(canonical) disagrees with line \(first)")
            } else {
                canonicalInfo[canonical] = (f[2], f[4], line)
            }
            for form in [f[0], canonical] + f[3].split(separator: "|").map(String.init) {
                let key = Fold.keyString(form)
                if let (other, first) = owner[key] {
                    #expect(other == canonical, "line \(line): '\(form)' names \(canonical) here, \(other) at line \(first)")
                } else {
                    owner[key] = (canonical, line)
                }
            }
        }
        #expect(canonicals.count >= 200)
        let matcher = try TechnologyMatcher.bundled()
        #expect(matcher.terms.count == canonicals.count)
        #expect(Set(matcher.terms.map(\.canonical)) == canonicals)
        #expect(matcher.aliasCount == owner.count - canonicals.count)
        // Every category is used.
        #expect(Set(matcher.terms.map(\.category)) == Set(TechnologyCategory.allCases))
        // VR体验 is not a term.
        #expect(owner[Fold.keyString("VR体验")] == nil)
    }

    @Test("the terms the brief names are in the taxonomy")
    func requiredTerms() throws {
        let matcher = try TechnologyMatcher.bundled()
        let required = """
        人工智能 5G 6G 物联网 大数据 云计算 边缘计算 区块链 工业互联网 数字孪生 虚拟现实 增强现实 自动驾驶 智能网联汽车 \
        车联网 集成电路 芯片 硅光芯片 硅基光电子 第三代半导体 量子通信 量子计算 遥感卫星 北斗导航 机器人 工业机器人 数控机床 \
        增材制造 智能制造 医学影像识别 基因编辑 细胞治疗 创新药 医疗器械 动力电池 燃料电池 氢能 光伏 储能 新材料 石墨烯 碳纤维 \
        智慧城市 智慧医疗 远程医疗 网络安全 操作系统 工业软件 大模型 机器学习 深度学习 计算机视觉 自然语言处理 知识图谱 语音识别 \
        人脸识别 无人机 商业航天 卫星互联网
        """.split(separator: " ").map(String.init)
        for term in required { #expect(matcher.term(named: term) != nil, "missing \(term)") }
        let ai = try #require(matcher.term(named: "人工智能"))
        #expect(ai.forms.contains("AI") && ai.forms.contains("人工智慧"))
        let iot = try #require(matcher.term(named: "物联网"))
        #expect(iot.forms.contains("AIoT") && iot.forms.contains("IoT") && iot.forms.contains("智能物联网"))
        #expect(matcher.term(named: "增材制造")!.forms.contains("3D打印"))
        #expect(matcher.term(named: "虚拟现实")!.forms.contains("VR"))
        #expect(matcher.term(named: "增强现实")!.forms.contains("AR"))
    }

    @Test("every industry maps to one of the nine categories or other; indicators are technologies")
    func industryRows() throws {
        let rows = try Self.rows("industries")
        let matcher = try TechnologyMatcher.bundled()
        var owner: [String: String] = [:]
        for (line, f) in rows {
            #expect(f.count == 6, "line \(line): \(f.count) columns")
            guard f.count == 6 else { continue }
            let category = StrategicIndustryCategory(fileCode: f[1])
            #expect(category != nil && (f[1] == "other" || (1...9).contains(Int(f[1]) ?? -1)), "line \(line): category \(f[1])")
            for form in [f[0]] + f[2].split(separator: "|").map(String.init) {
                let key = Fold.keyString(form)
                #expect(owner[key] == nil || owner[key] == f[0], "line \(line): '\(form)' also names \(owner[key] ?? "")")
                owner[key] = f[0]
            }
            for indicator in f[3].split(separator: "|").map(String.init) {
                let term = matcher.term(named: indicator)
                #expect(term != nil, "line \(line): indicator \(indicator) is not a technology")
                // A technology implies industries of its own category (other industries may be
                // implied by any technology).
                if let term, let category, category != .other {
                    #expect(term.industryCategory == category, "line \(line): \(indicator) is \(term.industryCategory), \(f[0]) is \(category)")
                }
            }
        }
        let classifier = try IndustryClassifier.bundled()
        #expect(classifier.industries.count == rows.count)
        #expect(classifier.industries.count >= 60)
        // Every category is used, other included.
        #expect(Set(classifier.industries.map(\.category)) == Set(StrategicIndustryCategory.allCases))
        // The brief's examples.
        let expected: [String: StrategicIndustryCategory] = [
            "大数据": .nextGenerationInformationTechnology, "高端装备": .highEndEquipment, "智能制造": .highEndEquipment,
            "集成电路": .nextGenerationInformationTechnology, "汽车": .other, "新能源汽车": .newEnergyVehicles,
            "生物医药": .biology, "医疗器械": .biology, "金融": .other, "电子信息": .nextGenerationInformationTechnology,
            "软件和信息服务": .nextGenerationInformationTechnology, "数字经济": .nextGenerationInformationTechnology,
            "新材料": .newMaterials, "节能环保": .energySavingAndEnvironmentalProtection, "航空航天": .highEndEquipment,
            "现代农业": .other, "生物农业": .biology, "文化创意": .digitalCreativity, "物流": .other,
            "科技服务": .relatedServices, "光伏": .newEnergy,
        ]
        for (name, category) in expected {
            #expect(classifier.industry(named: name)?.category == category, "\(name)")
        }
        #expect(classifier.industry(named: "集成电路")!.indicators.contains("集成电路"))
        #expect(classifier.industry(named: "高端装备")!.indicators.contains("数控机床"))
        #expect(classifier.industry(named: "高端装备")!.aliases.contains("装备制造业"))
        #expect(classifier.industry(named: "汽车")!.aliases.contains("汽摩产业"))
        #expect(classifier.industry(named: "电子信息")!.aliases.contains("电子信息产业"))
    }
}

