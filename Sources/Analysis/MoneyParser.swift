import Foundation

/// Result of `MoneyParser.parse`, shaped like JioNLP's `parse_money` detail output.
public struct MoneyParse: Sendable, Equatable, Codable {
    /// Amount with two decimals, e.g. "82225.00". For a range this is the lower bound.
    public var num: String
    /// Currency (JioNLP's `case`): "元", "美元", "港元", "欧元", "新台币", ...
    public var currency: String
    /// "accurate", "blur", "blur+" (at least / over), "blur-" (at most / under).
    public var definition: String
    /// Upper bound for ranges ("2万-4万元", "5000多美元", "几百万元"), as JioNLP's two-element `num`.
    public var numEnd: String?

    public init(num: String, currency: String, definition: String, numEnd: String? = nil) {
        self.num = num
        self.currency = currency
        self.definition = definition
        self.numEnd = numEnd
    }

    enum CodingKeys: String, CodingKey { case num, currency = "case", definition, numEnd = "num_end" }
}

/// JioNLP-compatible money normalisation (`parse_money`).
///
/// Handles Arabic numbers with thousands separators ("1,234，567.89元"), Chinese and
/// financial numerals ("贰万三千元", traditional "萬"/"億"), colloquial units
/// ("二十八块五角三分钱", "20w", "8k"), currency prefixes/suffixes ("港币三千元",
/// "新台币 25 亿元"), modifiers ("约" → blur, "至少…以上" → blur+, "不到" → blur-),
/// approximate amounts ("5000多美元" → 5000..6000, "几百万元" → 1e6..1e7) and ranges
/// ("2万-4万元", "三到五万港元", "六七亿日元").
public enum MoneyParser {
    /// Parse one money expression; nil when the text is not a money expression.
    public static func parse(_ text: String) -> MoneyParse? {
        try? MoneyCore.parse(text)
    }
}

/// Internal implementation (rules reimplemented from JioNLP's money parser, Apache-2.0).
enum MoneyCore {
    static let currencyCase = #"(块(钱)?(人民币)?|元((人民|港|日|澳|韩|(新)?台)币)?|(人民|港|日|澳|韩|(新)?台)币|圆(整)?|(美|港|澳门|日|韩|缅|马|新加坡|欧|加|新西兰|澳|澳大利亚)元|美(金|刀)|英镑|马克|法郎|卢布|泰铢)"#
    static let prefixString = #"((将)?近|只有|仅|(大)?约(莫|合)?|大概|至少(要)?|不(到|足|超过)?|逾|(高|大|多)于|(高)?达(到)?|^上|(超)?过|超|(低|小|少)于)"#
    static let suffixString = #"(以上|以下|左右|上下)"#
    static let blurString = #"((大)?约(莫|合)?|大概|左右|上下)"#
    static let minusString = #"((将)?近|不(到|足|超过)?|以下|(低|小|少)于)"#
    static let plusString = #"(至少(要)?|逾|(高|大|多)于|上|(超)?过|超|以上)"#

