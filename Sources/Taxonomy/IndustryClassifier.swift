import Foundation
import ChineseText

/// An industry of the industries file.
public struct Industry: Sendable, Hashable {
    /// The industry's name (大数据, 高端装备, 汽车).
    public var name: String
    /// Its top category in the 2018 strategic emerging industries classification, or `other`.
    public var category: StrategicIndustryCategory
    /// Other names for it (装备制造业 → 高端装备, 汽摩产业 → 汽车).
    public var aliases: [String]
    /// Canonical technology terms that imply it (数控机床 → 高端装备). Includes a technology
    /// whose canonical name is the industry's name or one of its aliases (大数据 → 大数据).
    public var indicators: [String]
    /// The forms that count only in an industry context (汽车, 金融, 农业): followed by
    /// 产业/行业/领域/企业/…, or listed with another industry (汽车、电子信息、大数据等).
    public var contextForms: [String]
    /// Why the industry is mapped the way it is.
    public var note: String
}

/// What supports an industry mention.
public struct IndustryEvidence: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// The industry's name or an alias, as written in the text.
        case name
        /// A technology that indicates the industry (its canonical term).
        case technology
    }
    public var kind: Kind
    public var text: String
    public var count: Int

    public var description: String { "\(kind.rawValue):\(text)×\(count)" }
}

/// An industry found in a text.
public struct IndustryMention: Sendable, Hashable {
    /// The industry's name.
    public var name: String
    /// The strategic emerging industry category's name (新一代信息技术产业, …) or `other`.
    public var category: String
    /// The category's code: 1–9, or 0 for `other`.
    public var categoryCode: Int
    /// Mentions by name or alias; for an implied industry, the mentions of its indicator
    /// technologies.
    public var count: Int
    /// True when the industry is not named in the text but implied by its technologies.
    public var isImplied: Bool
    /// Where the name or an alias is mentioned (empty when implied).
    public var mentions: [TextSpan]
    /// The forms of its name found, then the indicator technologies found, with counts.
    public var evidence: [IndustryEvidence]

    /// The category as a value.
    public var strategicCategory: StrategicIndustryCategory {
        StrategicIndustryCategory(rawValue: categoryCode) ?? .other
    }
}

/// Finds the industries a text is about: those it names (by name or alias) and those implied
/// by strong technology evidence (at least `minimumImpliedEvidence` mentions of the industry's
/// indicator technologies). Immutable; can be shared between threads.
public struct IndustryClassifier: Sendable {
    /// Every industry, in file order.
    public let industries: [Industry]
    /// Indicator mentions needed to imply an industry that is not named (default 2).
    public var minimumImpliedEvidence: Int = 2

    let trie: PhraseTrie
    /// Per trie payload: the industry and whether that form needs an industry context.
    let forms: [(industry: Int, needsContext: Bool)]
    /// Canonical technology term → industries it indicates.
    let indicated: [String: [Int]]
    let segmenter: Segmenter

    static let columns = ["name", "category", "aliases", "indicators", "context", "note"]

    /// The bundled industries (`industries.tsv`) over the bundled technologies, loaded once
    /// per process.
    public static func bundled() throws -> IndustryClassifier { try bundledResult.get() }

    private static let bundledResult = Result<IndustryClassifier, any Error> {
        try IndustryClassifier(files: [], technologies: .bundled())
    }

