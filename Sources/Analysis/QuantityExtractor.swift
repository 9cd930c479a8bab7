import ChineseText
import Foundation

/// A number the text states, with what it counts.
public struct Quantity: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        /// An amount of money, `value` in units of `unit` (元, 美元, 港元 …): 296亿元 → 29600000000 元.
        case money
        /// A count with its classifier or unit: 11所, 800余名, 15万台, 70个.
        case count
        /// A percentage: 70.2%, 30%以上.
        case percent
        /// Percentage points: 提高2个百分点.
        case percentagePoint = "percentage_point"
        /// A rank or ordinal: 第77位, 第二批.
        case rank
        /// A multiple: 增长3倍.
        case multiple
    }

    /// How the stated value relates to the true one.
    public enum Bound: String, Sendable, Codable {
        case exact
        /// 逾千亿, 超100亿, 30%以上: at least `value`.
        case lower
        /// 近百亿, 不到10万: at most `value`.
        case upper
        /// 约296亿, 800余名, 5年左右.
        case approximate
    }

    public var text: String
    public var kind: Kind
    public var value: Double
    public var unit: String
    public var bound: Bound
    /// Unicode-scalar offsets into the text.
    public var start: Int
    public var end: Int

    /// True unless the value is exact.
    public var approximate: Bool { bound != .exact }

    enum CodingKeys: String, CodingKey { case text, kind, value, unit, approximate, bound, start, end }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        text = try c.decode(String.self, forKey: .text)
        kind = try c.decode(Kind.self, forKey: .kind)
        value = try c.decode(Double.self, forKey: .value)
        unit = try c.decode(String.self, forKey: .unit)
        bound = try c.decodeIfPresent(Bound.self, forKey: .bound) ?? .exact
        start = try c.decode(Int.self, forKey: .start)
        end = try c.decode(Int.self, forKey: .end)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encode(kind, forKey: .kind)
        try c.encode(value, forKey: .value)
        try c.encode(unit, forKey: .unit)
        try c.encode(approximate, forKey: .approximate)
        try c.encode(bound, forKey: .bound)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
    }

    public init(text: String, kind: Kind, value: Double, unit: String, bound: Bound, start: Int, end: Int) {
        self.text = text
        self.kind = kind
        self.value = value
        self.unit = unit
        self.bound = bound
        self.start = start
        self.end = end
    }
}

/// Finds money, counts, percentages, ranks and multiples in text.
///
/// Money comes from `MoneyExtractor` (JioNLP semantics). Other numbers need a unit after them
/// (a classifier such as 所 家 名 项 个, a measure such as 平方米 吨 兆瓦, %, 个百分点, 倍) or 第
/// before them: bare numbers (years, codes, phone numbers) are not quantities, and numbers
/// followed by 年 月 日 时 are times. Qualifiers before (逾 超过 近 约 不到) or after (余 多 左右
/// 以上 以下) set the bound. The single numeral 一 is not counted (一批, 一系列 are articles,
/// not counts).
public enum QuantityExtractor {
    public static func extract(_ text: String) -> [Quantity] { extractWithMoney(text).quantities }

