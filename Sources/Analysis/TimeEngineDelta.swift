import Foundation

// Hour/minute/second rules, time-delta rules and time-period rules (reimplemented from JioNLP, Apache-2.0).
extension TimeEngine {
    // MARK: - delta units

    func normalizeDeltaUnit(_ s0: String, _ p: Rx, unit: String?, parserVariant: Bool = false) throws -> (Double, String) {
        var s = s0
        if parserVariant || unit == nil {
            s = s.jRep("俩", "两个").jRep("仨", "三个")
        } else if ["second", "minute", "day", "year"].contains(unit!) {
            s = s.jRep("俩", "两").jRep("仨", "三")
        } else if ["hour", "month"].contains(unit!) {
            s = s.jRep("俩", "两个").jRep("仨", "三个")
        }
        var v = 0.0
        var def = "accurate"
        if let m = p.search(s) {
            if let n = TimePatterns.deltaNum.search(m.text) { v = try charNum2Num(n.text) }
            if s.jHas("半") { v = v > 0 ? v + 0.5 : 0.5; def = "blur" }
            if s.jHas("多") || s.jHas("余") { def = "blur" }
            if !parserVariant && s.jHas("近") && !s.jHas("最近") { def = "blur" }
        }
        return (v, def)
    }

    static let unitList: [(String, Double, Rx, String)] = [
        ("second", 1, TimePatterns.secondDelta, "second"), ("minute", 1, TimePatterns.minuteDelta, "minute"), ("minute", 15, TimePatterns.quarterDelta, "minute"),
        ("hour", 1, TimePatterns.hourDelta, "hour"), ("day", 1, TimePatterns.dayDelta, "day"), ("workday", 1, TimePatterns.workdayDelta, "workday"),
        ("day", 7, TimePatterns.weekDelta, "day"), ("month", 1, TimePatterns.monthDelta, "month"), ("month", 3, TimePatterns.solarSeasonDelta, "month"),
        ("year", 1, TimePatterns.yearDelta, "year"),
    ]

    /// Returns (delta dict, type, definition); an empty dict means "not a delta here".
    func standardTimeDelta(_ s: String, timeType: String?, parserVariant: Bool) throws -> ([String: Double], String, String) {
        if TimePatterns.exceptionStandardDelta.matches(s) { return ([:], "time_span", "blur") }
        if TimePatterns.ambivalentDeltaPoint.matches(s) && timeType != "time_delta" { return ([:], "time_point", "blur") }
        var d: [String: Double] = [:]
        var def = "accurate"
        for (unit, mult, p, unitArg) in TimeEngine.unitList {
            let (n, dd) = try normalizeDeltaUnit(s, p, unit: unitArg, parserVariant: parserVariant)
            d[unit, default: 0] += n * mult
            if n > 0 { def = dd }
        }
        return (TimeEngine.cutZero(d), "time_delta", def)
    }

    // MARK: - time delta (JioNLP's TimeDeltaParser)

    func parseTimeDeltaSpan(_ s: String, timeType: String?) throws -> TimeParse? {
        let first = TimePatterns.firstDeltaSpan.search(s)?.text
        let second = (TimePatterns.second1DeltaSpan.search(s) ?? TimePatterns.second2DeltaSpan.search(s))?.text
        if var f = first, let sc = second {
            if let comp = TimePatterns.timeSpanDeltaCompensation.search(s)?.text, !TimePatterns.timeDeltaException.matches(s) {
                if comp.jHas("年") { f += "年" }
                else if comp.jHas("个月") { f += "个月" }
                else if comp.jHas("星期") || comp.jHas("周") || comp.jHas("礼拜") { f += "个星期" }
                else if comp.jHas("日") || comp.jHas("天") { f += "天" }
                else if comp.jHas("小时") || comp.jHas("钟头") { f += "个小时" }
                else if comp.jHas("秒") { f += "秒钟" }
                else if comp.jHas("分") { f += "分钟" }
            }
            let a = try parseTimeDelta(f, timeType: "time_delta")
            let b = try parseTimeDelta(sc, timeType: "time_delta")
            guard let da = a.single, let db = b.single, !da.isEmpty, !db.isEmpty else { return nil }
            return TimeParse(type: "time_delta", definition: "blur", deltaRange: [da, db])
        }
        let r = try parseTimeDelta(s, timeType: timeType)
        if let single = r.single, !single.isEmpty {
            return TimeParse(type: "time_delta", definition: r.def, delta: single)
        }
        if let range = r.range, !range.isEmpty {
            return TimeParse(type: "time_delta", definition: r.def, deltaRange: range)
        }
        return nil
    }