    static let intNum = Rx(#"\d+"#)
    static let floatNum = Rx(#"\d+(\.)?\d*"#)
    static let punc = Rx(#"[,， ]"#)
    static let bai = Rx("百|佰")
    static let qian = Rx("千|仟|k")
    static let wan = Rx("万|萬|w")
    static let yi = Rx("亿")
    static let yuanCurrency = Rx("(块钱|元|块)")
    static let yuanCurrencyNoGroup = Rx("块钱|元|块")
    static let jiaoCurrency = Rx("角|毛")
    static let currencyCasePattern = Rx(currencyCase)
    static let modifier = Rx(String(prefixString.dropLast()) + "|" + String(suffixString.dropFirst()))
    static let blurP = Rx("^" + blurString + "$")
    static let minusP = Rx("^" + minusString + "$")
    static let plusP = Rx("^" + plusString + "$")
    static let zeroSeg = Rx(#"0+\.00"#)
    static let numString = Rx(#"^[ \.多个数几百佰k千仟w万萬亿十拾兆〇O0-9零０-９一二两三四五六七八九壹弌贰弍俩叁弎仨肆伍陆柒捌玖元钱分角毛块]+$"#)
    static let pattern1 = Rx(#"^\d+(\.)?\d*$"#)
    static let pattern2 = Rx(#"^\d+(\.)?\d*[十拾百佰k千仟w万萬亿兆]{1,2}$"#)
    static let sequential = Rx("(一二|二三|两三|三四|三五|四五|五六|六七|七八|八九|壹贰|弌弍|贰叁|贰弎|弍弎|贰仨|两叁|两弎|两仨|叁肆|弎肆|仨肆|叁伍|弎伍|仨伍|肆伍|伍陆|陆柒|柒捌|捌玖)")
    static let parenContent = Rx(#"[(（][^()（）]*[)）]"#)

    static let multiNums: [Character: Double] = [
        "分": 0.01, "角": 0.1, "毛": 0.1, "十": 10, "拾": 10, "百": 100, "佰": 100,
        "千": 1000, "仟": 1000, "万": 10000, "萬": 10000, "亿": 100000000,
    ]
    static let plusNums: [Character: Double] = [
        "〇": 0, "O": 0, "零": 0, "０": 0,
        "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
        "壹": 1, "弌": 1, "贰": 2, "弍": 2, "俩": 2, "叁": 3, "弎": 3, "仨": 3, "肆": 4, "伍": 5,
        "陆": 6, "柒": 7, "捌": 8, "玖": 9,
        "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7, "8": 8, "9": 9,
        "１": 1, "２": 2, "３": 3, "４": 4, "５": 5, "６": 6, "７": 7, "８": 8, "９": 9,
    ]
    static let suffixNums: [String: Double] = [
        "百": 100, "佰": 100, "千": 1000, "仟": 1000, "k": 1000,
        "万": 10000, "萬": 10000, "w": 10000, "亿": 100000000,
        "十万": 100000, "拾万": 100000, "百万": 1000000, "佰万": 1000000,
        "仟万": 10000000, "千万": 10000000, "万万": 100000000, "萬萬": 100000000,
        "十亿": 1000000000, "拾亿": 1000000000, "百亿": 10000000000, "佰亿": 10000000000,
        "千亿": 100000000000, "仟亿": 100000000000, "万亿": 1000000000000, "萬亿": 1000000000000,
        "兆": 1000000000000,
    ]
    static let aliasRMB: Set<String> = ["块钱人民币", "块钱", "人民币", "块", "元人民币", "圆", "圆整"]
    static let aliasHK: Set<String> = ["港币", "元港币"]
    static let aliasJP: Set<String> = ["日币", "元日币"]
    static let aliasKR: Set<String> = ["韩币", "元韩币"]
    static let aliasTW: Set<String> = ["台币", "元新台币", "元台币"]
    static let aliasAUS: Set<String> = ["澳大利亚元", "澳币", "元澳币"]
    static let aliasUSA: Set<String> = ["美刀", "美金"]

    // span split patterns
    static let first1 = Rx(#"(?<=(从))([^起到至\-—~]+)(?=(起|(?<![达不])到|至(?!少)|—|－|-|~))|(?<=(从))([^起到至\-—~]+)"#)
    static let first2 = Rx(#"(.+)(?=(——|--|~~|－－))"#)
    static let first3 = Rx(#"([^起到至\-—~]+)(?=(起|(?<![达不])到|至(?!少)|－|—|-|~))"#)
    static let second0 = Rx(#"(?<=(——|--|~~|－－))(.+)"#)
    static let second1 = Rx(#"(?<=(起|(?<![达不])到|至(?!少)|\-|—|\~|－))([^起到至\-—~－]+)"#)

    /// Map traditional characters the rules do not cover to their simplified forms.
    static let traditional: [(String, String)] = [
        ("億", "亿"), ("塊", "块"), ("錢", "钱"), ("兩", "两"), ("幣", "币"), ("圓", "圆"), ("萬", "万"),
        ("貳", "贰"), ("參", "叁"), ("陸", "陆"), ("韓", "韩"), ("臺", "台"), ("歐", "欧"), ("約", "约"),
        ("餘", "余"), ("數", "数"), ("幾", "几"), ("將", "将"), ("過", "过"), ("達", "达"), ("僅", "仅"),
    ]
    static let traditionalMap = ScalarMap(traditional)

    static func normalizeTraditional(_ s: String) -> String {
        if let t = traditionalMap.apply(s) { return t }
        var t = s
        for (a, b) in traditional { t = t.jRep(a, b) }
        return t
    }

    /// `String(format: "%.2f", v)`. An integral value below 2^53 in magnitude (not -0) is
    /// exact, so its two-decimal form is its integer digits and ".00", written without
    /// Foundation's formatter (a test compares them).
    static func fmt(_ v: Double) -> String {
        if v.rounded(.towardZero) == v, abs(v) < 9_007_199_254_740_992, !(v == 0 && v.sign == .minus) {
            return String(Int64(v)) + ".00"
        }
        return String(format: "%.2f", v)
    }

    static func parse(_ text: String) throws -> MoneyParse {
        if let fast = plainYuan(text) ?? MoneyModifiedAmount.parse(text) { return fast }
        return try parseGeneral(text)
    }

    /// `parse` without its fast paths (the rules as ported from JioNLP).
    static func parseGeneral(_ text: String) throws -> MoneyParse {
        var s = normalizeTraditional(text)
        guard !s.isEmpty else { throw AnalysisError.illegal(text) }
        s = expandSequential(s)
        let (first, second) = splitSpan(s)
        guard let f = first, let sc = second else { return try parseSingle(s) }
        let f2 = try compensateFirst(f, sc)
        let a = try parseSingle(f2)
        let b = try parseSingle(sc)
        let unit = b.currency != "元" ? b.currency : (a.currency != "元" ? a.currency : "元")
        return MoneyParse(num: a.num, currency: unit, definition: "blur", numEnd: b.numEnd ?? b.num)
    }

    /// `parse` of the commonest money text, `<digits>[.<digits>][unit]元` with ASCII digits and
    /// a unit that is a key of `suffixNums` made of 十 百 千 万 亿 (296亿元, 1.5万元, 800元);
    /// nil for anything else, which takes the general path.
    ///
    /// Along that path such text meets nothing: no traditional character, numeral sequence,
    /// span mark (从 起 到 至 dashes), punctuation, parenthesis, modifier or 多/余/几/数. The
    /// only currency match is the final 元 (→ "元", removed); then `numberValue` takes the
    /// number alone with `pyFloat`, or, with a unit, `pattern2` splits it into that number times
    /// `suffixNums[unit]`. The same `Double` arithmetic and `fmt` give the same amount, and the
    /// definition stays "accurate".
    static func plainYuan(_ text: String) -> MoneyParse? {
        let u = text.unicodeScalars
        guard let last = u.last, last == "元" else { return nil }
        var number = ""
        var unit = String.UnicodeScalarView()
        var digitsAfterDot = -1
        var digits = 0
        var count = 0
        let total = u.count
        for c in u {
            count += 1
            if count == total { break }   // the final 元
            let v = c.value
            if unit.isEmpty && v >= 0x30 && v <= 0x39 {
                number.unicodeScalars.append(c)
                if digitsAfterDot >= 0 { digitsAfterDot += 1 } else { digits += 1 }
            } else if unit.isEmpty && c == "." && digits > 0 && digitsAfterDot < 0 {
                number.unicodeScalars.append(c)
                digitsAfterDot = 0
            } else if c == "十" || c == "百" || c == "千" || c == "万" || c == "亿" {
                unit.append(c)
                if unit.count > 2 { return nil }
            } else {
                return nil
            }
        }
        guard digits > 0, digitsAfterDot != 0, let n = Double(number) else { return nil }
        var value = n
        if !unit.isEmpty {
            guard let mult = suffixNums[String(unit)] else { return nil }
            value = n * mult
        }
        return MoneyParse(num: fmt(value), currency: "元", definition: "accurate")
    }

    static func expandSequential(_ s: String) -> String {
        guard let m = sequential.search(s) else { return s }
        let seq = m.text
        let token = seq.jSub(0, 1) + "到" + seq.jSub(1, 2)
        return (s as NSString).replacingCharacters(in: m.result.range, with: token)
    }

    static func splitSpan(_ s: String) -> (String?, String?) {
        let f = first1.search(s) ?? first2.search(s) ?? first3.search(s)
        let sec = second0.search(s) ?? second1.search(s)
        return (f?.text, sec?.text)
    }

    static func cleansing(_ s: String) -> String {
        var t = punc.jSub(s)
        let parens = parenContent.findAll(t).map { $0.text }
        if parens.joined().jHas("含") { t = parenContent.jSub(t) }
        return t
    }

    static func definition(_ s: String) throws -> (String, String) {
        let mods = modifier.findAll(s).map { $0.text }
        var blur = false, minus = false, plus = false
        if mods.count > 2 { throw AnalysisError.illegal(s) }
        for m in mods {
            if blurP.matches(m) { blur = true }
            if minusP.matches(m) { minus = true }
            if plusP.matches(m) { plus = true }
        }
        var d = "accurate"
        if minus { d = "blur-" } else if plus { d = "blur+" } else if blur { d = "blur" }
        return (modifier.jSub(s), d)
    }

    static func currencyOf(_ canonical: String) -> String {
        if aliasRMB.contains(canonical) { return "元" }
        if aliasHK.contains(canonical) { return "港元" }
        if aliasJP.contains(canonical) { return "日元" }
        if aliasKR.contains(canonical) { return "韩元" }
        if aliasTW.contains(canonical) { return "新台币" }
        if aliasAUS.contains(canonical) { return "澳元" }
        if aliasUSA.contains(canonical) { return "美元" }
        return canonical
    }

    static func currencyCase(_ s: String, defaultUnit: String = "元") throws -> (String, String) {
        let res = currencyCasePattern.findAll(s)
        let n = s.jScalarCount
        if res.isEmpty { return (defaultUnit, s) }
        if res.count > 2 { throw AnalysisError.illegal(s) }
        if res.count == 2 {
            if res[0].text == "元" && res[0].end == res[1].start {
                let unit = res[1].text
                var t = s.jRep("元", "", count: 1)
                t = currencyCasePattern.jSub(t)
                return (unit, t)
            }
        }
        let r = res[0]
        let unit = currencyOf(r.text)
        let hasSub = s.jHas("分") || s.jHas("角") || s.jHas("毛")
        if res.count == 1 {
            if r.end == n || r.start == 0 { return (unit, currencyCasePattern.jSub(s)) }
            if !hasSub { throw AnalysisError.illegal(s) }
            return (unit, s)
        }
        if r.start != 0 { throw AnalysisError.illegal(s) }
        if res[1].end == n { return (unit, currencyCasePattern.jSub(s)) }
        if !hasSub { throw AnalysisError.illegal(s) }
        return (unit, currencyCasePattern.jSub(s, "", count: 1))
    }

    static func accuracy(_ s: String, _ d: String) -> (String, String) {
        if s.jHas("多") { return (s.jRep("多", ""), "blur+span") }
        if s.jHas("余") { return (s.jRep("余", ""), "blur+span") }
        if s.jHas("几") || s.jHas("数") {
            let lead = s.jFirstChar == "几" || s.jFirstChar == "数"
            return (s.jRep("几", "").jRep("数", ""), lead ? "blur++span" : "blur+span")
        }
        return (s, d)
    }

    static func computePlusMulti(_ s: String) -> Double {
        var tmp: [Double] = []
        for ch in s {
            let p = plusNums[ch] ?? 0
            if p != 0 { tmp.append(p) }
            let m = multiNums[ch] ?? 1
            if !tmp.isEmpty { tmp[tmp.count - 1] *= m }
        }
        return tmp.reduce(0, +)
    }

    /// Python `re.split('(块钱|元|块)', s)` first and last pieces.
    static func yuanSplit(_ s: String) -> (String, String) {
        let parts = yuanCurrencyNoGroup.split(s)
        return (parts.first ?? s, parts.last ?? s)
    }

    static func util1(_ input: String) -> Double {
        var s = input
        if s.isEmpty { return 0 }
        if "十拾百佰千仟".contains(s.first!) { s = "一" + s }
        if yuanCurrency.matches(s) {
            let jiaoFen = yuanSplit(s).1
            if jiaoCurrency.matches(jiaoFen) {
                let fen = jiaoCurrency.split(jiaoFen).last ?? ""
                if !fen.jHas("分") && fen.jScalarCount == 1 { s += "分" }
            } else if !jiaoFen.jHas("角") && jiaoFen.jScalarCount == 1 {
                s += "角"
            }
        }
        let (yuan, jiaoFen) = yuanSplit(s)
        if let m = intNum.search(yuan), m.start == 0, m.end == yuan.jScalarCount, let v = pyInt(yuan) {
            return Double(v) + computePlusMulti(jiaoFen)
        }
        return computePlusMulti(s)
    }

    static func util2(_ input: String) throws -> Double {
        var s = input
        if s.jHas("万") || s.jHas("萬") {
            if s.hasPrefix("万") || s.hasPrefix("萬") { s = "一" + s }
            let seg = wan.split(s)
            guard seg.count == 2 else { throw AnalysisError.illegal(s) }
            return util1(seg[0]) * 10000 + util1(seg[1])
        }
        return util1(s)
    }

    static func util3(_ input: String) throws -> Double {
        var s = input
        if s.jHas("亿") {
            if s.hasPrefix("亿") { s = "一" + s }
            let seg = yi.split(s)
            guard seg.count == 2 else { throw AnalysisError.illegal(s) }
            return try util2(seg[0]) * 100000000 + util2(seg[1])
        }
        return try util2(s)
    }

    /// Numeric value of a bare number string (no currency, no modifiers).
    static func numberValue(_ s: String) throws -> Double {
        if pattern1.matches(s), let v = pyFloat(s) { return v }
        if pattern2.matches(s) {
            let charPart = floatNum.jSub(s)
            guard let mult = suffixNums[charPart] else { throw AnalysisError.illegal(s) }
            let numPart = s.jRep(charPart, "")
            guard pattern1.matches(numPart), let v = pyFloat(numPart) else { throw AnalysisError.illegal(s) }
            return v * mult
        }
        return try util3(s)
    }

    static func compensateFirst(_ first: String, _ second: String) throws -> String {
        let firstNum: Double
        if pattern1.matches(first), let v = pyFloat(first) {
            firstNum = v
        } else if pattern2.matches(first) {
            let charPart = floatNum.jSub(first)
            if suffixNums[charPart] != nil { return first }
            throw AnalysisError.illegal(first)
        } else {
            let res = currencyCasePattern.findAll(first)
            if let last = res.last, last.end == first.jScalarCount { return first }
            firstNum = try util3(first)
        }
        var sc = cleansing(second)
        (sc, _) = try definition(sc)
        (_, sc) = try currencyCase(sc)
        (sc, _) = accuracy(sc, "accurate")
        if pattern2.matches(sc) {
            let charPart = floatNum.jSub(sc)
            guard suffixNums[charPart] != nil else { throw AnalysisError.illegal(sc) }
            let numPart = sc.jRep(charPart, "")
            guard pattern1.matches(numPart), let v = pyFloat(numPart) else { throw AnalysisError.illegal(sc) }
            return firstNum < v ? first + charPart : first
        }
        for (rx, unitChar, useUtil2) in [(yi, "亿", true), (wan, "万", false), (qian, "千", false), (bai, "百", false)] {
            if rx.matches(sc) {
                let seg = rx.split(sc)
                guard seg.count == 2 else { throw AnalysisError.illegal(sc) }
                let v = useUtil2 ? try util2(seg[0]) : util1(seg[0])
                return firstNum < v ? first + unitChar : first
            }
        }
        return first
    }

    static func parseSingle(_ input: String, defaultUnit: String = "元") throws -> MoneyParse {
        var s = cleansing(input)
        var def: String
        (s, def) = try definition(s)
        let unit: String
        (unit, s) = try currencyCase(s, defaultUnit: defaultUnit)
        (s, def) = accuracy(s, def)
        guard !s.isEmpty, numString.matches(s) else { throw AnalysisError.illegal(input) }
        let value = try numberValue(s)
        let std = fmt(value)
        if def.hasSuffix("span") {
            var second: String?
            if def == "blur+span" {
                if let m = zeroSeg.search(std) {
                    let back = m.text
                    let front = std.jRep(back, "")
                    if let fi = Int(front) { second = String(fi + 1) + back }
                    else if front.isEmpty { second = "1" + back }
                }
            } else {
                second = fmt((Double(std) ?? value) * 10)
            }
            return MoneyParse(num: std, currency: unit, definition: "blur", numEnd: second)
        }
        return MoneyParse(num: std, currency: unit, definition: def)
    }
}
