import ChineseText
import Foundation

typealias TimeHandler = [Int]
let PAST_H: TimeHandler = [-99]
let FUTURE_H: TimeHandler = [-98]

struct TPoint {
    var v: [Int] = [-1, -1, -1, -1, -1, -1]
    var year: Int { get { v[0] } set { v[0] = newValue } }
    var month: Int { get { v[1] } set { v[1] = newValue } }
    var day: Int { get { v[2] } set { v[2] = newValue } }
    var hour: Int { get { v[3] } set { v[3] = newValue } }
    var minute: Int { get { v[4] } set { v[4] = newValue } }
    var second: Int { get { v[5] } set { v[5] = newValue } }
    var handler: TimeHandler { v }
    init() {}
    init(_ h: TimeHandler) { for (i, x) in h.prefix(6).enumerated() { v[i] = x } }
    mutating func assign(_ h: [Int]) { for (i, x) in h.prefix(6).enumerated() { v[i] = x } }
    /// Copy fields `0..<n` (or the given indices) from a datetime.
    mutating func map(_ dt: NaiveDateTime, _ idx: [Int]) { let h = dt.handler; for i in idx { v[i] = h[i] } }
}

typealias YmdResult = (TimeHandler, TimeHandler, String, String)
typealias HmsResult = (TimeHandler, TimeHandler, String, String, (Int, Bool))

/// One parse call's state: a reimplementation of JioNLP's `TimeParser` rules (Apache-2.0).
final class TimeEngine {
    var base: TimeHandler
    let retFuture: Bool
    let strict: Bool
    let periodResultsNum: Int?
    /// Open-year mode: completion from the base must not fill anything but the year.
    var guardCompletion = false

    init(base: TimeHandler, retFuture: Bool = false, strict: Bool = false, periodResultsNum: Int? = nil) {
        self.base = base
        self.retFuture = retFuture
        self.strict = strict
        self.periodResultsNum = periodResultsNum
    }

    func fail(_ s: String) -> AnalysisError { AnalysisError.illegal(s) }

    // MARK: - utilities

    func charNum2Num(_ s: String) throws -> Double {
        if let v = TimeEngine.asciiInteger(s) { return v }
        let r = try MoneyCore.parse(s)
        if r.numEnd != nil { throw fail(s) }
        guard let v = Double(r.num) else { throw fail(s) }
        return v
    }

    func int(_ s: String) throws -> Int { Int(try charNum2Num(s)) }

    /// The value of 1–15 ASCII digits, which is what `MoneyCore.parse` makes of them (its
    /// number string, "%.2f" of the same `Double`, read back); nil for anything else.
    static func asciiInteger(_ s: String) -> Double? {
        var v = 0, n = 0
        for b in s.utf8 {
            guard b >= 0x30, b <= 0x39, n < 15 else { return nil }
            v = v * 10 + Int(b - 0x30)
            n += 1
        }
        return n > 0 ? Double(v) : nil
    }

    static func compareHandler(_ a: TimeHandler, _ b: TimeHandler) throws -> Int {
        if a.count != 6 || b.count != 6 { throw AnalysisError.illegal("compare inf") }
        for (f, s) in zip(a, b) {
            if f == -1 || s == -1 { break }
            if f == s { continue }
            return f > s ? 1 : -1
        }
        return 0
    }

    static func checkHandler(_ h: TimeHandler) -> Bool {
        if h.count != 6 { return true }
        if h.allSatisfy({ $0 == -1 }) { return false }
        var first = false, second = false
        for i in 0..<5 {
            if h[i] > -1 && h[i + 1] == -1 { first = true }
            if h[i] == -1 && h[i + 1] > -1 && first { second = true }
        }
        return !(first && second)
    }