    struct DeltaOut { var single: [String: Double]?; var range: [[String: Double]]?; var def: String }

    /// The delta patterns in the order tried, with the symbols their matches start and end with.
    static let deltaPatterns: [(Rx, Int, RxEnds?)] = [(TimePatterns.standardDelta, 0), (TimePatterns.lawDelta, 1), (TimePatterns.specialTimeDelta, 2)]
        .map { ($0.0, $0.1, RxFactors.ends(of: $0.0.pattern)) }

    func parseTimeDelta(_ s: String, timeType: String?) throws -> DeltaOut {
        var cur = "", which = -1
        for (p, i, ends) in TimeEngine.deltaPatterns {
            // Only a match that is all of `s` can give a result (below), and only the first
            // such pattern is used: a pattern that cannot match all of `s` is skipped.
            if let ends, !s.isEmpty, !ends.mayMatchWhole(s) { continue }
            let m = p.find(s)
            if m.jScalarCount > cur.jScalarCount { cur = m; which = i }
            if cur == s { break }
        }
        if cur.jScalarCount < s.jScalarCount || which < 0 { return DeltaOut(single: [:], range: nil, def: "blur") }
        switch which {
        case 0:
            let (d, _, def) = try standardTimeDelta(s, timeType: timeType, parserVariant: true)
            return DeltaOut(single: d, range: nil, def: def)
        case 1:
            return DeltaOut(single: nil, range: try lawDelta(s), def: "blur")
        default:
            return try specialDelta(s)
        }
    }

    func lawDeltaBase(_ s: String) throws -> [String: Double] {
        guard let n = TimePatterns.deltaNum.search(s) else { throw fail(s) }
        let v = try charNum2Num(n.text)
        if s.jHas("年") { return TimeEngine.cutZero(["year": v]) }
        if s.jHas("个月") { return TimeEngine.cutZero(["month": v]) }
        if s.jHas("日") || s.jHas("天") { return TimeEngine.cutZero(["day": v]) }
        throw fail(s)
    }

    func lawDelta(_ s: String) throws -> [[String: Double]] {
        if s.jHas("以上") && s.jHas("以下") {
            guard let r = s.range(of: "以上") else { throw fail(s) }
            return [try lawDeltaBase(String(s[..<r.lowerBound])), try lawDeltaBase(String(s[r.upperBound...]))]
        }
        if s.jHas("以上") { return [try lawDeltaBase(s), ["infinite": 1]] }
        if s.jHas("以下") { return [["zero": 1], try lawDeltaBase(s)] }
        throw fail(s)
    }

    func specialDelta(_ s: String) throws -> DeltaOut {
        if s.jHas("天") && (s.jHas("夜") || s.jHas("晚")) {
            if let n = TimePatterns.singleNum.search(s) { return DeltaOut(single: ["day": try charNum2Num(n.text)], range: nil, def: "accurate") }
        } else if s.jHas("春秋") {
            if let n = TimePatterns.singleNum.search(s) { return DeltaOut(single: ["year": try charNum2Num(n.text)], range: nil, def: "blur") }
        } else if s.jHas("一年四季") {
            return DeltaOut(single: ["year": 1], range: nil, def: "blur")
        } else if s.jHas("大半") {
            let key: String
            if s.jHas("年") { key = "year" } else if s.jHas("月") { key = "month" } else if s.jHas("天") { key = "day" }
            else if s.jHas("小时") || s.jHas("钟头") { key = "hour" } else { throw fail(s) }
            return DeltaOut(single: nil, range: [[key: 0.5], [key: 0.9]], def: "blur")
        } else {
            throw fail(s)
        }
        return DeltaOut(single: [:], range: nil, def: "blur")
    }

    // MARK: - delta → span

    func checkDeltaBaseConflict(_ d: [String: Double]) throws {
        let names = ["year", "month", "day", "hour", "minute", "second"]
        for (i, n) in names.enumerated() where (d[n] ?? 0) > 0 && base[i] == -1 {
            throw AnalysisError.insufficientBase("time base lacks \(n)")
        }
    }