    /// The bundled industries plus user files in the same format (later rows with the same
    /// name replace earlier ones). Indicators must be canonical terms of `technologies`.
    /// Throws `TaxonomyError` naming the file and line of a malformed row.
    public init(files: [URL], technologies: TechnologyMatcher) throws {
        let bundled = try Self.bundledURL()
        var order: [String] = []
        var byName: [String: (Industry, TSVRow, Int)] = [:]
        for (fileIndex, url) in ([bundled] + files).enumerated() {
            var seen: [String: Int] = [:]
            for r in try TSV.read(url, columns: Self.columns) {
                let f = r.fields
                guard !Fold.key(f[0]).isEmpty else { throw r.error("empty industry name") }
                guard let category = StrategicIndustryCategory(fileCode: f[1]) else {
                    throw r.error("unknown category '\(f[1])' (expected 1–9 or other)")
                }
                let aliases = TSV.list(f[2])
                let allForms = [f[0]] + aliases
                let contextForms: [String]
                switch f[4].lowercased() {
                case "any", "":
                    contextForms = []
                case "industry":
                    // Every form except those already ending in 业 (汽车产业, 金融业).
                    contextForms = allForms.filter { form in
                        let scalars = Array(form.unicodeScalars)
                        return !(scalars.count >= 3 && scalars.last == "业")
                    }
                default:
                    contextForms = TSV.list(f[4])
                    let known = Set(allForms.map(Fold.keyString))
                    for form in contextForms where !known.contains(Fold.keyString(form)) {
                        throw r.error("context form '\(form)' is not the name or an alias (expected any, industry, or forms of this row separated by |)")
                    }
                }
                let indicators = TSV.list(f[3])
                for term in indicators where technologies.term(named: term) == nil {
                    throw r.error("indicator '\(term)' is not a canonical technology term")
                }
                let key = Fold.keyString(f[0])
                if let first = seen[key] { throw r.error("industry '\(f[0])' is already defined at line \(first)") }
                seen[key] = r.line
                if byName[key] == nil { order.append(key) }
                byName[key] = (Industry(name: f[0], category: category, aliases: aliases, indicators: indicators,
                                        contextForms: contextForms, note: f[5]), r, fileIndex)
            }
        }
        var list = order.compactMap { byName[$0] }

        // Forms → industries; a form naming two industries in one file is an error, a later
        // file takes it over.
        var owner: [String: (industry: Int, row: TSVRow, file: Int)] = [:]
        for (i, (industry, row, file)) in list.enumerated() {
            for form in [industry.name] + industry.aliases {
                let key = Fold.keyString(form)
                if let old = owner[key], old.industry != i {
                    if old.file == file {
                        throw row.error("'\(form)' already names industry '\(list[old.industry].0.name)' (line \(old.row.line))")
                    }
                    if old.file > file { continue }
                }
                owner[key] = (i, row, file)
            }
        }
        // A technology named like an industry indicates it.
        for (i, (industry, _, _)) in list.enumerated() {
            for form in [industry.name] + industry.aliases {
                if let t = technologies.term(named: form), !list[i].0.indicators.contains(t.canonical),
                   owner[Fold.keyString(form)]?.industry == i {
                    list[i].0.indicators.append(t.canonical)
                }
            }
        }
        var trie = PhraseTrie()
        var forms: [(industry: Int, needsContext: Bool)] = []
        for (i, (industry, _, _)) in list.enumerated() {
            let context = Set(industry.contextForms.map(Fold.keyString))
            for form in [industry.name] + industry.aliases where owner[Fold.keyString(form)]?.industry == i {
                trie.insert(Fold.key(form), payload: Int32(forms.count))
                forms.append((i, context.contains(Fold.keyString(form))))
            }
        }
        var indicated: [String: [Int]] = [:]
        for (i, (industry, _, _)) in list.enumerated() {
            for t in industry.indicators where !(indicated[t]?.contains(i) ?? false) { indicated[t, default: []].append(i) }
        }
        self.industries = list.map(\.0)
        self.trie = trie
        self.forms = forms
        self.indicated = indicated
        self.segmenter = technologies.segmenter
    }

    static func bundledURL() throws -> URL {
        guard let url = Bundle.module.url(forResource: "industries", withExtension: "tsv") else {
            throw TaxonomyError.missingResource(name: "industries.tsv")
        }
        return url
    }

    /// The industry with this name.
    public func industry(named name: String) -> Industry? { industries.first { $0.name == name } }

