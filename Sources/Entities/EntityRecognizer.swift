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
        let (toks, spans) = spotter.spot(text, segmented: segmented)
        func surface(_ s: RawSpan) -> String {
            var v = String.UnicodeScalarView(); v.append(contentsOf: scalars[s.start..<s.end]); return String(v)
        }
        let surfaces = spans.map(surface)
        let resolver = Resolver(lexicon: spotter.lexicon, gazetteer: spotter.gazetteer)

        // Places first: they give the article's city and the context for divisions.
        var placeEntries: [Int: Int32] = [:]          // span index → gazetteer entry
        var mentionedEntries = Set<Int32>()
        for (k, s) in spans.enumerated() where s.type == .place && !s.isReference {
            let candidates = resolver.gazetteerEntries(surfaces[k])
            if let first = candidates.first { placeEntries[k] = first; mentionedEntries.formUnion(candidates) }
        }
        // Disambiguate with the other places of the text (钱塘镇 under 合川区).
        for (k, _) in placeEntries {
            placeEntries[k] = resolver.bestEntry(resolver.gazetteerEntries(surfaces[k]), mentioned: mentionedEntries)
        }
        let city = resolver.city(context: context, placeEntries: placeEntries.sorted { $0.key < $1.key }.map(\.value))   // in text order: ties go to the first mentioned

        var order: [String] = []
        var byKey: [String: Entity] = [:]
        var fullNames: [String] = surfaces.enumerated().filter { spans[$0.offset].type == .organization }.map(\.element)
        fullNames.sort { $0.count > $1.count }
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
                name = resolver.organizationName(text, city: city, others: fullNames)
            case .person:
                name = text
            }
            let key = "\(s.type.rawValue)\t\(name)"
            let mention = EntityMention(text: text, start: s.start, end: s.end)
            if var e = byKey[key] {
                e.mentions.append(mention)
                if !e.aliases.contains(text) { e.aliases.append(text) }
                if e.role == nil { e.role = s.role }
                byKey[key] = e
            } else {
                order.append(key)
                byKey[key] = Entity(name: name, type: s.type, aliases: [text], mentions: [mention], role: s.role,
                                    division: division)
            }
        }
        _ = toks
        return order.compactMap { byKey[$0] }
    }
}

/// Canonical names: the alias table, short forms of names seen in the text, the gazetteer.
struct Resolver {
    let lexicon: Lexicon
    let gazetteer: Gazetteer

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

    func organizationName(_ text: String, city: String?, others: [String]) -> String {
        if let a = lexicon.aliases[text], a.type == .organization { return fill(a, city: city) ?? text }
        // 市科技局 when the alias table does not list it: keep the surface.
        // An alias at the start: 中科院重庆科学中心 → 中国科学院重庆科学中心.
        let v = Array(text.unicodeScalars)
        var k = min(v.count - 2, lexicon.maxAliasLength)
        while k >= 2 {
            var head = String.UnicodeScalarView(); head.append(contentsOf: v[..<k])
            if let a = lexicon.aliases[String(head)], a.type == .organization, !a.ambiguous, !a.canonical.hasPrefix(String(head)),
               let full = fill(a, city: city) {
                var rest = String.UnicodeScalarView(); rest.append(contentsOf: v[k...])
                return full + String(rest)
            }
            k -= 1
        }
        // 重庆市政府 → 重庆市人民政府.
        for level in ["省", "市", "县", "区"] where text.hasSuffix(level + "政府") && text.count > 3 {
            return String(text.dropLast(2)) + "人民政府"
        }
        // A short form of a longer name in the same text: its first character, the others in
        // order, and the same last character.
        for full in others where full.count > text.count && isShortForm(text, of: full) {
            return organizationName(full, city: city, others: [])
        }
        return text
    }

    func fill(_ a: AliasEntry, city: String?) -> String? {
        guard a.cityTemplate else { return a.canonical }
        guard let city else { return nil }
        return a.canonical.replacingOccurrences(of: "{city}", with: city)
    }

    func isShortForm(_ short: String, of full: String) -> Bool {
        let s = Array(short.unicodeScalars), f = Array(full.unicodeScalars)
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