    func shifted(_ d: [String: Double], _ coef: Double) throws -> NaiveDateTime {
        let b = try dt(base)
        return b.adding(days: coef * 365 * (d["year"] ?? 0))
            .adding(days: coef * 30.417 * (d["month"] ?? 0))
            .adding(days: coef * (d["day"] ?? 0))
            .adding(hours: coef * (d["hour"] ?? 0))
            .adding(minutes: coef * (d["minute"] ?? 0))
            .adding(seconds: coef * (d["second"] ?? 0))
    }

    func maskLike(_ h: TimeHandler, dayLevel: Bool) -> TimeHandler {
        zip(base, h).enumerated().map { idx, p in (p.0 > -1 && (!dayLevel || idx <= 2)) ? p.1 : -1 }
    }

    func normalizeWeilaiDelta2Span(_ s: String) throws -> YmdResult {
        let (d, _, _) = try standardTimeDelta(s, timeType: "time_delta", parserVariant: false)
        try checkDeltaBaseConflict(d)
        let cur = try shifted(d, 1).handler
        let fine = d.keys.contains { ["hour", "minute", "second", "day"].contains($0) }
        return (base, maskLike(cur, dayLevel: !fine), "time_span", fine ? "accurate" : "blur")
    }

    func normalizeGuoquDelta2Span(_ s: String) throws -> YmdResult {
        let (d, _, _) = try standardTimeDelta(s, timeType: "time_delta", parserVariant: false)
        try checkDeltaBaseConflict(d)
        let cur = try shifted(d, -1).handler
        let fine = d.keys.contains { ["hour", "minute", "second", "day"].contains($0) }
        var def = fine ? "accurate" : "blur"
        if fine && s.jHas("近") && !s.jHas("最近") { def = "blur" }
        return (maskLike(cur, dayLevel: !fine), base, "time_span", def)
    }

    func normalizeGuoDelta2Span(_ s: String) throws -> YmdResult {
        let (d, _, _) = try standardTimeDelta(s, timeType: "time_delta", parserVariant: false)
        try checkDeltaBaseConflict(d)
        let cur = try shifted(d, 1).handler
        let fine = d.keys.contains { ["hour", "minute", "second"].contains($0) }
        return (maskLike(cur, dayLevel: !fine), FUTURE_H, "time_span", fine ? "accurate" : "blur")
    }

    // MARK: - delta → point

    func hmsDeltaPoint(_ s: String, _ p: Rx, unitSeconds: Double, need: Int, hour: Bool, quarter: Bool) throws -> HmsResult {
        guard base[need] != -1 else { throw AnalysisError.insufficientBase(s) }
        let (n, _) = try normalizeDeltaUnit(s, p, unit: nil)
        let b = try dt(base)
        func tr(_ h: TimeHandler) -> TimeHandler { hour ? Array(h.prefix(5)) + [-1] : h }
        func step() throws -> Double {
            if quarter { if n >= 1 { return unitSeconds }; throw fail(s) }
            if n == 0.5 { return 0.5 * unitSeconds }
            if n >= 1 { return unitSeconds }
            throw fail(s)
        }
        let bias = (0, false)
        if s.jHas("之前") || s.jHas("以前") {
            let cur = b.adding(seconds: -n * unitSeconds)
            return (PAST_H, tr(cur.handler), "time_span", "blur", bias)
        } else if s.jHas("前") {
            let cur = b.adding(seconds: -n * unitSeconds)
            return (tr(cur.adding(seconds: -(try step())).handler), cur.handler, "time_point", "accurate", bias)
        } else if s.jHas("之后") || s.jHas("以后") {
            let cur = b.adding(seconds: n * unitSeconds)
            return (tr(cur.handler), FUTURE_H, "time_span", "blur", bias)
        } else if s.jHas("后") {
            let cur = b.adding(seconds: n * unitSeconds)
            return (cur.handler, tr(cur.adding(seconds: try step()).handler), "time_point", "accurate", bias)
        } else if s.jHas("内") {
            let cur = b.adding(seconds: n * unitSeconds)
            return (base, tr(cur.handler), "time_span", "accurate", bias)
        } else if s.jHas("来") {
            let cur = b.adding(seconds: -n * unitSeconds)
            return (tr(cur.handler), base, "time_span", "accurate", bias)
        }
        throw fail(s)
    }

