import Foundation
import ChineseText

/// A word of the segmented text with what the rules need to know about it.
///
/// Everything the rules ask about a word's text is computed once here, in `Spotter.tokens`:
/// by one `WordIndex` lookup of its scalars when the word is NFC-safe (see `NFCSafety`), else by
/// the `String` sets, so that either way each fact is what the `String` expression gives.
struct Tok {
    var start: Int
    var end: Int
    /// The word's slot in `TextView`: its text and dictionary membership (shared by every
    /// occurrence of the same scalars).
    var word: Int32
    /// The tag's index, normalized as `POSTag.name` reads it (see `TagSet`).
    var tagIndex: UInt8
    /// Every scalar is NFC-safe: scalar comparisons of the text agree with `String` ones.
    var safe = false
    /// The word lists the whole word is in.
    var lists: WordIndex.List = []
    /// The alias-table entry of the whole word (its type and ambiguity).
    var alias: WordIndex.AliasFacts?
    /// `lexicon.isTranslit(text)`.
    var translit = false
    /// Every scalar is CJK (true for an empty word).
    var allCJK = false
    /// Computed once per word (the rules ask many times).
    var isPlace = false
    /// The scalar length of `lexicon.titleSuffix(of: text)` (the title is the word's last
    /// `titleLength` scalars), 0 for none.
    var titleLength: Int32 = 0
    var org: OrgHead?
    /// The scalar length of the facility head the word ends with, 0 for none.
    var facilityLength: Int32 = 0
    var length: Int { end - start }
    /// The tag name (`POSTag.name`).
    var tag: String { POSTag.name(tagIndex) }
}

/// The organization head a word ends with: 大学 in 清华大学 (the word's last `length` scalars,
/// as `lexicon.orgSuffix(of:)` builds it).
struct OrgHead {
    var strong: Bool
    /// `suffix.unicodeScalars.count`.
    var length: Int
    /// `Spotter.governmentHeads.contains(suffix)`.
    var government: Bool
}

/// A candidate or accepted name span.
struct RawSpan {
    var start: Int
    var end: Int
    var type: EntityType
    /// Rule priority inside a type: higher wins an overlap before length does.
    var priority: Int = 0
    /// The title next to a person (市长), or the canonical name an alias rule already knows.
    var role: String?
    var canonical: String?
    /// 我市/本市/全市: a reference to the article's city, not a name.
    var isReference = false
    /// The rule that proposed the span (for error analysis).
    var rule = ""
}

/// The rules: organizations by heads and left expansion, people by surnames, titles and
/// transliteration, places by the gazetteer, the world list and abbreviations.
struct Spotter {
    let lexicon: Lexicon
    let gazetteer: Gazetteer
    let segmenter: Segmenter
    let placeIndex: PlaceIndex
    let words: WordIndex
    let classes: ScalarClasses

    init(lexicon: Lexicon, gazetteer: Gazetteer, segmenter: Segmenter, placeIndex: PlaceIndex) {
        self.lexicon = lexicon
        self.gazetteer = gazetteer
        self.segmenter = segmenter
        self.placeIndex = placeIndex
        self.words = WordIndex.bundled(lexicon: lexicon, placeIndex: placeIndex)
        self.classes = ScalarClasses(lexicon: lexicon)
    }

    // MARK: Character classes

