import Foundation
import ChineseText

/// A word of the segmented text with what the rules need to know about it.
struct Tok {
    var start: Int
    var end: Int
    var text: String
    var tag: String
    /// Whether the word is in the segmenter's dictionary (else the HMM or a unit rule made it).
    var inDictionary: Bool
    /// Computed once per word (the rules ask many times).
    var isPlace = false
    var title: String?
    var org: (suffix: String, strong: Bool)?
    var facility: String?
    var length: Int { end - start }
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

    // MARK: Segmentation

    /// The words of `text` (whose scalars are `scalars`): `segmented`, the segmenter's tokens in
    /// default mode with the HMM (`segmenter.tokenize(text)`), when the caller already has them.
    func tokens(_ text: String, scalars: [Unicode.Scalar], segmented: [Token]? = nil) -> [Tok] {
        // UTF-8 offsets of every scalar, so that a word's text is one validated copy.
        let utf8 = Array(text.utf8)
        var byteOffset = [Int](repeating: 0, count: scalars.count + 1)
        var b = 0
        for (k, s) in scalars.enumerated() {
            byteOffset[k] = b
            b += UTF8.width(s)
        }
        byteOffset[scalars.count] = b
        return (segmented ?? segmenter.tokenize(text)).map { t in
            let w = String(decoding: utf8[byteOffset[t.start]..<byteOffset[t.end]], as: UTF8.self)
            var tok = Tok(start: t.start, end: t.end, text: w, tag: t.tag, inDictionary: segmenter.isWord(scalars: scalars[t.start..<t.end]))
            guard let last = scalars[t.end - 1] as Unicode.Scalar?, Self.isCJK(last) else { return tok }
            // A word that starts no place name is none (isPlaceWord would find no entry).
            if t.end - t.start >= 2 && placeIndex.starts.mayStart(scalars[t.start], scalars[t.start + 1]) {
                tok.isPlace = isPlaceWord(w, tag: t.tag)
            }
            if lexicon.titleLastScalars.contains(last) { tok.title = lexicon.titleSuffix(of: w) }
            if lexicon.suffixLastScalars.contains(last) { tok.org = lexicon.orgSuffix(of: w) }
            if lexicon.facilityLastScalars.contains(last) { tok.facility = facilitySuffix(of: w) }
            return tok
        }
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

    static let placeSuffixes: Set<Unicode.Scalar> = Set("省市县区镇乡村州岛港湾河江湖山峰岭峡洲邦屯寨庄堡沟坡洋海".unicodeScalars)

    // MARK: The pipeline

    /// Tokens and selected spans of `text`; `segmented` as in `tokens(_:scalars:segmented:)`.
    func spot(_ text: String, segmented: [Token]? = nil) -> (tokens: [Tok], spans: [RawSpan]) {
        let scalars = Array(text.unicodeScalars)
        let toks = tokens(text, scalars: scalars, segmented: segmented)
        var candidates: [RawSpan] = []
        organizationCandidates(toks, scalars, into: &candidates)
        personCandidates(toks, scalars, into: &candidates)
        placeCandidates(toks, scalars, into: &candidates)
        referenceCandidates(toks, into: &candidates)
        return (toks, select(candidates, length: scalars.count))
    }

    /// Greedy selection: organizations, then people, then places; inside a type higher priority,
    /// then longer spans first. A span never overlaps one already taken.
    func select(_ candidates: [RawSpan], length: Int) -> [RawSpan] {
        var taken: [RawSpan] = []
        var covered = [Bool](repeating: false, count: length + 1)
        let order: [EntityType] = [.organization, .person, .place]
        for type in order {
            let group = candidates.filter { $0.type == type }.sorted {
                if $0.priority != $1.priority { return $0.priority > $1.priority }
                if $0.end - $0.start != $1.end - $1.start { return $0.end - $0.start > $1.end - $1.start }
                return $0.start < $1.start
            }
            for c in group where c.start < c.end && !covered[c.start..<c.end].contains(true) {
                for k in c.start..<c.end { covered[k] = true }
                taken.append(c)
            }
        }
        return taken.sorted { $0.start < $1.start }
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

    func headKind(_ t: Tok) -> HeadKind? {
        let w = t.text
        // A word whose first scalar starts no bare name (no alias) is none (an empty word is looked up).
        let first = w.unicodeScalars.first
        if first.map(lexicon.bareFirstScalars.contains) ?? true, lexicon.bareOrganizations.contains(w) { return .bare }
        if first.map(lexicon.aliasFirstScalars.contains) ?? true, let a = lexicon.aliases[w], a.type == .organization, !a.ambiguous {
            return .alias
        }
        if t.tag == "nt" { return acceptableDictionaryOrganization(t) ? .dictionary : nil }
        guard let (suffix, strong) = t.org else { return nil }
        // Verbs (组织 "organize"), places (南岸区) and titles (省委常委) are no heads.
        if ["v", "vn", "d", "a", "ad", "p", "c", "u", "r", "f", "s"].contains(t.tag) || t.isPlace || isTitleWord(t) { return nil }
        // 西北部, 东南部: directions, not departments.
        let sv = Array(w.unicodeScalars)
        if suffix.unicodeScalars.count == 1 && sv.count >= 2 && sv.count <= 3 && "东南西北中".unicodeScalars.contains(sv[sv.count - 2]) { return nil }
        if t.facility != nil { return nil }
        let n = w.unicodeScalars.count, k = suffix.unicodeScalars.count
        if n == k { return strong ? .strong : .weak }
        // The HMM glues particles to heads (张慧英所, 函中所): only dictionary words.
        if !t.inDictionary { return nil }
        if strong { return .strong }
        // A longer word ending in a weak head: 科技局, 宣传部 (not 干部, 内部, 全部).
        if n >= 3 && Self.governmentHeads.contains(suffix) && t.inDictionary { return .government }
        if n >= 3 { return .weak }
        return nil
    }

    /// The dictionary's `nt` words are noisy (中美关系, 社会科学, 太空飞行 are tagged `nt`): keep
    /// those with an organization head whose name part is proper, and opaque names (微软, 欧佩克)
    /// that are not two ordinary words put together.
    func acceptableDictionaryOrganization(_ t: Tok) -> Bool {
        let w = t.text
        let v = Array(w.unicodeScalars)
        if let (suffix, strong) = t.org {
            let rest = String(String.UnicodeScalarView(v.prefix(v.count - suffix.unicodeScalars.count)))
            if suffix == "政府" {
                return !rest.isEmpty && (gazetteer.byName[rest] != nil || gazetteer.byShort[rest] != nil) && !lexicon.countries.contains(rest)
            }
            if suffix == "组织" || suffix == "公司" {
                // 世界卫生组织, 微软公司 — not 党组织, 上市公司.
                guard rest.unicodeScalars.count >= 2 else { return false }
                guard let tag = segmenter.dictionaryTag(of: rest) else { return true }
                return ["ns", "nt", "nz", "nr", "nrt", "nrfg", "j", "eng"].contains(tag)
            }
            if strong || Self.governmentHeads.contains(suffix) || v.count <= 3 { return true }
            return isPlaceWord(rest, tag: "ns") || Self.nationalPrefixes.contains(rest) || segmenter.dictionaryTag(of: rest).map { $0 == "nt" || $0 == "nz" || $0 == "ns" || $0 == "j" } ?? true
        }
        // Two ordinary words put together?
        for k in 1..<v.count {
            let a = String(String.UnicodeScalarView(v[..<k])), b = String(String.UnicodeScalarView(v[k...]))
            guard k >= 2 || v.count - k >= 2 else { continue }
            if let ta = segmenter.dictionaryTag(of: a), let tb = segmenter.dictionaryTag(of: b), !ta.hasPrefix("nr"), !tb.hasPrefix("nr") {
                return false
            }
        }
        return true
    }

    /// Whether a word may stand inside an organization name left of its head, and whether it
    /// is proper-name material (a place, an organization, a Latin or unknown word).
    func orgMaterial(_ t: Tok, nextToHead: Bool) -> (ok: Bool, proper: Bool) {
        let w = t.text
        guard let first = w.unicodeScalars.first else { return (false, false) }
        if t.tag == "eng" { return (true, t.length >= 2) }
        guard Self.isCJK(first) else {
            // 西部(重庆)科学城 is one word; other punctuation ends a name.
            return (false, false)
        }
        if lexicon.titles.contains(w) || lexicon.speech.contains(w) || Self.nonNameNouns.contains(w) { return (false, false) }
        if t.isPlace || t.tag == "ns" { return (true, true) }
        if t.tag == "nt" || lexicon.bareOrganizations.contains(w) || Self.nationalPrefixes.contains(w) { return (true, true) }
        if let a = lexicon.aliases[w], a.type != .person, !a.ambiguous { return (true, true) }
        switch t.tag {
        case "nz", "j", "nrt": return (true, true)
        case "x":
            // An unknown word right before the head only when it reads as a transliteration
            // (the HMM glues verbs and particles: 逼平, 刚出, 需向).
            let ok = nextToHead && t.length >= 2 && !Self.functionStarts.contains(first)
            return (ok, ok && lexicon.isTranslit(w))
        case "nr", "nrfg": return (nextToHead && t.length >= 2, true)
        case "n", "vn", "an", "b", "ng", "l": return (true, false)
        case "m":
            // Ordinals and numerals in names: 第一中学, 九十中学.
            return (nextToHead && w.unicodeScalars.allSatisfy { Self.isCJK($0) }, false)
        case "f":
            return (t.length >= 2, false) // 西部分院
        case "a":
            return (["高等", "国际", "中央", "联合", "高级", "中级", "初级", "重点"].contains(w), false)
        default: return (false, false)
        }
    }

    /// Expands left from the head `h` over name material; returns the first token index and
    /// whether proper material was seen.
    func expandLeft(_ toks: [Tok], head h: Int, maxTokens: Int = 7, properOnly: Bool = false, placesOnly: Bool = false) -> (Int, Bool) {
        var left = h, proper = false
        var j = h - 1
        while j >= 0 && h - j <= maxTokens {
            // Words separated by a space are not one name.
            if toks[j].end != toks[j + 1].start { break }
            var m = orgMaterial(toks[j], nextToHead: j == h - 1)
            // A two-character verb between nouns of the name: 残疾人工作协调委员会, 经济合作部.
            if !m.ok && !properOnly && !placesOnly && toks[j].tag == "v" && toks[j].length == 2 && j > 0
                && toks[j - 1].end == toks[j].start && !lexicon.speech.contains(toks[j].text)
                && (["n", "vn"].contains(toks[j - 1].tag) || (toks[j - 1].tag == "ns" && j == h - 1)) {
                m = (true, false)
            }
            if !m.ok || (properOnly && !m.proper) { break }
            if placesOnly && !toks[j].isPlace && toks[j].tag != "ns" { break }
            left = j
            if m.proper { proper = true }
            j -= 1
        }
        // Generic words before the first proper word are not part of the name (航线阿根廷航空公司).
        if proper {
            while left < h && !orgMaterial(toks[left], nextToHead: left == h - 1).proper { left += 1 }
        }
        // A name does not start with a verbal noun or a locality word.
        while left < h && ["vn", "f", "l", "v"].contains(toks[left].tag) && !toks[left].isPlace {
            left += 1
        }
        return (left, proper)
    }

    func organizationCandidates(_ toks: [Tok], _ sc: [Unicode.Scalar], into out: inout [RawSpan]) {
        for h in toks.indices {
            let t = toks[h]
            if let kind = headKind(t) {
                switch kind {
                case .bare, .alias:
                    // A country's government is the country (People's Daily: 挪威政府 → 挪威).
                    let (left, _) = expandLeft(toks, head: h, maxTokens: 3, placesOnly: true)
                    out.append(RawSpan(start: toks[left].start, end: t.end, type: .organization, priority: 1, rule: "L210"))
                case .dictionary:
                    // 海口市中级人民法院: generic words join only with a proper name before them.
                    var (left, proper) = expandLeft(toks, head: h)
                    if !proper { left = expandLeft(toks, head: h, maxTokens: 4, properOnly: true).0 }
                    out.append(RawSpan(start: toks[left].start, end: t.end, type: .organization, priority: 1, rule: "L215"))
                case .strong, .weak, .government:
                    if t.text == "政府" && h > 0 && (lexicon.countries.contains(toks[h - 1].text) || toks[h - 1].tag.hasPrefix("nr")) { break }
                    let (left, expandedProper) = expandLeft(toks, head: h)
                    let suffixLength = t.org?.suffix.unicodeScalars.count ?? 0
                    let ownPrefix = t.text.unicodeScalars.count > suffixLength
                    var proper = expandedProper
                    if ownPrefix && !proper {
                        // 天津日报, 清华大学: the word's own name part.
                        let rest = String(String.UnicodeScalarView(t.text.unicodeScalars.prefix(t.text.unicodeScalars.count - suffixLength)))
                        let tag = segmenter.dictionaryTag(of: rest) ?? ""
                        proper = isPlaceWord(rest, tag: tag) || Self.nationalPrefixes.contains(rest) || ["ns", "nt", "nz", "j", "nrt"].contains(tag)

                    }
                    if left == h && !ownPrefix { break }          // 大学 alone is no name
                    if kind == .weak && !proper { break }          // 数据中心
                    // Generic words alone make no name (保险公司, 指导委员会) unless they are many
                    // (人工智能科教联盟).
                    if kind == .strong && !proper && (h - left < 2 || t.end - toks[left].start < 6) { break }
                    // A one-character head: a noun right before it, no verb after it (所提出).
                    if t.length == 1 {
                        let prev = toks[h - 1]
                        if !(prev.tag.hasPrefix("n") || prev.tag == "j") { break }
                        if h + 1 < toks.count && toks[h + 1].tag.hasPrefix("v") { break }
                    }
                    if kind == .government && left == h && !t.inDictionary { break }
                    out.append(RawSpan(start: toks[left].start, end: t.end, type: .organization, priority: 1, rule: "L223"))
                }
            }
            // 外交部长 as one word: 外交部 + title.
            let sv = Array(t.text.unicodeScalars)
            if sv.count >= 4, sv[sv.count - 1] == "长", lexicon.chiefHeads.contains(sv[sv.count - 2]) {
                let org = String(String.UnicodeScalarView(sv.dropLast()))
                if segmenter.dictionaryTag(of: org) == "nt" {
                    let (left, _) = expandLeft(toks, head: h, maxTokens: 2, placesOnly: true)
                    out.append(RawSpan(start: toks[left].start, end: t.end - 1, type: .organization, priority: 1, rule: "chief-word"))
                }
            }
            // Party congresses: 十五大, 中共十五大.
            let congress = sv.count >= 5 && sv[0] == "中" && sv[1] == "共" ? Array(sv.dropFirst(2)) : sv
            if congress.count >= 3, congress.last == "大", congress.dropLast().allSatisfy({ "一二三四五六七八九十".unicodeScalars.contains($0) }) {
                var start = t.start
                if h > 0 && toks[h - 1].end == t.start && ["中共", "党的"].contains(toks[h - 1].text) && toks[h - 1].text == "中共" { start = toks[h - 1].start }
                out.append(RawSpan(start: start, end: t.end, type: .organization, priority: 1, rule: "congress"))
            }
            // 财政部长 → 财政部 + title; 外交部长.
            if sv.count == 2, sv[1] == "长", lexicon.chiefHeads.contains(sv[0]), h > 0, toks[h - 1].end == t.start {
                let (left, proper) = expandLeft(toks, head: h)
                if left < h {
                    let word = toks[h - 1].text + String(sv[0])
                    let tag = segmenter.dictionaryTag(of: word)
                    if tag == "nt" || (proper && tag != nil) {
                        out.append(RawSpan(start: toks[left].start, end: t.start + 1, type: .organization, priority: 1, rule: "L234"))
                    }
                }
            }
        }
        aliasCandidates(toks, into: &out)
    }

    /// Alias-table words spanning one to four tokens (市科技局, 电子科大); ambiguous ones (重大)
    /// only next to another organization or before a department or a staff title.
    func aliasCandidates(_ toks: [Tok], into out: inout [RawSpan]) {
        for i in toks.indices {
            guard let f = toks[i].text.unicodeScalars.first, lexicon.aliasFirstScalars.contains(f) else { continue }
            var w = ""
            var best: (Int, AliasEntry)?
            for j in i..<min(toks.count, i + 4) {
                if j > i && toks[j].start != toks[j - 1].end { break }
                w += toks[j].text
                if w.unicodeScalars.count > lexicon.maxAliasLength { break }
                if let a = lexicon.aliases[w], a.type == .organization { best = (j, a) }
            }
            guard let (j, a) = best else { continue }
            if a.ambiguous && !organizationContext(toks, i, j) { continue }
            out.append(RawSpan(start: toks[i].start, end: toks[j].end, type: .organization, priority: 1, canonical: nil, rule: "L256"))
        }
    }

    static let departmentWords: Set<String> = ["学院", "医院", "附属医院", "校长", "副校长", "教授", "团队", "实验室", "研究院", "研究所",
                                               "校友", "学子", "师生", "毕业", "毕业生", "本科", "研究生", "博士生", "分校", "校区"]

    func organizationContext(_ toks: [Tok], _ i: Int, _ j: Int) -> Bool {
        if j + 1 < toks.count && Self.departmentWords.contains(toks[j + 1].text) { return true }
        let joins: Set<String> = ["、", "和", "与", "及", "同", "跟"]
        if j + 2 < toks.count && joins.contains(toks[j + 1].text) && isOrganizationWord(toks[j + 2]) { return true }
        if i >= 2 && joins.contains(toks[i - 1].text) && isOrganizationWord(toks[i - 2]) { return true }
        return false
    }

    func isOrganizationWord(_ t: Tok) -> Bool {
        if t.tag == "nt" { return true }
        if let a = lexicon.aliases[t.text], a.type == .organization, !a.ambiguous { return true }
        if let (_, strong) = t.org, strong, t.length >= 3 { return true }
        return false
    }

    // MARK: People

    func isTitleWord(_ t: Tok) -> Bool { t.title != nil }

    /// Whether a person context surrounds tokens i...j: a title before, a speech verb or an
    /// honorific after, or a name list (、) with a person before.
    func personContext(_ toks: [Tok], _ i: Int, _ j: Int, strict: Bool = false) -> Bool {
        if i > 0 && isTitleWord(toks[i - 1]) { return true }
        if j + 1 < toks.count {
            let next = toks[j + 1].text
            if lexicon.speech.contains(next) || lexicon.honorifics.contains(next) || next == "同志" { return true }
            if next == "等" && !strict { return true }
            // 桥本还表示, 他也认为.
            if j + 2 < toks.count && Self.adverbs.contains(next) && lexicon.speech.contains(toks[j + 2].text) { return true }
        }
        return false
    }

    /// Last characters of words that are things, not given names (雷阵雨, 纪念章, 吉普车, 尤伯杯).
    static let objectEndings: Set<Unicode.Scalar> = Set("雨丁章车赛杯塔值人机器物品场站厂店队会节戏剧曲诗报书刊票证卡费税价率量性化式法论术史病症药酒茶菜饭面糖油汽电气路街桥门楼房屋园树草鱼鸟猪狗鸡虫布衣服帽鞋包箱柜桌椅床灯钟表笔纸乐诺们个从向对被把里外前后多少年月日时天".unicodeScalars)

    static let adverbs: Set<String> = ["还", "也", "又", "都", "就", "则", "再", "曾", "已", "即", "便", "亦", "随后", "当时", "同时", "今天", "昨天", "日前", "近日", "最近", "在"]

    /// A name's plausible given-name length after the surname ending at `p` (1 or 2).
    func givenNameLength(_ toks: [Tok], tokenAt: TokenStarts, _ sc: [Unicode.Scalar], _ p: Int) -> Int {
        let n = sc.count
        guard p < n, Self.isCJK(sc[p]), !Self.afterNameStops.contains(sc[p]) else { return 0 }
        guard p + 1 < n, Self.isCJK(sc[p + 1]) else { return 1 }
        if Self.afterNameStops.contains(sc[p + 1]) { return 1 }
        // A word starting after one given-name character that reads as the next word.
        if let k = tokenAt[p + 1] {
            let t = toks[k]
            if t.length >= 2 && (lexicon.speech.contains(t.text) || isTitleWord(t) || lexicon.honorifics.contains(t.text)
                                 || Self.functionTags.contains(t.tag) || t.tag == "v") {
                return 1
            }
        }
        if let k = tokenAt[p + 2] {
            let t = toks[k]
            if lexicon.speech.contains(t.text) || Self.functionTags.contains(t.tag) || isTitleWord(t) { return 2 }
        }
        if p + 2 >= n || !Self.isCJK(sc[p + 2]) || Self.afterNameStops.contains(sc[p + 2]) { return 2 }
        // Otherwise trust the segmenter: a token that ends after one character keeps it short.
        if let k = tokenAt[p], toks[k].end == p + 1, let k2 = tokenAt[p + 1], toks[k2].length >= 2, toks[k2].inDictionary,
           toks[k2].tag != "nr" {
            return 1
        }
        return 2
    }

    func personCandidates(_ toks: [Tok], _ sc: [Unicode.Scalar], into out: inout [RawSpan]) {
        var tokenAt = TokenStarts(count: sc.count + 2)
        for (k, t) in toks.enumerated() { tokenAt[t.start] = k }
        var people: [RawSpan] = []

        for i in toks.indices {
            let t = toks[i]
            let w = t.text
            let v = Array(w.unicodeScalars)
            let n = v.count

            // 1. A title followed by a surname and a given name: 市长唐良智, 记者 张亦筑.
            if isTitleWord(t) {
                var p = t.end
                if p < sc.count && sc[p] == " " { p += 1 }
                var s = lexicon.surnameLength(sc[p...])
                if s > 0, lexicon.surnameLength(sc[p...], strongOnly: true) == 0, let k = tokenAt[p], !toks[k].tag.hasPrefix("nr") { s = 0 }
                var run = 0
                while p + run < sc.count && lexicon.translit.contains(sc[p + run]) { run += 1 }
                if run >= 4, tokenAt[p] != nil {
                    // 主席谢列兹尼奥夫, 外长普里马科夫: a foreign name, not surname + given name.
                    people.append(RawSpan(start: p, end: p + run, type: .person, priority: 3, role: roleText(t), rule: "title-translit"))
                    continue
                }
                if s > 0, let k = tokenAt[p], !toks[k].isPlace || toks[k].length > 3 {
                    let g = givenNameLength(toks, tokenAt: tokenAt, sc, p + s)
                    if g > 0 {
                        let end = p + s + g
                        var v = String.UnicodeScalarView(); v.append(contentsOf: sc[p..<end])
                        let name = String(v)
                        let commonWord = toks[k].end == end && toks[k].inDictionary && !toks[k].tag.hasPrefix("nr")
                            && toks[k].tag != "x" && toks[k].tag != "nz" && toks[k].tag != "t"
                        if !commonWord && !isPlaceWord(name, tag: "") && lexicon.titleSuffix(of: name) == nil {
                            var role = roleText(t)
                            if let r = role, i > 0, toks[i - 1].text == "副", toks[i - 1].end == t.start { role = "副" + r }
                            people.append(RawSpan(start: p, end: end, type: .person, priority: 3, role: role, rule: "L343"))
                        }
                    }
                } else if s == 0, let k = tokenAt[p], ["nr", "nrt", "nrfg"].contains(toks[k].tag) || (lexicon.isTranslit(toks[k].text) && toks[k].length >= 2),
                          !toks[k].isPlace, !isTitleWord(toks[k]) {
                    // A foreign or given name after a title: 外交大臣库克.
                    var e = k
                    while e + 1 < toks.count && toks[e + 1].start == toks[e].end && lexicon.isTranslit(toks[e + 1].text)
                            && !isTitleWord(toks[e + 1]) && !lexicon.speech.contains(toks[e + 1].text) { e += 1 }
                    people.append(RawSpan(start: toks[k].start, end: toks[e].end, type: .person, priority: 2, role: roleText(t), rule: "L352"))
                }
                continue
            }

            // 2. Surname + honorific: 李老师 → 李, 胡老 → 胡, 郑某 → 郑.
            if n >= 2 && n <= 3 && lexicon.isSurname(v[0]) {
                var rest = String.UnicodeScalarView(); rest.append(contentsOf: v[1...])
                if lexicon.honorifics.contains(String(rest)) && !t.isPlace {
                    people.append(RawSpan(start: t.start, end: t.start + 1, type: .person, priority: 2, rule: "L361"))
                    continue
                }
            }
            if n == 1 && lexicon.isSurname(v[0]) && i + 1 < toks.count && toks[i + 1].start == t.end
                && lexicon.honorifics.contains(toks[i + 1].text) && toks[i + 1].length >= 2 {
                people.append(RawSpan(start: t.start, end: t.end, type: .person, priority: 2, rule: "L367"))
                continue
            }

            // 4. A name inside 主义/理论/思想: 马克思主义 → 马克思, 邓小平理论 → 邓小平.
            if n >= 4, let suffix = ["主义", "理论", "思想", "精神", "路线"].first(where: { w.hasSuffix($0) }) {
                let head = String(w.unicodeScalars.prefix(n - 2))
                if let tag = segmenter.dictionaryTag(of: head), tag.hasPrefix("nr") || tag == "t" && lexicon.surnameLength(v[...], strongOnly: true) > 0 {
                    people.append(RawSpan(start: t.start, end: t.end - suffix.unicodeScalars.count, type: .person, priority: 1, rule: "L-ism"))
                }
                continue
            }
            // 3. Words the dictionary or the HMM tags as names; other words in a person context
            // when they start with a surname (周恩来总理, where the dictionary says otherwise).
            let nameTag = ["nr", "nrfg", "nrt"].contains(t.tag)
            if !nameTag && n >= 2 && n <= 3 && (!t.inDictionary || ["nz", "t", "x"].contains(t.tag))
                && (lexicon.surnameLength(v[...], strongOnly: true) > 0 || lexicon.isTranslit(w)) && personContext(toks, i, i, strict: true)
                && !t.isPlace && !isTitleWord(t) && t.org == nil {
                people.append(RawSpan(start: t.start, end: t.end, type: .person, priority: 1, rule: "L-ctx"))
                continue
            }
            guard nameTag, n >= 2, n <= 4 else { continue }
            if t.isPlace || isTitleWord(t) { continue }
            let surname = lexicon.surnameLength(v[...])
            let strongSurname = lexicon.surnameLength(v[...], strongOnly: true) > 0
            let context = personContext(toks, i, i)
            var accept = false
            let objectEnding = Self.objectEndings.contains(v[n - 1])
            if surname == 2 && n >= 3 { accept = true }
            else if surname == 1 && n == 3 { accept = context || (strongSurname && !objectEnding) }
            else if surname == 1 && n == 2 { accept = context || (!t.inDictionary && strongSurname && !objectEnding && !Self.afterNameStops.contains(v[1])) }
            else if lexicon.isTranslit(w) { accept = n >= 3 || context }
            else { accept = context && t.tag != "nr" || (context && !t.inDictionary) }
            if accept {
                people.append(RawSpan(start: t.start, end: t.end, type: .person, priority: 1, rule: "L384"))
            }
        }

        foreignNames(toks, sc, tokenAt: tokenAt, into: &people)
        out.append(contentsOf: people)
    }

    static let placeFollowers: Set<String> = ["国家", "地区", "州", "省", "市", "区", "县", "镇", "村", "河", "山", "湖", "岛", "港", "城", "小镇",
                                              "一带", "首都", "境内", "郊区", "附近", "油田", "机场", "以北", "以南", "以东", "以西", "人"]
    static let placeLeaders: Set<String> = ["在", "城市", "首都", "位于", "抵达", "到达", "前往", "来到", "赴", "飞抵", "访问", "途经", "离开", "港口", "小城", "地区"]

    /// Whether a transliterated name at tokens i...j names a place: 在哈斯科沃, 阿拉伯国家.
    func placeContext(_ toks: [Tok], _ i: Int, _ j: Int) -> Bool {
        if j + 1 < toks.count && toks[j + 1].start == toks[j].end && Self.placeFollowers.contains(toks[j + 1].text) { return true }
        if i > 0 && Self.placeLeaders.contains(toks[i - 1].text) { return true }
        return false
    }

    func roleText(_ t: Tok) -> String? {
        if lexicon.titles.contains(t.text) { return t.text }
        guard let suffix = lexicon.titleSuffix(of: t.text) else { return nil }
        if t.text == "副" + suffix { return t.text }
        return suffix
    }

    /// Transliterated names: runs of transliteration characters, and parts joined by ·.
    func foreignNames(_ toks: [Tok], _ sc: [Unicode.Scalar], tokenAt: TokenStarts, into out: inout [RawSpan]) {
        func nameLike(_ t: Tok) -> Bool {
            guard let f = t.text.unicodeScalars.first, Self.isCJK(f) else { return false }
            if isTitleWord(t) || lexicon.speech.contains(t.text) || Self.functionTags.contains(t.tag) { return false }
            if t.isPlace { return false }
            if lexicon.isTranslit(t.text) { return true }
            return ["nr", "nrt", "nrfg", "x"].contains(t.tag) || !t.inDictionary
        }
        // Names joined by a middle dot: 科菲·安南, 芭芭拉·弗兰克林.
        var i = 0
        while i < toks.count {
            let t = toks[i]
            func nextToDot(_ t: Tok) -> Bool {
                // Beside the dot a place-like word is still a name part (科菲·安南).
                var u = t
                u.isPlace = false
                if u.tag == "ns" { u.tag = "nrt" }
                return nameLike(u)
            }
            guard t.length == 1, let d = t.text.unicodeScalars.first, Self.nameDots.contains(d),
                  i > 0, i + 1 < toks.count, nextToDot(toks[i - 1]), nextToDot(toks[i + 1]) else { i += 1; continue }
            var left = i - 1
            while left > 0 && toks[left - 1].end == toks[left].start && nameLike(toks[left - 1]) && toks[i].start - toks[left - 1].start <= 8 {
                left -= 1
            }
            var right = i + 1
            while right + 1 < toks.count && toks[right + 1].start == toks[right].end {
                let nx = toks[right + 1]
                if let dd = nx.text.unicodeScalars.first, nx.length == 1, Self.nameDots.contains(dd), right + 2 < toks.count, nameLike(toks[right + 2]) {
                    right += 2; continue
                }
                if nameLike(nx) && lexicon.isTranslit(nx.text) && nx.end - toks[i].end <= 8 { right += 1; continue }
                break
            }
            out.append(RawSpan(start: toks[left].start, end: toks[right].end, type: .person, priority: 4, rule: "L427"))
            i = right + 1
        }
        // Runs of transliteration words: 基里延科, 库尼科娃.
        i = 0
        while i < toks.count {
            guard lexicon.isTranslit(toks[i].text), nameLike(toks[i]) else { i += 1; continue }
            var j = i
            var unknown = !toks[i].inDictionary || ["nr", "nrt", "x"].contains(toks[i].tag)
            while j + 1 < toks.count && toks[j + 1].start == toks[j].end && lexicon.isTranslit(toks[j + 1].text) && nameLike(toks[j + 1]) {
                j += 1
                if !toks[j].inDictionary || ["nr", "nrt", "x"].contains(toks[j].tag) { unknown = true }
            }
            let length = toks[j].end - toks[i].start
            if placeContext(toks, i, j) {
                out.append(RawSpan(start: toks[i].start, end: toks[j].end, type: .place, priority: 0, rule: "translit-place"))
            } else if (length >= 3 && unknown) || (length >= 2 && personContext(toks, i, j)) {
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
            let t = String(String.UnicodeScalarView(sc[(sc.count - k)...]))
            if lexicon.facilitySuffixes.contains(t) { return t }
            k -= 1
        }
        return nil
    }

    func placeCandidates(_ toks: [Tok], _ sc: [Unicode.Scalar], into out: inout [RawSpan]) {
        // Facilities are places (People's Daily: 中国美术馆, 北京图书大厦, 人民大会堂).
        for (h, t) in toks.enumerated() {
            guard let suffix = t.facility, !["v", "vn", "d", "a", "f"].contains(t.tag) else { continue }
            let own = t.text.unicodeScalars.count > suffix.unicodeScalars.count
            if !own && t.inDictionary == false { continue }
            var (left, proper) = expandLeft(toks, head: h)
            if !proper { left = h }
            if left == h && (!own || !t.inDictionary) { continue }
            out.append(RawSpan(start: toks[left].start, end: t.end, type: .place, priority: 2, rule: "facility"))
        }
        for (i, t) in toks.enumerated() {
            let w = t.text
            let v = Array(w.unicodeScalars)
            if t.isPlace {
                out.append(RawSpan(start: t.start, end: t.end, type: .place, priority: 1, rule: "L463"))
                continue
            }
            // A name plus a place suffix: 塔科马市, 陈沟村, 西柏坡乡.
            if i + 1 < toks.count, toks[i + 1].start == t.end, toks[i + 1].length == 1,
               let suf = toks[i + 1].text.unicodeScalars.first, Self.placeSuffixes.contains(suf), t.length >= 2,
               v.allSatisfy(Self.isCJK), ["nr", "nrt", "ns", "x", "nz", "nrfg"].contains(t.tag) || !t.inDictionary {
                out.append(RawSpan(start: t.start, end: toks[i + 1].end, type: .place, priority: 1, rule: "L470"))
                continue
            }
            if t.tag == "x" && !t.inDictionary && t.length >= 3, let last = v.last, "市县省乡镇村州".unicodeScalars.contains(last),
               !["全", "本", "我", "该", "各", "城", "都"].contains(String(v[0])) {
                out.append(RawSpan(start: t.start, end: t.end, type: .place, priority: 0, rule: "L475"))
                continue
            }
            // 东北地区 → 东北, 亚太地区 → 亚太.
            if v.count >= 4 && w.hasSuffix("地区") {
                var head = String.UnicodeScalarView(); head.append(contentsOf: v[..<(v.count - 2)])
                if isPlaceWord(String(head), tag: "ns") {
                    out.append(RawSpan(start: t.start, end: t.end - 2, type: .place, priority: 0, rule: "L482"))
                    continue
                }
            }
            if t.tag == "ns" && t.length >= 2 && v.allSatisfy(Self.isCJK) && plausiblePlace(v) {
                out.append(RawSpan(start: t.start, end: t.end, type: .place, priority: 0, rule: "L487"))
                continue
            }
            abbreviationCandidates(toks, i, into: &out)
        }
    }

    /// Whether a word the dictionary tags `ns` reads as a name rather than a common noun: it
    /// ends in an administrative or geographic suffix after a name part, or it is made of
    /// transliteration characters (德班, 温得和克).
    func plausiblePlace(_ v: [Unicode.Scalar]) -> Bool {
        guard let last = v.last else { return false }
        if v.count >= 3 && Self.nsSuffixes.contains(last) && !Self.genericPlaceStarts.contains(v[0]) { return true }
        var w = String.UnicodeScalarView(); w.append(contentsOf: v)
        return v.count >= 2 && lexicon.isTranslit(String(w)) && segmenter.frequency(of: String(w)) < 200
    }

    static let nsSuffixes: Set<Unicode.Scalar> = Set("省市县州乡镇村区邦郡山河江湖峰岛海湾峡寺宫庙路街港洲岭原".unicodeScalars)
    static let genericPlaceStarts: Set<Unicode.Scalar> = Set("大小全各该本城山海沿内外南北东西中上下老新古深高".unicodeScalars)

    func isAbbreviation(_ s: Unicode.Scalar) -> Bool { lexicon.abbreviations[s] != nil && !Self.riskyAbbreviations.contains(s) }

    /// Abbreviations that are far more often ordinary characters (西方, 加剧, 新时期, 以…为).
    static let riskyAbbreviations: Set<Unicode.Scalar> = Set("西加新希古鲁辽以黑吉老智秘委伊土乌波瑞荷丹挪芬匈叙埃柬缅蒙".unicodeScalars)
    /// Abbreviations that may pair with others but never stand alone after a leader: 在以, 对以.
    func isPairAbbreviation(_ s: Unicode.Scalar) -> Bool { lexicon.abbreviations[s] != nil && !"西加新希古鲁辽黑吉老智秘伊乌".unicodeScalars.contains(s) }

    func abbreviationCandidates(_ toks: [Tok], _ i: Int, into out: inout [RawSpan]) {
        let t = toks[i]
        let v = Array(t.text.unicodeScalars)
        // 中美关系, 中日韩合作 as one word: the abbreviations before a relation word.
        if v.count >= 4 {
            var k = 0
            while k < v.count && isPairAbbreviation(v[k]) && v[k] != "华" { k += 1 }
            let rest = String(String.UnicodeScalarView(v[k...]))
            if k >= 2 && ["关系", "两国", "三国", "合作", "之间", "双方", "首脑", "会谈", "贸易", "建交", "友好", "边境", "联合公报"].contains(rest) {
                for q in 0..<k { out.append(RawSpan(start: t.start + q, end: t.start + q + 1, type: .place, priority: 0, rule: "pair-word")) }
            }
            return
        }
        guard !v.isEmpty else { return }
        // Pairs and triples of country abbreviations in one word or in one-character words:
        // 中美, 日俄, 中日韩 — followed by a relation word or standing alone.
        if v.count >= 2 && v.allSatisfy({ isPairAbbreviation($0) && $0 != "华" }) && (t.tag == "ns" || t.tag == "j" || !t.inDictionary || relationFollows(toks, i)) {
            for (k, _) in v.enumerated() {
                out.append(RawSpan(start: t.start + k, end: t.start + k + 1, type: .place, priority: 0, rule: "L522"))
            }
            return
        }
        if v.count == 1 && isPairAbbreviation(v[0]) {
            let prevAbbr = i > 0 && toks[i - 1].end == t.start && toks[i - 1].length == 1 && isPairAbbreviation(toks[i - 1].text.unicodeScalars.first!)
            let nextAbbr = i + 1 < toks.count && toks[i + 1].start == t.end && toks[i + 1].length == 1 && isPairAbbreviation(toks[i + 1].text.unicodeScalars.first!)
            let safe = isAbbreviation(v[0])
            let leader = safe && i > 0 && toks[i - 1].end == t.start && toks[i - 1].length == 1 && Self.abbreviationLeaders.contains(toks[i - 1].text.unicodeScalars.first!)
                && v[0] != "中"
            let follower = safe && i + 1 < toks.count && toks[i + 1].start == t.end && Self.abbreviationFollowers.contains(toks[i + 1].text)
            if ((prevAbbr || nextAbbr) && (relationFollows(toks, i) || (prevAbbr && i >= 2 && relationFollows(toks, i)))) || leader || follower {
                out.append(RawSpan(start: t.start, end: t.end, type: .place, priority: 0, rule: "L534"))
            }
            return
        }
        // Two-character words made of a leader and an abbreviation: 访华, 驻华, 来华, 抵京.
        if v.count == 2 && Self.abbreviationLeaders.contains(v[0]) && isAbbreviation(v[1]) && v[1] != "中" && t.tag == "v" {
            out.append(RawSpan(start: t.start + 1, end: t.end, type: .place, priority: 0, rule: "L540"))
            return
        }
        // An abbreviation and a bound word: 中方, 美军, 华侨, 京剧.
        if v.count == 2 && isAbbreviation(v[0]) {
            let rest = String(v[1])
            if Self.abbreviationFollowers.contains(rest) && rest.count == 1 && !["人"].contains(rest) {
                out.append(RawSpan(start: t.start, end: t.start + 1, type: .place, priority: 0, rule: "L547"))
            }
        }
    }

    /// Whether the word after the abbreviation run at `i` is a relation word (两国, 关系, …).
    func relationFollows(_ toks: [Tok], _ i: Int) -> Bool {
        var k = i + 1
        while k < toks.count && toks[k].length == 1 && isPairAbbreviation(toks[k].text.unicodeScalars.first!) { k += 1 }
        guard k < toks.count else { return false }
        let w = toks[k].text
        if Self.abbreviationFollowers.contains(w) && w.count >= 2 { return true }
        let relations: Set<String> = ["两国", "三国", "四国", "等国", "关系", "之间", "间", "双方", "合作", "首脑", "会谈", "会晤", "边境",
                                      "贸易", "友好", "建交", "联合", "战略", "经贸", "两", "三", "等", "在", "就", "加强", "和平", "双边",
                                      "历代", "地区", "两大", "金融", "金融业", "对话", "外长", "领导人", "高层", "联合公报", "三个"]
        return relations.contains(w) || w.hasPrefix("两") || w.hasPrefix("三")
    }

    // MARK: References

    func referenceCandidates(_ toks: [Tok], into out: inout [RawSpan]) {
        for i in toks.indices {
            guard let f = toks[i].text.unicodeScalars.first, f == "我" || f == "本" || f == "全" else { continue }
            let w = toks[i].text
            if w == "我市" || w == "本市" || w == "全市" {
                out.append(RawSpan(start: toks[i].start, end: toks[i].end, type: .place, priority: 5, isReference: true, rule: "L571"))
            } else if (w == "我" || w == "本" || w == "全") && i + 1 < toks.count && toks[i + 1].text == "市" && toks[i + 1].start == toks[i].end {
                out.append(RawSpan(start: toks[i].start, end: toks[i + 1].end, type: .place, priority: 5, isReference: true, rule: "L573"))
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
        cache.withLock { c in
            if let c { return c }
            let made = PlaceIndex(lexicon: lexicon, gazetteer: gazetteer)
            c = made
            return made
        }
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

/// Token index by start offset (nil where no token starts).
struct TokenStarts {
    private var index: [Int32]
    init(count: Int) { index = [Int32](repeating: -1, count: count) }
    subscript(_ p: Int) -> Int? {
        get { p >= 0 && p < index.count && index[p] >= 0 ? Int(index[p]) : nil }
        set { if p >= 0 && p < index.count { index[p] = Int32(newValue ?? -1) } }
    }
}