    func normalizeWorkdayDeltaPoint(_ s: String) throws -> YmdResult {
        guard base[2] != -1 else { throw AnalysisError.insufficientBase(s) }
        let (n, _) = try normalizeDeltaUnit(s, TimePatterns.workdayDelta, unit: nil)
        guard n >= 0, n.rounded() == n else { throw fail(s) }
        var cur = try dt(base)
        for _ in 0..<Int(n) {
            cur = cur.adding(days: 1)
            while cur.weekday > 4 { cur = cur.adding(days: 1) }
        }
        let h = Array(cur.handler.prefix(3)) + [-1, -1, -1]
        if s.jHas("之后") || s.jHas("以后") { return (h, FUTURE_H, "time_span", "blur") }
        if s.jHas("后") { return (h, h, "time_point", "accurate") }
        if s.jHas("内") { return (base, h, "time_span", "accurate") }
        throw fail(s)
    }

    /// Shared day / week / month / season / year delta-point logic.
    enum DeltaKind { case day, week, month, season, year }

    func ymdDeltaPoint(_ s: String, kind: DeltaKind) throws -> YmdResult {
        let pattern: Rx
        switch kind {
        case .day: pattern = TimePatterns.dayDelta
        case .week: pattern = TimePatterns.weekDelta
        case .month: pattern = TimePatterns.monthDelta
        case .season: pattern = TimePatterns.solarSeasonDelta
        case .year: pattern = TimePatterns.yearDelta
        }
        if kind == .day || kind == .week { guard base[2] != -1 else { throw AnalysisError.insufficientBase(s) } }
        let (n, _) = try normalizeDeltaUnit(s, pattern, unit: nil)
        if kind == .month || kind == .season { guard base[1] != -1 else { throw AnalysisError.insufficientBase(s) } }
        let unitDays: Double
        switch kind {
        case .day, .week: unitDays = 1
        case .month: unitDays = 30.417
        case .season: unitDays = 30.417 * 3
        case .year: unitDays = 365
        }
        let isInt = n.rounded() == n
        func tr(_ h: TimeHandler) -> TimeHandler {
            switch kind {
            case .day: return isInt ? Array(h.prefix(3)) + [-1, -1, -1] : Array(h.prefix(4)) + [-1, -1]
            case .week: return Array(h.prefix(3)) + [-1, -1, -1]
            case .month: return isInt ? Array(h.prefix(2)) + [-1, -1, -1, -1] : Array(h.prefix(3)) + [-1, -1, -1]
            case .season: return Array(h.prefix(2)) + [-1, -1, -1, -1]
            case .year: return isInt ? [h[0], -1, -1, -1, -1, -1] : Array(h.prefix(2)) + [-1, -1, -1, -1]
            }
        }
        let b = try dt(base)
        let pointType: String
        let pointDef: String
        switch kind {
        case .day, .week: (pointType, pointDef) = ("time_point", "accurate")
        default: (pointType, pointDef) = ("time_span", "blur")
        }
        let spanBlur: (String, String) = ("time_span", "blur")
        let spanAcc: (String, String) = (kind == .day || kind == .week) ? ("time_span", "accurate") : ("time_span", "blur")
        if s.jHas("之前") || s.jHas("以前") {
            let cur = b.adding(days: -n * unitDays)
            return (PAST_H, tr(cur.handler), spanBlur.0, spanBlur.1)
        } else if s.jHas("前") {
            let cur = b.adding(days: -n * unitDays)
            let first: NaiveDateTime
            switch kind {
            case .day:
                if n == 0.5 { first = cur.adding(days: -0.5) } else if n >= 1 { first = cur } else { throw fail(s) }
            case .week: first = cur.adding(days: -7)
            case .month:
                if n == 0.5 { first = cur.adding(days: -30.417 * 0.5) } else if n >= 1 { first = cur.adding(days: -30.417) } else { throw fail(s) }
            case .season: first = cur
            case .year:
                if n == 0.5 { first = cur.adding(days: -0.5 * 365) } else if n >= 1 { first = cur } else { throw fail(s) }
            }
            return (tr(first.handler), tr(cur.handler), pointType, pointDef)
        } else if s.jHas("之后") || s.jHas("以后") {
            let cur = b.adding(days: n * unitDays)
            return (tr(cur.handler), FUTURE_H, spanBlur.0, spanBlur.1)
        } else if s.jHas("后") {
            let cur = b.adding(days: n * unitDays)
            let second: NaiveDateTime
            switch kind {
            case .day:
                if n == 0.5 { second = cur.adding(days: 0.5) } else if n >= 1 { second = cur } else { throw fail(s) }
            case .week: second = cur.adding(days: 7)
            case .month:
                if n == 0.5 { second = cur.adding(days: 30.417 * 0.5) } else if n >= 1 { second = cur.adding(days: 30.417) } else { throw fail(s) }
            case .season: second = cur
            case .year:
                if n == 0.5 || n >= 1 { second = cur } else { throw fail(s) }
            }
            return (tr(cur.handler), tr(second.handler), pointType, pointDef)
        } else if s.jHas("内") {
            if kind == .year && n > 2000 {
                let h = [Int(n), -1, -1, -1, -1, -1]
                return (h, h, "time_span", "blur")
            }
            let cur = b.adding(days: n * unitDays)
            return (base, tr(cur.handler), spanAcc.0, spanAcc.1)
        } else if s.jHas("来") {
            let cur = b.adding(days: -n * unitDays)
            return (tr(cur.handler), base, spanAcc.0, spanAcc.1)
        }
        throw fail(s)
    }

