import ChineseText
import Foundation

/// An alias from the curated table.
struct AliasEntry: Sendable {
    var canonical: String
    var type: EntityType
    /// Also an ordinary word: recognized only in an organization context.
    var ambiguous: Bool
    /// `canonical` contains `{city}`.
    var cityTemplate: Bool
}

/// The hand-written word lists of the recognizer (Resources/entities), loaded once.
final class Lexicon: Sendable {
    let strongSurnames: Set<Unicode.Scalar>
    let weakSurnames: Set<Unicode.Scalar>
    let compoundSurnames: Set<String>
    let translit: Set<Unicode.Scalar>
    /// Country names → canonical (the first name of its line section entry).
    let countries: Set<String>
    let cities: Set<String>
    let regions: Set<String>
    /// One-character abbreviations of countries and regions → full name (美 → 美国).
    let abbreviations: [Unicode.Scalar: String]
    let titles: Set<String>
    let honorifics: Set<String>
    let speech: Set<String>
    let strongSuffixes: Set<String>
    let weakSuffixes: Set<String>
    let bareOrganizations: Set<String>
    /// The first scalars of `bareOrganizations` (a word starting otherwise is none of them).
    let bareFirstScalars: ScalarBitSet
    let chiefHeads: Set<Unicode.Scalar>
    let facilitySuffixes: Set<String>
    let aliases: [String: AliasEntry]
    /// Longest suffix lengths, for suffix scans.
    let maxSuffixLength: Int
    let maxTitleLength: Int
    /// Last characters of titles, organization heads and facility heads: a cheap filter
    /// before the suffix lookups.
    let titleLastScalars: ScalarBitSet
    let suffixLastScalars: ScalarBitSet
    let facilityLastScalars: ScalarBitSet
    let maxAliasLength: Int
    let aliasFirstScalars: ScalarBitSet

    static func bundled() throws -> Lexicon { try cache.get() }
    private static let cache = LazyResult<Lexicon> { try Lexicon(directory: try resourceDirectory()) }

    static func resourceDirectory() throws -> URL {
        if let url = Bundle.module.url(forResource: "entities", withExtension: nil) { return url }
        throw EntityError.missingResource(name: "entities")
    }

    init(directory: URL) throws {
        func lines(_ name: String) throws -> [(Int, String)] {
            let url = directory.appendingPathComponent(name)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw EntityError.missingResource(name: "entities/\(name)")
            }
            var out: [(Int, String)] = []
            for (k, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = raw.trimmingCharacters(in: .whitespaces)
                if line.isEmpty || line.hasPrefix("#") { continue }
                out.append((k + 1, line))
            }
            return out
        }
        func sections(_ name: String) throws -> [String: [String]] {
            var out: [String: [String]] = [:]
            var current = ""
            for (_, line) in try lines(name) {
                if line.hasPrefix("[") && line.hasSuffix("]") {
                    current = String(line.dropFirst().dropLast())
                    continue
                }
                out[current, default: []].append(contentsOf: line.split(separator: " ").map(String.init))
            }
            return out
        }

        // Surnames.
        var strong = Set<Unicode.Scalar>(), weak = Set<Unicode.Scalar>(), compound = Set<String>()
        for (no, line) in try lines("surnames.txt") {
            let parts = line.split(separator: " ").map(String.init)
            guard let kind = parts.first else { continue }
            switch kind {
            case "strong": for p in parts.dropFirst() { strong.formUnion(p.unicodeScalars) }
            case "weak": for p in parts.dropFirst() { weak.formUnion(p.unicodeScalars) }
            case "compound": compound.formUnion(parts.dropFirst())
            default: throw EntityError.invalidData(file: "surnames.txt", line: no, reason: "unknown class '\(kind)'")
            }
        }
        weak.subtract(strong)
        strongSurnames = strong
        weakSurnames = weak
        compoundSurnames = compound
        translit = Set(try lines("translit.txt").flatMap { $0.1.unicodeScalars })

        // World places.
        let world = try sections("world_places.txt")
        var countries = Set<String>(), abbr: [Unicode.Scalar: String] = [:]
        for item in world["country"] ?? [] {
            let pair = item.split(separator: "=").map(String.init)
            countries.insert(pair[0])
            if pair.count == 2, let s = pair[1].unicodeScalars.first { abbr[s] = pair[0] }
        }
        self.countries = countries
        cities = Set(world["city"] ?? [])
        regions = Set((world["region"] ?? []) + (world["celestial"] ?? []) + (world["geography"] ?? []))
        // Regions and Chinese provinces written with one character (中欧, 京剧, 川渝).
        let regional: [(String, String)] = [
            ("华", "中国"), ("欧", "欧洲"), ("亚", "亚洲"), ("非", "非洲"), ("拉", "拉丁美洲"), ("台", "台湾"), ("港", "香港"),
            ("京", "北京市"), ("沪", "上海市"), ("津", "天津市"), ("渝", "重庆市"), ("川", "四川省"), ("蜀", "四川省"), ("粤", "广东省"),
            ("冀", "河北省"), ("晋", "山西省"), ("辽", "辽宁省"), ("吉", "吉林省"), ("黑", "黑龙江省"), ("苏", "江苏省"), ("浙", "浙江省"),
            ("皖", "安徽省"), ("闽", "福建省"), ("赣", "江西省"), ("鲁", "山东省"), ("豫", "河南省"), ("鄂", "湖北省"), ("湘", "湖南省"),
            ("桂", "广西壮族自治区"), ("琼", "海南省"), ("黔", "贵州省"), ("滇", "云南省"), ("藏", "西藏自治区"), ("陕", "陕西省"),
            ("陇", "甘肃省"), ("青", "青海省"), ("蓉", "成都市"), ("淮", "淮河"), ("黄", "黄河"),
        ]
        for (c, name) in regional where abbr[c.unicodeScalars.first!] == nil { abbr[c.unicodeScalars.first!] = name }
        abbreviations = abbr