    func completion(_ h0: TimeHandler, _ b: TimeHandler) throws -> TimeHandler {
        if h0.count != 6 { return h0 }
        var h = h0
        for i in 0..<6 {
            if h[i] > -1 { break }
            if guardCompletion && i > 0 { throw AnalysisError.insufficientBase("open year") }
            h[i] = b[i]
        }
        return h
    }

    func dt(_ h: TimeHandler) throws -> NaiveDateTime {
        // Open-year mode: a base without month/day must not be turned into a calendar date.
        if guardCompletion && h == base && (h[1] == -1 || h[2] == -1) { throw AnalysisError.insufficientBase("open year") }
        return try NaiveDateTime(handler: h)
    }

    static func monthLastDay(_ y: Int, _ m: Int) throws -> Int {
        guard (1...12).contains(m) else { throw AnalysisError.illegal("month \(m)") }
        if m == 2 { return (y >= 1 && NaiveDateTime.isLeap(y)) ? 29 : 28 }
        return NaiveDateTime.daysInMonth(2001, m)
    }

    static func fmt(_ h: TimeHandler) -> String {
        var out = pad(h[0], 4)
        out += "-"; out += pad(h[1], 2); out += "-"; out += pad(h[2], 2)
        out += " "; out += pad(h[3], 2); out += ":"; out += pad(h[4], 2); out += ":"; out += pad(h[5], 2)
        return out
    }

    /// `String(format: "%0<width>d", v)`: zero-padded to `width` characters, the sign included.
    static func pad(_ v: Int, _ width: Int) -> String {
        let digits = String(v.magnitude)
        let sign = v < 0 ? "-" : ""
        let zeros = max(0, width - sign.count - digits.count)
        return sign + String(repeating: "0", count: zeros) + digits
    }

    func standard(_ a: TimeHandler, _ b: TimeHandler) throws -> (String, String) {
        var first = "-inf", second = "inf"
        if a != PAST_H {
            guard a.count == 6 else { throw fail("handler") }
            var f: [Int] = []
            for (i, x) in a.enumerated() {
                if x > -1 { f.append(x) }
                else if x == -1 {
                    if i == 0 { throw fail("year missing") }
                    f.append(i <= 2 ? 1 : 0)
                } else { throw fail("BC") }
            }
            _ = try NaiveDateTime(f[0], f[1], f[2], f[3], f[4], f[5])
            first = TimeEngine.fmt(f)
        }
        if b != FUTURE_H {
            guard b.count == 6 else { throw fail("handler") }
            var s: [Int] = []
            for (i, x) in b.enumerated() {
                if x > -1 { s.append(x) }
                else if x == -1 {
                    switch i {
                    case 0: throw fail("year missing")
                    case 1: s.append(12)
                    case 2: s.append(try TimeEngine.monthLastDay(s[0], s[1]))
                    case 3: s.append(23)
                    default: s.append(59)
                    }
                } else { throw fail("BC") }
            }
            _ = try NaiveDateTime(s[0], s[1], s[2], s[3], s[4], s[5])
            second = TimeEngine.fmt(s)
        }
        return (first, second)
    }

    static func cutZero(_ d: [String: Double]) -> [String: Double] { d.filter { $0.value > 0 } }

    func checkBlur(_ s: String, _ d: String) -> String {
        if s.jSub(-2).jHas("左右") { return "blur" }
        if s.jSub(-1).jHas("许") { return "blur" }
        if s.jSub(-2).jHas("前后") { return "blur" }
        return d
    }

    static func computeWeekDay(_ cur0: NaiveDateTime, _ target: Int, flag: Bool) -> NaiveDateTime {
        var cur = cur0
        let delta = cur.weekday - target
        if delta == 0 { return cur }
        if delta > 0 {
            cur = flag ? cur.adding(days: Double(7 - delta)) : cur.adding(days: Double(-delta))
        } else {
            cur = cur.adding(days: Double(-delta))
        }
        return cur
    }

