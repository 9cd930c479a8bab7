import ChineseText
import Foundation

/// Finds people, places and organizations in Chinese news text and groups their mentions
/// under canonical names.
///
/// ```swift
/// let recognizer = try EntityRecognizer.bundled()
/// for e in recognizer.recognize("市委副书记、市长唐良智与中国科学院党组书记、院长侯建国座谈") {
///     print(e.name, e.type, e.role ?? "")   // 唐良智 person 市长, 中国科学院 organization, …
/// }
/// ```
///
/// The recognizer is rule-based: it runs ChineseText's segmenter, then organization heads with
/// left expansion, person rules (titles, surnames, transliteration), the administrative-division
/// gazetteer, a world list and a curated alias table. It is immutable and thread-safe.
public struct EntityRecognizer: Sendable {
    let spotter: Spotter

    /// The recognizer over the bundled word lists, the bundled segmenter and the divisions table,
    /// loaded once per process.
    public static func bundled() throws -> EntityRecognizer {
        let segmenter: Segmenter
        do { segmenter = try Segmenter.standard() } catch {
            throw EntityError.segmenterUnavailable(String(describing: error))
        }
        let lexicon = try Lexicon.bundled(), gazetteer = try Gazetteer.bundled()
        return EntityRecognizer(spotter: Spotter(lexicon: lexicon, gazetteer: gazetteer, segmenter: segmenter,
                                                 placeIndex: PlaceIndex.bundled(lexicon: lexicon, gazetteer: gazetteer)))
    }

    /// Name spans only, as a named-entity tagger reports them: no grouping, no references such as
    /// 我市. Offsets in Unicode scalars.
    public func spans(_ text: String) -> [EntitySpan] {
        spotter.spot(text).spans.filter { !$0.isReference }.map { EntitySpan(start: $0.start, end: $0.end, type: $0.type) }
    }

    /// The entities of `text`, in order of first mention, each with its canonical name, its
    /// surface forms and mentions, a person's role and a Chinese place's division.
    public func recognize(_ text: String, context: EntityContext = .init()) -> [Entity] {
        recognize(text, context: context, segmented: nil)
    }

    /// `recognize(_:context:)` with the segmenter's tokens of `text` already computed: those of
    /// `Segmenter.tokenize(text)` (default mode, HMM on, offsets in Unicode scalars), so that a
    /// caller that segments the text for other purposes does it once.
    public func recognize(_ text: String, context: EntityContext = .init(), tokens: [Token]) -> [Entity] {
        recognize(text, context: context, segmented: tokens)
    }