    func normalizeDayDeltaPoint(_ s: String) throws -> YmdResult { try ymdDeltaPoint(s, kind: .day) }
    func normalizeWeekDeltaPoint(_ s: String) throws -> YmdResult { try ymdDeltaPoint(s, kind: .week) }
    func normalizeMonthDeltaPoint(_ s: String) throws -> YmdResult { try ymdDeltaPoint(s, kind: .month) }
    func normalizeSolarSeasonDeltaPoint(_ s: String) throws -> YmdResult { try ymdDeltaPoint(s, kind: .season) }
    func normalizeYearDeltaPoint(_ s: String) throws -> YmdResult { try ymdDeltaPoint(s, kind: .year) }

    // MARK: - hours, minutes, seconds

    func normalizeSuperBlurTwoHMS(_ s: String) throws -> HmsResult {
        var f = TPoint(), sc = TPoint()
        if s.jHas("前") {
            let b = try dt(base)
            if s.jHas("小时") || s.jHas("钟头") {
                guard base[3] > -1 else { throw AnalysisError.insufficientBase(s) }
                f.assign(Array(b.adding(hours: -6).handler.prefix(4)))
                sc.assign(Array(b.adding(hours: -2).handler.prefix(4)))
            } else if s.jHas("分") {
                guard base[4] > -1 else { throw AnalysisError.insufficientBase(s) }
                f.assign(Array(b.adding(minutes: -9).handler.prefix(5)))
                sc.assign(Array(b.adding(minutes: -2).handler.prefix(5)))
            } else if s.jHas("秒") {
                guard base[5] > -1 else { throw AnalysisError.insufficientBase(s) }
                f.assign(b.adding(seconds: -9).handler)
                sc.assign(b.adding(seconds: -2).handler)
            } else { throw fail(s) }
        }
        return (f.handler, sc.handler, "time_span", "blur", (0, false))
    }

    static func convertHour(_ h0: Int, _ lim: String) -> Int {
        var h = h0
        if (5...12).contains(h) && (lim.jHas("晚") || lim.jHas("夜")) { h += 12 }
        if lim.jHas("中午") && h != 11 && h != 12 { h += 12 }
        if lim.jHas("下午") && (1...11).contains(h) { h += 12 }
        return h
    }

    func normalizeHourMinuteSecond(_ s: String) throws -> HmsResult {
        var bias = (0, false)
        var t = TPoint()
        if let hm = TimePatterns.hour0.search(s), let g = hm.group(1) {
            var h = try int(g)
            if let lim = TimePatterns.blurHour.search(s)?.text { h = TimeEngine.convertHour(h, lim) }
            if h == 24 { h = 0; bias = (1, true) }
            t.hour = h
        }
        if let m = TimePatterns.minute0.search(s), let g = m.group(1) { t.minute = try int(g) }
        if let m = TimePatterns.second0.search(s), let g = m.group(1) { t.second = try int(g) }
        return (t.handler, t.handler, "time_point", checkBlur(s, "accurate"), bias)
    }

