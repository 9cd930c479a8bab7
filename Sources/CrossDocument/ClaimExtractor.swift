import Analysis
import ChineseText

/// Turns the counts, amounts of money and percentages of an analyzed article into `Claim`s.
///
/// For each quantity:
/// 1. Quantities that are not claims are skipped: ranks, multiples and percentage points;
///    counts that belong to a time (9个月, a time mention reaching past the number); 届
///    (十九届 is an ordinal); sizes (8英寸); numbers opening a quoted slogan (“四个面向”).
/// 2. Its clause: the sentence (up to 。！？!? or a line break) is cut at ，,；;：: and at 、
///    when the 、 follows another quantity (a list of figures with the verb elided:
///    高新技术企业59家、市级以上研发机构38家). An enumeration of nouns (大数据、智能制造、
///    互联网等领域) stays in one clause.
/// 3. The clause's head is stripped, repeatedly: punctuation; time expressions (截至目前, 今年,
///    近年来, and the record's time mentions); the subject (a mention, alias or name of a place
///    or organization: 我市 → 重庆市); adverbs (已, 已经, 累计, 共, 先后, 还, 也, 成功 …);
///    existential verbs (有, 拥有); determiners (这些, 此次). What follows a frame
///    (…等领域, …方面, …以来) is kept.
/// 4. The indicator is what remains before the number; when the number is followed by the
///    counted noun (已聚集300多家物联网相关企业, 此次签约落户的41个项目), it is that noun, with
///    a short verb phrase before the number in front. Quotes, brackets, spaces and 了 are
///    removed; trailing copulas and amount verbs (达到, 为, 共计, 增至 …) are removed, with
///    突破/超过 making the bound a lower one. The verb stays: 孵化科技型企业 and 有…科技型企业
///    are different indicators; 将突破 (a target) keeps its 将.
/// 5. The subject is the clause's leading place or organization, else the last one leading an
///    earlier clause of the sentence (so each item of a list inherits it), else nil.
/// 6. Indicators shorter than two letters and generic ones (其中, 总数, 增长 …) are dropped.
public enum ClaimExtractor {
    /// Quantity kinds that make claims.
    public static let claimKinds: Set<Quantity.Kind> = [.count, .money, .percent]

    /// The claims of `record`, in body order.
    public static func claims(in record: AnalysisRecord) -> [Claim] {
        let scalars = Array(record.body.unicodeScalars)
        let n = scalars.count
        guard n > 0 else { return [] }
        let context = Context(record: record, scalars: scalars)
        var result: [Claim] = []
        var subjects: [Int: Subject] = [:]
        for q in record.quantities {
            guard claimKinds.contains(q.kind), q.start >= 0, q.end <= n, q.start < q.end else { continue }
            guard !context.isExcluded(q) else { continue }
            if let claim = context.claim(for: q, subjects: &subjects) { result.append(claim) }
        }
        return result.sorted { $0.start < $1.start }
    }

    /// True when the quantity text says "more than" with 余 or 多 right after the number
    /// (800余名, 300多家): a lower bound.
    public static func hasMoreThanSuffix(_ text: String) -> Bool {
        var previousIsNumber = false
        for s in text.unicodeScalars {
            if (s == "余" || s == "多") && previousIsNumber { return true }
            previousIsNumber = CharClass.isDigit(s.value) || Vocabulary.chineseNumerals.contains(s)
        }
        return false
    }
}

/// Per-record state of the claim extractor: the body's scalars, sentence spans, quantity ends,
/// subject names and time mentions.
struct Context {
    let record: AnalysisRecord
    let s: [Unicode.Scalar]
    /// Sentence spans, in order.
    let sentences: [(start: Int, end: Int)]
    /// Scalar offsets where a quantity ends (for 、 lists).
    let quantityEnds: Set<Int>
    /// Mentions of places and organizations by start offset: (end, canonical name), longest first.
    let mentionsAt: [Int: [(end: Int, name: String)]]
    /// Offsets where a mention of any entity ends.
    let entityEnds: Set<Int>
    /// Names and aliases of places and organizations, longest first.
    let names: [(scalars: [Unicode.Scalar], name: String)]
    /// Time mentions by start offset: their ends.
    let timesAt: [Int: Int]
    /// Time mentions, for the exclusion of quantities inside them.
    let times: [AnalysisRecord.TimeRecord]

