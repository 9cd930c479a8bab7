import ChineseText
import Foundation

/// An entity mention handed to the event extractor (from the entity recognizer).
public struct EntityRef: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable { case person, place, organization }
    /// The canonical name (北京大学 for a mention 北大).
    public var name: String
    public var kind: Kind
    /// Unicode-scalar offsets of this mention in the text.
    public var start: Int
    public var end: Int

    public init(name: String, kind: Kind, start: Int, end: Int) {
        self.name = name
        self.kind = kind
        self.start = start
        self.end = end
    }
}

/// A typed event found in one sentence.
public struct Event: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case cooperation, approval, establishment, policy, investment, project, launch, meeting, appointment, ranking, achievement
    }

    public var type: Kind
    /// The trigger phrase as written (签署战略合作协议, 批复, 揭牌 …).
    public var label: String
    /// The normalized date: `2020-08-18`, `2020-03`, `2020`, or with an open year `XXXX-08-18`;
    /// nil when the sentence gives none.
    public var date: String?
    /// The date as written (8月18日, 今年3月).
    public var dateText: String?
    /// Organizations, then persons, named in the sentence (canonical names).
    public var parties: [String]
    public var place: String?
    public var amount: Quantity?
    /// One line in Chinese with the date written in: 2020年8月18日，重庆市政府与北京大学签署战略合作协议。
    public var summary: String
    /// The sentence that states the event, and its Unicode-scalar offsets in the text.
    public var evidence: String
    public var start: Int
    public var end: Int

    enum CodingKeys: String, CodingKey {
        case type, label, date, dateText = "date_text", parties, place, amount, summary, evidence, start, end
    }
}

/// Finds typed events sentence by sentence: a trigger lexicon per type (签署…协议 → cooperation,
/// 批复/获批/入选 → approval, 成立/揭牌/落户/组建 → establishment, 印发/出台 → policy, 投资/出资/
/// 资助/补助 → investment, 签约项目/开工/投产 → project, 发布/上线 → launch, 召开/举行…论坛 →
/// meeting, 聘任/任命 → appointment, 排名/位列 → ranking, 填补…空白/创…纪录 → achievement), the
/// sentence's time expression normalized against the publication date (or left with an open
/// year), its organizations and people as parties, its place and its amount of money.
public struct EventExtractor: Sendable {
    let timeExtractor = TimeExtractor()

    public init() {}

    /// Events of `text`. `entities` are the recognized mentions (offsets into `text`);
    /// `published` anchors relative dates (今年3月); without it the year stays open. `money`,
    /// the money search of `text` from `QuantityExtractor.extractWithMoney`, is reused for
    /// the sentences where it provably finds the same (ignored when it is not of `text`).
    /// `scalars`, when given, are `ScalarArray.of(text)`.
    public func extract(_ text: String, entities: [EntityRef], published: Date?, times: [TimeMention]? = nil,
                        money: MoneyScan? = nil, scalars given: [Unicode.Scalar]? = nil) -> [Event] {
        let scalars = given ?? ScalarArray.of(text)
        // Time expressions of the whole text, found once (offsets into `text`).
        let allTimes = times ?? timeExtractor.extract(text, base: published)
        var events: [Event] = []
        let moneyScan = money.flatMap { $0.isScan(of: text) ? $0 : nil }
        for (s, e) in Self.sentences(scalars) {
            // Most sentences have no trigger; the gate says so without making their strings,
            // and a simple sentence's trigger is found on the scalars.
            let found: (Event.Kind, String, Int)?
            var made: String?
            switch TriggerGate.check(scalars, s, e) {
            case .noTrigger: continue
            case .simple: found = ScalarTrigger.trigger(scalars, s, e)
            case .complex:
                made = ScalarString.make(scalars, s, e)
                found = made.flatMap { Self.trigger(in: $0) }
            }
            guard let (kind, label, triggerAt) = found else { continue }
            let sentence = made ?? ScalarString.make(scalars, s, e)
            // Time: the first time expression of the sentence that is a point or span.
            let time = allTimes.first { $0.start >= s && $0.end <= e && ($0.type == "time_point" || $0.type == "time_span") }
            let date = time.flatMap { Self.normalizedDate($0) }
            // Parties: entity mentions inside the sentence, organizations first, each once.
            let inside = entities.filter { $0.start >= s && $0.end <= e }
            var parties: [String] = []
            for k in [EntityRef.Kind.organization, .person] {
                for m in inside where m.kind == k && !parties.contains(m.name) { parties.append(m.name) }
            }
            // A place that is not already part of an organization's name.
            let place = inside.first { m in
                m.kind == .place && !parties.contains { ScalarText.contains($0, m.name) ?? $0.contains(m.name) }
            }?.name
            // The quantity extractor's money search of this text, when it has just run.
            let amount = QuantityExtractor.money(inSentence: sentence, scan: moneyScan, from: s, to: e).first
                .map { q -> Quantity in var q = q; q.start += s; q.end += s; return q }
            let summary = Self.summary(sentence: sentence, triggerAt: triggerAt, time: time, date: date)
            events.append(Event(type: kind, label: label, date: date, dateText: time?.text, parties: parties,
                                place: place, amount: amount, summary: summary, evidence: sentence, start: s, end: e))
        }
        return events
    }