    /// `extract(_:)` and the money search it made, which `EventExtractor` can reuse for the
    /// sentences of the same text. `scalars`, when given, are `ScalarArray.of(text)`.
    public static func extractWithMoney(_ text: String, scalars given: [Unicode.Scalar]? = nil) -> (quantities: [Quantity], money: MoneyScan) {
        let scalars = given ?? ScalarArray.of(text)
        let scan = MoneyExtractor.scan(text, scalars: scalars)
        var result = quantities(scan.mentions)
        var covered = [Bool](repeating: false, count: scalars.count + 1)
        for m in result {
            for k in max(0, m.start)..<min(scalars.count, m.end) { covered[k] = true }
        }

        var i = 0
        let n = scalars.count
        // Read once: the loop would otherwise check each static's initialisation per scalar.
        let numberStarts = Self.numberStarts, numberChars = Self.numberChars
        while i < n {
            guard !covered[i], numberStarts.contains(scalars[i].value) else { i += 1; continue }
            // The number itself.
            var e = i
            while e < n && !covered[e] && (numberChars.contains(scalars[e].value) || (isSeparator(scalars[e]) && e + 1 < n && isDigit(scalars[e + 1]) && e > i && isDigit(scalars[e - 1]))) {
                e += 1
            }
            let numberEnd = e
            // Not a count: part of a longer Latin/number token (5G, L3), or a lone 一 (the only
            // text of number scalars equal to "一").
            if i > 0 && isASCIIAlnum(scalars[i - 1]) || numberEnd < n && isASCIILetter(scalars[numberEnd]) || (numberEnd - i == 1 && scalars[i] == "一") {
                i = numberEnd
                continue
            }
            var bound = Quantity.Bound.exact
            // 余 / 多 / 几 after the number.
            if e < n && (scalars[e] == "余" || scalars[e] == "多" || scalars[e] == "几") { bound = .approximate; e += 1 }
            var kind: Quantity.Kind = .count
            var unit = ""
            if e < n && (scalars[e] == "%" || scalars[e] == "％") {
                kind = .percent; unit = "%"; e += 1
            } else if let m = percentagePointUnits.match(scalars, at: e) {
                kind = .percentagePoint; unit = m.text; e += m.count
            } else if e < n && scalars[e] == "倍" {
                kind = .multiple; unit = "倍"; e += 1
            } else if let m = measureUnits.match(scalars, at: e) {
                unit = m.text; e += m.count
            } else if e < n, classifierScalars.contains(scalars[e].value) {
                unit = String(scalars[e]); e += 1
            } else {
                i = numberEnd
                continue
            }
            var start = i
            // 第 before the number: a rank.
            if start > 0 && scalars[start - 1] == "第" {
                kind = .rank
                start -= 1
            }
            // Qualifiers before the number.
            if let q = prefixQualifiers.match(scalars, endingAt: start) {
                bound = q.value
                start -= q.count
            }
            // Qualifiers after the unit.
            if let q = suffixQualifiers.match(scalars, at: e) {
                bound = q.value
                e += q.count
            }
            guard let parsed = ChineseNumber.parseDetailed(ScalarString.make(scalars, i, numberEnd)) else { i = numberEnd; continue }
            if bound == .exact {
                switch parsed.qualifier {
                case .lowerBound: bound = .lower
                case .upperBound: bound = .upper
                case .approximate: bound = .approximate
                case .exact: break
                }
            }
            let t = ScalarString.make(scalars, start, e)
            result.append(Quantity(text: t, kind: kind, value: parsed.value, unit: unit, bound: bound, start: start, end: e))
            i = e
        }
        return (result.sorted { $0.start < $1.start }, scan)
    }

    /// The amounts of money of `text` only, ordered by start: the `.money` quantities of
    /// `extract(_:)`, in the same order, without looking for counts.
    public static func money(_ text: String) -> [Quantity] {
        moneyInTextOrder(text).sorted { $0.start < $1.start }
    }

    /// `money(sentence)` for the sentence `text[s..<e]`: given the money search of `text`
    /// (`extractWithMoney`), it is reused for the runs where it provably finds the same
    /// (`MoneySentences`).
    static func money(inSentence sentence: String, scan: MoneyScan?, from s: Int, to e: Int) -> [Quantity] {
        guard let scan else { return money(sentence) }
        return quantities(MoneySentences.mentions(sentence, in: scan, from: s, to: e)).sorted { $0.start < $1.start }
    }

    /// Money quantities in the order `MoneyExtractor` finds them.
    static func moneyInTextOrder(_ text: String) -> [Quantity] {
        quantities(MoneyExtractor.extract(text))
    }