    static func isCJK(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x20000 && v <= 0x2FFFF) || v == 0x3007
    }

    static let nameDots: Set<Unicode.Scalar> = ["\u{00B7}", "\u{2022}", "\u{30FB}", "\u{2027}", "\u{FF65}", "\u{2219}"]

    /// Characters that end a Chinese name when they follow it (说, 在, 的, …).
    static let afterNameStops: Set<Unicode.Scalar> = Set("说在是的和与及等同也就都对向从为将把被已曾于今昨称指表认会率到致还又并则所但而了着过".unicodeScalars)

    /// Function-word tags: never part of a name.
    static let functionTags: Set<String> = ["p", "c", "u", "uj", "ul", "uv", "uz", "ud", "ug", "d", "r", "rr", "rz", "y", "e", "o", "w", "url", "m", "mq", "q", "t", "tg", "f"]

    // Tag sets of the rules (see `TagSet`).
    static let functionTagSet = TagSet(Array(functionTags))
    static let nameTags = TagSet(["nr", "nrfg", "nrt"])
    static let nrPrefix = TagSet(prefix: "nr")
    static let nPrefix = TagSet(prefix: "n")
    static let vPrefix = TagSet(prefix: "v")
    static let countyShortTags = TagSet(["ns", "nr", "nrt", "nrfg", "x"])
    static let notHeadTags = TagSet(["v", "vn", "d", "a", "ad", "p", "c", "u", "r", "f", "s"])
    static let nounOrVerbalNoun = TagSet(["n", "vn"])
    static let nonStartTags = TagSet(["vn", "f", "l", "v"])
    static let properTags = TagSet(["ns", "nt", "nz", "j", "nrt"])
    static let notFacilityTags = TagSet(["v", "vn", "d", "a", "f"])
    static let placeNameTags = TagSet(["nr", "nrt", "ns", "x", "nz", "nrfg"])
    static let looseNameTags = TagSet(["nz", "t", "x"])
    static let unknownNameTags = TagSet(["nr", "nrt", "x"])

    // MARK: Text helpers

    /// Whether `sc[lo..<hi]` spells `literal` (a CJK literal: NFC-safe). For an unsafe range
    /// the `String` comparison decides, as the rules always did.
    @inline(__always)
    func rangeIs(_ sc: TextView, _ lo: Int, _ hi: Int, safe: Bool, _ literal: String) -> Bool {
        if !safe { return sc.string(lo, hi) == literal }
        var k = lo
        for s in literal.unicodeScalars {
            if k >= hi || sc[k] != s { return false }
            k += 1
        }
        return k == hi
    }

    /// `sc.text(t) == literal`.
    @inline(__always)
    func textIs(_ t: Tok, _ sc: TextView, _ literal: String) -> Bool {
        t.safe ? rangeIs(sc, t.start, t.end, safe: true, literal) : sc.text(t) == literal
    }

    /// Whether every scalar of `sc[lo..<hi]` is NFC-safe.
    @inline(__always)
    func isSafe(_ sc: TextView, _ lo: Int, _ hi: Int) -> Bool {
        var k = lo
        while k < hi { if !NFCSafety.isSafe(sc[k]) { return false }; k += 1 }
        return true
    }

    /// The `WordIndex` id of `sc[lo..<hi]` when the index can answer for it (nil: ask the
    /// `String` sets), -1 for no word.
    @inline(__always)
    func indexID(_ sc: TextView, _ lo: Int, _ hi: Int, safe: Bool) -> Int32? {
        guard safe && words.enabled else { return nil }
        return words.table.id(sc.scalars, lo, hi)
    }

    /// `sc[lo..<hi]` as a `String` (see `TextView.string`).
    @inline(__always)
    func string(_ sc: TextView, _ lo: Int, _ hi: Int) -> String { sc.string(lo, hi) }

    /// The word lists `sc[lo..<hi]` is in.
    func lists(_ sc: TextView, _ lo: Int, _ hi: Int, safe: Bool) -> WordIndex.List {
        if let id = indexID(sc, lo, hi, safe: safe) { return words.lists(id) }
        return words.slowLists(string(sc, lo, hi))
    }

    /// `lexicon.isTranslit` of `sc[lo..<hi]`.
    @inline(__always)
    func isTranslit(_ sc: TextView, _ lo: Int, _ hi: Int) -> Bool {
        guard lo < hi else { return false }
        var k = lo
        while k < hi { if !classes.translit.contains(sc[k]) { return false }; k += 1 }
        return true
    }

    /// `lexicon.surnameLength(sc[lo..<hi], strongOnly:)`.
    func surnameLength(_ sc: TextView, _ lo: Int, _ hi: Int, strongOnly: Bool = false) -> Int {
        guard lo < hi else { return 0 }
        let first = sc[lo]
        if hi - lo >= 3 {
            if lists(sc, lo, lo + 2, safe: isSafe(sc, lo, lo + 2)).contains(.compoundSurname) { return 2 }
        }
        if classes.strongSurname.contains(first) { return 1 }
        if !strongOnly && classes.weakSurname.contains(first) { return 1 }
        return 0
    }

    @inline(__always) func isSurname(_ s: Unicode.Scalar) -> Bool { classes.strongSurname.contains(s) || classes.weakSurname.contains(s) }

    // MARK: Segmentation

    /// The words of `text` and its view (scalars from `TextLayout`): `segmented`, the segmenter's
    /// tokens in default mode with the HMM (`segmenter.tokenize(text)`), when the caller already
    /// has them. A word's safety is a scan of its own scalars, done once per distinct word.
    /// `scalars`, when given, are `ScalarArray.of(text)` (a caller that has them already).
    func tokens(_ text: String, segmented: [Token]? = nil, scalars given: [Unicode.Scalar]? = nil) -> (tokens: [Tok], view: TextView) {
        let scalars = given ?? ScalarArray.of(text)
        let segs = segmented ?? segmenter.tokenize(text)
        let view = TextView(scalars: scalars, words: DocumentWords(segmenter: segmenter, capacity: segs.count))
        var nextWord: Int32 = 0
        var out: [Tok] = []
        out.reserveCapacity(segs.count)
        var seen = FirstOccurrence(count: segs.count)
        for t in segs {
            let tagIndex = TagSet.normalize(t.tagIndex)
            // A word seen before: the same scalars, so the same text and facts (isPlace also
            // depends on the tag).
            let h = FirstOccurrence.hash(scalars, t.start, t.end)
            if let p = seen.firstOrInsert(Int32(out.count), hash: h, sameText: { k in
                let o = out[Int(k)]
                guard o.end - o.start == t.end - t.start else { return false }
                var q = 0
                while q < t.end - t.start && scalars[o.start + q] == scalars[t.start + q] { q += 1 }
                return q == t.end - t.start
            }) {
                var tok = out[Int(p)]
                tok.start = t.start
                tok.end = t.end
                if tok.tagIndex != tagIndex {
                    tok.tagIndex = tagIndex
                    tok.isPlace = isPlace(tok, view)
                }
                out.append(tok)
                continue
            }
            var tok = Tok(start: t.start, end: t.end, word: nextWord, tagIndex: tagIndex)
            nextWord += 1
            tok.safe = isSafe(view, t.start, t.end)
            let id = indexID(view, t.start, t.end, safe: tok.safe)
            // The word's `String`, only for the `String` path (an unsafe word, or no index).
            let w = id == nil ? view.string(t.start, t.end) : ""
            if let id {
                tok.lists = words.lists(id)
                tok.alias = words.alias(id)
            } else {
                tok.lists = words.slowLists(w)
                tok.alias = lexicon.aliases[w].map { ($0.type, $0.ambiguous) }
            }
            tok.translit = isTranslit(view, t.start, t.end)
            var cjk = true
            for k in t.start..<t.end where !Self.isCJK(scalars[k]) { cjk = false; break }
            tok.allCJK = cjk
            guard let last = scalars[t.end - 1] as Unicode.Scalar?, Self.isCJK(last) else { out.append(tok); continue }
            tok.isPlace = isPlace(tok, view)
            // Each head is the word's last k scalars: keep k (the rules rebuild the string
            // when they need it, as `titleSuffix(of:)`/`orgSuffix(of:)` built it).
            if lexicon.titleLastScalars.contains(last) {
                let title = id != nil ? titleSuffix(view, t.start, t.end, whole: id ?? -1) : lexicon.titleSuffix(of: w)
                tok.titleLength = Int32(title?.unicodeScalars.count ?? 0)
            }
            if lexicon.suffixLastScalars.contains(last) {
                if id != nil {
                    tok.org = orgSuffix(view, t.start, t.end)
                } else if let (suffix, strong) = lexicon.orgSuffix(of: w) {
                    tok.org = OrgHead(strong: strong, length: suffix.unicodeScalars.count,
                                      government: Self.governmentHeads.contains(suffix))
                }
            }
            if lexicon.facilityLastScalars.contains(last) {
                let facility = id != nil ? facilitySuffix(view, t.start, t.end) : facilitySuffix(of: w)
                tok.facilityLength = Int32(facility?.unicodeScalars.count ?? 0)
            }
            out.append(tok)
        }
        return (out, view)
    }

    /// Whether token `tok` (its text, tag and dictionary flag set) is a place name.
    func isPlace(_ tok: Tok, _ sc: TextView) -> Bool {
        guard let last = sc[tok.end - 1] as Unicode.Scalar?, Self.isCJK(last) else { return false }
        // A word that starts no place name is none (isPlaceWord would find no entry).
        guard tok.end - tok.start >= 2 && placeIndex.starts.mayStart(sc[tok.start], sc[tok.start + 1]) else { return false }
        if let id = indexID(sc, tok.start, tok.end, safe: tok.safe) {
            return placeFlagsAccept(words.placeFlags(id), tag: tok.tagIndex, isWord: sc.inDictionary(tok))
        }
        return isPlaceWord(sc.text(tok), tag: tok.tag)
    }

    /// `lexicon.titleSuffix(of:)` of the safe word `sc[lo..<hi]` (index id `whole`): the same
    /// loop, each candidate suffix looked up by its scalars.
    func titleSuffix(_ sc: TextView, _ lo: Int, _ hi: Int, whole: Int32) -> String? {
        if words.lists(whole).contains(.title) { return words.texts[Int(whole)] }
        let n = hi - lo
        var k = min(lexicon.maxTitleLength, n - 1)
        while k >= 2 {
            let id = words.heads.id(sc.scalars, hi - k, hi)
            if words.lists(id).contains(.title) { return words.texts[Int(id)] }
            k -= 1
        }
        return nil
    }

    /// `lexicon.orgSuffix(of:)` of the safe word `sc[lo..<hi]`.
    func orgSuffix(_ sc: TextView, _ lo: Int, _ hi: Int) -> OrgHead? {
        var k = min(lexicon.maxSuffixLength, hi - lo)
        while k >= 1 {
            let id = words.heads.id(sc.scalars, hi - k, hi)
            let l = words.lists(id)
            if l.contains(.strongSuffix) || l.contains(.weakSuffix) {
                return OrgHead(strong: l.contains(.strongSuffix), length: k, government: l.contains(.governmentHead))
            }
            k -= 1
        }
        return nil
    }

    /// `facilitySuffix(of:)` of the safe word `sc[lo..<hi]`.
    func facilitySuffix(_ sc: TextView, _ lo: Int, _ hi: Int) -> String? {
        var k = min(4, hi - lo)
        while k >= 1 {
            let id = words.heads.id(sc.scalars, hi - k, hi)
            if words.lists(id).contains(.facilitySuffix) { return words.texts[Int(id)] }
            k -= 1
        }
        return nil
    }

    // MARK: Places

    /// A Chinese or foreign place name (a whole word).
    func isPlaceWord(_ w: String, tag: String) -> Bool {
        guard let flags = placeIndex.flags[w] else { return false }
        if flags & (PlaceIndex.world | PlaceIndex.alias | PlaceIndex.division | PlaceIndex.majorShort) != 0 { return true }
        // Townships whose names are everyday words need the dictionary's agreement.
        if flags & PlaceIndex.township != 0 && (tag == "ns" || !segmenter.isWord(w)) { return true }
        // County short names (寿光, 綦江): when the dictionary does not know them as another word.
        if flags & PlaceIndex.countyShort != 0 && ["ns", "nr", "nrt", "nrfg", "x", ""].contains(tag) { return true }
        return false
    }

    /// `isPlaceWord` given the word's place flags (0: not in the index), its tag (nil for the
    /// empty tag "") and whether the segmenter knows it as a word.
    @inline(__always)
    func placeFlagsAccept(_ flags: UInt8, tag: UInt8?, isWord: @autoclosure () -> Bool) -> Bool {
        if flags == 0 { return false }
        if flags & (PlaceIndex.world | PlaceIndex.alias | PlaceIndex.division | PlaceIndex.majorShort) != 0 { return true }
        if flags & PlaceIndex.township != 0 && (tag == Tags.ns || !isWord()) { return true }
        if flags & PlaceIndex.countyShort != 0 && (tag.map { Self.countyShortTags.contains($0) } ?? true) { return true }
        return false
    }

    /// `isPlaceWord` of `sc[lo..<hi]` with tag `tag` (nil for "").
    func isPlaceWord(_ sc: TextView, _ lo: Int, _ hi: Int, tag: UInt8?, safe: Bool? = nil) -> Bool {
        if let id = indexID(sc, lo, hi, safe: safe ?? isSafe(sc, lo, hi)) {
            return placeFlagsAccept(words.placeFlags(id), tag: tag, isWord: segmenter.isWord(scalars: sc[lo..<hi]))
        }
        return isPlaceWord(string(sc, lo, hi), tag: tag.map { POSTag.name($0) } ?? "")
    }

    /// The dictionary tag of `sc[lo..<hi]` as an index, nil when it is no dictionary word
    /// (`segmenter.dictionaryTag(of:)`, whose tag names map back to their indices exactly).
    func dictionaryTagIndex(_ sc: TextView, _ lo: Int, _ hi: Int) -> UInt8? {
        guard segmenter.isWord(scalars: sc[lo..<hi]) else { return nil }
        return segmenter.dictionaryTag(of: string(sc, lo, hi)).map { TagSet.index($0) }
    }

    static let placeSuffixes: Set<Unicode.Scalar> = Set("省市县区镇乡村州岛港湾河江湖山峰岭峡洲邦屯寨庄堡沟坡洋海".unicodeScalars)

    // MARK: The pipeline

    /// Tokens and selected spans of `text`; `segmented` as in `tokens(_:segmented:)`.
    func spot(_ text: String, segmented: [Token]? = nil) -> (tokens: [Tok], spans: [RawSpan]) {
        let r = spotWithView(text, segmented: segmented)
        return (r.tokens, r.spans)
    }

    /// `spot(_:segmented:)` and the text's view (its scalars, and the spans' strings).
    func spotWithView(_ text: String, segmented: [Token]?, scalars: [Unicode.Scalar]? = nil) -> (tokens: [Tok], spans: [RawSpan], view: TextView) {
        let (toks, sc) = tokens(text, segmented: segmented, scalars: scalars)
        let scalars = sc.scalars
        var candidates: [RawSpan] = []
        organizationCandidates(toks, sc, into: &candidates)
        personCandidates(toks, sc, into: &candidates)
        placeCandidates(toks, sc, into: &candidates)
        referenceCandidates(toks, sc, into: &candidates)
        return (toks, select(candidates, length: scalars.count), sc)
    }

    /// Greedy selection: organizations, then people, then places; inside a type higher priority,
    /// then longer spans first. A span never overlaps one already taken.
    ///
    /// The spans are ordered by index (no copies of spans and their strings): candidates that
    /// tie on priority, length and start keep their order in `candidates`, as the stable sort
    /// of the filtered spans kept it, so the final tie-break by index gives the same order.
    /// Taken spans never overlap and are never empty, so their starts differ.
    func select(_ candidates: [RawSpan], length: Int) -> [RawSpan] {
        var taken: [Int] = []
        var covered = [Bool](repeating: false, count: length + 1)
        let order: [EntityType] = [.organization, .person, .place]
        var group: [Int] = []
        group.reserveCapacity(candidates.count)
        for type in order {
            group.removeAll(keepingCapacity: true)
            for k in candidates.indices where candidates[k].type == type { group.append(k) }
            group.sort { a, b in
                let pa = candidates[a].priority, pb = candidates[b].priority
                if pa != pb { return pa > pb }
                let la = candidates[a].end - candidates[a].start, lb = candidates[b].end - candidates[b].start
                if la != lb { return la > lb }
                let sa = candidates[a].start, sb = candidates[b].start
                if sa != sb { return sa < sb }
                return a < b
            }
            for k in group {
                let lo = candidates[k].start, hi = candidates[k].end
                guard lo < hi else { continue }
                var free = true
                for q in lo..<hi where covered[q] { free = false; break }
                guard free else { continue }
                for q in lo..<hi { covered[q] = true }
                taken.append(k)
            }
        }
        taken.sort { candidates[$0].start < candidates[$1].start }
        return taken.map { candidates[$0] }
    }

    // MARK: Organizations

    enum HeadKind { case bare, dictionary, alias, strong, weak, government }

    static let governmentHeads: Set<String> = ["部", "局", "厅", "署", "委", "办"]

    /// Words that make a name proper although they are common nouns: 国家新闻出版署, 中央电视台.
    static let nationalPrefixes: Set<String> = ["国家", "中央", "全国", "中华", "中国", "国际", "世界", "人民", "亚洲", "欧洲", "国务院", "中共"]

    /// Nouns that never belong to a name even though they are nouns.
    static let nonNameNouns: Set<String> = ["记者", "负责人", "领导", "代表", "人员", "工作人员", "群众", "我们", "他们", "相关",
                                            "有关", "方面", "时候", "问题", "情况", "工作", "活动", "会议", "今年", "去年", "明年",
                                            "目前", "同时", "此外", "其中", "以及", "通过", "作为", "成为", "包括", "支持", "推动",
                                            "签约", "签署", "合作", "协议", "项目", "一批", "各类", "国内外", "企业", "高校", "单位",
                                            "部门", "机构", "电", "讯", "本报讯", "本报", "记", "全市", "两国", "地方", "许多", "一些", "各级", "基层", "我市", "本市", "全省", "全县", "全区", "全国各地", "双方", "各方"]

    static let functionStarts: Set<Unicode.Scalar> = Set("需向在对由从与和将把被给为于以及并等是了的据经让使请".unicodeScalars)

    /// Adjectives that stand inside names: 高等学校, 联合国.
    static let nameAdjectives: Set<String> = ["高等", "国际", "中央", "联合", "高级", "中级", "初级", "重点"]

    func headKind(_ t: Tok, _ sc: TextView) -> HeadKind? {
        // A word whose first scalar starts no bare name (no alias) is none (an empty word is looked up).
        // The list bit is tested first (a bit test; `&&` makes the order irrelevant), and the
        // first-scalar gates are plain tests: no closure (a bound method is a heap context).
        if t.lists.contains(.bareOrganization) && (t.end <= t.start || lexicon.bareFirstScalars.contains(sc[t.start])) {
            return .bare
        }
        if let a = t.alias, a.type == .organization, !a.ambiguous, t.end <= t.start || lexicon.aliasFirstScalars.contains(sc[t.start]) {
            return .alias
        }
        if t.tagIndex == Tags.nt { return acceptableDictionaryOrganization(t, sc) ? .dictionary : nil }
        guard let org = t.org else { return nil }
        // Verbs (组织 "organize"), places (南岸区) and titles (省委常委) are no heads.
        if Self.notHeadTags.contains(t.tagIndex) || t.isPlace || isTitleWord(t) { return nil }
        // 西北部, 东南部: directions, not departments.
        let n = t.length, k = org.length
        if k == 1 && n >= 2 && n <= 3 && classes.direction.contains(sc[t.end - 2]) { return nil }
        if t.facilityLength > 0 { return nil }
        if n == k { return org.strong ? .strong : .weak }
        // The HMM glues particles to heads (张慧英所, 函中所): only dictionary words.
        if !sc.inDictionary(t) { return nil }
        if org.strong { return .strong }
        // A longer word ending in a weak head: 科技局, 宣传部 (not 干部, 内部, 全部).
        if n >= 3 && org.government && sc.inDictionary(t) { return .government }
        if n >= 3 { return .weak }
        return nil
    }

    /// The dictionary's `nt` words are noisy (中美关系, 社会科学, 太空飞行 are tagged `nt`): keep
    /// those with an organization head whose name part is proper, and opaque names (微软, 欧佩克)
    /// that are not two ordinary words put together.
    ///
    /// A function of the word's scalars alone (`t.org` is too; no tag is read): answered once per
    /// distinct word.
    func acceptableDictionaryOrganization(_ t: Tok, _ sc: TextView) -> Bool {
        sc.words.acceptableOrganization(t) { computeAcceptableDictionaryOrganization(t, sc) }
    }

    private func computeAcceptableDictionaryOrganization(_ t: Tok, _ sc: TextView) -> Bool {
        // The word's scalars (those of `sc.text(t)`).
        let v = Array(sc[t.start..<t.end])
        if let org = t.org {
            let (suffix, strong) = (string(sc, t.end - org.length, t.end), org.strong)
            let rest = string(sc, t.start, t.end - org.length)
            if suffix == "政府" {
                return !rest.isEmpty && (gazetteer.byName[rest] != nil || gazetteer.byShort[rest] != nil) && !lexicon.countries.contains(rest)
            }
            if suffix == "组织" || suffix == "公司" {
                // 世界卫生组织, 微软公司 — not 党组织, 上市公司.
                guard rest.unicodeScalars.count >= 2 else { return false }
                guard let tag = segmenter.dictionaryTag(of: rest) else { return true }
                return ["ns", "nt", "nz", "nr", "nrt", "nrfg", "j", "eng"].contains(tag)
            }
            if strong || org.government || v.count <= 3 { return true }
            return isPlaceWord(rest, tag: "ns") || Self.nationalPrefixes.contains(rest) || segmenter.dictionaryTag(of: rest).map { $0 == "nt" || $0 == "nz" || $0 == "ns" || $0 == "j" } ?? true
        }
        // Two ordinary words put together? (A part the dictionary lacks has no tag: skip it
        // before building strings.)
        for k in 1..<v.count {
            guard k >= 2 || v.count - k >= 2 else { continue }
            guard segmenter.isWord(scalars: v[..<k]), segmenter.isWord(scalars: v[k...]) else { continue }
            let a = ScalarString.make(v[..<k]), b = ScalarString.make(v[k...])
            if let ta = segmenter.dictionaryTag(of: a), let tb = segmenter.dictionaryTag(of: b), !ta.hasPrefix("nr"), !tb.hasPrefix("nr") {
                return false
            }
        }
        return true
    }

    /// Whether a word may stand inside an organization name left of its head, and whether it
    /// is proper-name material (a place, an organization, a Latin or unknown word).
    func orgMaterial(_ t: Tok, _ sc: TextView, nextToHead: Bool) -> (ok: Bool, proper: Bool) {
        guard t.end > t.start else { return (false, false) }
        let first = sc[t.start]
        if t.tagIndex == Tags.eng { return (true, t.length >= 2) }
        guard Self.isCJK(first) else {
            // 西部(重庆)科学城 is one word; other punctuation ends a name.
            return (false, false)
        }
        if !t.lists.isDisjoint(with: [.title, .speech, .nonNameNoun]) { return (false, false) }
        if t.isPlace || t.tagIndex == Tags.ns { return (true, true) }
        if t.tagIndex == Tags.nt || !t.lists.isDisjoint(with: [.bareOrganization, .nationalPrefix]) { return (true, true) }
        if let a = t.alias, a.type != .person, !a.ambiguous { return (true, true) }
        switch t.tag {
        case "nz", "j", "nrt": return (true, true)
        case "x":
            // An unknown word right before the head only when it reads as a transliteration
            // (the HMM glues verbs and particles: 逼平, 刚出, 需向).
            let ok = nextToHead && t.length >= 2 && !classes.functionStart.contains(first)
            return (ok, ok && t.translit)
        case "nr", "nrfg": return (nextToHead && t.length >= 2, true)
        case "n", "vn", "an", "b", "ng", "l": return (true, false)
        case "m":
            // Ordinals and numerals in names: 第一中学, 九十中学.
            return (nextToHead && t.allCJK, false)
        case "f":
            return (t.length >= 2, false) // 西部分院
        case "a":
            return (t.lists.contains(.nameAdjective), false)
        default: return (false, false)
        }
    }

    /// Expands left from the head `h` over name material; returns the first token index and
    /// whether proper material was seen.
    func expandLeft(_ toks: [Tok], _ sc: TextView, head h: Int, maxTokens: Int = 7, properOnly: Bool = false, placesOnly: Bool = false) -> (Int, Bool) {
        var left = h, proper = false
        var j = h - 1
        while j >= 0 && h - j <= maxTokens {
            // Words separated by a space are not one name.
            if toks[j].end != toks[j + 1].start { break }
            var m = orgMaterial(toks[j], sc, nextToHead: j == h - 1)
            // A two-character verb between nouns of the name: 残疾人工作协调委员会, 经济合作部.
            if !m.ok && !properOnly && !placesOnly && toks[j].tagIndex == Tags.v && toks[j].length == 2 && j > 0
                && toks[j - 1].end == toks[j].start && !toks[j].lists.contains(.speech)
                && (Self.nounOrVerbalNoun.contains(toks[j - 1].tagIndex) || (toks[j - 1].tagIndex == Tags.ns && j == h - 1)) {
                m = (true, false)
            }
            if !m.ok || (properOnly && !m.proper) { break }
            if placesOnly && !toks[j].isPlace && toks[j].tagIndex != Tags.ns { break }
            left = j
            if m.proper { proper = true }
            j -= 1
        }
        // Generic words before the first proper word are not part of the name (航线阿根廷航空公司).
        if proper {
            while left < h && !orgMaterial(toks[left], sc, nextToHead: left == h - 1).proper { left += 1 }
        }
        // A name does not start with a verbal noun or a locality word.
        while left < h && Self.nonStartTags.contains(toks[left].tagIndex) && !toks[left].isPlace {
            left += 1
        }
        return (left, proper)
    }

    func organizationCandidates(_ toks: [Tok], _ sc: TextView, into out: inout [RawSpan]) {
        for h in toks.indices {
            let t = toks[h]
            if let kind = headKind(t, sc) {
                switch kind {
                case .bare, .alias:
                    // A country's government is the country (People's Daily: 挪威政府 → 挪威).
                    let (left, _) = expandLeft(toks, sc, head: h, maxTokens: 3, placesOnly: true)
                    out.append(RawSpan(start: toks[left].start, end: t.end, type: .organization, priority: 1, rule: "L210"))
                case .dictionary:
                    // 海口市中级人民法院: generic words join only with a proper name before them.
                    var (left, proper) = expandLeft(toks, sc, head: h)
                    if !proper { left = expandLeft(toks, sc, head: h, maxTokens: 4, properOnly: true).0 }
                    out.append(RawSpan(start: toks[left].start, end: t.end, type: .organization, priority: 1, rule: "L215"))
                case .strong, .weak, .government:
                    if textIs(t, sc, "政府") && h > 0 && (toks[h - 1].lists.contains(.country) || Self.nrPrefix.contains(toks[h - 1].tagIndex)) { break }
                    let (left, expandedProper) = expandLeft(toks, sc, head: h)
                    let suffixLength = t.org?.length ?? 0
                    let ownPrefix = t.length > suffixLength
                    var proper = expandedProper
                    if ownPrefix && !proper {
                        // 天津日报, 清华大学: the word's own name part.
                        let lo = t.start, hi = t.end - suffixLength
                        let tag = dictionaryTagIndex(sc, lo, hi)
                        proper = isPlaceWord(sc, lo, hi, tag: tag, safe: t.safe) || lists(sc, lo, hi, safe: t.safe).contains(.nationalPrefix)
                            || (tag.map { Self.properTags.contains($0) } ?? false)
                    }
                    if left == h && !ownPrefix { break }          // 大学 alone is no name
                    if kind == .weak && !proper { break }          // 数据中心
                    // Generic words alone make no name (保险公司, 指导委员会) unless they are many
                    // (人工智能科教联盟).
                    if kind == .strong && !proper && (h - left < 2 || t.end - toks[left].start < 6) { break }
                    // A one-character head: a noun right before it, no verb after it (所提出).
                    if t.length == 1 {
                        let prev = toks[h - 1]
                        if !(Self.nPrefix.contains(prev.tagIndex) || prev.tagIndex == Tags.j) { break }
                        if h + 1 < toks.count && Self.vPrefix.contains(toks[h + 1].tagIndex) { break }
                    }
                    if kind == .government && left == h && !sc.inDictionary(t) { break }
                    out.append(RawSpan(start: toks[left].start, end: t.end, type: .organization, priority: 1, rule: "L223"))
                }
            }
            let n = t.length, s = t.start
            // 外交部长 as one word: 外交部 + title.
            if n >= 4, sc[t.end - 1] == "长", classes.chiefHead.contains(sc[t.end - 2]) {
                if dictionaryTagIndex(sc, s, t.end - 1) == Tags.nt {
                    let (left, _) = expandLeft(toks, sc, head: h, maxTokens: 2, placesOnly: true)
                    out.append(RawSpan(start: toks[left].start, end: t.end - 1, type: .organization, priority: 1, rule: "chief-word"))
                }
            }
            // Party congresses: 十五大, 中共十五大.
            let c = n >= 5 && sc[s] == "中" && sc[s + 1] == "共" ? s + 2 : s
            if t.end - c >= 3, sc[t.end - 1] == "大", (c..<(t.end - 1)).allSatisfy({ classes.numeral.contains(sc[$0]) }) {
                var start = t.start
                if h > 0 && toks[h - 1].end == t.start && ["中共", "党的"].contains(sc.text(toks[h - 1])) && sc.text(toks[h - 1]) == "中共" { start = toks[h - 1].start }
                out.append(RawSpan(start: start, end: t.end, type: .organization, priority: 1, rule: "congress"))
            }
            // 财政部长 → 财政部 + title; 外交部长.
            if n == 2, sc[s + 1] == "长", classes.chiefHead.contains(sc[s]), h > 0, toks[h - 1].end == t.start {
                let (left, proper) = expandLeft(toks, sc, head: h)
                if left < h {
                    let word = sc.text(toks[h - 1]) + String(sc[s])
                    let tag = segmenter.dictionaryTag(of: word)
                    if tag == "nt" || (proper && tag != nil) {
                        out.append(RawSpan(start: toks[left].start, end: t.start + 1, type: .organization, priority: 1, rule: "L234"))
                    }
                }
            }
        }
        aliasCandidates(toks, sc, into: &out)
    }

    /// Alias-table words spanning one to four tokens (市科技局, 电子科大); ambiguous ones (重大)
    /// only next to another organization or before a department or a staff title.
    func aliasCandidates(_ toks: [Tok], _ sc: TextView, into out: inout [RawSpan]) {
        for i in toks.indices {
            guard toks[i].end > toks[i].start, lexicon.aliasFirstScalars.contains(sc[toks[i].start]) else { continue }
            // The words i...j joined are the scalars toks[i].start..<toks[j].end (they touch).
            var safe = true
            var best: (Int, WordIndex.AliasFacts)?
            let lo = toks[i].start
            // No organization alias of two or more scalars starts so: only one-scalar ones can match.
            let pairMay = lo + 1 < sc.count && words.organizationAliasStarts.mayStart(sc[lo], sc[lo + 1])
            for j in i..<min(toks.count, i + 4) {
                if j > i && toks[j].start != toks[j - 1].end { break }
                safe = safe && toks[j].safe
                let hi = toks[j].end
                if hi - lo > lexicon.maxAliasLength { break }
                if safe && words.enabled {
                    guard hi - lo == 1 ? words.organizationAliasSingles.contains(sc[lo]) : pairMay else { continue }
                    let id = words.table.id(sc.scalars, lo, hi)
                    if words.isOrganizationAlias(id), let a = words.alias(id) { best = (j, a) }
                } else if let a = lexicon.aliases[string(sc, lo, hi)], a.type == .organization {
                    best = (j, (a.type, a.ambiguous))
                }
            }
            guard let (j, a) = best else { continue }
            if a.ambiguous && !organizationContext(toks, i, j) { continue }
            out.append(RawSpan(start: toks[i].start, end: toks[j].end, type: .organization, priority: 1, canonical: nil, rule: "L256"))
        }
    }

    static let departmentWords: Set<String> = ["学院", "医院", "附属医院", "校长", "副校长", "教授", "团队", "实验室", "研究院", "研究所",
                                               "校友", "学子", "师生", "毕业", "毕业生", "本科", "研究生", "博士生", "分校", "校区"]

    /// Words that join names in a list.
    static let joins: Set<String> = ["、", "和", "与", "及", "同", "跟"]

    func organizationContext(_ toks: [Tok], _ i: Int, _ j: Int) -> Bool {
        if j + 1 < toks.count && toks[j + 1].lists.contains(.departmentWord) { return true }
        if j + 2 < toks.count && toks[j + 1].lists.contains(.join) && isOrganizationWord(toks[j + 2]) { return true }
        if i >= 2 && toks[i - 1].lists.contains(.join) && isOrganizationWord(toks[i - 2]) { return true }
        return false
    }

    func isOrganizationWord(_ t: Tok) -> Bool {
        if t.tagIndex == Tags.nt { return true }
        if let a = t.alias, a.type == .organization, !a.ambiguous { return true }
        if let org = t.org, org.strong, t.length >= 3 { return true }
        return false
    }

    // MARK: People

    func isTitleWord(_ t: Tok) -> Bool { t.titleLength > 0 }

    /// `lexicon.titleSuffix(of:)` of `sc[lo..<hi]`.
    func titleSuffix(_ sc: TextView, _ lo: Int, _ hi: Int) -> String? {
        if let id = indexID(sc, lo, hi, safe: isSafe(sc, lo, hi)) { return titleSuffix(sc, lo, hi, whole: id) }
        return lexicon.titleSuffix(of: string(sc, lo, hi))
    }

    /// Whether a person context surrounds tokens i...j: a title before, a speech verb or an
    /// honorific after, or a name list (、) with a person before.
    func personContext(_ toks: [Tok], _ sc: TextView, _ i: Int, _ j: Int, strict: Bool = false) -> Bool {
        if i > 0 && isTitleWord(toks[i - 1]) { return true }
        if j + 1 < toks.count {
            let next = toks[j + 1]
            if !next.lists.isDisjoint(with: [.speech, .honorific]) || textIs(next, sc, "同志") { return true }
            if !strict && textIs(next, sc, "等") { return true }
            // 桥本还表示, 他也认为.
            if j + 2 < toks.count && next.lists.contains(.adverb) && toks[j + 2].lists.contains(.speech) { return true }
        }
        return false
    }

    /// Last characters of words that are things, not given names (雷阵雨, 纪念章, 吉普车, 尤伯杯).
    static let objectEndings: Set<Unicode.Scalar> = Set("雨丁章车赛杯塔值人机器物品场站厂店队会节戏剧曲诗报书刊票证卡费税价率量性化式法论术史病症药酒茶菜饭面糖油汽电气路街桥门楼房屋园树草鱼鸟猪狗鸡虫布衣服帽鞋包箱柜桌椅床灯钟表笔纸乐诺们个从向对被把里外前后多少年月日时天".unicodeScalars)

    static let adverbs: Set<String> = ["还", "也", "又", "都", "就", "则", "再", "曾", "已", "即", "便", "亦", "随后", "当时", "同时", "今天", "昨天", "日前", "近日", "最近", "在"]

    /// Endings of doctrine words with a name inside (马克思主义, 邓小平理论).
    static let doctrineEndings = ["主义", "理论", "思想", "精神", "路线"]

    /// A name's plausible given-name length after the surname ending at `p` (1 or 2).
    func givenNameLength(_ toks: [Tok], tokenAt: TokenStarts, _ sc: TextView, _ p: Int) -> Int {
        let n = sc.count
        guard p < n, Self.isCJK(sc[p]), !classes.afterNameStop.contains(sc[p]) else { return 0 }
        guard p + 1 < n, Self.isCJK(sc[p + 1]) else { return 1 }
        if classes.afterNameStop.contains(sc[p + 1]) { return 1 }
        // A word starting after one given-name character that reads as the next word.
        if let k = tokenAt[p + 1] {
            let t = toks[k]
            if t.length >= 2 && (t.lists.contains(.speech) || isTitleWord(t) || t.lists.contains(.honorific)
                                 || Self.functionTagSet.contains(t.tagIndex) || t.tagIndex == Tags.v) {
                return 1
            }
        }
        if let k = tokenAt[p + 2] {
            let t = toks[k]
            if t.lists.contains(.speech) || Self.functionTagSet.contains(t.tagIndex) || isTitleWord(t) { return 2 }
        }
        if p + 2 >= n || !Self.isCJK(sc[p + 2]) || classes.afterNameStop.contains(sc[p + 2]) { return 2 }
        // Otherwise trust the segmenter: a token that ends after one character keeps it short.
        if let k = tokenAt[p], toks[k].end == p + 1, let k2 = tokenAt[p + 1], toks[k2].length >= 2, toks[k2].tagIndex != Tags.nr,
           sc.inDictionary(toks[k2]) {
            return 1
        }
        return 2
    }

    /// The doctrine ending of word `t` (`w.hasSuffix`), if any; a scalar comparison for a safe
    /// word (see `NFCSafety`: its characters are its scalars).
    func doctrineEnding(_ t: Tok, _ sc: TextView) -> String? {
        if !t.safe { return Self.doctrineEndings.first(where: { sc.text(t).hasSuffix($0) }) }
        return Self.doctrineEndings.first(where: { rangeIs(sc, t.end - 2, t.end, safe: true, $0) })
    }

    func personCandidates(_ toks: [Tok], _ sc: TextView, into out: inout [RawSpan]) {
        var tokenAt = TokenStarts(count: sc.count + 2)
        for (k, t) in toks.enumerated() { tokenAt[t.start] = k }
        var people: [RawSpan] = []

        for i in toks.indices {
            let t = toks[i]
            let n = t.length, s0 = t.start

            // 1. A title followed by a surname and a given name: 市长唐良智, 记者 张亦筑.
            if isTitleWord(t) {
                var p = t.end
                if p < sc.count && sc[p] == " " { p += 1 }
                var s = surnameLength(sc, p, sc.count)
                if s > 0, surnameLength(sc, p, sc.count, strongOnly: true) == 0, let k = tokenAt[p], !Self.nrPrefix.contains(toks[k].tagIndex) { s = 0 }
                var run = 0
                while p + run < sc.count && classes.translit.contains(sc[p + run]) { run += 1 }
                if run >= 4, tokenAt[p] != nil {
                    // 主席谢列兹尼奥夫, 外长普里马科夫: a foreign name, not surname + given name.
                    people.append(RawSpan(start: p, end: p + run, type: .person, priority: 3, role: roleText(t, sc), rule: "title-translit"))
                    continue
                }
                if s > 0, let k = tokenAt[p], !toks[k].isPlace || toks[k].length > 3 {
                    let g = givenNameLength(toks, tokenAt: tokenAt, sc, p + s)
                    if g > 0 {
                        let end = p + s + g
                        let tk = toks[k].tagIndex
                        let commonWord = toks[k].end == end && !Self.nrPrefix.contains(tk)
                            && tk != Tags.x && tk != Self.nzTag && tk != Tags.t && sc.inDictionary(toks[k])
                        let nameSafe = isSafe(sc, p, end)
                        if !commonWord && !isPlaceWord(sc, p, end, tag: nil, safe: nameSafe) && titleSuffix(sc, p, end) == nil {
                            var role = roleText(t, sc)
                            if let r = role, i > 0, textIs(toks[i - 1], sc, "副"), toks[i - 1].end == t.start { role = "副" + r }
                            people.append(RawSpan(start: p, end: end, type: .person, priority: 3, role: role, rule: "L343"))
                        }
                    }
                } else if s == 0, let k = tokenAt[p], Self.nameTags.contains(toks[k].tagIndex) || (toks[k].translit && toks[k].length >= 2),
                          !toks[k].isPlace, !isTitleWord(toks[k]) {
                    // A foreign or given name after a title: 外交大臣库克.
                    var e = k
                    while e + 1 < toks.count && toks[e + 1].start == toks[e].end && toks[e + 1].translit
                            && !isTitleWord(toks[e + 1]) && !toks[e + 1].lists.contains(.speech) { e += 1 }
                    people.append(RawSpan(start: toks[k].start, end: toks[e].end, type: .person, priority: 2, role: roleText(t, sc), rule: "L352"))
                }
                continue
            }

            // 2. Surname + honorific: 李老师 → 李, 胡老 → 胡, 郑某 → 郑.
            if n >= 2 && n <= 3 && isSurname(sc[s0]) {
                if lists(sc, s0 + 1, t.end, safe: t.safe).contains(.honorific) && !t.isPlace {
                    people.append(RawSpan(start: t.start, end: t.start + 1, type: .person, priority: 2, rule: "L361"))
                    continue
                }
            }
            if n == 1 && isSurname(sc[s0]) && i + 1 < toks.count && toks[i + 1].start == t.end
                && toks[i + 1].lists.contains(.honorific) && toks[i + 1].length >= 2 {
                people.append(RawSpan(start: t.start, end: t.end, type: .person, priority: 2, rule: "L367"))
                continue
            }

            // 4. A name inside 主义/理论/思想: 马克思主义 → 马克思, 邓小平理论 → 邓小平.
            if n >= 4, let suffix = doctrineEnding(t, sc) {
                let head = String(sc.text(t).unicodeScalars.prefix(n - 2))
                if let tag = segmenter.dictionaryTag(of: head), tag.hasPrefix("nr") || tag == "t" && surnameLength(sc, s0, t.end, strongOnly: true) > 0 {
                    people.append(RawSpan(start: t.start, end: t.end - suffix.unicodeScalars.count, type: .person, priority: 1, rule: "L-ism"))
                }
                continue
            }
            // 3. Words the dictionary or the HMM tags as names; other words in a person context
            // when they start with a surname (周恩来总理, where the dictionary says otherwise).
            let nameTag = Self.nameTags.contains(t.tagIndex)
            if !nameTag && n >= 2 && n <= 3 && (surnameLength(sc, s0, t.end, strongOnly: true) > 0 || t.translit)
                && (Self.looseNameTags.contains(t.tagIndex) || !sc.inDictionary(t)) && personContext(toks, sc, i, i, strict: true)
                && !t.isPlace && !isTitleWord(t) && t.org == nil {
                people.append(RawSpan(start: t.start, end: t.end, type: .person, priority: 1, rule: "L-ctx"))
                continue
            }
            guard nameTag, n >= 2, n <= 4 else { continue }
            if t.isPlace || isTitleWord(t) { continue }
            let surname = surnameLength(sc, s0, t.end)
            let strongSurname = surnameLength(sc, s0, t.end, strongOnly: true) > 0
            let context = personContext(toks, sc, i, i)
            var accept = false
            let objectEnding = classes.objectEnding.contains(sc[t.end - 1])
            if surname == 2 && n >= 3 { accept = true }
            else if surname == 1 && n == 3 { accept = context || (strongSurname && !objectEnding) }
            else if surname == 1 && n == 2 { accept = context || (strongSurname && !objectEnding && !classes.afterNameStop.contains(sc[s0 + 1]) && !sc.inDictionary(t)) }
            else if t.translit { accept = n >= 3 || context }
            else { accept = context && t.tagIndex != Tags.nr || (context && !sc.inDictionary(t)) }
            if accept {
                people.append(RawSpan(start: t.start, end: t.end, type: .person, priority: 1, rule: "L384"))
            }
        }

        foreignNames(toks, sc, tokenAt: tokenAt, into: &people)
        out.append(contentsOf: people)
    }

    static let nzTag = TagSet.index("nz")

    static let placeFollowers: Set<String> = ["国家", "地区", "州", "省", "市", "区", "县", "镇", "村", "河", "山", "湖", "岛", "港", "城", "小镇",
                                              "一带", "首都", "境内", "郊区", "附近", "油田", "机场", "以北", "以南", "以东", "以西", "人"]
    static let placeLeaders: Set<String> = ["在", "城市", "首都", "位于", "抵达", "到达", "前往", "来到", "赴", "飞抵", "访问", "途经", "离开", "港口", "小城", "地区"]

    /// Whether a transliterated name at tokens i...j names a place: 在哈斯科沃, 阿拉伯国家.
    func placeContext(_ toks: [Tok], _ i: Int, _ j: Int) -> Bool {
        if j + 1 < toks.count && toks[j + 1].start == toks[j].end && toks[j + 1].lists.contains(.placeFollower) { return true }
        if i > 0 && toks[i - 1].lists.contains(.placeLeader) { return true }
        return false
    }

    /// The title of title word `t` (`t.title != nil`) as a role: the whole word when it is a
    /// title, else its title suffix with a 副 before it kept.
    func roleText(_ t: Tok, _ sc: TextView) -> String? {
        if t.lists.contains(.title) { return sc.text(t) }
        // The title is `lexicon.titleSuffix(of: text)`, the word's last `titleLength` scalars: a
        // proper suffix of the word here.
        guard t.titleLength > 0 else { return nil }
        let suffix = string(sc, t.end - Int(t.titleLength), t.end)
        if t.safe {
            if t.length == Int(t.titleLength) + 1 && sc[t.start] == "副" { return sc.text(t) }
        } else if sc.text(t) == "副" + suffix {
            return sc.text(t)
        }
        return suffix
    }

    /// Transliterated names: runs of transliteration characters, and parts joined by ·.
    func foreignNames(_ toks: [Tok], _ sc: TextView, tokenAt: TokenStarts, into out: inout [RawSpan]) {
        func nameLike(_ t: Tok) -> Bool {
            guard t.end > t.start, Self.isCJK(sc[t.start]) else { return false }
            if isTitleWord(t) || t.lists.contains(.speech) || Self.functionTagSet.contains(t.tagIndex) { return false }
            if t.isPlace { return false }
            if t.translit { return true }
            return Self.nameTags.contains(t.tagIndex) || t.tagIndex == Tags.x || !sc.inDictionary(t)
        }
        // Names joined by a middle dot: 科菲·安南, 芭芭拉·弗兰克林.
        var i = 0
        while i < toks.count {
            let t = toks[i]
            func nextToDot(_ t: Tok) -> Bool {
                // Beside the dot a place-like word is still a name part (科菲·安南).
                var u = t
                u.isPlace = false
                if u.tagIndex == Tags.ns { u.tagIndex = Tags.nrt }
                return nameLike(u)
            }
            guard t.length == 1, classes.nameDot.contains(sc[t.start]),
                  i > 0, i + 1 < toks.count, nextToDot(toks[i - 1]), nextToDot(toks[i + 1]) else { i += 1; continue }
            var left = i - 1
            while left > 0 && toks[left - 1].end == toks[left].start && nameLike(toks[left - 1]) && toks[i].start - toks[left - 1].start <= 8 {
                left -= 1
            }
            var right = i + 1
            while right + 1 < toks.count && toks[right + 1].start == toks[right].end {
                let nx = toks[right + 1]
                if nx.length == 1, classes.nameDot.contains(sc[nx.start]), right + 2 < toks.count, nameLike(toks[right + 2]) {
                    right += 2; continue
                }
                if nameLike(nx) && nx.translit && nx.end - toks[i].end <= 8 { right += 1; continue }
                break
            }
            out.append(RawSpan(start: toks[left].start, end: toks[right].end, type: .person, priority: 4, rule: "L427"))
            i = right + 1
        }
        // Runs of transliteration words: 基里延科, 库尼科娃.
        i = 0
        while i < toks.count {
            guard toks[i].translit, nameLike(toks[i]) else { i += 1; continue }
            var j = i
            var unknown = Self.unknownNameTags.contains(toks[i].tagIndex) || !sc.inDictionary(toks[i])
            while j + 1 < toks.count && toks[j + 1].start == toks[j].end && toks[j + 1].translit && nameLike(toks[j + 1]) {
                j += 1
                if Self.unknownNameTags.contains(toks[j].tagIndex) || !sc.inDictionary(toks[j]) { unknown = true }
            }
            let length = toks[j].end - toks[i].start
            if placeContext(toks, i, j) {
                out.append(RawSpan(start: toks[i].start, end: toks[j].end, type: .place, priority: 0, rule: "translit-place"))
            } else if (length >= 3 && unknown) || (length >= 2 && personContext(toks, sc, i, j)) {
                out.append(RawSpan(start: toks[i].start, end: toks[j].end, type: .person, priority: 0, rule: "L442"))
            }
            i = j + 1
        }
    }

    // MARK: Places

    /// Words after a one-character country or region abbreviation that make it a place:
    /// 中方, 美军, 俄政府, 京剧, 华侨.
    static let abbreviationFollowers: Set<String> = ["方", "军", "籍", "侨", "裔", "商", "资", "剧", "医", "药", "政府", "总统", "总理", "首相",
                                                     "外长", "国内", "全国", "驻", "两国", "三国", "双方", "关系", "之间", "间", "首脑",
                                                     "领导人", "军队", "部队", "当局", "国会", "议会", "外交部", "国防部", "官员", "人"]
    /// Characters before an abbreviation that make it a place: 访华, 在京, 驻华, 抵京.
    static let abbreviationLeaders: Set<Unicode.Scalar> = Set("访来驻对在离抵赴返回侵援旅留全进".unicodeScalars)

    /// The facility head `w` ends with (体育馆, 大厦, 广场), if any.
    func facilitySuffix(of w: String) -> String? {
        let sc = Array(w.unicodeScalars)
        var k = min(4, sc.count)
        while k >= 1 {
            let t = ScalarString.make(sc[(sc.count - k)...])
            if lexicon.facilitySuffixes.contains(t) { return t }
            k -= 1
        }
        return nil
    }

    /// Characters that start no unknown place word (全市, 本县, 我省, 该镇, 各村, 城区, 都市).
    static let deicticStarts = ["全", "本", "我", "该", "各", "城", "都"]

    func placeCandidates(_ toks: [Tok], _ sc: TextView, into out: inout [RawSpan]) {
        // Facilities are places (People's Daily: 中国美术馆, 北京图书大厦, 人民大会堂).
        for (h, t) in toks.enumerated() {
            guard t.facilityLength > 0, !Self.notFacilityTags.contains(t.tagIndex) else { continue }
            let own = t.length > Int(t.facilityLength)
            if !own && sc.inDictionary(t) == false { continue }
            var (left, proper) = expandLeft(toks, sc, head: h)
            if !proper { left = h }
            if left == h && (!own || !sc.inDictionary(t)) { continue }
            out.append(RawSpan(start: toks[left].start, end: t.end, type: .place, priority: 2, rule: "facility"))
        }
        for (i, t) in toks.enumerated() {
            let n = t.length, s0 = t.start
            if t.isPlace {
                out.append(RawSpan(start: t.start, end: t.end, type: .place, priority: 1, rule: "L463"))
                continue
            }
            // A name plus a place suffix: 塔科马市, 陈沟村, 西柏坡乡.
            if i + 1 < toks.count, toks[i + 1].start == t.end, toks[i + 1].length == 1,
               classes.placeSuffix.contains(sc[toks[i + 1].start]), t.length >= 2,
               t.allCJK, Self.placeNameTags.contains(t.tagIndex) || !sc.inDictionary(t) {
                out.append(RawSpan(start: t.start, end: toks[i + 1].end, type: .place, priority: 1, rule: "L470"))
                continue
            }
            if t.tagIndex == Tags.x && t.length >= 3, classes.unknownPlaceEnding.contains(sc[t.end - 1]), !sc.inDictionary(t) {
                let first = sc[s0]
                let deictic = NFCSafety.isSafe(first)
                    ? Self.deicticStarts.contains(where: { $0.unicodeScalars.first == first })
                    : Self.deicticStarts.contains(String(first))
                if !deictic {
                    out.append(RawSpan(start: t.start, end: t.end, type: .place, priority: 0, rule: "L475"))
                    continue
                }
            }
            // 东北地区 → 东北, 亚太地区 → 亚太.
            if n >= 4 && (t.safe ? rangeIs(sc, t.end - 2, t.end, safe: true, "地区") : sc.text(t).hasSuffix("地区")) {
                if isPlaceWord(sc, s0, t.end - 2, tag: Tags.ns, safe: t.safe) {
                    out.append(RawSpan(start: t.start, end: t.end - 2, type: .place, priority: 0, rule: "L482"))
                    continue
                }
            }
            if t.tagIndex == Tags.ns && t.length >= 2 && t.allCJK && plausiblePlace(sc, s0, t.end) {
                out.append(RawSpan(start: t.start, end: t.end, type: .place, priority: 0, rule: "L487"))
                continue
            }
            abbreviationCandidates(toks, sc, i, into: &out)
        }
    }

    /// Whether a word the dictionary tags `ns` reads as a name rather than a common noun: it
    /// ends in an administrative or geographic suffix after a name part, or it is made of
    /// transliteration characters (德班, 温得和克).
    func plausiblePlace(_ sc: TextView, _ lo: Int, _ hi: Int) -> Bool {
        guard hi > lo else { return false }
        let n = hi - lo, last = sc[hi - 1]
        if n >= 3 && classes.nsSuffix.contains(last) && !classes.genericPlaceStart.contains(sc[lo]) { return true }
        return n >= 2 && isTranslit(sc, lo, hi) && segmenter.frequency(of: string(sc, lo, hi)) < 200
    }

    static let nsSuffixes: Set<Unicode.Scalar> = Set("省市县州乡镇村区邦郡山河江湖峰岛海湾峡寺宫庙路街港洲岭原".unicodeScalars)
    static let genericPlaceStarts: Set<Unicode.Scalar> = Set("大小全各该本城山海沿内外南北东西中上下老新古深高".unicodeScalars)

    @inline(__always) func isAbbreviation(_ s: Unicode.Scalar) -> Bool { classes.safeAbbreviation.contains(s) }

    /// Abbreviations that are far more often ordinary characters (西方, 加剧, 新时期, 以…为).
    static let riskyAbbreviations: Set<Unicode.Scalar> = Set("西加新希古鲁辽以黑吉老智秘委伊土乌波瑞荷丹挪芬匈叙埃柬缅蒙".unicodeScalars)
    /// Abbreviations that may pair with others but never stand alone after a leader: 在以, 对以.
    @inline(__always) func isPairAbbreviation(_ s: Unicode.Scalar) -> Bool { classes.pairAbbreviation.contains(s) }

    func abbreviationCandidates(_ toks: [Tok], _ sc: TextView, _ i: Int, into out: inout [RawSpan]) {
        let t = toks[i]
        let n = t.length, s0 = t.start
        // 中美关系, 中日韩合作 as one word: the abbreviations before a relation word.
        if n >= 4 {
            var k = 0
            while k < n && isPairAbbreviation(sc[s0 + k]) && sc[s0 + k] != "华" { k += 1 }
            if k >= 2 && ["关系", "两国", "三国", "合作", "之间", "双方", "首脑", "会谈", "贸易", "建交", "友好", "边境", "联合公报"].contains(string(sc, s0 + k, t.end)) {
                for q in 0..<k { out.append(RawSpan(start: t.start + q, end: t.start + q + 1, type: .place, priority: 0, rule: "pair-word")) }
            }
            return
        }
        guard n > 0 else { return }
        // Pairs and triples of country abbreviations in one word or in one-character words:
        // 中美, 日俄, 中日韩 — followed by a relation word or standing alone.
        if n >= 2 && (s0..<t.end).allSatisfy({ isPairAbbreviation(sc[$0]) && sc[$0] != "华" })
            && (t.tagIndex == Tags.ns || t.tagIndex == Tags.j || !sc.inDictionary(t) || relationFollows(toks, sc, i)) {
            for k in 0..<n {
                out.append(RawSpan(start: t.start + k, end: t.start + k + 1, type: .place, priority: 0, rule: "L522"))
            }
            return
        }
        if n == 1 && isPairAbbreviation(sc[s0]) {
            let prevAbbr = i > 0 && toks[i - 1].end == t.start && toks[i - 1].length == 1 && isPairAbbreviation(sc[toks[i - 1].start])
            let nextAbbr = i + 1 < toks.count && toks[i + 1].start == t.end && toks[i + 1].length == 1 && isPairAbbreviation(sc[toks[i + 1].start])
            let safe = isAbbreviation(sc[s0])
            let leader = safe && i > 0 && toks[i - 1].end == t.start && toks[i - 1].length == 1 && classes.abbreviationLeader.contains(sc[toks[i - 1].start])
                && sc[s0] != "中"
            let follower = safe && i + 1 < toks.count && toks[i + 1].start == t.end && toks[i + 1].lists.contains(.abbreviationFollower)
            if ((prevAbbr || nextAbbr) && (relationFollows(toks, sc, i) || (prevAbbr && i >= 2 && relationFollows(toks, sc, i)))) || leader || follower {
                out.append(RawSpan(start: t.start, end: t.end, type: .place, priority: 0, rule: "L534"))
            }
            return
        }
        // Two-character words made of a leader and an abbreviation: 访华, 驻华, 来华, 抵京.
        if n == 2 && classes.abbreviationLeader.contains(sc[s0]) && isAbbreviation(sc[s0 + 1]) && sc[s0 + 1] != "中" && t.tagIndex == Tags.v {
            out.append(RawSpan(start: t.start + 1, end: t.end, type: .place, priority: 0, rule: "L540"))
            return
        }
        // An abbreviation and a bound word: 中方, 美军, 华侨, 京剧 (a one-scalar string has one
        // character).
        if n == 2 && isAbbreviation(sc[s0]) {
            let r = sc[s0 + 1]
            let safe = NFCSafety.isSafe(r)
            let isRen = safe ? r == "人" : String(r) == "人"
            if lists(sc, s0 + 1, s0 + 2, safe: safe).contains(.abbreviationFollower) && !isRen {
                out.append(RawSpan(start: t.start, end: t.start + 1, type: .place, priority: 0, rule: "L547"))
            }
        }
    }

    /// Words after an abbreviation run that make it a relation: 两国, 关系, ….
    static let relations: Set<String> = ["两国", "三国", "四国", "等国", "关系", "之间", "间", "双方", "合作", "首脑", "会谈", "会晤", "边境",
                                         "贸易", "友好", "建交", "联合", "战略", "经贸", "两", "三", "等", "在", "就", "加强", "和平", "双边",
                                         "历代", "地区", "两大", "金融", "金融业", "对话", "外长", "领导人", "高层", "联合公报", "三个"]

    /// Whether the word after the abbreviation run at `i` is a relation word (两国, 关系, …).
    func relationFollows(_ toks: [Tok], _ sc: TextView, _ i: Int) -> Bool {
        var k = i + 1
        while k < toks.count && toks[k].length == 1 && isPairAbbreviation(sc[toks[k].start]) { k += 1 }
        guard k < toks.count else { return false }
        let t = toks[k]
        if t.lists.contains(.abbreviationFollower) && sc.text(t).count >= 2 { return true }
        if t.lists.contains(.relation) { return true }
        if t.safe { return t.length > 0 && (sc[t.start] == "两" || sc[t.start] == "三") }
        return sc.text(t).hasPrefix("两") || sc.text(t).hasPrefix("三")
    }

    // MARK: References

    func referenceCandidates(_ toks: [Tok], _ sc: TextView, into out: inout [RawSpan]) {
        for i in toks.indices {
            let t = toks[i]
            guard t.end > t.start else { continue }
            let f = sc[t.start]
            guard f == "我" || f == "本" || f == "全" else { continue }
            if textIs(t, sc, "我市") || textIs(t, sc, "本市") || textIs(t, sc, "全市") {
                out.append(RawSpan(start: t.start, end: t.end, type: .place, priority: 5, isReference: true, rule: "L571"))
            } else if (textIs(t, sc, "我") || textIs(t, sc, "本") || textIs(t, sc, "全")) && i + 1 < toks.count
                        && textIs(toks[i + 1], sc, "市") && toks[i + 1].start == t.end {
                out.append(RawSpan(start: t.start, end: toks[i + 1].end, type: .place, priority: 5, isReference: true, rule: "L573"))
            }
        }
    }
}