    // MARK: Sentences

    /// Sentence spans: split after 。！？；!? and at line breaks; quotes closing a sentence stay with it.
    static func sentences(_ s: [Unicode.Scalar]) -> [(Int, Int)] {
        var spans: [(Int, Int)] = []
        var start = 0
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == "\n" {
                if i > start { spans.append((start, i)) }
                start = i + 1
            } else if c == "。" || c == "！" || c == "？" || c == "；" || c == "!" || c == "?" {
                var e = i + 1
                while e < s.count && (s[e] == "”" || s[e] == "」" || s[e] == "’") { e += 1 }
                spans.append((start, e))
                start = e
                i = e
                continue
            }
            i += 1
        }
        if start < s.count { spans.append((start, s.count)) }
        // Trim spaces.
        return spans.compactMap { (a, b) in
            var a = a, b = b
            while a < b && ClauseMarks.isWhitespace(s[a]) { a += 1 }
            while b > a && ClauseMarks.isWhitespace(s[b - 1]) { b -= 1 }
            return b - a >= 4 ? (a, b) : nil
        }
    }

    // MARK: Triggers

    /// A trigger: the words that must all appear, in order, the type, and the label to report.
    struct Trigger {
        let parts: [String]
        let kind: Event.Kind
    }

    /// In priority order: the first trigger that matches a sentence decides its type.
    static let triggers: [Trigger] = [
        // Achievements and appointments are specific; check them first.
        Trigger(parts: ["填补", "空白"], kind: .achievement), Trigger(parts: ["创", "纪录"], kind: .achievement),
        Trigger(parts: ["打破", "垄断"], kind: .achievement), Trigger(parts: ["首次", "突破"], kind: .achievement),
        Trigger(parts: ["获聘"], kind: .appointment), Trigger(parts: ["聘任"], kind: .appointment),
        Trigger(parts: ["任命"], kind: .appointment), Trigger(parts: ["当选"], kind: .appointment),
        Trigger(parts: ["签署", "协议"], kind: .cooperation), Trigger(parts: ["签订", "协议"], kind: .cooperation),
        Trigger(parts: ["签署", "合作"], kind: .cooperation), Trigger(parts: ["签订", "合作"], kind: .cooperation),
        Trigger(parts: ["战略合作"], kind: .cooperation),
        Trigger(parts: ["集中签约"], kind: .project), Trigger(parts: ["签约落户"], kind: .project),
        Trigger(parts: ["项目", "签约"], kind: .project), Trigger(parts: ["开工"], kind: .project),
        Trigger(parts: ["投产"], kind: .project), Trigger(parts: ["竣工"], kind: .project),
        Trigger(parts: ["批复"], kind: .approval), Trigger(parts: ["获批"], kind: .approval),
        Trigger(parts: ["入选"], kind: .approval), Trigger(parts: ["批准"], kind: .approval),
        Trigger(parts: ["认定为"], kind: .approval),
        Trigger(parts: ["印发"], kind: .policy), Trigger(parts: ["出台"], kind: .policy),
        Trigger(parts: ["发布", "方案"], kind: .policy), Trigger(parts: ["发布", "意见"], kind: .policy),
        Trigger(parts: ["发布", "办法"], kind: .policy), Trigger(parts: ["发布", "政策"], kind: .policy),
        Trigger(parts: ["揭牌"], kind: .establishment), Trigger(parts: ["挂牌"], kind: .establishment),
        Trigger(parts: ["成立"], kind: .establishment), Trigger(parts: ["组建"], kind: .establishment),
        Trigger(parts: ["落户"], kind: .establishment), Trigger(parts: ["设立"], kind: .establishment),
        Trigger(parts: ["开园"], kind: .establishment),
        Trigger(parts: ["出资"], kind: .investment), Trigger(parts: ["投资"], kind: .investment),
        Trigger(parts: ["资助"], kind: .investment), Trigger(parts: ["补助"], kind: .investment),
        Trigger(parts: ["融资"], kind: .investment),
        Trigger(parts: ["召开"], kind: .meeting), Trigger(parts: ["举行", "会"], kind: .meeting),
        Trigger(parts: ["举行", "论坛"], kind: .meeting), Trigger(parts: ["座谈"], kind: .meeting),
        Trigger(parts: ["论坛", "举行"], kind: .meeting), Trigger(parts: ["大会", "举行"], kind: .meeting),
        Trigger(parts: ["会议", "举行"], kind: .meeting), Trigger(parts: ["研讨会", "举行"], kind: .meeting),
        Trigger(parts: ["仪式", "举行"], kind: .meeting),
        Trigger(parts: ["排名"], kind: .ranking), Trigger(parts: ["位列"], kind: .ranking),
        Trigger(parts: ["发布"], kind: .launch), Trigger(parts: ["上线"], kind: .launch), Trigger(parts: ["推出"], kind: .launch),
    ]

    /// The scalars of each trigger's parts, in `triggers` order.
    static let triggerScalars: [ScalarBloom] = triggers.map { ScalarBloom(scalarsOf: $0.parts.joined()) }

    /// Parts that say the sentence is not a report of an event (plans and conditionals).
    static let hedges = ["如果", "若", "是否"]
    /// Words just before a trigger that make it an intention, not an event (将设立, 计划投资).
    static let intentions = ["将", "拟", "计划", "力争", "准备", "打算"]

    /// Punctuation that ends the extension of a one-part trigger.
    static let extensionStops = "，。、；：,;:（）()“”\""
    /// Objects a one-part trigger extends over (签署战略合作协议 → 协议).
    static let extensionObjects = ["协议", "方案", "意见", "办法", "规划", "平台", "中心", "研究院", "联盟", "基地", "仪式"]

    /// The sentence's event type, the trigger phrase (from the first to the last part, at most
    /// 16 characters) and the scalar offset of the trigger.
    static func trigger(in sentence: String) -> (Event.Kind, String, Int)? {
        if hedges.contains(where: { sentence.hasPrefix($0) }) { return nil }
        // In simple text (see ScalarText) a part occurs exactly where its bytes do, so a
        // trigger with a scalar the sentence lacks is skipped and parts are found by bytes.
        let simple = ScalarText.isSimple(sentence)
        let present = simple ? ScalarBloom(scalarsOf: sentence) : ScalarBloom()
        for (k, t) in triggers.enumerated() {
            if simple && !present.containsAll(triggerScalars[k]) { continue }
            var from = sentence.startIndex
            var first: String.Index?
            var last: String.Index?
            var ok = true
            for p in t.parts {
                let found = simple ? ScalarText.range(of: p, in: sentence, from: from) : sentence.range(of: p, range: from..<sentence.endIndex)
                guard let r = found else { ok = false; break }
                if first == nil { first = r.lowerBound }
                last = r.upperBound
                from = r.upperBound
            }
            guard ok, let a = first, var b = last else { continue }
            let before = sentence[sentence.index(a, offsetBy: -min(4, sentence.distance(from: sentence.startIndex, to: a)))..<a]
            let preceding = String(before)
            if intentions.contains(where: { ScalarText.contains(preceding, $0) ?? preceding.contains($0) }) { continue }
            // Extend a one-part trigger over the object it governs (签署战略合作协议 → 协议).
            if t.parts.count == 1 {
                var extended = b
                var count = 0
                for ch in sentence[b...] {
                    if extensionStops.contains(ch) || count >= 8 { break }
                    extended = sentence.index(after: extended)
                    count += 1
                    if extensionObjects.contains(where: { sentence[..<extended].hasSuffix($0) }) {
                        b = extended
                        break
                    }
                }
            }
            var label = String(sentence[a..<b])
            if label.count > 16 { label = String(label.prefix(16)) }
            let offset = sentence.unicodeScalars.distance(from: sentence.unicodeScalars.startIndex, to: a.samePosition(in: sentence.unicodeScalars) ?? sentence.unicodeScalars.startIndex)
            return (t.kind, label, offset)
        }
        return nil
    }

    // MARK: Dates and summaries

    /// `s.trimmingCharacters(in: CharacterSet(charactersIn: "，,、 "))`. Foundation trims
    /// members of the set from both ends, unit by unit; all four are single BMP scalars, which no
    /// other scalar's code units can equal, so trimming whole scalars gives the same string.
    static func trimmed(_ s: String) -> String {
        let u = s.unicodeScalars
        func trim(_ c: Unicode.Scalar) -> Bool { c == "，" || c == "," || c == "、" || c == " " }
        var a = u.startIndex, b = u.endIndex
        while a < b && trim(u[a]) { a = u.index(after: a) }
        while b > a && trim(u[u.index(before: b)]) { b = u.index(before: b) }
        if a == u.startIndex && b == u.endIndex { return s }
        return String(u[a..<b])
    }

    /// `2020-08-18` for a day, `2020-03` for a whole month, `2020` for a whole year (the start
    /// otherwise), keeping an open year as `XXXX`.
    static func normalizedDate(_ m: TimeMention) -> String? {
        guard let p = m.parse, let t = p.time, t.count == 2 else { return nil }
        let a = t[0], b = t[1]
        guard a.count >= 10, b.count >= 10, !a.hasPrefix("-inf"), !b.hasPrefix("inf") else { return nil }
        let ay = String(a.prefix(4)), am = String(a.dropFirst(5).prefix(2)), ad = String(a.dropFirst(8).prefix(2))
        let by = String(b.prefix(4)), bm = String(b.dropFirst(5).prefix(2)), bd = String(b.dropFirst(8).prefix(2))
        if ay == by && am == bm && ad == bd { return "\(ay)-\(am)-\(ad)" }
        if ay == by && am == bm && ad == "01" { return "\(ay)-\(am)" }
        if ay == by && am == "01" && ad == "01" && bm == "12" && bd == "31" { return ay }
        // Another span (上半年, 年初, 十四五): an EDTF interval of months, or of days.
        let monthEnd = ["01": "31", "02": "28", "03": "31", "04": "30", "05": "31", "06": "30", "07": "31", "08": "31",
                        "09": "30", "10": "31", "11": "30", "12": "31"][bm]
        if ad == "01" && (bd == monthEnd || (bm == "02" && bd == "29")) { return "\(ay)-\(am)/\(by)-\(bm)" }
        return "\(ay)-\(am)-\(ad)/\(by)-\(bm)-\(bd)"
    }

    /// 2020年8月18日 / 2020年3月 / 2020年 / 8月18日 (open year) for a normalized date.
    static func written(_ date: String) -> String {
        if date.utf8.contains(0x2F) {                 // a span "a/b"
            let ends = date.split(separator: "/").map { written(String($0)) }
            return ends.count == 2 ? "\(ends[0])至\(ends[1])" : date
        }
        let parts = date.split(separator: "-").map(String.init)
        func n(_ s: String) -> String { String(Int(s) ?? 0) }
        let year = parts[0] == "XXXX" ? "" : "\(parts[0])年"
        switch parts.count {
        case 3: return "\(year)\(n(parts[1]))月\(n(parts[2]))日"
        case 2: return "\(year)\(n(parts[1]))月"
        default: return year
        }
    }

    /// The clause around the trigger with the sentence's time expression replaced by the
    /// normalized date, or the date put in front.
    static func summary(sentence: String, triggerAt: Int, time: TimeMention?, date: String?) -> String {
        let scalars = ScalarArray.of(sentence)
        // The clause: from the last comma before the trigger (unless it leaves the subject
        // behind: keep from the sentence start when the clause would be shorter than 6) to the
        // first sentence-internal stop after it.
        var s = triggerAt
        while s > 0 && !ClauseMarks.isComma(scalars[s - 1]) { s -= 1 }
        if triggerAt - s < 4 { s = 0 }
        // A clause without its subject (自2017年9月获批成立以来): take the clause before it too.
        if s > 0 && triggerAt - s < 12 {
            var p = s - 1
            while p > 0 && !ClauseMarks.isComma(scalars[p - 1]) { p -= 1 }
            s = p
        }
        var e = triggerAt
        while e < scalars.count && !ClauseMarks.isStop(scalars[e]) { e += 1 }
        var clause = ScalarString.make(scalars, s, e)
        if let time, let date {
            // A span keeps its wording with the year made explicit (今年上半年 → 2020年上半年).
            let year = String(date.prefix(4))
            let relativeYears = ["今年", "去年", "明年", "本年", "当年"]
            let written: String
            let span = date.utf8.contains(0x2F)        // "a/b"
            if span, year != "XXXX", let rel = relativeYears.first(where: { time.text.hasPrefix($0) }) {
                written = year + "年" + time.text.dropFirst(rel.count)
            } else if span {
                written = time.text
            } else {
                written = Self.written(date)
            }
            if written.isEmpty {
                // Nothing more precise to write than the text itself (近年来 with an open year).
            } else if ScalarText.contains(clause, time.text) ?? clause.contains(time.text) {
                clause = ScalarText.replacing(clause, time.text, with: written)
                    ?? clause.replacingOccurrences(of: time.text, with: written)
            } else {
                clause = written + "，" + clause
            }
        }
        clause = Self.trimmed(clause)
        return clause.hasSuffix("。") ? clause : clause + "。"
    }
}
