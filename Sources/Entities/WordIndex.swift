import ChineseText

/// Every word the rules look up — the lexicon's lists, the rules' own word sets, the place
/// names and the alias table — in one `ScalarTable`, with per word the lists it belongs to, its
/// place flags and its alias facts. A token or a suffix of it then costs one hash of its
/// scalars instead of a `String` per lookup (and the NFC work of hashing it).
///
/// Only scalar ranges that `NFCSafety` accepts may be looked up here; `enabled` is false when
/// some key has an unsafe scalar (then no lookup is exact and callers keep to the `String`
/// sets, which `set(_:)` gives for each list).
final class WordIndex: Sendable {
    /// A word list, as a bit of `lists(_:)`.
    struct List: OptionSet, Sendable {
        let rawValue: UInt32
        static let title = List(rawValue: 1 << 0)
        static let honorific = List(rawValue: 1 << 1)
        static let speech = List(rawValue: 1 << 2)
        static let strongSuffix = List(rawValue: 1 << 3)
        static let weakSuffix = List(rawValue: 1 << 4)
        static let facilitySuffix = List(rawValue: 1 << 5)
        static let bareOrganization = List(rawValue: 1 << 6)
        static let country = List(rawValue: 1 << 7)
        static let nonNameNoun = List(rawValue: 1 << 8)
        static let nationalPrefix = List(rawValue: 1 << 9)
        static let governmentHead = List(rawValue: 1 << 10)
        static let departmentWord = List(rawValue: 1 << 11)
        static let adverb = List(rawValue: 1 << 12)
        static let placeFollower = List(rawValue: 1 << 13)
        static let placeLeader = List(rawValue: 1 << 14)
        static let abbreviationFollower = List(rawValue: 1 << 15)
        static let relation = List(rawValue: 1 << 16)
        static let join = List(rawValue: 1 << 17)
        static let nameAdjective = List(rawValue: 1 << 18)
        static let compoundSurname = List(rawValue: 1 << 19)
    }

    /// Alias facts the rules ask about a word: its type and whether it is ambiguous.
    typealias AliasFacts = (type: EntityType, ambiguous: Bool)

    let table: ScalarTable
    /// The words of the head lists (titles, organization and facility heads) alone, with the
    /// same ids as in `table`: the suffix scans probe this small table.
    let heads: ScalarTable
    private let listBits: [UInt32]
    private let placeFlagOf: [UInt8]
    private let aliasOf: [AliasFacts?]
    private let aliasEntryOf: [AliasEntry?]
    private let organizationAliasOf: [Bool]
    /// The key of each id as a `String` (the list's own spelling).
    let texts: [String]
    /// Every key is NFC-safe, so scalar lookups agree with the `String` sets.
    let enabled: Bool
    /// Gates for the alias scan: the first two scalars of organization aliases of two or more
    /// scalars, and the organization aliases of one scalar.
    let organizationAliasStarts: ScalarPairBloom
    let organizationAliasSingles: ScalarBitSet
    private let sets: [(List, Set<String>)]

    init(lexicon: Lexicon, placeIndex: PlaceIndex) {
        // The head lists first: their words get the lowest ids, which `heads` repeats.
        let headLists: [(List, Set<String>)] = [
            (.title, lexicon.titles), (.strongSuffix, lexicon.strongSuffixes), (.weakSuffix, lexicon.weakSuffixes),
            (.facilitySuffix, lexicon.facilitySuffixes),
        ]
        let sets: [(List, Set<String>)] = headLists + [
            (.honorific, lexicon.honorifics), (.speech, lexicon.speech), (.bareOrganization, lexicon.bareOrganizations),
            (.country, lexicon.countries), (.nonNameNoun, Spotter.nonNameNouns), (.nationalPrefix, Spotter.nationalPrefixes),
            (.governmentHead, Spotter.governmentHeads), (.departmentWord, Spotter.departmentWords), (.adverb, Spotter.adverbs),
            (.placeFollower, Spotter.placeFollowers), (.placeLeader, Spotter.placeLeaders),
            (.abbreviationFollower, Spotter.abbreviationFollowers), (.relation, Spotter.relations), (.join, Spotter.joins),
            (.nameAdjective, Spotter.nameAdjectives), (.compoundSurname, lexicon.compoundSurnames),
        ]
        var table = ScalarTable()
        var bits: [UInt32] = [], placeFlags: [UInt8] = [], aliasFacts: [AliasFacts?] = [], texts: [String] = []
        var enabled = true
        func add(_ w: String) -> Int {
            if !NFCSafety.isSafe(w) { enabled = false }
            let id = Int(table.insert(w.unicodeScalars))
            if id == bits.count { bits.append(0); placeFlags.append(0); aliasFacts.append(nil); texts.append(w) }
            return id
        }
        for (list, set) in headLists { for w in set.sorted() { bits[add(w)] |= list.rawValue } }
        var heads = ScalarTable()
        for w in texts { heads.insert(w.unicodeScalars) }
        for (list, set) in sets { for w in set { bits[add(w)] |= list.rawValue } }
        for (w, f) in placeIndex.flags { placeFlags[add(w)] = f }
        var entries: [Int: AliasEntry] = [:]
        for (w, a) in lexicon.aliases {
            let id = add(w)
            aliasFacts[id] = (a.type, a.ambiguous)
            entries[id] = a
        }
        self.aliasEntryOf = (0..<texts.count).map { entries[$0] }
        self.table = table
        self.heads = heads
        self.listBits = bits
        self.placeFlagOf = placeFlags
        self.aliasOf = aliasFacts
        self.organizationAliasOf = aliasFacts.map { $0?.type == .organization }
        self.texts = texts
        self.enabled = enabled
        self.sets = sets
        let orgAliases = lexicon.aliases.filter { $0.value.type == .organization }.map(\.key)
        organizationAliasStarts = ScalarPairBloom(keys: orgAliases)
        organizationAliasSingles = ScalarBitSet(orgAliases.filter { $0.unicodeScalars.count == 1 }.compactMap { $0.unicodeScalars.first })
    }

    static func bundled(lexicon: Lexicon, placeIndex: PlaceIndex) -> WordIndex {
        cache.value(orMake: { WordIndex(lexicon: lexicon, placeIndex: placeIndex) })
    }
    private static let cache = LockedBox<WordIndex?>(nil)

    // MARK: By id (ids from `table`; -1 is no word)

    @inline(__always) func lists(_ id: Int32) -> List { id >= 0 ? List(rawValue: listBits[Int(id)]) : [] }
    @inline(__always) func placeFlags(_ id: Int32) -> UInt8 { id >= 0 ? placeFlagOf[Int(id)] : 0 }
    @inline(__always) func alias(_ id: Int32) -> AliasFacts? { id >= 0 ? aliasOf[Int(id)] : nil }
    @inline(__always) func isOrganizationAlias(_ id: Int32) -> Bool { id >= 0 && organizationAliasOf[Int(id)] }
    /// The alias-table entry of a word (`lexicon.aliases[word]`).
    @inline(__always) func aliasEntry(_ id: Int32) -> AliasEntry? { id >= 0 ? aliasEntryOf[Int(id)] : nil }

    // MARK: By string (the exact `String` semantics, for words with unsafe scalars)

    /// The lists `w` is in, by the `String` sets.
    func slowLists(_ w: String) -> List {
        var l: List = []
        for (list, set) in sets where set.contains(w) { l.insert(list) }
        return l
    }

    /// The `String` set of one list.
    func set(_ list: List) -> Set<String> {
        sets.first(where: { $0.0 == list })?.1 ?? []
    }
}