    init(record: AnalysisRecord, scalars: [Unicode.Scalar]) {
        self.record = record
        self.s = scalars
        self.sentences = Self.sentenceSpans(scalars)
        self.quantityEnds = Set(record.quantities.map(\.end))
        var mentions: [Int: [(end: Int, name: String)]] = [:]
        var names: [(scalars: [Unicode.Scalar], name: String)] = []
        var seen = Set<String>()
        for e in record.entities where e.type == "place" || e.type == "organization" {
            for m in e.mentions where m.start >= 0 && m.end <= scalars.count && m.start < m.end {
                mentions[m.start, default: []].append((m.end, e.name))
            }
            for a in [e.name] + e.aliases {
                let key = e.name + "\u{1}" + a
                let us = Array(a.unicodeScalars)
                // One-letter aliases (渝, 川) are too ambiguous to find by text.
                if us.count >= 2, seen.insert(key).inserted { names.append((us, e.name)) }
            }
        }
        for k in mentions.keys { mentions[k]?.sort { $0.end > $1.end } }
        self.entityEnds = Set(record.entities.flatMap { $0.mentions.map(\.end) })
        self.mentionsAt = mentions
        self.names = names.sorted { $0.scalars.count > $1.scalars.count }
        var timesAt: [Int: Int] = [:]
        for t in record.times where t.start >= 0 && t.end <= scalars.count && t.start < t.end && t.type != "time_delta" {
            timesAt[t.start] = max(timesAt[t.start] ?? 0, t.end)
        }
        self.timesAt = timesAt
        self.times = record.times
    }

    // MARK: Exclusions

    /// True for quantities that are not claims about a figure.
    func isExcluded(_ q: Quantity) -> Bool {
        if Vocabulary.excludedUnits.contains(q.unit) { return true }
        // A count that is part of a time: 9个月, 3个小时, or a longer time mention around it.
        if q.end < s.count, Vocabulary.timeUnitsAfter.contains(s[q.end]) { return true }
        if q.end + 1 < s.count, s[q.end] == "小", s[q.end + 1] == "时" { return true }
        for t in times where t.start <= q.start && t.end > q.end { return true }
        // A number opening a quoted slogan: “四个面向”.
        if q.start > 0, Vocabulary.openingQuotes.contains(s[q.start - 1]) { return true }
        return false
    }

    // MARK: Claims

