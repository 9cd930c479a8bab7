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
        if let v = plainInteger(text) { return Value(value: v, qualifier: .exact, upperValue: nil) }
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

    /// Integer value of a simple Chinese numeral such as a month or day ("十二" → 12, "廿一" → 21, "09" → 9).
    public static func parseInt(_ text: String) -> Int? {
        let s = text.jRep("廿", "二十").jRep("卅", "三十")
        guard let v = try? MoneyCore.numberValue(MoneyCore.normalizeTraditional(s)) else { return nil }
        guard v.rounded() == v else { return nil }
        return Int(v)
    }
}
