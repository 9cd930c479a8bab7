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
    /// caller that segments the text for other purposes does it once. `scalars`, when given,
    /// are `ScalarArray.of(text)`, for the same reason.
    public func recognize(_ text: String, context: EntityContext = .init(), tokens: [Token],
                          scalars: [Unicode.Scalar]? = nil) -> [Entity] {
        recognize(text, context: context, segmented: tokens, scalars: scalars)
    }

    private func recognize(_ text: String, context: EntityContext, segmented: [Token]?, scalars given: [Unicode.Scalar]? = nil) -> [Entity] {
        let (_, spans, view) = spotter.spotWithView(text, segmented: segmented, scalars: given)
        let scalars = view.scalars
        // Everything below that depends on a span's text is computed once per distinct
        // surface (see `SpanSurfaces`).
        let surfaces = SpanSurfaces(spans, view)
        let resolver = Resolver(lexicon: spotter.lexicon, gazetteer: spotter.gazetteer, words: spotter.words)

        // Places first: they give the article's city and the context for divisions. The
        // entries of a surface are looked up once per distinct surface (a pure function of
        // its `String`).
        var entriesOfSurface = [[Int32]?](repeating: nil, count: surfaces.count)
        var placeEntries = [Int32?](repeating: nil, count: spans.count)     // span index → gazetteer entry
        var mentionedEntries = Set<Int32>()
        for (k, s) in spans.enumerated() where s.type == .place && !s.isReference {
            let id = Int(surfaces.of[k])
            let candidates: [Int32]
            if let known = entriesOfSurface[id] { candidates = known } else {
                candidates = resolver.gazetteerEntries(surfaces.texts[id], scalars, surfaces.starts[id], surfaces.ends[id])
                entriesOfSurface[id] = candidates
            }
            if let first = candidates.first {
                placeEntries[k] = first
                mentionedEntries.formUnion(candidates)
            }
        }
        // Disambiguate with the other places of the text (钱塘镇 under 合川区): a function of
        // the surface's entries and the whole text's mentions, so once per surface.
        var bestOfSurface = [Int32?](repeating: nil, count: surfaces.count)
        var bestKnown = [Bool](repeating: false, count: surfaces.count)
        for k in placeEntries.indices where placeEntries[k] != nil {
            let id = Int(surfaces.of[k])
            if !bestKnown[id] {
                bestOfSurface[id] = resolver.bestEntry(entriesOfSurface[id] ?? [], mentioned: mentionedEntries)
                bestKnown[id] = true
            }
            placeEntries[k] = bestOfSurface[id]
        }
        let city = resolver.city(context: context, placeEntries: placeEntries.compactMap { $0 })   // in text order: ties go to the first mentioned

        // Longer organization names first (by `Character` count). Repeats of a name (the same
        // scalars) can never match before its first occurrence in this order does, so the
        // short-form scan needs each name once: the distinct surfaces in order of first
        // mention, sorted stably by count, are the names the former sort of every mention
        // kept after dropping repeats.
        var orgCount = [Int](repeating: -1, count: surfaces.count)     // surface → `Character` count
        var orgSurfaces: [(count: Int, id: Int)] = []
        var allOrgSafe = true
        for (k, s) in spans.enumerated() where s.type == .organization {
            let id = Int(surfaces.of[k])
            if orgCount[id] >= 0 { continue }
            orgCount[id] = ScalarString.characterCount(scalars[surfaces.starts[id]..<surfaces.ends[id]])
            orgSurfaces.append((orgCount[id], id))
            for q in surfaces.starts[id]..<surfaces.ends[id] where !NFCSafety.isSafe(scalars[q]) { allOrgSafe = false; break }
        }
        orgSurfaces.sort { $0.count > $1.count }
        let others = orgSurfaces.map {
            Resolver.Name(surfaces.texts[$0.id], count: $0.count, scalars: Array(scalars[surfaces.starts[$0.id]..<surfaces.ends[$0.id]]))
        }
        var organizationNames: [String: String] = [:]
        organizationNames.reserveCapacity(orgSurfaces.count)
        var orgNameOfSurface = [String?](repeating: nil, count: surfaces.count)

        var entities: [Entity] = []
        var index = EntityIndex(capacity: spans.count)
        // The entity of each (surface, type, reference) once known: its name, and so its key,
        // is a function of those (see below), so later spans skip the key's hashing.
        var entityOf = [Int32](repeating: -1, count: surfaces.count * 6)
        for (k, s) in spans.enumerated() {
            let id = Int(surfaces.of[k])
            let text = surfaces.texts[id]
            let mention = EntityMention(text: text, start: s.start, end: s.end)
            let slot = id * 6 + Self.typeSlot(s.type) * 2 + (s.isReference ? 1 : 0)
            if entityOf[slot] >= 0 {
                let i = Int(entityOf[slot])
                entities[i].mentions.append(mention)
                if !entities[i].aliases.contains(text) { entities[i].aliases.append(text) }
                if entities[i].role == nil { entities[i].role = s.role }
                continue
            }
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
                // A pure function of the text here (same city, same other names): once per
                // text, by `String` as before (the first of canonically equal spellings wins).
                // When every organization surface is NFC-safe, two of them are equal `String`s
                // exactly when they have the same scalars (the same id): the `String` table
                // would never answer for a new id, so it is skipped.
                if let known = orgNameOfSurface[id] { name = known } else {
                    if !allOrgSafe, let known = organizationNames[text] { name = known } else {
                        name = resolver.organizationName(text, Array(scalars[surfaces.starts[id]..<surfaces.ends[id]]),
                                                         count: orgCount[id],
                                                         city: city, others: others)
                        if !allOrgSafe { organizationNames[text] = name }
                    }
                    orgNameOfSurface[id] = name
                }
            case .person:
                name = text
            }
            if let i = index.firstOrInsert(s.type, name, in: entities) {
                entities[i].mentions.append(mention)
                if !entities[i].aliases.contains(text) { entities[i].aliases.append(text) }
                if entities[i].role == nil { entities[i].role = s.role }
                entityOf[slot] = Int32(i)
            } else {
                entityOf[slot] = Int32(entities.count)
                entities.append(Entity(name: name, type: s.type, aliases: [text], mentions: [mention], role: s.role,
                                       division: division))
            }
        }
        return entities
    }

    @inline(__always) static func typeSlot(_ t: EntityType) -> Int {
        switch t {
        case .person: return 0
        case .place: return 1
        case .organization: return 2
        }
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

    /// `gazetteerEntries(name)` for the name spelled by `scalars[lo..<hi]`. A safe name of two or
    /// more scalars that the word index lacks is in none of the tables: every full name of two
    /// or more scalars, every short name and every alias is a key of the index (through
    /// `PlaceIndex` and the alias table), and safe spellings match by scalars exactly.
    func gazetteerEntries(_ name: String, _ scalars: [Unicode.Scalar], _ lo: Int, _ hi: Int) -> [Int32] {
        if words.enabled && hi - lo >= 2 {
            var safe = true
            for k in lo..<hi where !NFCSafety.isSafe(scalars[k]) { safe = false; break }
            if safe && words.table.id(scalars, lo, hi) < 0 { return [] }
        }
        return gazetteerEntries(name)
    }

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
        init(_ text: String, count: Int, scalars: [Unicode.Scalar]) {
            self.text = text
            self.count = count
            self.scalars = scalars
        }
        init(_ text: String, count: Int) {
            self.init(text, count: count, scalars: Array(text.unicodeScalars))
        }
    }

    func organizationName(_ text: String, city: String?, others: [Name]) -> String {
        organizationName(text, Array(text.unicodeScalars), count: text.count, city: city, others: others)
    }

    /// `organizationName(text, city:others:)` given the scalars `v` and the `Character` count of
    /// `text`.
    func organizationName(_ text: String, _ v: [Unicode.Scalar], count: Int, city: String?, others: [Name]) -> String {
        // A safe name's alias entries come from the index by scalars (the same entries).
        let safe = words.enabled && v.allSatisfy(NFCSafety.isSafe)
        func alias(_ k: Int) -> AliasEntry? {
            if safe { return words.aliasEntry(words.table.id(v, 0, k)) }
            return lexicon.aliases[ScalarString.make(v[..<k])]
        }
        if let a = alias(v.count), a.type == .organization { return fill(a, city: city) ?? text }
        // 市科技局 when the alias table does not list it: keep the surface.
        // An alias at the start: 中科院重庆科学中心 → 中国科学院重庆科学中心.
        var k = min(v.count - 2, lexicon.maxAliasLength)
        while k >= 2 {
            if let a = alias(k), a.type == .organization, !a.ambiguous {
                if !a.canonical.hasPrefix(ScalarString.make(v[..<k])), let full = fill(a, city: city) {
                    return full + ScalarString.make(v[k...])
                }
            }
            k -= 1
        }
        // 重庆市政府 → 重庆市人民政府. (A safe name ends so only if its last scalars are 政府.)
        if !safe || (v.count >= 3 && v[v.count - 2] == "政" && v[v.count - 1] == "府") {
            for level in ["省", "市", "县", "区"] where text.hasSuffix(level + "政府") && count > 3 {
                return String(text.dropLast(2)) + "人民政府"
            }
        }
        // A short form of a longer name in the same text: its first character, the others in
        // order, and the same last character.
        if !others.isEmpty {
            for full in others where full.count > count && isShortForm(v, of: full.scalars) {
                return organizationName(full.text, full.scalars, count: full.count, city: city, others: [])
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