    /// The claim of `q`; `subjects` caches the subjects of clause heads (by clause start) for the
    /// clauses that end before a quantity.
    func claim(for q: Quantity, subjects: inout [Int: Subject]) -> Claim? {
        guard let sentence = sentences.first(where: { $0.start <= q.start && q.start < $0.end }) else { return nil }
        let clauseStarts = self.clauseStarts(from: sentence.start, to: q.start)
        guard let ownStart = clauseStarts.last else { return nil }

        // The subject: leading the quantity's clause, or the last earlier clause of the sentence.
        var subject: String?
        for (k, c) in clauseStarts.enumerated() {
            let found: Subject
            if k + 1 < clauseStarts.count {
                // A whole earlier clause: the same for every later quantity of the sentence.
                if let cached = subjects[c] {
                    found = cached
                } else {
                    found = stripHead(from: c, limit: clauseStarts[k + 1]).subject
                    subjects[c] = found
                }
            } else {
                found = stripHead(from: c, limit: q.start).subject
            }
            switch found {
            case .entity(let name): subject = name
            case .ambiguous: subject = nil
            case .none: break
            }
        }
        let head = stripHead(from: ownStart, limit: q.start)
        var bound = q.bound.rawValue
        if bound == "approximate" && ClaimExtractor.hasMoreThanSuffix(q.text) { bound = "lower" }

        var before = Array(s[afterEnumeration(from: head.position, to: q.start)..<q.start])
        before = cutAtFrame(before)
        before = stripLeadingModifiers(before)
        var indicator: [Unicode.Scalar]
        // Money and percentages end their phrase (出资2000万元予以资助); counts may precede their noun.
        let after = q.kind == .count ? attributiveNoun(after: q.end) : []
        if !after.isEmpty {
            // 已聚集300多家物联网相关企业: the noun follows the number.
            var verb = normalized(before)
            if let last = verb.last, last == "的" { verb.removeLast() }
            if verb.count > 8 || Vocabulary.enumerationEnds.contains(where: { verb.count >= $0.count && Array(verb.suffix($0.count)) == $0 }) { verb = [] }
            let noun = normalized(after)
            // 两所学校, 4项行动: a bare short noun says too little.
            if verb.isEmpty && noun.count < 3 { return nil }
            indicator = verb + noun
        } else {
            indicator = normalized(before)
            let (trimmed, trailingBound) = stripTail(indicator)
            indicator = trimmed
            if let trailingBound, bound == "exact" { bound = trailingBound }
        }
        let text = String(String.UnicodeScalarView(indicator))
        guard indicator.count >= 2, !Vocabulary.generic.contains(text) else { return nil }
        let sentenceText = String(String.UnicodeScalarView(s[sentence.start..<sentence.end]))
        return Claim(subject: subject, indicator: text, unit: q.unit, kind: q.kind.rawValue, value: q.value,
                     bound: bound, text: q.text, sentence: sentenceText, start: q.start, end: q.end)
    }

    // MARK: Sentences and clauses

    /// Sentences: split after 。！？!? (with closing quotes) and at line breaks; spaces trimmed.
    static func sentenceSpans(_ s: [Unicode.Scalar]) -> [(start: Int, end: Int)] {
        var spans: [(start: Int, end: Int)] = []
        var start = 0
        var i = 0
        func add(_ a: Int, _ b: Int) {
            var a = a, b = b
            while a < b && s[a].properties.isWhitespace { a += 1 }
            while b > a && s[b - 1].properties.isWhitespace { b -= 1 }
            if b > a { spans.append((a, b)) }
        }
        while i < s.count {
            let c = s[i]
            if c == "\n" || c == "\r" {
                add(start, i)
                start = i + 1
            } else if c == "。" || c == "！" || c == "？" || c == "!" || c == "?" {
                var e = i + 1
                while e < s.count && Vocabulary.closingQuotes.contains(s[e]) { e += 1 }
                add(start, e)
                start = e
                i = e
                continue
            }
            i += 1
        }
        add(start, s.count)
        return spans
    }

    /// Starts of the clauses from `from` up to `to` (the quantity's start), in order.
    func clauseStarts(from: Int, to: Int) -> [Int] {
        var starts = [from]
        var i = from
        while i < to {
            let c = s[i]
            var boundary = false
            if Vocabulary.clauseSeparators.contains(c) {
                boundary = true
            } else if c == "," || c == ":" {
                // Not a thousands separator or a clock time.
                let digitBefore = i > 0 && CharClass.isDigit(s[i - 1].value)
                let digitAfter = i + 1 < s.count && CharClass.isDigit(s[i + 1].value)
                boundary = !(digitBefore && digitAfter)
            } else if c == "、" || c == "､" {
                boundary = quantityEnds.contains(i)
            }
            if boundary && i + 1 <= to { starts.append(i + 1) }
            i += 1
        }
        return starts
    }