    func normalizeConsecutiveBlurHour(_ s: String) throws -> HmsResult {
        var bias = (0, false)
        var f = TPoint(), sc = TPoint()
        if let hm = TimePatterns.consecutiveHour.search(s), let g = hm.group(1) {
            var a = try int(g.jSub(0, 1)), b = try int(g.jSub(-1))
            if let lim = TimePatterns.blurHour.search(s)?.text {
                if (5...12).contains(a) && (lim.jHas("晚") || lim.jHas("夜")) { a += 12; b += 12 }
                if lim.jHas("中午") && a != 11 && a != 12 { a += 12; b += 12 }
                if lim.jHas("下午") && (1...11).contains(a) { a += 12; b += 12 }
            }
            if a == 24 { a = 0; b = 1; bias = (1, true) }
            f.hour = a; sc.hour = b
        }
        return (f.handler, sc.handler, "time_span", "blur", bias)
    }

    func normalizeNumHourMinuteSecond(_ s0: String) throws -> HmsResult {
        var s = s0.jRep("时", "")
        var bias = (0, false)
        let lim = TimePatterns.blurHour.search(s)?.text
        if let l = lim { s = s.jRep(l, "") }
        let parts = TimePatterns.hmsSegs.split(s)
        var h: Int, m: Int, sec: Int
        if parts.count == 3 {
            guard let a = pyInt(parts[0]), let b = pyInt(parts[1]), let c = pyInt(parts[2]) else { throw fail(s) }
            (h, m, sec) = (a, b, c)
            if h == 24 {
                guard m == 0 && sec == 0 else { throw fail(s) }
                h = 0; bias = (1, true)
            } else if h > 23 { throw fail(s) }
            if let l = lim { h = TimeEngine.convertHour(h, l) }
        } else if parts.count == 2 {
            guard let a = pyInt(parts[0]), let b = pyInt(parts[1]) else { throw fail(s) }
            if a == 24 && b == 0 { (h, m, sec) = (0, 0, -1); bias = (1, true) }
            else if a <= 23 {
                (h, m, sec) = (a, b, -1)
                if let l = lim { h = TimeEngine.convertHour(h, l) }
            } else { (h, m, sec) = (-1, a, b) }
        } else { throw fail(s) }
        var t = TPoint()
        t.hour = h; t.minute = m; t.second = sec
        return (t.handler, t.handler, "time_point", checkBlur(s, "accurate"), bias)
    }

    func normalizeHourLimitMinute(_ s: String) throws -> HmsResult {
        var t = TPoint()
        if let hm = TimePatterns.hour0.search(s), let g = hm.group(1) {
            var h = try int(g)
            if let lim = TimePatterns.blurHour.search(s)?.text { h = TimeEngine.convertHour(h, lim) }
            t.hour = h
        }
        if let lm = TimePatterns.limitMinute.search(s)?.text {
            if lm.jHas("半") { t.minute = 30 }
            else if lm.jHas("刻") {
                guard let nm = TimePatterns.monthNum.search(lm) else { throw fail(s) }
                switch try int(nm.text) {
                case 1: t.minute = 15
                case 2: t.minute = 30
                case 3: t.minute = 45
                default: throw fail(s)
                }
            } else { throw fail(s) }
        }
        return (t.handler, t.handler, "time_point", checkBlur(s, "accurate"), (0, false))
    }

    static let blurTimeInfo: [([String], Int, Int)] = [
        (["清晨"], 5, 7), (["清早"], 5, 8), (["早上", "早晨", "一早", "一大早"], 6, 9), (["黎明"], 4, 6), (["白天"], 6, 18),
        (["上午"], 7, 11), (["中午"], 12, 13), (["午后"], 13, 14), (["下午"], 13, 17), (["傍晚"], 17, 18), (["晚", "晚上"], 18, 23),
        (["晚间", "夜间", "夜里"], 20, 23), (["深夜"], 23, 23), (["上半夜", "前半夜"], 0, 2), (["下半夜", "后半夜"], 2, 4),
        (["半夜", "凌晨"], 0, 4), (["午夜"], 0, 0),
    ]

    func normalizeBlurHour(_ s: String) throws -> HmsResult {
        var f = TPoint(), sc = TPoint()
        if let hs = TimePatterns.blurHour.search(s)?.text {
            for (names, a, b) in TimeEngine.blurTimeInfo where names.contains(hs) { f.hour = a; sc.hour = b }
            if f.hour == -1 { throw fail(s) }
        }
        return (f.handler, sc.handler, "time_point", "blur", (0, false))
    }

