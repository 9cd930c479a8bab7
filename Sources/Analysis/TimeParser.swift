import ChineseText
import Foundation

/// JioNLP-compatible time normalisation (`parse_time`), plus a few rules news analysts need.
///
/// Everything JioNLP's `parse_time` covers is handled by the same rule set (standard dates
/// "2020/05/20", "2019-03-08 07:30", Chinese dates "二〇〇八年五月", relative days/months/years
/// "下个月20号", "大前年3月4号左右", weeks, quarters, solar terms, lunar dates and festivals, hours,
/// spans "从2019年3月一号到五号", deltas "2天4小时15分", delta→span "近两月", periods "每周五下午3点").
///
/// Additional analyst rules (each only needs Foundation):
/// - `今年3月` → the whole month in the base year (time_span); `2019年10月` → that month.
/// - `8月18日`, `12月15日` → that day in the base year (time_point).
/// - `截至11月底` / `截止到2022年` → the reference point after 截至 ("end of November": 11-25..11-30, blur).
/// - `上半年` → January..June of the base year (blur); `年初` → Jan..Feb (blur); `年底` → Nov..Dec (blur).
/// - `到2022年` → from the base time to 2022-12-31 23:59:59 (time_span).
/// - `十四五` (the 14th five-year plan, also `“十四五”期间`, `十三五时期`) → 2021-01-01 .. 2025-12-31.
/// - `近年来` / `近年` / `近些年` / `近几年` → the last three calendar years up to the base time (blur).
/// - `今年以来` (X以来 where X contains the base) → from the start of X to the base time (JioNLP: open end).
/// - bare `月初` / `月中` / `月底` / `月末` → that part of the base month.
/// - Traditional characters (`週`, `號`, `點`, `時`, `個`, `後`, `農曆`, ...) are mapped to simplified first.
///
/// Open-year mode: `parse(_:base: nil)` never guesses the year. If the text settles the year the
/// result is as usual; if only the year is unknown ("8月18日") the year is returned as "XXXX"
/// ("XXXX-08-18 00:00:00"); expressions that need a reference date ("昨天") return nil.
public struct TimeParser: Sendable {
    public static let shanghai: TimeZone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600)!

    /// JioNLP's `ret_future`: prefer the future reading ("周三" → the coming Wednesday).
    public var retFuture: Bool = false
    /// JioNLP's `period_results_num`: number of instances returned for time_period.
    public var periodResultsNum: Int? = nil
    /// Whether the commonest date shapes are read by `TimeShapes` (same results, no rule
    /// engine); off only to compare the two.
    var readsShapes = true

    public init() {}

    public init(retFuture: Bool, periodResultsNum: Int?) {
        self.retFuture = retFuture
        self.periodResultsNum = periodResultsNum
    }

    /// Parse with `base` interpreted in Asia/Shanghai.
    public func parse(_ text: String, base: Date) -> TimeParse? {
        parse(text, timeBase: TimeBase(date: base))
    }

    /// Open-year mode: when base is nil and the text does not settle the year, return EDTF-like strings ("XXXX-08-18") instead of guessing.
    public func parse(_ text: String, base: Date?) -> TimeParse? {
        if let b = base { return parse(text, base: b) }
        return parseOpenYear(text, strict: false)
    }

    /// Parse against a possibly partial base (JioNLP accepts `{'year': 2021}` or `[2019, 2, 18, 7]`).
    public func parse(_ text: String, timeBase: TimeBase) -> TimeParse? {
        parse(text, handler: timeBase.handler, strict: false)
    }

    // MARK: - internals

    static let traditional: [(String, String)] = [
        ("週", "周"), ("號", "号"), ("點", "点"), ("時", "时"), ("個", "个"), ("後", "后"), ("農", "农"), ("曆", "历"),
        ("陰", "阴"), ("閏", "闰"), ("臘", "腊"), ("節", "节"), ("鐘", "钟"), ("頭", "头"), ("禮", "礼"), ("兩", "两"),
        ("歲", "岁"), ("來", "来"), ("內", "内"), ("過", "过"), ("這", "这"), ("當", "当"), ("會", "会"), ("開", "开"),
        ("間", "间"), ("際", "际"), ("夠", "够"), ("幾", "几"), ("餘", "余"), ("萬", "万"), ("億", "亿"), ("畫", "画"),
        ("劃", "划"), ("東", "东"), ("聖", "圣"), ("誕", "诞"), ("國", "国"), ("慶", "庆"), ("勞", "劳"), ("動", "动"),
        ("兒", "儿"), ("婦", "妇"), ("師", "师"), ("愛", "爱"), ("親", "亲"), ("陽", "阳"), ("曉", "晓"), ("晝", "昼"),
        ("從", "从"), ("現", "现"), ("讓", "让"), ("數", "数"), ("與", "与"), ("歷", "历"), ("屆", "届"), ("達", "达"),
    ]

    static let traditionalMap = ScalarMap(traditional)

    static func simplify(_ s: String) -> String {
        if let t = traditionalMap.apply(s) { return t }
        var t = s
        for (a, b) in traditional where t.jHas(a) { t = t.jRep(a, b) }
        return t
    }

    static let asOfPrefix = Rx("^(截至到|截止到|截至|截止|直至|迄今为止|迄今)")
    static let fiveYearPlan = Rx(#"^[“"「『]?((十[一二三四五六七八九]?)|[一二三四五六七八九])五[”"」』]?(规划|计划)?(期间|时期|期|末|初)?$"#)
    static let bareMonthPart = Rx("^(月初|月中|月底|月末)$")
    static let recentYears = Rx("^(近年来|近年|近些年(来)?|近几年(来)?|这些年(来)?|近年以来)$")

    /// Analyst rules evaluated before the JioNLP rule set; nil when none applies.
    func analystRules(_ s: String, handler: TimeHandler) -> TimeParse? {
        if let m = TimeParser.fiveYearPlan.search(s), let g = m.group(1), let k = ChineseNumber.parseInt(g), k >= 1 {
            let start: Int
            switch k {
            case 1: start = 1953
            case 2: start = 1958
            default: start = 1966 + 5 * (k - 3)
            }
            var first = String(format: "%04d-01-01 00:00:00", start)
            var last = String(format: "%04d-12-31 23:59:59", start + 4)
            if s.jHas("末") { first = String(format: "%04d-01-01 00:00:00", start + 4) }
            if s.jHas("初") { last = String(format: "%04d-12-31 23:59:59", start) }
            let blur = s.jHas("末") || s.jHas("初")
            return TimeParse(type: "time_span", definition: blur ? "blur" : "accurate", time: [first, last])
        }
        if TimeParser.recentYears.matches(s), handler[0] > 0 {
            let first = String(format: "%04d-01-01 00:00:00", handler[0] - 3)
            guard let (_, b) = try? TimeEngine(base: handler).standard(handler, handler) else { return nil }
            let end = handler.count == 6 && handler[1] > 0 && handler[2] > 0 ? TimeEngine.fmt(handler.map { max($0, 0) }) : b
            return TimeParse(type: "time_span", definition: "blur", time: [first, end])
        }
        return nil
    }

    func parse(_ text: String, handler: TimeHandler, strict: Bool, guardCompletion: Bool = false) -> TimeParse? {
        var s = TimeParser.simplify(FoundationWhitespace.trimmingWhitespaceAndNewlines(text))
        if s.isEmpty { return nil }
        if readsShapes && !retFuture, let r = TimeShapes.parse(s, handler: handler) { return r }
        if !retFuture && !TimeParseGate.mayAccept(s) { return nil }
        if let m = TimeParser.asOfPrefix.search(s), m.text.jScalarCount < s.jScalarCount { s = s.jSub(m.text.jScalarCount) }
        if let r = analystRules(s, handler: handler) { return r }
        if TimeParser.bareMonthPart.matches(s) { s = "本" + s }
        let engine = TimeEngine(base: handler, retFuture: retFuture, strict: strict, periodResultsNum: periodResultsNum)
        engine.guardCompletion = guardCompletion
        return try? engine.parse(s)
    }

    /// Open-year parse: two runs with different base years; keep what does not depend on them.
    func parseOpenYear(_ text: String, strict: Bool) -> TimeParse? {
        let y1 = 2004, y2 = 2016
        guard let a = parse(text, handler: [y1, -1, -1, -1, -1, -1], strict: strict, guardCompletion: true),
              let b = parse(text, handler: [y2, -1, -1, -1, -1, -1], strict: strict, guardCompletion: true)
        else { return nil }
        if a == b { return a }
        func merge(_ x: String, _ y: String) -> String? {
            if x == y { return x }
            guard x.jScalarCount == 19, y.jScalarCount == 19, x.jSub(4) == y.jSub(4),
                  let xi = Int(x.jSub(0, 4)), let yi = Int(y.jSub(0, 4)), yi - xi == y2 - y1 else { return nil }
            return "XXXX" + x.jSub(4)
        }
        func mergeList(_ x: [String]?, _ y: [String]?) -> [String]?? {
            guard let x = x, let y = y else { return x == nil && y == nil ? .some(nil) : nil }
            guard x.count == y.count else { return nil }
            var out: [String] = []
            for (p, q) in zip(x, y) { guard let m = merge(p, q) else { return nil }; out.append(m) }
            return .some(out)
        }
        guard a.type == b.type, a.definition == b.definition, a.delta == b.delta, a.deltaRange == b.deltaRange else { return nil }
        guard let t = mergeList(a.time, b.time) else { return nil }
        var r = a
        r.time = t
        if let pa = a.period, let pb = b.period {
            var p = pa
            if let ppa = pa.point, let ppb = pb.point {
                var point = ppa
                if let tt = mergeList(ppa.time, ppb.time) { point.time = tt } else { point.time = nil }
                if ppa.times != ppb.times { point.times = nil }
                p.point = point
            }
            r.period = p
        }
        return r
    }
}