    /// Where the indicator starts after an enumeration closed by 等 (拥有重庆市重点实验室等[科技研发
    /// 平台], 征集了A、B、C等[试验区重大示范工程]): the 等 must follow a name or close a 、 list,
    /// and at least two letters must follow it.
    func afterEnumeration(from: Int, to: Int) -> Int {
        var hasList = false
        var cut = from
        var i = from
        while i < to {
            let c = s[i]
            if c == "、" { hasList = true }
            if c == "等", i + 1 < to, !Vocabulary.notEnumerationAfter.contains(s[i + 1]),
               hasList || entityEnds.contains(i), lettersBetween(i + 1, to) >= 2 {
                cut = i + 1
                while cut < to && s[cut] == "等" { cut += 1 }
            }
            i += 1
        }
        return cut
    }

    // MARK: Heads

    /// Strips what leads a clause: punctuation, time expressions, the subject, adverbs,
    /// existential verbs and determiners. Returns where the rest starts and the subject found.
    /// The subject is only stripped when at least two letters remain before `limit` (in 科研院所8家
    /// the organization is what is counted, not the subject).
    func stripHead(from: Int, limit: Int) -> (position: Int, subject: Subject) {
        var p = from
        var subject = Subject.none
        var changed = true
        while changed && p < limit {
            changed = false
            while p < limit && !Vocabulary.isLetter(s[p]) { p += 1; changed = true }
            if p >= limit { break }
            if let length = Vocabulary.match(Vocabulary.leadingTimeWords, s, p, limit) {
                p += length; changed = true; continue
            }
            if let end = timesAt[p], end <= limit {
                p = end; changed = true; continue
            }
            if let length = Vocabulary.match(Vocabulary.timePrepositions, s, p, limit), let end = timesAt[p + length], end <= limit {
                p = end; changed = true; continue
            }
            // A written date the record has no time mention for (到2022年, 截至11月底).
            let preposition = Vocabulary.match(Vocabulary.timePrepositions, s, p, limit) ?? 0
            if let length = writtenDateLength(at: p + preposition, limit: limit) {
                p += preposition + length; changed = true; continue
            }
            if let (end, name) = entity(at: p, limit: limit), lettersBetween(end, limit) >= 2 {
                // 重庆市重点实验室等…, 电子科大和四川大学…: an enumeration, not the subject.
                if Vocabulary.match(Vocabulary.conjunctions, s, end, limit) != nil { break }
                switch subject {
                case .none: subject = .entity(name)
                // 川渝两地: two places at once.
                case .entity(let other) where other != name: subject = .ambiguous
                default: break
                }
                p = end; changed = true; continue
            }
            if let length = Vocabulary.matchWord(Vocabulary.leadingModifiers, s, p, limit) {
                p += length; changed = true; continue
            }
        }
        return (p, subject)
    }

    /// Length of a written date at `p`: numbers followed by 年, 月 or 日 (2022年, 11月底,
    /// 2020年12月15日), with a trailing 底/初/末/中/以来/前/后; nil when there is none.
    func writtenDateLength(at p: Int, limit: Int) -> Int? {
        var i = p
        var units = 0
        while i < limit {
            var j = i
            while j < limit && (CharClass.isDigit(s[j].value) || Vocabulary.chineseNumerals.contains(s[j])) { j += 1 }
            guard j > i, j < limit, s[j] == "年" || s[j] == "月" || s[j] == "日" || s[j] == "号" else { break }
            i = j + 1
            units += 1
        }
        guard units > 0 else { return nil }
        if let length = Vocabulary.match(Vocabulary.dateSuffixes, s, i, limit) { i += length }
        return i - p
    }

    /// A place or organization at `p`: a recognized mention, else a name or alias written there.
    func entity(at p: Int, limit: Int) -> (Int, String)? {
        if let list = mentionsAt[p], let m = list.first(where: { $0.end <= limit }) { return (m.end, m.name) }
        for (us, name) in names where p + us.count <= limit {
            var ok = true
            for k in 0..<us.count where s[p + k] != us[k] { ok = false; break }
            if ok { return (p + us.count, name) }
        }
        return nil
    }