    static func yearCompletion(_ ys: String, _ b: TimeHandler) throws -> String {
        guard ys.jScalarCount == 2 else { return ys }
        let yb = String(b[0])
        let pre = yb.jSub(0, 2)
        if ["17", "18", "19"].contains(pre) { return pre + ys }
        if pre == "20" {
            guard let v = pyInt(ys), let bv = pyInt(yb.jSub(2)) else { throw AnalysisError.illegal(ys) }
            return (v > bv + 10 ? "19" : "20") + ys
        }
        throw AnalysisError.illegal(ys)
    }

    static func chineseYear2Arabic(_ s: String) -> String {
        let map: [Character: Character] = ["零": "0", "〇": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"]
        return String(s.map { map[$0] ?? $0 })
    }

    func normalizeYear(_ s: String, _ b: TimeHandler) throws -> Int? {
        guard let m = TimePatterns.year0.search(s), let g = m.group(1) else { return nil }
        var ys = TimeEngine.chineseYear2Arabic(g)
        if ys.jScalarCount == 2 { ys = try TimeEngine.yearCompletion(ys, b) }
        guard let v = pyInt(ys) else { throw fail(s) }
        return v
    }

    func normalizeLimitYear(_ s: String, _ b: TimeHandler) throws -> (Int, Int) {
        guard let m = TimePatterns.limitYear.search(s), let ys = m.group(1) else { return (b[0], b[0]) }
        let rules: [([String], Int)] = [(["大前"], -3), (["前一"], -1), (["前"], -2), (["去", "上"], -1),
                                        (["今", "这", "同", "当", "本"], 0), (["明", "次"], 1), (["后"], 2)]
        for (kws, off) in rules where kws.contains(where: { ys.jHas($0) }) {
            return (b[0] + off, b[0] + off)
        }
        throw fail(s)
    }

    func lunar2solar(_ h: TimeHandler, leap: Bool) throws -> (TimeHandler, TimeHandler) {
        func hh(_ t: (Int, Int, Int)) -> TimeHandler { [t.0, t.1, t.2, -1, -1, -1] }
        if h[2] == -1 {
            let f = try LunarCalendar.toSolar(h[0], h[1], 1, leap: leap)
            let s: (Int, Int, Int)
            if let x = try? LunarCalendar.toSolar(h[0], h[1], 30, leap: leap) { s = x }
            else { s = try LunarCalendar.toSolar(h[0], h[1], 29, leap: leap) }
            return (hh(f), hh(s))
        }
        do {
            let x = try LunarCalendar.toSolar(h[0], h[1], h[2], leap: leap)
            return (hh(x), hh(x))
        } catch {
            if h[1] == 12 {
                let x = try LunarCalendar.toSolar(h[0], h[1], 29, leap: leap)
                return (hh(x), hh(x))
            }
            throw error
        }
    }

    // MARK: - top level

    func parse(_ input: String, timeType: String? = nil) throws -> TimeParse {
        let s = FoundationWhitespace.trimmingWhitespaceAndNewlines(input)
        if let p = try parseTimePeriod(s) { return p }
        if let d = try parseTimeDeltaSpan(s, timeType: timeType) { return d }
        guard TimeEngine.checkHandler(base), base[0] != -1 else { throw AnalysisError.insufficientBase("time base") }
        let t = s.jRep("的", "")
        let (f, sc, type, def) = try parseTimeSpanPoint(t)
        let (a, b) = try standard(f, sc)
        return TimeParse(type: type, definition: def, time: [a, b])
    }

    // MARK: - span / point

    func compensateNumMonthNum(_ s: String) -> String { TimePatterns.numMonthNum.matches(s) ? s + "日" : s }

    func compensateString(_ whole: String, _ f0: String, _ s0: String) -> (String, String) {
        var f = f0, s = s0
        guard let comp = TimePatterns.timeSpanPointCompensation.search(whole)?.text else { return (f, s) }
        let last = f.jLastChar
        if comp.jHas("年") {
            if !"秒分点时日号月年".jHas(last) || last.isEmpty { f += "年" }
        } else if comp.jHas("月") {
            if !"秒分点时日号月".jHas(last) || last.isEmpty { f += "月" }
        } else if comp.jHas("日") || comp.jHas("号") {
            if !"秒分点时日号".jHas(last) || last.isEmpty { f += "日" }
        } else if comp.jHas("点") || comp.jHas("时") {
            if !"秒分点时".jHas(last) || last.isEmpty { f += "时" }
        }
        if let lim = TimePatterns.blurHour.search(whole)?.text, !TimePatterns.ymdMeta.matches(s) { s = lim + s }
        return (f, s)
    }

    func parseTimeSpanPoint(_ s: String) throws -> (TimeHandler, TimeHandler, String, String) {
        let (fs, ss) = parseSpan2Point(s)
        if fs != nil || ss != nil {
            let oldBase = base
            do {
                var first: TimeHandler, second: TimeHandler
                var def: String
                if var f = fs, ss == nil {
                    f = compensateNumMonthNum(f)
                    (first, _, _, def) = try parseTimePoint(f, base)
                    let c = try TimeEngine.compareHandler(first, base)
                    // "X以来" (since X) ends now even when X contains the base ("今年以来"); JioNLP keeps it open.
                    second = (c > 0 || (c == 0 && !s.hasSuffix("以来"))) ? FUTURE_H : base
                } else if var f = fs, var sc = ss {
                    f = compensateNumMonthNum(f)
                    sc = compensateNumMonthNum(sc)
                    (f, sc) = compensateString(s, f, sc)
                    (first, _, _, def) = try parseTimePoint(f, base)
                    if ["今", "至今", "现在", "今天"].contains(sc) {
                        second = base
                    } else {
                        base = checkLimitTimeBase(f, sc, first)
                        (_, second, _, def) = try parseTimePoint(sc, base)
                        if second.count == 6 && second[3] > -1 && second[4] == -1 && second[5] == -1 {
                            if "点时".jHas(s.jLastChar) && !s.isEmpty { second[4] = 0; second[5] = 0 }
                        }
                    }
                } else {
                    var sc = ss!
                    sc = compensateNumMonthNum(sc)
                    (_, second, _, def) = try parseTimePoint(sc, base)
                    let c = try TimeEngine.compareHandler(base, second)
                    first = c >= 0 ? PAST_H : base
                }
                return (first, second, "time_span", def)
            } catch {
                base = oldBase
                return try parseTimePoint(s, base)
            }
        }
        let t = compensateNumMonthNum(s)
        var r = try parseTimePoint(t, base)
        if retFuture {
            let fut = adjustUnderlyingFutureTime(t, r.0)
            r = try parseTimePoint(fut, base)
        }
        return r
    }

    func segOrNotFirst(_ s: String) -> String {
        if TimePatterns.spanSegYMtoYM.matches(s) { return s }
        var t = s
        if TimePatterns.spanNoSegYMD.matches(t) { t = t.jRep("-", "䶵") }
        if t.jHas("起") || t.jHas("至") || t.jHas("到") { t = t.jRep("-", "䶵") }
        return t
    }

    func parseSpan2Point(_ s0: String) -> (String?, String?) {
        let s = segOrNotFirst(s0)
        var firstRes: RxMatch?
        if let m = TimePatterns.first1Span.search(s) { firstRes = m }
        else if let m = TimePatterns.first2Span.search(s) { firstRes = m }
        else if let m = TimePatterns.first3Span.search(s) {
            firstRes = (s.jSub(-2) == "夏至" || s.jSub(-2) == "冬至") ? nil : m
        } else if let m = TimePatterns.first4Span.search(s), !s.jHas("前后") { firstRes = m }
        else if let m = TimePatterns.first5Span.search(s), !s.jHas("前后") { firstRes = m }
        var second: String?
        if let m = TimePatterns.second0Span.search(s) { second = m.text }
        else if let m = TimePatterns.second1Span.search(s) { second = m.text }
        else if let m = TimePatterns.second2Span.search(s) { second = m.text }
        else if !TimePatterns.second3Span.matches(s) {
            if s.jSub(-2).jHas("之前") || s.jSub(-2).jHas("以前") { second = s.jSub(0, -2) }
            else if s.jSub(-1).jHas("前") { second = s.jSub(0, -1) }
        }
        func back(_ x: String?) -> String? { x.map { $0.jRep("䶵", "-").trimmingCharacters(in: .whitespacesAndNewlines) } }
        return (back(firstRes?.text), back(second))
    }

    func checkLimitTimeBase(_ f: String, _ s: String, _ firstFull: TimeHandler) -> TimeHandler {
        let pats: [Rx] = [TimePatterns.limitYearLunarSeason, TimePatterns.limitYearMonthBlurDay, TimePatterns.limitYearSolarSeason, TimePatterns.limitSolarSeason,
                          TimePatterns.limitYearWeek, TimePatterns.limitWeek, TimePatterns.limitYearBlurMonth, TimePatterns.limitMonthBlurDay, TimePatterns.limitMonthDay,
                          TimePatterns.limitMonth, TimePatterns.limitYearSpanMonth, TimePatterns.standardWeekDay, TimePatterns.limitYearFixedSolarFestival,
                          TimePatterns.limitYearFixedLunarFestival, TimePatterns.limitYearRegularSolarFestival, TimePatterns.lunarLimitYearMonthDay,
                          TimePatterns.limitYearMonthDay, TimePatterns.limitDay]
        for p in pats where !p.find(s).isEmpty { return base }
        return firstFull
    }

    func adjustUnderlyingFutureTime(_ s: String, _ firstFull: TimeHandler) -> String {
        let pats: [Rx] = [TimePatterns.year24st, TimePatterns.yearLunarSeason, TimePatterns.yearMonthBlurDay, TimePatterns.yearSolarSeason, TimePatterns.standardWeekDay,
                          TimePatterns.blurWeek, TimePatterns.yearBlurMonth, TimePatterns.centuryYear, TimePatterns.yearSpanMonth, TimePatterns.yearOrderDeltaPoint,
                          TimePatterns.dayOrderDeltaPoint, TimePatterns.yearFixedSolarFestival, TimePatterns.yearFixedLunarFestival,
                          TimePatterns.yearRegularSolarFestival, TimePatterns.lunarLimitYearMonthDay, TimePatterns.blurYear, TimePatterns.lunarYearMonthDay,
                          TimePatterns.yearMonthDay, TimePatterns.standardYear, TimePatterns.hourMinuteSecond, TimePatterns.numHourMinuteSecond,
                          TimePatterns.hourLimitMinute, TimePatterns.blurHour]
        guard pats.contains(where: { !$0.find(s).isEmpty }) else { return s }
        guard let unit = TimePatterns.futureUnit.search(s)?.text else { return s }
        switch unit {
        case "月", "节": return "明年" + s
        case "日", "号": return "下个月" + s
        case "周", "星期", "礼拜": return "下" + s
        case "时", "点":
            if firstFull.count == 6 && firstFull[3] != -1 && base[3] != -1 {
                if firstFull[3] > base[3] { return s }
                if firstFull[3] < base[3] { return "明天" + s }
                if firstFull[4] != -1 && base[4] != -1 && firstFull[4] > base[4] { return s }
                return "明天" + s
            }
            return "明天" + s
        default: return s
        }
    }

    static let ymdTable: [(Rx, @Sendable (TimeEngine) -> (String) throws -> YmdResult)] = [
        (TimePatterns.enumDay, { e in e.normalizeEnumDay }),
        (TimePatterns.superBlurTwoYMD, { e in e.normalizeSuperBlurTwoYMD }),
        (TimePatterns.standardYMD, { e in e.normalizeStandardYMD }),
        (TimePatterns.standard2YMD, { e in e.normalizeStandard2YMD }),
        (TimePatterns.year24st, { e in e.normalizeYear24st }),
        (TimePatterns.limitYearLunarSeason, { e in e.normalizeLimitYearLunarSeason }),
        (TimePatterns.yearLunarSeason, { e in e.normalizeYearLunarSeason }),
        (TimePatterns.limitYearMonthBlurDay, { e in e.normalizeLimitYearMonthBlurDay }),
        (TimePatterns.yearMonthBlurDay, { e in e.normalizeYearMonthBlurDay }),
        (TimePatterns.limitYearSolarSeason, { e in e.normalizeLimitYearSolarSeason }),
        (TimePatterns.limitSolarSeason, { e in e.normalizeLimitSolarSeason }),
        (TimePatterns.yearSolarSeason, { e in e.normalizeYearSolarSeason }),
        (TimePatterns.limitMonthWeek, { e in e.normalizeLimitMonthWeek }),
        (TimePatterns.monthWeek, { e in e.normalizeMonthWeek }),
        (TimePatterns.yearMonthWeek, { e in e.normalizeYearMonthWeek }),
        (TimePatterns.limitYearMonthWeek, { e in e.normalizeLimitYearMonthWeek }),
        (TimePatterns.limitYearWeek, { e in e.normalizeLimitYearWeek }),
        (TimePatterns.yearWeek, { e in e.normalizeYearWeek }),
        (TimePatterns.limitWeek, { e in e.normalizeLimitWeek }),
        (TimePatterns.standardWeekDay, { e in e.normalizeStandardWeekDay }),
        (TimePatterns.blurWeek, { e in e.normalizeBlurWeek }),
        (TimePatterns.limitYearBlurMonth, { e in e.normalizeLimitYearBlurMonth }),
        (TimePatterns.limitMonthBlurDay, { e in e.normalizeLimitMonthBlurDay }),
        (TimePatterns.limitMonthLimitSpanDay, { e in e.normalizeLimitMonthLimitSpanDay }),
        (TimePatterns.limitMonthDay, { e in e.normalizeLimitMonthDay }),
        (TimePatterns.limitMonth, { e in e.normalizeLimitMonthOnly }),
        (TimePatterns.monthLimitSpanDay, { e in e.normalizeMonthLimitSpanDay }),
        (TimePatterns.yearBlurMonth, { e in e.normalizeYearBlurMonth }),
        (TimePatterns.centuryYear, { e in e.normalizeCenturyYear }),
        (TimePatterns.limitYearSpanMonth, { e in e.normalizeLimitYearSpanMonth }),
        (TimePatterns.yearSpanMonth, { e in e.normalizeYearSpanMonth }),
        (TimePatterns.yearDayOrderDeltaPoint, { e in e.normalizeYearDayOrderDeltaPoint }),
        (TimePatterns.yearOrderDeltaPoint, { e in e.normalizeYearOrderDeltaPoint }),
        (TimePatterns.dayOrderDeltaPoint, { e in e.normalizeDayOrderDeltaPoint }),
        (TimePatterns.xianzai, { e in e.normalizeXianzai }),
        (TimePatterns.weilaiDelta2Span, { e in e.normalizeWeilaiDelta2Span }),
        (TimePatterns.guoquDelta2Span, { e in e.normalizeGuoquDelta2Span }),
        (TimePatterns.guoDelta2Span, { e in e.normalizeGuoDelta2Span }),
        (TimePatterns.workdayDeltaPoint, { e in e.normalizeWorkdayDeltaPoint }),
        (TimePatterns.dayDeltaPoint, { e in e.normalizeDayDeltaPoint }),
        (TimePatterns.weekDeltaPoint, { e in e.normalizeWeekDeltaPoint }),
        (TimePatterns.monthDeltaPoint, { e in e.normalizeMonthDeltaPoint }),
        (TimePatterns.solarSeasonDeltaPoint, { e in e.normalizeSolarSeasonDeltaPoint }),
        (TimePatterns.yearDeltaPoint, { e in e.normalizeYearDeltaPoint }),
        (TimePatterns.limitYearFixedSolarFestival, { e in e.normalizeLimitYearFixedSolarFestival }),
        (TimePatterns.limitYearFixedLunarFestival, { e in e.normalizeLimitYearFixedLunarFestival }),
        (TimePatterns.yearFixedLunarFestival, { e in e.normalizeYearFixedLunarFestival }),
        (TimePatterns.limitYearRegularSolarFestival, { e in e.normalizeLimitYearRegularSolarFestival }),
        (TimePatterns.yearRegularSolarFestival, { e in e.normalizeYearRegularSolarFestival }),
        (TimePatterns.lunarLimitYearMonthDay, { e in e.normalizeLunarLimitYearMonthDay }),
        (TimePatterns.limitYearMonthDay, { e in e.normalizeLimitYearMonthDay }),
        (TimePatterns.blurYear, { e in e.normalizeBlurYear }),
        (TimePatterns.limitDay, { e in e.normalizeLimitDay }),
        (TimePatterns.yearFixedSolarFestival, { e in e.normalizeYearFixedSolarFestival }),
        (TimePatterns.lunarYearMonthDay, { e in e.normalizeLunarYearMonthDay }),
        (TimePatterns.yearMonthDay, { e in e.normalizeYearMonthDay }),
        (TimePatterns.standardYear, { e in e.normalizeStandardYear }),
        (TimePatterns.specialTimeSpan, { e in e.normalizeSpecialTimeSpan }),
    ]

    static let hmsTable: [(Rx, @Sendable (TimeEngine) -> (String) throws -> HmsResult)] = [
        (TimePatterns.superBlurTwoHMS, { e in e.normalizeSuperBlurTwoHMS }),
        (TimePatterns.secondDeltaPoint, { e in { try e.hmsDeltaPoint($0, TimePatterns.secondDelta, unitSeconds: 1, need: 5, hour: false, quarter: false) } }),
        (TimePatterns.minuteDeltaPoint, { e in { try e.hmsDeltaPoint($0, TimePatterns.minuteDelta, unitSeconds: 60, need: 4, hour: false, quarter: false) } }),
        (TimePatterns.quarterDeltaPoint, { e in { try e.hmsDeltaPoint($0, TimePatterns.quarterDelta, unitSeconds: 900, need: 4, hour: false, quarter: true) } }),
        (TimePatterns.hourDeltaPoint, { e in { try e.hmsDeltaPoint($0, TimePatterns.hourDelta, unitSeconds: 3600, need: 3, hour: true, quarter: false) } }),
        (TimePatterns.consecutiveBlurHour, { e in e.normalizeConsecutiveBlurHour }),
        (TimePatterns.hourMinuteSecond, { e in e.normalizeHourMinuteSecond }),
        (TimePatterns.numHourMinuteSecond, { e in e.normalizeNumHourMinuteSecond }),
        (TimePatterns.hourLimitMinute, { e in e.normalizeHourLimitMinute }),
        (TimePatterns.blurHour, { e in e.normalizeBlurHour }),
    ]

    static let ymdAnalysis = ymdTable.map { RxFactors.analysis(of: $0.0.pattern) }
    static let ymdFactors = RxFactorIndex(ymdAnalysis.map(\.factors))
    static let ymdEnds = ymdAnalysis.map(\.ends)
    static let hmsFactors = RxFactorIndex(hmsTable.map { RxFactors.of($0.0.pattern) })

    func parseTimePoint(_ s: String, _ b: TimeHandler) throws -> (TimeHandler, TimeHandler, String, String) {
        let bloom = ScalarBloom(s)
        // Patterns none of whose literal factors occur in `s` cannot match it.
        let ymdCandidates = TimeEngine.ymdFactors.candidates(s)
        let hmsCandidates = TimeEngine.hmsFactors.candidates(s)
        // In strict mode the matches must cover `s` (below). Without an hours pattern that may
        // match and without spaces, that takes one date pattern matching all of `s`; then
        // patterns that cannot (`RxEnds`) may as well not match: they cannot be chosen, and
        // without a whole match the parse fails either way.
        let wholeOnly = strict && hmsCandidates == RxFactorIndex.Mask() && !s.isEmpty && !s.jHas(" ")
        var ymdList: [(String, (String) throws -> YmdResult)] = []
        var emptySeen = false
        for (k, (p, g)) in TimeEngine.ymdTable.enumerated() {
            let possible = ymdCandidates.contains(k) && (!wholeOnly || (TimeEngine.ymdEnds[k]?.mayMatchWhole(s) ?? true))
            let m = possible ? p.find(s, bloom: bloom) : ""
            if !m.isEmpty { ymdList.append((m, g(self))) }
            else if !emptySeen { ymdList.append(("", g(self))); emptySeen = true }
        }
        var hmsList: [(String, (String) throws -> HmsResult)] = []
        emptySeen = false
        for (k, (p, g)) in TimeEngine.hmsTable.enumerated() {
            let m = hmsCandidates.contains(k) ? p.find(s, bloom: bloom) : ""
            if !m.isEmpty { hmsList.append((m, g(self))) }
            else if !emptySeen { hmsList.append(("", g(self))); emptySeen = true }
        }
        var curYmd = "", curHms = ""
        var ymdF: ((String) throws -> YmdResult)?
        var hmsF: ((String) throws -> HmsResult)?
        outer: for (ys, yf) in ymdList {
            for (hs, hf) in hmsList {
                if ys.jScalarCount + hs.jScalarCount > curYmd.jScalarCount + curHms.jScalarCount {
                    curYmd = ys; curHms = hs; ymdF = yf; hmsF = hf
                }
                if curYmd + curHms == s { break outer }
            }
        }
        if (curYmd + curHms).jScalarCount < s.jRep(" ", "").jScalarCount {
            if TimePatterns.chineseChar.matches(s) {
                if strict { throw fail("exception string \(s)") }
            } else {
                throw fail("exception string \(s)")
            }
        }
        var first: TimeHandler, second: TimeHandler, type: String, def: String
        var dayBias = (0, false)
        if !curYmd.isEmpty && curHms.isEmpty {
            (first, second, type, def) = try ymdF!(curYmd)
        } else if !curYmd.isEmpty && !curHms.isEmpty {
            let (yf, ysec, _, _) = try ymdF!(curYmd)
            if yf != ysec || yf.count != 6 || yf[2] == -1 { throw fail("hms can not be designated to a day: \(s)") }
            let (hf, hsec, ht, hd, bias) = try hmsF!(curHms)
            first = zip(yf, hf).map { max($0, $1) }
            second = zip(yf, hsec).map { max($0, $1) }
            type = ht; def = hd; dayBias = bias
        } else if curYmd.isEmpty && !curHms.isEmpty {
            (first, second, type, def, dayBias) = try hmsF!(curHms)
        } else {
            throw fail("can not parse \(s)")
        }
        guard TimeEngine.checkHandler(first) else { throw fail(s) }
        var ff = try completion(first, b)
        var sf = try completion(second, b)
        if dayBias.1 {
            func shift(_ h: TimeHandler) throws -> TimeHandler {
                let moved = try dt(h).adding(days: Double(dayBias.0)).handler
                return zip(h, moved).map { $0 == -1 ? -1 : $1 }
            }
            if ff.count == 6 { ff = try shift(ff) }
            if sf.count == 6 { sf = try shift(sf) }
        }
        return (ff, sf, type, def)
    }
}