    /// The industries of `text`, given the technologies found in it: named industries first
    /// (most mentioned first), then implied ones (strongest evidence first).
    public func classify(_ text: String, technologies: [TechnologyMention]) -> [IndustryMention] {
        classify(SegmentedText(text, segmenter: segmenter), technologies: technologies)
    }

    /// The industries of an already segmented text.
    public func classify(_ text: SegmentedText, technologies: [TechnologyMention]) -> [IndustryMention] {
        let raw = trie.matches(in: text)
        var spans: [Int: [TextSpan]] = [:]
        var named: [Int: [(span: TextSpan, count: Int)]] = [:] // industry → distinct forms as written
        for (k, m) in raw.enumerated() {
            let form = forms[Int(m.payload)]
            if form.needsContext && !Self.inIndustryContext(raw, k, text) { continue }
            let span = TextSpan(start: m.start, end: m.end)
            spans[form.industry, default: []].append(span)
            let same = named[form.industry]?.firstIndex {
                text.original[$0.span.start..<$0.span.end].elementsEqual(text.original[span.start..<span.end])
            }
            if let j = same {
                named[form.industry]![j].count += 1
            } else {
                named[form.industry, default: []].append((span, 1))
            }
        }
        var techEvidence: [Int: [IndustryEvidence]] = [:]
        for t in technologies {
            for i in indicated[t.term] ?? [] {
                techEvidence[i, default: []].append(IndustryEvidence(kind: .technology, text: t.term, count: t.count))
            }
        }
        var out: [IndustryMention] = []
        for (i, industry) in industries.enumerated() {
            let tech = techEvidence[i] ?? []
            if let s = spans[i] {
                let evidence = named[i]!.map { IndustryEvidence(kind: .name, text: text.text(of: $0.span), count: $0.count) } + tech
                out.append(IndustryMention(name: industry.name, category: industry.category.name,
                                           categoryCode: industry.category.code, count: s.count, isImplied: false,
                                           mentions: s, evidence: evidence))
            } else {
                let total = tech.reduce(0) { $0 + $1.count }
                if total >= minimumImpliedEvidence && total > 0 {
                    out.append(IndustryMention(name: industry.name, category: industry.category.name,
                                               categoryCode: industry.category.code, count: total, isImplied: true,
                                               mentions: [], evidence: tech))
                }
            }
        }
        return out.sorted { a, b in
            if a.isImplied != b.isImplied { return !a.isImplied }
            if a.count != b.count { return a.count > b.count }
            let fa = a.mentions.first?.start ?? Int.max, fb = b.mentions.first?.start ?? Int.max
            if fa != fb { return fa < fb }
            return a.name < b.name
        }
    }

    /// Words after a bare industry name that make it an industry mention.
    static let contextSuffixes: [[UInt32]] = ["产业", "行业", "业", "领域", "集群", "板块", "企业", "工业", "制造", "经济", "赛道", "市场"]
        .map { Fold.key($0) }
    /// Separators of an enumeration of industries.
    static let listSeparators: Set<UInt32> = [0x3001 /* 、 */, 0x548C /* 和 */, 0x4E0E /* 与 */, 0x53CA /* 及 */, 0x2F /* / */]

    /// Whether raw match `k` is followed by an industry word, or listed next to another
    /// industry (汽车、电子信息).
    static func inIndustryContext(_ raw: [PhraseTrie.Match], _ k: Int, _ text: SegmentedText) -> Bool {
        let m = raw[k]
        let s = text.folded
        for suffix in contextSuffixes where m.end + suffix.count <= s.count {
            if s[m.end..<(m.end + suffix.count)].elementsEqual(suffix) { return true }
        }
        if k + 1 < raw.count, raw[k + 1].start == m.end + 1, listSeparators.contains(s[m.end]) { return true }
        if k > 0, raw[k - 1].end == m.start - 1, listSeparators.contains(s[m.start - 1]) { return true }
        return false
    }
}