    func lettersBetween(_ a: Int, _ b: Int) -> Int {
        var count = 0
        var i = a
        while i < b {
            if Vocabulary.isLetter(s[i]) { count += 1 }
            i += 1
        }
        return count
    }

    // MARK: Indicator phrases

    /// Keeps what follows the last frame (…等领域, …方面, …以来) when at least two letters follow it.
    func cutAtFrame(_ phrase: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var cut = 0
        for f in Vocabulary.frameEnds {
            guard f.count <= phrase.count else { continue }
            var i = phrase.count - f.count
            while i >= 0 {
                var same = true
                for k in 0..<f.count where phrase[i + k] != f[k] { same = false; break }
                if same {
                    let end = i + f.count
                    if end > cut && Vocabulary.letterCount(phrase[end...]) >= 2 { cut = end }
                    break
                }
                i -= 1
            }
        }
        return Array(phrase[cut...])
    }

    /// Strips leading non-letters, adverbs, existential verbs and determiners.
    func stripLeadingModifiers(_ phrase: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var p = 0
        var changed = true
        while changed && p < phrase.count {
            changed = false
            while p < phrase.count && !Vocabulary.isLetter(phrase[p]) { p += 1; changed = true }
            if let length = Vocabulary.matchWord(Vocabulary.leadingModifiers, phrase, p, phrase.count) {
                p += length; changed = true
            }
        }
        return Array(phrase[p...])
    }

    /// Letters only (Han, digits, Latin), without the aspect particle 了.
    func normalized(_ phrase: some Collection<Unicode.Scalar>) -> [Unicode.Scalar] {
        let a = Array(phrase)
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(a.count)
        for (i, c) in a.enumerated() where Vocabulary.isLetter(c) {
            if c == "了" {
                let next = i + 1 < a.count ? a[i + 1] : " "
                let previous = i > 0 ? a[i - 1] : " "
                if next != "解" && next != "结" && previous != "为" && previous != "除" { continue }
            }
            out.append(c)
        }
        return out
    }

    /// Removes trailing copulas and amount verbs; returns the bound they imply, if any.
    func stripTail(_ phrase: [Unicode.Scalar]) -> ([Unicode.Scalar], String?) {
        var p = phrase
        var bound: String?
        var changed = true
        while changed {
            changed = false
            for (word, b) in Vocabulary.trailingWords {
                let w = Array(word.unicodeScalars)
                if p.count > w.count + 1 && Array(p[(p.count - w.count)...]) == w {
                    // 将突破, 预计达: a target keeps its verb, so it is not compared with a result.
                    let rest = Array(p[..<(p.count - w.count)])
                    if Vocabulary.projectionMarkers.contains(where: { rest.count >= $0.count && Array(rest.suffix($0.count)) == $0 }) {
                        if let b, bound == nil { bound = b }
                        return (p, bound)
                    }
                    p.removeLast(w.count)
                    if let b, bound == nil { bound = b }
                    changed = true
                    break
                }
            }
        }
        return (p, bound)
    }

    /// The counted noun right after a quantity (300多家[物联网相关企业]), up to a separator or a
    /// function word, at most 10 letters; empty when the quantity ends its clause.
    func attributiveNoun(after end: Int) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        var i = end
        while i < s.count, out.count < 10 {
            let c = s[i]
            if Vocabulary.attributiveStops.contains(c) { break }
            if Vocabulary.isLetter(c) {
                out.append(c)
            } else if !Vocabulary.quotesAndBrackets.contains(c) {
                break
            }
            i += 1
        }
        return out
    }
}

/// The subject found at the head of a clause.
enum Subject: Equatable {
    case none
    case entity(String)
    /// Two different places or organizations lead the clause (川渝两地).
    case ambiguous
}