        let cues = try sections("person_cues.txt")
        titles = Set(cues["title"] ?? [])
        honorifics = Set(cues["after"] ?? [])
        speech = Set(cues["speech"] ?? [])

        let orgs = try sections("org_suffixes.txt")
        strongSuffixes = Set(orgs["strong"] ?? [])
        weakSuffixes = Set(orgs["weak"] ?? [])
        bareOrganizations = Set(orgs["bare"] ?? [])
        bareFirstScalars = ScalarBitSet(bareOrganizations.compactMap { $0.unicodeScalars.first })
        chiefHeads = Set((orgs["chief"] ?? []).compactMap { $0.unicodeScalars.first })
        facilitySuffixes = Set(orgs["facility"] ?? [])
        maxSuffixLength = (strongSuffixes.union(weakSuffixes)).map(\.count).max() ?? 1
        maxTitleLength = titles.map(\.count).max() ?? 1
        titleLastScalars = ScalarBitSet(titles.compactMap { $0.unicodeScalars.last })
        suffixLastScalars = ScalarBitSet(strongSuffixes.union(weakSuffixes).compactMap { $0.unicodeScalars.last })
        facilityLastScalars = ScalarBitSet(facilitySuffixes.compactMap { $0.unicodeScalars.last })

        var aliases: [String: AliasEntry] = [:]
        for (no, line) in try lines("aliases.tsv") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 3 else {
                throw EntityError.invalidData(file: "aliases.tsv", line: no, reason: "expected alias<TAB>canonical<TAB>type")
            }
            let type: EntityType
            switch f[2] {
            case "ORG": type = .organization
            case "LOC": type = .place
            case "PER": type = .person
            default: throw EntityError.invalidData(file: "aliases.tsv", line: no, reason: "unknown type '\(f[2])'")
            }
            let flags = f.count > 3 ? Set(f[3].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) : []
            aliases[f[0]] = AliasEntry(canonical: f[1], type: type, ambiguous: flags.contains("ambiguous"),
                                       cityTemplate: flags.contains("city"))
        }
        self.aliases = aliases
        maxAliasLength = aliases.keys.map { $0.unicodeScalars.count }.max() ?? 1
        aliasFirstScalars = ScalarBitSet(aliases.keys.compactMap { $0.unicodeScalars.first })
    }

    // MARK: Queries

    func isSurname(_ s: Unicode.Scalar) -> Bool { strongSurnames.contains(s) || weakSurnames.contains(s) }

    /// The length of the surname at the start of `scalars` (1 or 2), or 0.
    func surnameLength(_ scalars: ArraySlice<Unicode.Scalar>, strongOnly: Bool = false) -> Int {
        guard let first = scalars.first else { return 0 }
        if scalars.count >= 3 {
            var two = String.UnicodeScalarView()
            two.append(contentsOf: scalars.prefix(2))
            if compoundSurnames.contains(String(two)) { return 2 }
        }
        if strongSurnames.contains(first) { return 1 }
        if !strongOnly && weakSurnames.contains(first) { return 1 }
        return 0
    }

    func isWorldPlace(_ w: String) -> Bool { countries.contains(w) || cities.contains(w) || regions.contains(w) }

    func isTranslit(_ w: String) -> Bool {
        !w.isEmpty && w.unicodeScalars.allSatisfy { translit.contains($0) }
    }

    /// A title at the end of `w` (党组书记 → 书记, 副市长 → 副市长), or nil.
    func titleSuffix(of w: String) -> String? {
        if titles.contains(w) { return w }
        let sc = Array(w.unicodeScalars)
        var k = min(maxTitleLength, sc.count - 1)
        while k >= 2 {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: sc[(sc.count - k)...])
            let t = String(v)
            if titles.contains(t) { return t }
            k -= 1
        }
        return nil
    }

    /// The organization suffix that `w` ends with (longest first) and whether it is strong.
    func orgSuffix(of w: String) -> (suffix: String, strong: Bool)? {
        let sc = Array(w.unicodeScalars)
        var k = min(maxSuffixLength, sc.count)
        while k >= 1 {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: sc[(sc.count - k)...])
            let t = String(v)
            if strongSuffixes.contains(t) { return (t, true) }
            if weakSuffixes.contains(t) { return (t, false) }
            k -= 1
        }
        return nil
    }
}