    // MARK: - period

    func normalizeTimePeriodDelta(_ s: String) throws -> [String: Double] {
        let num: Double
        if let n = TimePatterns.deltaNum.search(s) { num = try charNum2Num(n.text) } else { num = s.jHas("半") ? 0.5 : 1 }
        guard num > 0 else { throw fail(s) }
        var d: [String: Double] = [:]
        if s.jHas("年") { d["year"] = num }
        else if s.jHas("季度") { d["month"] = num * 3 }
        else if s.jHas("月") { d["month"] = num }
        else if s.jHas("星期") || s.jHas("周") || s.jHas("礼拜") { d["day"] = num * 7 }
        else if s.jHas("日") || s.jHas("天") { d["day"] = num }
        else if s.jHas("小时") || s.jHas("钟头") { d["hour"] = num }
        else if s.jHas("分") { d["minute"] = num }
        else if s.jHas("秒") { d["second"] = num }
        else { throw fail(s) }
        return TimeEngine.cutZero(d)
    }

    func parseTimePeriod(_ s: String) throws -> TimeParse? {
        guard let m = TimePatterns.periodTime.search(s) else { return nil }
        let periodTime = m.text
        let hasWeekday = s.jHas("工作日")
        let delta = try normalizeTimePeriodDelta(periodTime)
        guard s.jScalarCount > periodTime.jScalarCount else {
            return TimeParse(type: "time_period", definition: "accurate", period: TimePeriod(delta: delta, point: nil))
        }
        var pointString = s.jRep(periodTime, "")
        if (periodTime.hasSuffix("礼拜") || periodTime.hasSuffix("周") || periodTime.hasSuffix("星期")) && !pointString.hasPrefix("周") {
            pointString = "周" + pointString
        }
        var def = "accurate"
        var point: TimePeriodPoint
        let savedBase = base
        do {
            if let n = periodResultsNum {
                guard n > 0 else { throw fail("results num") }
                if hasWeekday { pointString = pointString.components(separatedBy: "工作日").last ?? pointString }
                var results: [[String]] = []
                var guardCount = 0
                while results.count < n {
                    guardCount += 1
                    if guardCount > 1000 { throw fail("period loop") }
                    let (f, sc, _, d) = try parseTimeSpanPoint(pointString)
                    def = d
                    let (a, b) = try standard(f, sc)
                    var cur = try dt(base)
                    if hasWeekday {
                        if cur.weekday <= 4 && !results.contains([a, b]) { results.append([a, b]) }
                    } else if !results.contains([a, b]) { results.append([a, b]) }
                    if let y = delta["year"] { cur = cur.adding(days: 365 * y) }
                    if let mo = delta["month"] { cur = cur.adding(days: 30.417 * mo) }
                    if let d = delta["day"] { cur = cur.adding(days: hasWeekday ? 1 : d) }
                    if let h = delta["hour"] { cur = cur.adding(hours: h) }
                    if let mi = delta["minute"] { cur = cur.adding(minutes: mi) }
                    if let se = delta["second"] { cur = cur.adding(seconds: se) }
                    base = cur.handler
                }
                point = TimePeriodPoint(time: nil, times: results, string: pointString)
            } else {
                var f: TimeHandler, sc: TimeHandler, d: String
                if hasWeekday {
                    pointString = (pointString.components(separatedBy: "工作日").last ?? pointString).jRep("的", "")
                    (f, sc, _, d) = try parseTimeSpanPoint(pointString)
                    for _ in 0..<7 {
                        (f, sc, _, d) = try parseTimeSpanPoint(pointString)
                        if try dt(f).weekday <= 4 { break }
                        base = try dt(base).adding(days: 1).handler
                    }
                } else {
                    (f, sc, _, d) = try parseTimeSpanPoint(pointString)
                }
                def = d
                let (a, b) = try standard(f, sc)
                point = TimePeriodPoint(time: [a, b], times: nil, string: pointString)
            }
        } catch {
            if strict { throw fail(s) }
            point = TimePeriodPoint(time: nil, times: nil, string: pointString)
            def = "blur"
        }
        base = savedBase
        return TimeParse(type: "time_period", definition: def, period: TimePeriod(delta: delta, point: point))
    }
}