/// Word lists and character classes of the claim extractor.
enum Vocabulary {
    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        return CharClass.isCJK(v) || CharClass.isDigit(v) || CharClass.isLatinLetter(v)
    }

    static func letterCount(_ a: some Collection<Unicode.Scalar>) -> Int {
        var n = 0
        for c in a where isLetter(c) { n += 1 }
        return n
    }

    static let chineseNumerals: Set<Unicode.Scalar> = Set("零〇一二两三四五六七八九十百千万亿萬億兩".unicodeScalars)
    static let clauseSeparators: Set<Unicode.Scalar> = Set("，；;：﹐﹔".unicodeScalars)
    static let closingQuotes: Set<Unicode.Scalar> = Set("”」』’\"'）)】".unicodeScalars)
    static let openingQuotes: Set<Unicode.Scalar> = Set("“「『‘\"".unicodeScalars)
    static let quotesAndBrackets: Set<Unicode.Scalar> = Set("“”「」『』‘’\"'《》〈〉()（）【】[]".unicodeScalars)
    static let timeUnitsAfter: Set<Unicode.Scalar> = Set("月年天日周".unicodeScalars)
    /// Units that are not figures to compare: ordinals (十九届) and sizes (8英寸).
    static let excludedUnits: Set<String> = ["届", "英寸", "纳米", "微米", "毫米", "厘米"]
    /// Before a number followed by its noun: an enumeration (…等) is not a verb phrase.
    static let enumerationEnds: [[Unicode.Scalar]] = [Array("等".unicodeScalars), Array("等等".unicodeScalars)]

    /// Stop the counted noun after a number.
    static let attributiveStops: Set<Unicode.Scalar> = Set("的为在将与和及并是等也都均从对向被把让使由以达共，,。；;：:、！？!?\n".unicodeScalars)

    /// Time words that lead a clause.
    static let leadingTimeWords: [[Unicode.Scalar]] = sorted([
        "截至目前", "截止目前", "截至记者发稿时", "到目前为止", "目前为止", "迄今为止", "迄今", "至今", "目前", "当前",
        "现阶段", "今年以来", "今年", "去年", "本年", "当年", "近年来", "近年", "近期", "近日", "日前", "此前", "此后",
        "此外", "另外", "同时", "其中", "至此", "如今", "现在", "一年来", "多年来", "全年", "上半年", "下半年", "年内",
    ])
    /// After a written date: 11月底, 2019年以来.
    static let dateSuffixes: [[Unicode.Scalar]] = sorted(["底", "初", "末", "中", "以来", "前", "后", "上旬", "中旬", "下旬"])
    /// Prepositions stripped only before a time mention (截至11月底).
    static let timePrepositions: [[Unicode.Scalar]] = sorted(["截至", "截止", "到", "自", "从", "于", "在"])

    /// Adverbs, existential verbs and determiners that lead an indicator.
    static let leadingModifiers: [[Unicode.Scalar]] = sorted([
        "已经", "已", "累计", "共计", "总计", "合计", "一共", "总共", "共同", "共", "先后", "陆续", "相继", "还", "也",
        "均", "都", "又", "再", "仍", "现已", "成功", "拥有", "共有", "现有", "有", "这些", "此次", "本次", "这次",
        "其", "该", "分别", "正在", "目前已", "且", "并且", "并", "而", "而且", "包括", "其中包括",
    ])
    /// A single-letter modifier is not stripped when it starts one of these words.
    static let modifierExceptions: [Unicode.Scalar: Set<Unicode.Scalar>] = [
        "有": Set("机色线限效关益力名序偿形利望".unicodeScalars),
        "共": Set("享建性识产青赢生振鸣".unicodeScalars),
        "还": Set("原款".unicodeScalars),
        "也": Set("许".unicodeScalars),
        "都": Set("市会".unicodeScalars),
        "均": Set("衡值价".unicodeScalars),
        "再": Set("生造".unicodeScalars),
        "又": Set("称".unicodeScalars),
        "仍": Set("然".unicodeScalars),
        "其": Set("他它余实次中".unicodeScalars),
        "该": Set("".unicodeScalars),
        "已": Set("知".unicodeScalars),
        "并": Set("购".unicodeScalars),
        "而": Set("".unicodeScalars),
    ]

    /// Words before an amount verb that make the figure a target or forecast.
    static let projectionMarkers: [[Unicode.Scalar]] = sorted(["将", "预计", "有望", "计划", "力争", "预期", "可"])
    /// After an entity: the entity is part of an enumeration, not the subject.
    static let conjunctions: [[Unicode.Scalar]] = sorted(["等", "、", "和", "与", "及", "以及", "同", "或", "跟"])
    /// 等 followed by these is a word (等级, 等待), not the end of an enumeration.
    static let notEnumerationAfter: Set<Unicode.Scalar> = Set("级待同于候".unicodeScalars)

    /// Frames after which the indicator starts (在大数据、智能制造等领域[成功转化科研成果]).
    static let frameEnds: [[Unicode.Scalar]] = sorted(["领域", "方面", "以来", "期间", "之际", "当中", "之中", "范围内", "基础上", "过程中", "背景下"])

    /// Trailing words removed from a predicative indicator, with the bound they imply.
    static let trailingWords: [(String, String?)] = [
        ("达到", nil), ("达", nil), ("为", nil), ("是", nil), ("约", "approximate"), ("大约", "approximate"),
        ("共计", nil), ("总计", nil), ("合计", nil), ("累计", nil), ("共", nil), ("有", nil), ("增至", nil),
        ("增加到", nil), ("增长到", nil), ("提高到", nil), ("提升到", nil), ("上升到", nil), ("升至", nil),
        ("已经", nil), ("已", nil), ("均", nil), ("都", nil), ("也", nil), ("还", nil), ("分别", nil),
        ("超过", "lower"), ("突破", "lower"), ("超", "lower"), ("逾", "lower"), ("多于", "lower"), ("高于", "lower"),
        ("近", "upper"), ("接近", "upper"), ("不到", "upper"), ("不足", "upper"),
    ].sorted { $0.0.unicodeScalars.count > $1.0.unicodeScalars.count }

    /// Indicators too vague to compare.
    static let generic: Set<String> = [
        "其中", "数量", "总数", "总量", "总计", "合计", "共计", "累计", "总额", "金额", "数目", "人数", "个数", "一共",
        "共有", "达到", "包括", "涵盖", "涉及", "其他", "另有", "以及", "分别", "占比", "比例", "比重", "同比",
        "增长", "下降", "提升", "提高", "增加", "减少", "同比增长", "同比下降", "超过", "突破", "规模", "总规模",
    ]

    static func sorted(_ words: [String]) -> [[Unicode.Scalar]] {
        words.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
    }

    /// Length of the longest word of `list` at `p` (ending at or before `limit`).
    static func match(_ list: [[Unicode.Scalar]], _ s: [Unicode.Scalar], _ p: Int, _ limit: Int) -> Int? {
        for w in list where p + w.count <= limit {
            var ok = true
            for k in 0..<w.count where s[p + k] != w[k] { ok = false; break }
            if ok { return w.count }
        }
        return nil
    }

    /// Like `match`, but a one-letter word is not matched when it starts a word of
    /// `modifierExceptions` (有机, 共享) or when nothing would follow it.
    static func matchWord(_ list: [[Unicode.Scalar]], _ s: [Unicode.Scalar], _ p: Int, _ limit: Int) -> Int? {
        for w in list where p + w.count < limit {
            var ok = true
            for k in 0..<w.count where s[p + k] != w[k] { ok = false; break }
            guard ok else { continue }
            if w.count == 1, let exceptions = modifierExceptions[w[0]], exceptions.contains(s[p + 1]) { continue }
            return w.count
        }
        return nil
    }
}