    private func recognize(_ text: String, context: EntityContext, segmented: [Token]?) -> [Entity] {
        let scalars = Array(text.unicodeScalars)
        let (_, spans) = spotter.spot(text, scalars: scalars, segmented: segmented)
        func surface(_ s: RawSpan) -> String {
            var v = String.UnicodeScalarView(); v.append(contentsOf: scalars[s.start..<s.end]); return String(v)
        }
        let surfaces = spans.map(surface)
        let resolver = Resolver(lexicon: spotter.lexicon, gazetteer: spotter.gazetteer, words: spotter.words)

        // Places first: they give the article's city and the context for divisions. The
        // entries of a surface are looked up once per distinct surface (a pure function).
        var entriesBySurface: [String: [Int32]] = [:]
        var placeEntries = [Int32?](repeating: nil, count: spans.count)     // span index → gazetteer entry
        var placeCandidates = [[Int32]](repeating: [], count: spans.count)
        var mentionedEntries = Set<Int32>()
        for (k, s) in spans.enumerated() where s.type == .place && !s.isReference {
            let candidates: [Int32]
            if let known = entriesBySurface[surfaces[k]] { candidates = known } else {
                candidates = resolver.gazetteerEntries(surfaces[k])
                entriesBySurface[surfaces[k]] = candidates
            }
            if let first = candidates.first {
                placeEntries[k] = first
                placeCandidates[k] = candidates
                mentionedEntries.formUnion(candidates)
            }
        }
        // Disambiguate with the other places of the text (钱塘镇 under 合川区).
        for k in placeEntries.indices where placeEntries[k] != nil {
            placeEntries[k] = resolver.bestEntry(placeCandidates[k], mentioned: mentionedEntries)
        }
        let city = resolver.city(context: context, placeEntries: placeEntries.compactMap { $0 })   // in text order: ties go to the first mentioned

        // Longer organization names first (by `Character` count, computed once per name; the
        // sort sees the same comparisons as sorting the names by `count`).
        var fullNames: [(count: Int, name: String)] = surfaces.enumerated().filter { spans[$0.offset].type == .organization }
            .map { ($0.element.count, $0.element) }
        fullNames.sort { $0.count > $1.count }
        // Repeats of a name (the same scalars) can never match before its first occurrence
        // in this order does, so the short-form scan needs each name once.
        var seenNames = Set<[Unicode.Scalar]>()
        let others = fullNames.map { Resolver.Name($0.name, count: $0.count) }.filter { seenNames.insert($0.scalars).inserted }
        var organizationNames: [String: String] = [:]

        var entities: [Entity] = []
        var indexByKey: [EntityKey: Int] = [:]
        for (k, s) in spans.enumerated() {
            let text = surfaces[k]
            var name = text
            var division: PlaceDivision?
            switch s.type {
            case .place:
                if s.isReference {
                    guard let city else { continue }
                    name = city
                    if let e = resolver.bestEntry(spotter.gazetteer.byName[city] ?? [], mentioned: mentionedEntries) {
                        division = spotter.gazetteer.division(e)
                    }
                } else if let e = placeEntries[k] {
                    name = spotter.gazetteer.places[Int(e)].name
                    division = spotter.gazetteer.division(e)
                } else {
                    name = resolver.placeName(text)
                }
            case .organization:
                // A pure function of the text here (same city, same other names): once per text.
                if let known = organizationNames[text] { name = known } else {
                    name = resolver.organizationName(text, city: city, others: others)
                    organizationNames[text] = name
                }
            case .person:
                name = text
            }
            let key = EntityKey(type: s.type, name: name)
            let mention = EntityMention(text: text, start: s.start, end: s.end)
            if let i = indexByKey[key] {
                entities[i].mentions.append(mention)
                if !entities[i].aliases.contains(text) { entities[i].aliases.append(text) }
                if entities[i].role == nil { entities[i].role = s.role }
            } else {
                indexByKey[key] = entities.count
                entities.append(Entity(name: name, type: s.type, aliases: [text], mentions: [mention], role: s.role,
                                       division: division))
            }
        }
        return entities
    }
}

/// An entity's identity while grouping mentions: its type and canonical name. (Equal exactly
/// when the former key string "type<TAB>name" was: a type name has no tab, and a tab neither
/// composes nor reorders under normalization, so the string compares part by part.)
struct EntityKey: Hashable {
    var type: EntityType
    var name: String
}

/// Canonical names: the alias table, short forms of names seen in the text, the gazetteer.
struct Resolver {
    let lexicon: Lexicon
    let gazetteer: Gazetteer
    /// The alias table by scalars, for NFC-safe names (see `NFCSafety`).
    let words: WordIndex

    func gazetteerEntries(_ name: String) -> [Int32] {
        var entries = gazetteer.byName[name] ?? []
        if entries.isEmpty { entries = gazetteer.byShort[name] ?? [] }
        if entries.isEmpty, let a = lexicon.aliases[name], a.type == .place { entries = gazetteer.byName[a.canonical] ?? [] }
        return entries
    }

    /// Among several entries with one name, the one whose ancestors the text mentions, else the
    /// highest level, else the first.
    func bestEntry(_ entries: [Int32], mentioned: Set<Int32>) -> Int32? {
        guard entries.count > 1 else { return entries.first }
        var best: Int32?, bestScore = Int.min
        for e in entries {
            let anc = gazetteer.ancestors(e)
            var score = anc.filter { mentioned.contains($0) }.count * 10
            score -= Int(gazetteer.places[Int(e)].level)
            // A municipality is both province and prefecture: prefer the province entry.
            if score > bestScore { bestScore = score; best = e }
        }
        return best
    }

