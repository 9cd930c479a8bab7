import ChineseText
import Foundation

/// Chinese and Arabic number normalisation for news text.
///
/// - "296亿" → 2.96e10, "5000萬" → 5e7 (traditional 萬/億 accepted), "1.5万" → 15000
/// - "十四" → 14, "一千零五十" → 1050, "两千" → 2000, "壹佰" → 100, "30w" → 300000, "10k" → 10000
/// - "233,333" → 233333 (ASCII / full-width thousands separators)
/// - "逾千亿" → 1e11 with qualifier `.lowerBound` ("逾/超过/超/至少/以上/高于/多于")
/// - "近百亿" / "不到10万" → `.upperBound`; "约3亿" / "10亿左右" → `.approximate`
/// - "800余" / "3000多" → 800 with qualifier `.approximate` (JioNLP reads these as 800..900)
/// - "几十万" / "数十亿" → the lower bound with `.approximate`
///
/// `parse` returns only the value; `parseDetailed` also returns the qualifier and, for
/// approximate amounts, the JioNLP-style upper bound.
public enum ChineseNumber {
    public enum Qualifier: String, Sendable, Equatable, Codable {
        case exact, approximate, lowerBound, upperBound
    }

    public struct Value: Sendable, Equatable, Codable {
        public var value: Double
        public var qualifier: Qualifier
        /// Upper end for "800余" (→ 900), "几十万" (→ 1e6), ranges "3-5万" (→ 5e4).
        public var upperValue: Double?
    }

    /// Numeric value of a Chinese / Arabic number expression, nil if it is not a number.
    public static func parse(_ text: String) -> Double? { parseDetailed(text)?.value }

    /// Value plus qualifier; nil if the text is not a number.
    public static func parseDetailed(_ text: String) -> Value? {
        if let v = plainInteger(text) ?? singleNumeral(text) ?? plainDecimal(text) {
            return Value(value: v, qualifier: .exact, upperValue: nil)
        }
        return parseGeneral(text)
    }

    /// `parseDetailed` without its fast paths.
    static func parseGeneral(_ text: String) -> Value? {
        var s = FoundationWhitespace.trimmingWhitespaceAndNewlines(text)
        guard !s.isEmpty else { return nil }
        // A bare number must not carry a currency; strip a trailing "元" only if the caller passed money.
        s = MoneyCore.normalizeTraditional(s)
        // Reject strings that contain no digit-like character at all.
        let digitish = s.unicodeScalars.contains { decimalDigitValue($0) != nil || "零〇一二两三四五六七八九十百千万亿兆壹贰叁肆伍陆柒捌玖拾佰仟俩仨".unicodeScalars.contains($0) }
        guard digitish else { return nil }
        guard let r = try? MoneyCore.parse(s) else { return nil }
        guard let v = Double(r.num) else { return nil }
        let q: Qualifier
        switch r.definition {
        case "blur+": q = .lowerBound
        case "blur-": q = .upperBound
        case "blur": q = .approximate
        default: q = .exact
        }
        return Value(value: v, qualifier: q, upperValue: r.numEnd.flatMap(Double.init))
    }

    /// The value of 1 to 15 ASCII digits, else nil.
    ///
    /// For such text `parseDetailed` takes this path through `MoneyCore.parse`: nothing to trim
    /// or simplify, no sequence, span, modifier, currency or 多/余/几/数, so `parseSingle` reads it
    /// with `pyFloat` (an integer below 2^53: exact) and formats it with two decimals, which
    /// `Double(_:)` reads back as the same integer; the definition is "accurate" and there is no
    /// upper end. So the value is the integer, exact.
    static func plainInteger(_ text: String) -> Double? {
        var v = 0
        var n = 0
        for b in text.utf8 {
            guard b >= 0x30 && b <= 0x39, n < 15 else { return nil }
            v = v * 10 + Int(b - 0x30)
            n += 1
        }
        return n > 0 ? Double(v) : nil
    }

    /// The value of one numeral scalar that is a whole number on its own (二 → 2, 十 → 10,
    /// 〇 → 0), else nil.
    ///
    /// Along the general path a numeral meets nothing to trim or simplify (兩 becomes 两), no
    /// sequence or span, no modifier, currency or 多/余/几/数, and `numberValue` reads it with
    /// `util1`: `computePlusMulti` (its value, or its multiplier after the 一 that `util1` puts
    /// before 十 百 千), formatted with two decimals and read back. The definition is
    /// "accurate" and there is no upper end, so the value is exact. A test compares every
    /// entry with `parseGeneral`.
    static func singleNumeral(_ text: String) -> Double? {
        var it = text.unicodeScalars.makeIterator()
        guard let c = it.next(), it.next() == nil else { return nil }
        return singleNumerals[c.value]
    }

    static let singleNumerals: [UInt32: Double] = {
        var d: [UInt32: Double] = [:]
        for (c, v) in zip("零〇一二两兩三四五六七八九十百千".unicodeScalars, [0, 0, 1, 2, 2, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100, 1000] as [Double]) {
            d[c.value] = v
        }
        return d
    }()

    /// The value of `<ASCII digits>.<ASCII digits>` (at most 15 digits in all), rounded to two
    /// decimals as `MoneyCore.fmt` writes it, else nil.
    ///
    /// Along the general path such text meets nothing to trim or simplify, no sequence or
    /// span (`.` is neither), no punctuation, modifier, currency or 多/余/几/数; `numberValue`
    /// takes it by `pattern1` and `pyFloat` (the same `Double` as `Double(text)`), `parseSingle`
    /// formats it with `fmt`, and `parseDetailed` reads that back; the definition is
    /// "accurate" with no upper end. A test compares it with `parseGeneral`.
    static func plainDecimal(_ text: String) -> Double? {
        var before = 0, after = -1
        for b in text.utf8 {
            if b == 0x2E {
                guard after < 0, before > 0 else { return nil }
                after = 0
            } else if b >= 0x30 && b <= 0x39 {
                if after >= 0 { after += 1 } else { before += 1 }
            } else {
                return nil
            }
        }
        guard after > 0, before + after <= 15, let v = Double(text) else { return nil }
        return Double(MoneyCore.fmt(v))
    }

    /// Integer value of a simple Chinese numeral such as a month or day ("十二" → 12, "廿一" → 21, "09" → 9).
    public static func parseInt(_ text: String) -> Int? {
        let s = text.jRep("廿", "二十").jRep("卅", "三十")
        guard let v = try? MoneyCore.numberValue(MoneyCore.normalizeTraditional(s)) else { return nil }
        guard v.rounded() == v else { return nil }
        return Int(v)
    }
}
