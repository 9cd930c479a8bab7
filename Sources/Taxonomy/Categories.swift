/// The nine top categories of China's strategic emerging industries classification
/// (国家统计局《战略性新兴产业分类（2018）》), plus `other` for industries outside it.
public enum StrategicIndustryCategory: Int, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
    case other = 0
    /// 1 新一代信息技术产业
    case nextGenerationInformationTechnology = 1
    /// 2 高端装备制造产业
    case highEndEquipment = 2
    /// 3 新材料产业
    case newMaterials = 3
    /// 4 生物产业
    case biology = 4
    /// 5 新能源汽车产业
    case newEnergyVehicles = 5
    /// 6 新能源产业
    case newEnergy = 6
    /// 7 节能环保产业
    case energySavingAndEnvironmentalProtection = 7
    /// 8 数字创意产业
    case digitalCreativity = 8
    /// 9 相关服务业
    case relatedServices = 9

    /// The official Chinese name (`新一代信息技术产业`, …), or `other`.
    public var name: String {
        switch self {
        case .other: return "other"
        case .nextGenerationInformationTechnology: return "新一代信息技术产业"
        case .highEndEquipment: return "高端装备制造产业"
        case .newMaterials: return "新材料产业"
        case .biology: return "生物产业"
        case .newEnergyVehicles: return "新能源汽车产业"
        case .newEnergy: return "新能源产业"
        case .energySavingAndEnvironmentalProtection: return "节能环保产业"
        case .digitalCreativity: return "数字创意产业"
        case .relatedServices: return "相关服务业"
        }
    }

    /// The code: 1–9, or 0 for `other`.
    public var code: Int { rawValue }

    /// The code as written in the data files: `1`…`9` or `other`.
    public var fileCode: String { self == .other ? "other" : String(rawValue) }

    /// Parses a data-file code: `1`…`9`, `other` (also `0`), or the official name.
    public init?(fileCode: String) {
        let s = fileCode.trimmingCharacters(in: .whitespaces)
        if s.lowercased() == "other" || s == "0" { self = .other; return }
        if let n = Int(s), let c = StrategicIndustryCategory(rawValue: n) { self = c; return }
        guard let c = Self.allCases.first(where: { $0.name == s }) else { return nil }
        self = c
    }

    public var description: String { self == .other ? "other" : "\(rawValue) \(name)" }

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// The fixed set of technology categories used by the technology taxonomy.
public enum TechnologyCategory: String, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
    case artificialIntelligence = "人工智能"
    case communications = "新一代通信"
    case integratedCircuitsAndElectronics = "集成电路与电子"
    case dataAndComputing = "数据与计算"
    case intelligentManufacturing = "智能制造与装备"
    case vehiclesAndTransport = "汽车与交通"
    case biomedicineAndHealth = "生物医药与健康"
    case newEnergyAndEnvironment = "新能源与节能环保"
    case newMaterials = "新材料"
    case aerospace = "航空航天"
    case digitalApplications = "数字应用"
    case cyberSecurity = "网络与信息安全"
    case modernAgriculture = "现代农业"

    /// The Chinese name, as written in the data files.
    public var name: String { rawValue }
    public var description: String { rawValue }

    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

import Foundation

/// A span of the input in Unicode-scalar offsets (the same offsets as `ChineseText.Token`).
public struct TextSpan: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Offset of the first scalar.
    public var start: Int
    /// Offset one past the last scalar.
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    public var length: Int { end - start }
    public var description: String { "\(start)..<\(end)" }

    public static func < (a: Self, b: Self) -> Bool { (a.start, a.end) < (b.start, b.end) }
}