    /// The article's city: the caller's, or the most mentioned prefecture-level city or
    /// province-level municipality.
    func city(context: EntityContext, placeEntries: [Int32]) -> String? {
        if let c = context.cityOfArticle, !c.isEmpty {
            if gazetteer.byName[c] != nil { return c }
            if let e = gazetteer.byShort[c]?.first(where: { gazetteer.isCity($0) }) { return gazetteer.places[Int(e)].name }
            if let e = gazetteer.byName[c + "市"]?.first { return gazetteer.places[Int(e)].name }
            return c
        }
        var counts: [String: Int] = [:]
        var first: [String: Int] = [:]
        for (k, e) in placeEntries.enumerated() {
            // A county or township counts for its city.
            var city: Int32? = gazetteer.isCity(e) ? e : nil
            if city == nil { city = gazetteer.ancestors(e).first(where: { gazetteer.isCity($0) }) }
            guard let c = city else { continue }
            let name = gazetteer.places[Int(c)].name
            counts[name, default: 0] += gazetteer.isCity(e) ? 2 : 1
            if first[name] == nil { first[name] = k }
        }
        return counts.max { a, b in a.value != b.value ? a.value < b.value : first[a.key]! > first[b.key]! }?.key
    }

    func placeName(_ text: String) -> String {
        if let a = lexicon.aliases[text], a.type == .place { return a.canonical }
        if text.unicodeScalars.count == 1, let s = text.unicodeScalars.first, let full = lexicon.abbreviations[s] { return full }
        return text
    }

    /// An organization name of the text with its `Character` count and its scalars, computed
    /// once for all the short-form comparisons.
    struct Name {
        let text: String
        let count: Int
        let scalars: [Unicode.Scalar]
        init(_ text: String, count: Int) {
            self.text = text
            self.count = count
            self.scalars = Array(text.unicodeScalars)
        }
    }

    func organizationName(_ text: String, city: String?, others: [Name]) -> String {
        let v = Array(text.unicodeScalars)
        // A safe name's alias entries come from the index by scalars (the same entries).
        let safe = words.enabled && v.allSatisfy(NFCSafety.isSafe)
        func alias(_ k: Int) -> AliasEntry? {
            if safe { return words.aliasEntry(words.table.id(v, 0, k)) }
            var head = String.UnicodeScalarView(); head.append(contentsOf: v[..<k])
            return lexicon.aliases[String(head)]
        }
        if let a = alias(v.count), a.type == .organization { return fill(a, city: city) ?? text }
        // 市科技局 when the alias table does not list it: keep the surface.
        // An alias at the start: 中科院重庆科学中心 → 中国科学院重庆科学中心.
        var k = min(v.count - 2, lexicon.maxAliasLength)
        while k >= 2 {
            if let a = alias(k), a.type == .organization, !a.ambiguous {
                var head = String.UnicodeScalarView(); head.append(contentsOf: v[..<k])
                if !a.canonical.hasPrefix(String(head)), let full = fill(a, city: city) {
                    var rest = String.UnicodeScalarView(); rest.append(contentsOf: v[k...])
                    return full + String(rest)
                }
            }
            k -= 1
        }
        // 重庆市政府 → 重庆市人民政府. (A safe name ends so only if its last scalars are 政府.)
        if !safe || (v.count >= 3 && v[v.count - 2] == "政" && v[v.count - 1] == "府") {
            for level in ["省", "市", "县", "区"] where text.hasSuffix(level + "政府") && text.count > 3 {
                return String(text.dropLast(2)) + "人民政府"
            }
        }
        // A short form of a longer name in the same text: its first character, the others in
        // order, and the same last character.
        if !others.isEmpty {
            let count = text.count
            for full in others where full.count > count && isShortForm(v, of: full.scalars) {
                return organizationName(full.text, city: city, others: [])
            }
        }
        return text
    }

    func fill(_ a: AliasEntry, city: String?) -> String? {
        guard a.cityTemplate else { return a.canonical }
        guard let city else { return nil }
        return a.canonical.replacingOccurrences(of: "{city}", with: city)
    }

    func isShortForm(_ short: String, of full: String) -> Bool {
        isShortForm(Array(short.unicodeScalars), of: Array(full.unicodeScalars))
    }

    func isShortForm(_ s: [Unicode.Scalar], of f: [Unicode.Scalar]) -> Bool {
        guard s.count >= 2, s.first == f.first, s.last == f.last else { return false }
        var j = 0
        for c in f where j < s.count && c == s[j] { j += 1 }
        return j == s.count
    }
}

extension EntityRecognizer {
    /// Name spans with the id of the rule that proposed each (for error analysis only).
    public func _debugSpans(_ text: String) -> [(span: EntitySpan, rule: String)] {
        spotter.spot(text).spans.filter { !$0.isReference }.map { (EntitySpan(start: $0.start, end: $0.end, type: $0.type), $0.rule) }
    }
}