    /// The quantities of money mentions, in their order.
    static func quantities(_ mentions: [MoneyMention]) -> [Quantity] {
        var result: [Quantity] = []
        for m in mentions {
            guard let p = m.parse ?? MoneyParser.parse(m.text), let v = Double(p.num) else { continue }
            let bound: Quantity.Bound
            switch p.definition {
            case "blur+": bound = .lower
            case "blur-": bound = .upper
            case "blur": bound = .approximate
            default: bound = p.numEnd == nil ? .exact : .approximate
            }
            result.append(Quantity(text: m.text, kind: .money, value: v, unit: p.currency, bound: bound, start: m.start, end: m.end))
        }
        return result
    }

    // MARK: Vocabulary

    static let classifiers: Set<Unicode.Scalar> = Set("所家个名项位人台款条批次座架辆亩种只件套篇部场届支颗枚处栋间张块份例户吨".unicodeScalars)
    static let classifierScalars = RxAlphabet(Set(classifiers.map(\.value)))!
    /// Multi-character units, longest first.
    static let measureUnits = ScalarWordList([
        "平方公里", "平方千米", "平方米", "立方米", "万千瓦", "千瓦时", "千瓦", "兆瓦", "吉瓦", "公里", "千米", "公斤", "千克",
        "万人次", "人次", "余人", "英寸", "纳米", "微米", "毫米", "厘米", "GB", "TB", "PB", "MW", "GW", "kW", "km",
    ].sorted { $0.unicodeScalars.count > $1.unicodeScalars.count }.map { ($0, ()) })
    static let percentagePointUnits = ScalarWordList([("个百分点", ()), ("百分点", ())])
    /// Qualifiers before a number, looked up in this order.
    static let prefixQualifiers = ScalarWordList<Quantity.Bound>([
        ("超过", .lower), ("超出", .lower), ("高于", .lower), ("多于", .lower), ("至少", .lower), ("逾", .lower), ("超", .lower),
        ("不到", .upper), ("不足", .upper), ("将近", .upper), ("接近", .upper), ("近", .upper),
        ("大约", .approximate), ("约", .approximate),
    ])
    /// Qualifiers after the unit (all two scalars and distinct, so at most one matches at a
    /// position and their order does not matter).
    static let suffixQualifiers = ScalarWordList<Quantity.Bound>([("以上", .lower), ("以下", .upper), ("左右", .approximate), ("上下", .approximate)])

    // MARK: Characters

    static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) || ("０"..."９").contains(c) }
    static func isASCIILetter(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
    static func isASCIIAlnum(_ c: Unicode.Scalar) -> Bool { isDigit(c) || isASCIILetter(c) }
    static func isSeparator(_ c: Unicode.Scalar) -> Bool { c == "." || c == "," || c == "．" }
    static let chineseNumerals: Set<Unicode.Scalar> = Set("零〇一二两三四五六七八九十百千万亿萬億兩".unicodeScalars)
    static func isNumberStart(_ c: Unicode.Scalar) -> Bool { isDigit(c) || (isChineseNumeral(c) && c != "万" && c != "亿" && c != "萬" && c != "億") }
    static func isNumberChar(_ c: Unicode.Scalar) -> Bool { isDigit(c) || isChineseNumeral(c) }
    /// `isNumberStart` and `isNumberChar` as bitmaps (all such scalars are in the BMP; a test
    /// compares them over every scalar).
    static let numberChars = RxAlphabet(Set(Array(0x30...0x39) + Array(0xFF10...0xFF19) + chineseNumerals.map(\.value)))!
    static let numberStarts = RxAlphabet(Set(Array(0x30...0x39) + Array(0xFF10...0xFF19) + chineseNumerals.map(\.value))
        .subtracting("万亿萬億".unicodeScalars.map(\.value)))!

    /// `chineseNumerals.contains(c)` without hashing: a switch over the same scalars (checked
    /// against the set by a test).
    @inline(__always) static func isChineseNumeral(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x96F6, 0x3007, 0x4E00, 0x4E8C, 0x4E24, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D,
             0x5341, 0x767E, 0x5343, 0x4E07, 0x4EBF, 0x842C, 0x5104, 0x5169:
            return true
        default:
            return false
        }
    }
}