/// Every place name of the world list, the alias table and the gazetteer in one table, so that a
/// word costs one lookup.
final class PlaceIndex: Sendable {
    static let world: UInt8 = 1, alias: UInt8 = 2, division: UInt8 = 4, township: UInt8 = 8, majorShort: UInt8 = 16, countyShort: UInt8 = 32
    let flags: [String: UInt8]
    /// The first two scalars of every name (all have two or more).
    let starts: ScalarPairBloom

    init(lexicon: Lexicon, gazetteer: Gazetteer) {
        var f: [String: UInt8] = [:]
        f.reserveCapacity(gazetteer.byName.count + gazetteer.byShort.count + 1000)
        for w in lexicon.countries.union(lexicon.cities).union(lexicon.regions) where w.unicodeScalars.count >= 2 { f[w, default: 0] |= Self.world }
        for (w, a) in lexicon.aliases where a.type == .place && !a.ambiguous && w.unicodeScalars.count >= 2 { f[w, default: 0] |= Self.alias }
        for (w, entries) in gazetteer.byName where w.unicodeScalars.count >= 2 {
            f[w, default: 0] |= entries.contains(where: { gazetteer.places[Int($0)].level <= 3 }) ? Self.division : Self.township
        }
        for (w, entries) in gazetteer.byShort where w.unicodeScalars.count >= 2 {
            f[w, default: 0] |= entries.contains(where: { gazetteer.places[Int($0)].level <= 2 }) ? Self.majorShort : Self.countyShort
        }
        flags = f
        starts = ScalarPairBloom(keys: f.keys)
    }

    static func bundled(lexicon: Lexicon, gazetteer: Gazetteer) -> PlaceIndex {
        cache.value(orMake: { PlaceIndex(lexicon: lexicon, gazetteer: gazetteer) })
    }
    private static let cache = LockedBox<PlaceIndex?>(nil)
}

final class LockedBox<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: T
    init(_ value: T) { self.value = value }
    func withLock<R>(_ body: (inout T) -> R) -> R {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}

extension LockedBox {
    /// The cached value, made by `make` (under the lock) the first time.
    func value<V>(orMake make: () -> V) -> V where T == V? {
        withLock { c in
            if let c { return c }
            let made = make()
            c = made
            return made
        }
    }
}

/// Token index by start offset (nil where no token starts).
struct TokenStarts {
    private var index: [Int32]
    init(count: Int) { index = [Int32](repeating: -1, count: count) }
    subscript(_ p: Int) -> Int? {
        get { p >= 0 && p < index.count && index[p] >= 0 ? Int(index[p]) : nil }
        set { if p >= 0 && p < index.count { index[p] = Int32(newValue ?? -1) } }
    }
}
