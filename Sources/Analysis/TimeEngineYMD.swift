import Foundation

// Year / month / day rules of the time engine (reimplemented from JioNLP, Apache-2.0).
extension TimeEngine {
    func normalizeStandardYMD(_ s0: String) throws -> YmdResult {
        var s = s0
        while !s.isEmpty && (TimePatterns.ymdSegs.matches(s.jFirstChar) || TimePatterns.ymdSegs.matches(s.jLastChar)) {
            if TimePatterns.ymdSegs.matches(s.jFirstChar) { s = s.jSub(1) }
            if !s.isEmpty && TimePatterns.ymdSegs.matches(s.jLastChar) { s = s.jSub(0, -1) }
        }
        let parts = TimePatterns.ymdSegs.split(s)
        var t = TPoint()
        if parts.count == 3 {
            guard let y = pyInt(parts[0]), let m = pyInt(parts[1]), let d = pyInt(parts[2]) else { throw fail(s) }
            t.year = y; t.month = m; t.day = d
        } else if parts.count == 2 {
            guard let a = pyInt(parts[0]), let b = pyInt(parts[1]) else { throw fail(s) }
            if 1600 < a && a < 2200 && b <= 12 { t.year = a; t.month = b }
            else if a <= 12 && b <= 31 { t.month = a; t.day = b }
            else { throw fail(s) }
        } else { throw fail(s) }
        return (t.handler, t.handler, "time_point", "accurate")
    }

    func normalizeStandard2YMD(_ s: String) throws -> YmdResult {
        guard let y = pyInt(s.jSub(0, 4)), let m = pyInt(s.jSub(4, 6)), let d = pyInt(s.jSub(6)) else { throw fail(s) }
        let h = [y, m, d, -1, -1, -1]
        return (h, h, "time_point", "accurate")
    }

    func normalizeStandardYear(_ s: String) throws -> YmdResult {
        var t = TPoint()
        if let m = TimePatterns.standardYear.search(s), let y = pyInt(m.text) { t.year = y } else { t.year = base[0] }
        return (t.handler, t.handler, "time_span", "accurate")
    }

    func normalizeSuperBlurTwoYMD(_ s: String) throws -> YmdResult {
        var f = TPoint(), sc = TPoint()
        if s.jHas("前") {
            if s.jHas("年") {
                f.year = base[0] - 5; sc.year = base[0] - 2
            } else if s.jHas("月") {
                let b = try dt(base)
                f.assign(Array(b.adding(days: -30.417 * 2).handler.prefix(2)))
                sc.assign(Array(b.adding(days: -30.417).handler.prefix(2)))
            } else if s.jHas("天") {
                let b = try dt(base)
                f.assign(Array(b.adding(days: -7).handler.prefix(3)))
                sc.assign(Array(b.adding(days: -2).handler.prefix(3)))
            } else { throw fail(s) }
        }
        return (f.handler, sc.handler, "time_span", "blur")
    }

    func normalizeEnumDay(_ s: String) throws -> YmdResult {
        var f = TPoint(), sc = TPoint()
        if let y = try normalizeYear(s, base) { f.year = y; sc.year = y }
        if let m = TimePatterns.month0.search(s), let g = m.group(1) { f.month = try int(g); sc.month = f.month }
        let days = try TimePatterns.day0.findAll(s).map { m -> Int in
            guard let g = m.group(1), let v = pyInt(g) else { throw fail(s) }
            return v
        }
        if !days.isEmpty { f.day = days.min()!; sc.day = days.max()! }
        return (f.handler, sc.handler, "time_span", "accurate")
    }

    func normalizeYearMonthDay(_ s: String) throws -> YmdResult {
        var t = TPoint()
        if let y = try normalizeYear(s, base) { t.year = y }
        if let m = TimePatterns.month0.search(s), let g = m.group(1) { t.month = try int(g) }
        if let d = TimePatterns.day0.search(s), let g = d.group(1) { t.day = try int(g) }
        return (t.handler, t.handler, "time_point", checkBlur(s, "accurate"))
    }

    func normalizeLimitSolarSeason(_ s: String) throws -> YmdResult {
        var f = TPoint(), sc = TPoint()
        guard base[1] != -1 && base[1] <= 12 else { throw AnalysisError.insufficientBase(s) }
        let infos = [[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]]
        let spans = ["初", "中", "末"]
        func pyMod(_ a: Int, _ n: Int) -> Int { ((a % n) + n) % n }
        func pyDiv(_ a: Int, _ n: Int) -> Int { Int(floor(Double(a) / Double(n))) }
        func wrapIdx(_ i: Int) -> Int { i < 0 ? i + 4 : i }
        if s.jHas("上") || s.jHas("下") {
            let up = s.jHas("上")
            let count = up ? s.jOccurrences("上") : s.jOccurrences("下")
            for (idx, item) in infos.enumerated() where item.contains(base[1]) {
                let seasonIdx = up ? idx - pyMod(count, 4) : idx + pyMod(count, 4) - 4
                let yearGap = up ? pyDiv(idx - count, 4) : pyDiv(idx + count, 4)
                let row = infos[wrapIdx(seasonIdx)]
                if let i = spans.firstIndex(where: { s.jHas($0) }) { f.month = row[i]; sc.month = row[i] }
                else { f.month = row[0]; sc.month = row[2] }
                f.year = base[0] + yearGap; sc.year = base[0] + yearGap
            }
        } else if s.jHas("这") || s.jHas("本") {
            for item in infos where item.contains(base[1]) { f.month = item[0]; sc.month = item[2] }
        } else { throw fail(s) }
        return (f.handler, sc.handler, "time_span", "accurate")
    }

    func normalizeSolarSeasonMonths(_ s: String) throws -> (Int, Int) {
        guard let m = TimePatterns.solarSeason.search(s) else { return (-1, -1) }
        let ss = m.text
        func part(_ q: Int) -> (Int, Int) {
            let start = (q - 1) * 3 + 1
            if ss.jHas("初") { return (start, start) }
            if ss.jHas("中") { return (start + 1, start + 1) }
            if ss.jHas("末") { return (start + 2, start + 2) }
            return (start, start + 2)
        }
        let q: Int
        if ss.jHas("1") || ss.jHas("一") || ss.jHas("首") { q = 1 }
        else if ss.jHas("2") || ss.jHas("二") { q = 2 }
        else if ss.jHas("3") || ss.jHas("三") { q = 3 }
        else if ss.jHas("4") || ss.jHas("四") { q = 4 }
        else if ss.jHas("前两") || ss.jHas("头两") { return (1, 6) }
        else if ss.jHas("后两") { return (7, 12) }
        else { throw fail(s) }
        if q == 4 { return part(4) }
        if ss.jHas("第") { return part(q) }
        if ss.jHas("前") || ss.jHas("头") { return (1, q * 3) }
        if ss.jHas("后") { return (12 - q * 3 + 1, 12) }
        return part(q)
    }

    /// A span over the months `months` reads from `s`, in the year `s` names: relative
    /// (今年, 去年 …: `normalizeLimitYear`) or written (2019年: `normalizeYear`, none when absent).
    /// The year is read first, as each rule did, so a text failing both fails the same way.
    func monthsOfNamedYear(_ s: String, relative: Bool, definition: String,
                           months: (String) throws -> (Int, Int)) throws -> YmdResult {
        var f = TPoint(), sc = TPoint()
        if relative {
            (f.year, sc.year) = try normalizeLimitYear(s, base)
        } else if let y = try normalizeYear(s, base) {
            f.year = y; sc.year = y
        }
        (f.month, sc.month) = try months(s)
        return (f.handler, sc.handler, "time_span", definition)
    }

    func normalizeLimitYearSolarSeason(_ s: String) throws -> YmdResult {
        try monthsOfNamedYear(s, relative: true, definition: "accurate", months: normalizeSolarSeasonMonths)
    }

    func normalizeYearSolarSeason(_ s: String) throws -> YmdResult {
        try monthsOfNamedYear(s, relative: false, definition: "accurate", months: normalizeSolarSeasonMonths)
    }

    func normalizeSpanMonth(_ s: String) throws -> (Int, Int) {
        guard let m = TimePatterns.spanMonth.search(s) else { return (-1, -1) }
        let sm = m.text
        if sm.jHas("首") { return (1, 1) }
        guard let nm = TimePatterns.monthNum.search(sm) else { throw fail(s) }
        let n = try int(nm.text)
        if sm.jHas("前") || sm.jHas("头") { return (1, n) }
        if sm.jHas("后") { return (13 - n, 12) }
        if sm.jHas("第") { return (n, n) }
        throw fail(s)
    }

    func normalizeLimitYearSpanMonth(_ s: String) throws -> YmdResult {
        try monthsOfNamedYear(s, relative: true, definition: "accurate", months: normalizeSpanMonth)
    }

    func normalizeYearSpanMonth(_ s: String) throws -> YmdResult {
        try monthsOfNamedYear(s, relative: false, definition: "accurate", months: normalizeSpanMonth)
    }

    func normalizeBlurMonthRange(_ s: String) throws -> (Int, Int) {
        guard let m = TimePatterns.blurMonth.search(s) else { return (-1, -1) }
        let bm = m.text
        let rules: [([String], (Int, Int))] = [(["初"], (1, 2)), (["开年", "伊始"], (1, 1)), (["末", "尾", "终", "底"], (11, 12)),
                                               (["上半年"], (1, 6)), (["下半年"], (7, 12)), (["暑"], (7, 8)), (["寒"], (2, 2)),
                                               (["前期"], (1, 3)), (["中期"], (4, 9)), (["后期"], (10, 12))]
        for (kws, r) in rules where kws.contains(where: { bm.jHas($0) }) { return r }
        throw fail(s)
    }

    func normalizeYearBlurMonth(_ s: String) throws -> YmdResult {
        try monthsOfNamedYear(s, relative: false, definition: "blur", months: normalizeBlurMonthRange)
    }

    func normalizeLimitYearBlurMonth(_ s: String) throws -> YmdResult {
        try monthsOfNamedYear(s, relative: true, definition: "blur", months: normalizeBlurMonthRange)
    }

    func normalizeLimitMonthFields(_ s: String, _ b: TimeHandler, _ f: inout TPoint, _ sc: inout TPoint) throws {
        guard let m = TimePatterns.limitMonth.search(s) else { f.month = b[1]; sc.month = b[1]; return }
        let ms = m.text
        if ms.jHas("上") {
            let c = ms.jOccurrences("上")
            if b[1] == 1 {
                f.year = b[0] - 1; sc.year = b[0] - 1
                f.month = 12 - (c - 1); sc.month = f.month
            } else { f.month = b[1] - c; sc.month = f.month }
        } else if ms.jHas("下") || ms.jHas("次") {
            let c = max(ms.jOccurrences("下"), 1)
            if b[1] == 12 {
                f.year = b[0] + 1; sc.year = b[0] + 1
                f.month = c; sc.month = c
            } else { f.month = b[1] + c; sc.month = f.month }
        } else if ms.jHas("同") || ms.jHas("本") || ms.jHas("当") || ms.jHas("这") {
            f.month = b[1]; sc.month = b[1]
        } else { throw fail(s) }
    }

    func normalizeLimitMonthDay(_ s: String) throws -> YmdResult {
        var f = TPoint(), sc = TPoint()
        try normalizeLimitMonthFields(s, base, &f, &sc)
        if let d = TimePatterns.day0.search(s), let g = d.group(1) { f.day = try int(g); sc.day = f.day }
        return (f.handler, sc.handler, "time_point", "accurate")
    }

    func blurDayFields(_ s: String, _ f: inout TPoint, _ sc: inout TPoint) throws {
        guard let m = TimePatterns.blurDay.search(s) else { f.day = -1; sc.day = -1; return }
        let bd = m.text
        let rules: [(String, (Int, Int))] = [("上旬", (1, 10)), ("中旬", (11, 20)), ("下旬", (21, -1)), ("初", (1, 5)),
                                             ("中", (10, 20)), ("底", (25, -1)), ("末", (25, -1))]
        for (kw, r) in rules where bd.jHas(kw) { f.day = r.0; sc.day = r.1; return }
        throw fail(s)
    }

    func normalizeLimitMonthBlurDay(_ s: String) throws -> YmdResult {
        var f = TPoint(), sc = TPoint()
        try normalizeLimitMonthFields(s, base, &f, &sc)
        try blurDayFields(s, &f, &sc)
        return (f.handler, sc.handler, "time_point", "accurate")
    }

    func limitSpanDayFields(_ s: String, _ f: inout TPoint, _ sc: inout TPoint) throws {
        guard let m = TimePatterns.limitSpanDay.search(s), let g = m.group(2) else { throw fail(s) }
        let n = Int(try charNum2Num(g))
        let text = m.text
        if text.jHas("前") { f.day = 1; sc.day = n }
        else if text.jHas("后") {
            var y = f.year
            if y < 1 { y = base[0] }
            let last = try TimeEngine.monthLastDay(y, f.month)
            f.day = last - n + 1; sc.day = last
        } else { throw fail(s) }
    }

    func normalizeLimitMonthLimitSpanDay(_ s: String) throws -> YmdResult {
        var f = TPoint(), sc = TPoint()
        try normalizeLimitMonthFields(s, base, &f, &sc)
        try limitSpanDayFields(s, &f, &sc)
        return (f.handler, sc.handler, "time_point", "accurate")
    }

    func normalizeMonthLimitSpanDay(_ s: String) throws -> YmdResult {
        var f = TPoint(), sc = TPoint()
        guard let m = TimePatterns.month0.search(s), let nm = TimePatterns.monthNum.search(m.text) else { throw fail(s) }
        f.month = try int(nm.text); sc.month = f.month
        try limitSpanDayFields(s, &f, &sc)
        return (f.handler, sc.handler, "time_point", "accurate")
    }

    func normalizeLimitMonthOnly(_ s: String) throws -> YmdResult {
        var f = TPoint(), sc = TPoint()
        try normalizeLimitMonthFields(s, base, &f, &sc)
        return (f.handler, sc.handler, "time_point", "accurate")
    }

    func normalizeCenturyYear(_ s: String) throws -> YmdResult {
        let cm = TimePatterns.century.search(s), dm = TimePatterns.decade.search(s)
        var f = TPoint(), sc = TPoint()
        let christ = !s.jHas("公元前")
        var century: Int?, decade: Int?
        if let c = cm { century = s.jHas("上世纪") ? 20 : try int(c.text) }
        if let d = dm { decade = try int(d.text) }
        let fy: Int, sy: Int
        if century == nil {
            guard let d = decade else { throw fail(s) }
            let y = d > 20 ? 1900 + d : 2000 + d
            if s.jHas("初期") || s.jHas("初") || s.jHas("前") { (fy, sy) = (y, y + 2) }
            else if s.jHas("中期") || s.jHas("中") { (fy, sy) = (y + 3, y + 6) }
            else if s.jHas("末期") || s.jHas("末") || s.jHas("后") { (fy, sy) = (y + 7, y + 9) }
            else { (fy, sy) = (y, y + 9) }
        } else if decade == nil {
            let c = century!
            let y = christ ? (c - 1) * 100 : -c * 100
            if s.jHas("初期") || s.jHas("初") || s.jHas("前") { (fy, sy) = (y, y + 19) }
            else if s.jHas("中期") || s.jHas("中") { (fy, sy) = (y + 20, y + 79) }
            else if s.jHas("末期") || s.jHas("末") || s.jHas("后") { (fy, sy) = (y + 80, y + 99) }
            else { (fy, sy) = (y, y + 99) }
        } else {
            let c = century!, d = decade!
            let y = christ ? (c - 1) * 100 + d : -c * 100 + d
            if s.jHas("初期") || s.jHas("初") || s.jHas("前期") { (fy, sy) = (y, y + 2) }
            else if s.jHas("中期") || s.jHas("中") { (fy, sy) = (y + 3, y + 6) }
            else if s.jHas("末期") || s.jHas("末") || s.jHas("后") { (fy, sy) = (y + 7, y + 9) }
            else { (fy, sy) = (y, y + 9) }
        }
        f.year = fy; sc.year = sy
        return (f.handler, sc.handler, "time_span", "blur")
    }

    func normalizeLimitYearMonthDay(_ s: String) throws -> YmdResult {
        var t = TPoint()
        (t.year, _) = try normalizeLimitYear(s, base)
        var type = "time_span"
        if let m = TimePatterns.month0.search(s), let g = m.group(1) { t.month = try int(g) }
        if let d = TimePatterns.day0.search(s), let g = d.group(1) { t.day = try int(g); type = "time_point" }
        return (t.handler, t.handler, type, checkBlur(s, "accurate"))
    }

    func normalizeBlurYear(_ s: String) throws -> YmdResult {
        var f = TPoint(), sc = TPoint()
        var fm = -1, sm = -1
        var fy = 0, sy = 0
        let b = base
        func halfBefore(_ n: Int) {
            if 3 < b[1] && b[1] <= 9 { fy = b[0] - n - 1; fm = b[1] + 3; sy = b[0] - n; sm = b[1] - 3 }
            else if 0 < b[1] && b[1] <= 3 { fy = b[0] - n; fm = b[1] + 3; sy = b[0] - n; sm = b[1] + 9 }
            else if b[1] > 9 { fy = b[0] - n; fm = b[1] - 9; sy = b[0] - n; sm = b[1] - 3 }
            else { fy = b[0] - n; sy = b[0] - n }
        }
        func halfAfter(_ n: Int) {
            if 3 < b[1] && b[1] <= 9 { fy = b[0] + n; fm = b[1] + 3; sy = b[0] + n + 1; sm = b[1] - 3 }
            else if 0 < b[1] && b[1] <= 3 { fy = b[0] + n; fm = b[1] + 3; sy = b[0] + n; sm = b[1] + 9 }
            else if b[1] > 9 { fy = b[0] + n + 1; fm = b[1] - 9; sy = b[0] + n + 1; sm = b[1] - 3 }
            else { fy = b[0] + n; sy = b[0] + n }
        }
        if TimePatterns.blurYear1.matches(s) {
            guard let nm = TimePatterns.yearNum.search(s) else { throw fail(s) }
            let n = try int(nm.text)
            let duo = s.jHas("多") && (s.jScalarIndex(of: "多") ?? 0) < (s.jScalarIndex(of: "年") ?? 0)
            if s.jHas("几") || duo {
                let pad = n % 1000 == 0 ? 1000 : (n % 100 == 0 ? 100 : (n % 10 == 0 ? 10 : -1))
                if s.jHas("年前") || s.jHas("年之前") || s.jHas("年以前") {
                    guard pad > 0 else { throw fail(s) }
                    fy = b[0] - n - pad; sy = b[0] - n
                } else if s.jHas("年后") || s.jHas("年之后") || s.jHas("年以后") {
                    guard pad > 0 else { throw fail(s) }
                    fy = b[0] + n; sy = b[0] + n + pad
                } else { throw fail(s) }
            } else if s.jHas("年半") {
                if s.jHas("前") { halfBefore(n) } else if s.jHas("后") { halfAfter(n) } else { throw fail(s) }
            } else {
                if s.jHas("前") { fy = b[0] - n; sy = fy }
                else if s.jHas("后") { fy = b[0] + n; sy = fy }
                else { throw fail(s) }
            }
        } else if TimePatterns.blurYear2.matches(s) {
            if s.jHas("前") {
                if 3 < b[1] && b[1] <= 9 { fy = b[0] - 1; fm = b[1] + 3; sy = b[0]; sm = b[1] - 3 }
                else if b[1] <= 3 { fy = b[0]; fm = b[1] + 3; sy = b[0]; sm = b[1] + 9 }
                else if b[1] > 9 { fy = b[0]; fm = b[1] - 9; sy = b[0]; sm = b[1] - 3 }
                else { fy = b[0]; sy = b[0] }
            } else if s.jHas("后") {
                if 3 < b[1] && b[1] <= 9 { fy = b[0]; fm = b[1] + 3; sy = b[0] + 1; sm = b[1] - 3 }
                else if b[1] <= 3 { fy = b[0]; fm = b[1] + 3; sy = b[0]; sm = b[1] + 9 }
                else if b[1] > 9 { fy = b[0] + 1; fm = b[1] - 9; sy = b[0] + 1; sm = b[1] - 3 }
                else { fy = b[0]; sy = b[0] }
            } else { throw fail(s) }
        } else if TimePatterns.blurYear3.matches(s) {
            let table: [(String, Int, Int)] = [("几十", 20, 100), ("几百", 200, 1000), ("几千", 2000, 10000)]
            guard let row = table.first(where: { s.jHas($0.0) }) else { throw fail(s) }
            if s.jHas("前") { fy = b[0] - row.2; sy = b[0] - row.1 }
            else if s.jHas("后") { fy = b[0] + row.1; sy = b[0] + row.2 }
            else { throw fail(s) }
        } else { throw fail(s) }
        f.year = fy; sc.year = sy; f.month = fm; sc.month = sm
        return (f.handler, sc.handler, "time_span", "blur")
    }

    func lunarMonthNumber(_ g: String) throws -> (Int, Bool) {
        let leap = g.jHas("闰")
        let t = g.jRep("正", "一").jRep("冬", "十一").jRep("腊", "十二").jRep("闰", "")
        return (try int(t), leap)
    }

    func normalizeLunarYearMonthDay(_ s: String) throws -> YmdResult {
        let lm = TimePatterns.lunarMonth.search(s)
        var ld = TimePatterns.lunarDay.search(s)
        var useLunarDay = true
        if ld == nil { ld = TimePatterns.day0.search(s); if ld != nil { useLunarDay = false } }
        var t = TPoint()
        if let y = try normalizeYear(s, base) { t.year = y }
        var leap = false
        if let m = lm, let g = m.group(1) { (t.month, leap) = try lunarMonthNumber(g) }
        if let d = ld {
            if useLunarDay { t.day = try int(d.text.jRep("初", "").jRep("廿", "二十")) }
            else { t.day = try int(d.group(1) ?? "") }
        }
        let h = try completion(t.handler, base)
        let (a, b) = try lunar2solar(h, leap: leap)
        return (a, b, "time_point", "accurate")
    }

    func normalizeLunarLimitYearMonthDay(_ s: String) throws -> YmdResult {
        let lm = TimePatterns.lunarMonth.search(s)
        let ld = TimePatterns.lunarDay.search(s)
        var t = TPoint()
        (t.year, _) = try normalizeLimitYear(s, base)
        var leap = false
        if let m = lm, let g = m.group(1) { (t.month, leap) = try lunarMonthNumber(g) }
        if let d = ld { t.day = try int(d.text.jRep("初", "").jRep("廿", "二十")) }
        let h = try completion(t.handler, base)
        let (a, b) = try lunar2solar(h, leap: leap)
        return (a, b, "time_point", "accurate")
    }

    func normalizeYear24st(_ s: String) throws -> YmdResult {
        var t = TPoint()
        if let y = try normalizeYear(s, base) { t.year = y }
        if let st = TimePatterns.lunar24st.search(s) {
            if t.year == -1 { t.year = base[0] }
            let (m, d) = try SolarTerms.date(t.year, st.text)
            t.month = m; t.day = d
            if st.text == "小寒" || st.text == "大寒" { t.year += 1 }
        }
        return (t.handler, t.handler, "time_point", "accurate")
    }

    func seasonFields(_ season: String, _ f: inout TPoint, _ sc: inout TPoint) throws {
        let order = ["春", "夏", "秋", "冬"]
        guard let idx = order.firstIndex(where: { season.jHas($0) }) else { throw fail(season) }
        let (m1, d1) = try SolarTerms.date(f.year, "立" + order[idx])
        let (m2, d2) = try SolarTerms.date(f.year, "立" + order[(idx + 1) % 4])
        if idx == 3 { sc.year += 1 }
        f.month = m1; sc.month = m2; f.day = d1; sc.day = d2 - 1
    }

    func normalizeYearLunarSeason(_ s: String) throws -> YmdResult {
        var f = TPoint(), sc = TPoint()
        if let y = try normalizeYear(s, base) { f.year = y; sc.year = y } else { f.year = base[0]; sc.year = base[0] }
        if let season = TimePatterns.lunarSeason.search(s) { try seasonFields(season.text, &f, &sc) }
        return (f.handler, sc.handler, "time_span", "accurate")
    }

    func normalizeLimitYearLunarSeason(_ s: String) throws -> YmdResult {
        var f = TPoint(), sc = TPoint()
        (f.year, sc.year) = try normalizeLimitYear(s, base)
        if let season = TimePatterns.lunarSeason.search(s) { try seasonFields(season.text, &f, &sc) }
        return (f.handler, sc.handler, "time_span", "accurate")
    }

    func normalizeYearMonthBlurDay(_ s: String) throws -> YmdResult {
        var f = TPoint(), sc = TPoint()
        if let y = try normalizeYear(s, base) { f.year = y; sc.year = y }
        if let m = TimePatterns.month0.search(s), let g = m.group(1) { f.month = try int(g); sc.month = f.month }
        try blurDayFields(s, &f, &sc)
        return (f.handler, sc.handler, "time_span", "blur")
    }

    func normalizeLimitYearMonthBlurDay(_ s: String) throws -> YmdResult {
        var f = TPoint(), sc = TPoint()
        (f.year, sc.year) = try normalizeLimitYear(s, base)
        if let m = TimePatterns.month0.search(s), let g = m.group(1) { f.month = try int(g); sc.month = f.month }
        try blurDayFields(s, &f, &sc)
        return (f.handler, sc.handler, "time_span", "blur")
    }

    static let weekDayChars: [(String, Int)] = [("一", 0), ("二", 1), ("三", 2), ("四", 3), ("五", 4), ("六", 5), ("天", 6), ("末", 6), ("日", 6)]

    func normalizeStandardWeekDay(_ s: String) throws -> YmdResult {
        var b = try dt(base)
        if let w = TimePatterns.week3.search(s)?.text {
            if w.jHas("上") { b = b.adding(days: Double(-7 * w.jOccurrences("上"))) }
            else if w.jHas("下") { b = b.adding(days: Double(7 * w.jOccurrences("下"))) }
        }
        guard let wd = TimePatterns.week4.search(s)?.text, let hit = TimeEngine.weekDayChars.first(where: { wd.jHas($0.0) }) else { throw fail(s) }
        let target = TimeEngine.computeWeekDay(b, hit.1, flag: false)
        var t = TPoint()
        t.map(target, [0, 1, 2])
        return (t.handler, t.handler, "time_point", "accurate")
    }

    func normalizeBlurWeek(_ s: String) throws -> YmdResult {
        var b = try dt(base)
        var f = TPoint(), sc = TPoint()
        var fh: TimeHandler, sh: TimeHandler
        if let w1 = TimePatterns.week1.search(s)?.text {
            let n = try TimePatterns.weekNum.search(w1).map { try int($0.text) } ?? 0
            if w1.jHas("前") {
                b = b.adding(days: Double(-7 * n))
                f.map(TimeEngine.computeWeekDay(b, 0, flag: false), [0, 1, 2])
                fh = f.handler; sh = base
            } else if w1.jHas("后") {
                b = b.adding(days: Double(7 * n))
                sc.map(TimeEngine.computeWeekDay(b, 6, flag: false), [0, 1, 2])
                sh = sc.handler; fh = base
            } else { throw fail(s) }
        } else if let w2 = TimePatterns.week2.search(s)?.text {
            let n = try TimePatterns.weekNum.search(w2).map { try int($0.text) } ?? 0
            if w2.jHas("前") { b = b.adding(days: Double(-7 * n)) }
            else if w2.jHas("后") { b = b.adding(days: Double(7 * n)) }
            else { throw fail(s) }
            f.map(TimeEngine.computeWeekDay(b, 0, flag: false), [0, 1, 2])
            sc.map(TimeEngine.computeWeekDay(b, 6, flag: false), [0, 1, 2])
            fh = f.handler; sh = sc.handler
        } else if let w3 = TimePatterns.week3.search(s)?.text {
            if w3.jHas("上上") { b = b.adding(days: -14) }
            else if w3.jHas("下下") { b = b.adding(days: 14) }
            else if w3.jHas("上") { b = b.adding(days: -7) }
            else if w3.jHas("下") { b = b.adding(days: 7) }
            f.map(TimeEngine.computeWeekDay(b, 0, flag: false), [0, 1, 2])
            sc.map(TimeEngine.computeWeekDay(b, 6, flag: false), [0, 1, 2])
            fh = f.handler; sh = sc.handler
        } else { throw fail(s) }
        return (fh, sh, "time_point", "blur")
    }

    func normalizeLimitWeek(_ s: String) throws -> YmdResult {
        var t = TPoint()
        guard let m = TimePatterns.month0.search(s), let nm = TimePatterns.monthNum.search(m.text) else { throw fail(s) }
        t.month = try int(nm.text)
        guard let wr = TimePatterns.week5.search(s)?.text, let wd = TimePatterns.week4.search(s)?.text,
              let on = TimePatterns.weekNum.search(wr) else { throw fail(s) }
        let order = try int(on.text)
        t.year = base[0]
        let start = try NaiveDateTime(t.year, t.month, 1)
        guard let hit = TimeEngine.weekDayChars.first(where: { wd.jHas($0.0) }) else { throw fail(s) }
        var target = TimeEngine.computeWeekDay(start, hit.1, flag: true)
        if order > 1 { target = target.adding(days: Double(7 * (order - 1))) }
        t.day = target.handler[2]
        return (t.handler, t.handler, "time_point", "accurate")
    }

    func monthOrderWeek(_ s: String, _ month: Int, _ year: Int?) throws -> (NaiveDateTime, NaiveDateTime) {
        guard let wr = TimePatterns.week5.search(s)?.text, let on = TimePatterns.weekNum.search(wr) else { throw fail(s) }
        let order = try int(on.text)
        var offset = order * 7
        let first = try NaiveDateTime(year ?? base[0], month, 1)
        let w = (first.weekday + 1) % 7  // %w: Sunday = 0
        if w == 1 {} else if w == 0 { offset += 1 } else { offset += 7 + 1 - w }
        let a = first.adding(days: Double(offset - 7)), b = first.adding(days: Double(offset - 1))
        if a.handler[1] != month { throw fail(s) }
        return (a, b)
    }

    func normalizeMonthWeek(_ s: String) throws -> YmdResult {
        var f = TPoint(), sc = TPoint()
        guard let m = TimePatterns.month0.search(s), let nm = TimePatterns.monthNum.search(m.text) else { throw fail(s) }
        f.month = try int(nm.text); sc.month = f.month
        let (a, b) = try monthOrderWeek(s, f.month, nil)
        f.map(a, [1, 2]); sc.map(b, [0, 1, 2])
        return (f.handler, sc.handler, "time_span", "accurate")
    }

    func normalizeLimitMonthWeek(_ s: String) throws -> YmdResult {
        var f = TPoint(), sc = TPoint()
        try normalizeLimitMonthFields(s, base, &f, &sc)
        let (a, b) = try monthOrderWeek(s, f.month, nil)
        f.map(a, [1, 2]); sc.map(b, [0, 1, 2])
        return (f.handler, sc.handler, "time_span", "accurate")
    }

    func normalizeYearMonthWeek(_ s: String) throws -> YmdResult {
        var f = TPoint(), sc = TPoint()
        if let y = try normalizeYear(s, base) { f.year = y; sc.year = y }
        if let m = TimePatterns.month0.search(s), let g = m.group(1) { f.month = try int(g); sc.month = f.month }
        let (a, b) = try monthOrderWeek(s, f.month, f.year == -1 ? nil : f.year)
        f.map(a, [1, 2]); sc.map(b, [0, 1, 2])
        return (f.handler, sc.handler, "time_span", "accurate")
    }

    func normalizeLimitYearMonthWeek(_ s: String) throws -> YmdResult {
        var f = TPoint(), sc = TPoint()
        (f.year, sc.year) = try normalizeLimitYear(s, base)
        if let m = TimePatterns.month0.search(s), let g = m.group(1) { f.month = try int(g); sc.month = f.month }
        let (a, b) = try monthOrderWeek(s, f.month, f.year)
        f.map(a, [1, 2]); sc.map(b, [0, 1, 2])
        return (f.handler, sc.handler, "time_span", "accurate")
    }

    func yearOrderWeek(_ s: String, _ year: Int) throws -> (NaiveDateTime, NaiveDateTime) {
        guard let wr = TimePatterns.week5.search(s)?.text, let on = TimePatterns.weekNum.search(wr) else { throw fail(s) }
        let order = try int(on.text)
        var offset = order * 7
        let first = try NaiveDateTime(year, 1, 1)
        let w = (first.weekday + 1) % 7
        if w == 1 {} else if w == 0 { offset += 1 } else { offset += 7 + 1 - w }
        let a = first.adding(days: Double(offset - 7)), b = first.adding(days: Double(offset - 1))
        if a.handler[0] != year { throw fail(s) }
        return (a, b)
    }

    func normalizeYearWeek(_ s: String) throws -> YmdResult {
        var f = TPoint(), sc = TPoint()
        f.year = try normalizeYear(s, base) ?? base[0]
        let (a, b) = try yearOrderWeek(s, f.year)
        f.map(a, [1, 2]); sc.map(b, [0, 1, 2])
        return (f.handler, sc.handler, "time_span", "accurate")
    }

    func normalizeLimitYearWeek(_ s: String) throws -> YmdResult {
        var f = TPoint(), sc = TPoint()
        (f.year, _) = try normalizeLimitYear(s, base)
        let (a, b) = try yearOrderWeek(s, f.year)
        f.map(a, [1, 2]); sc.map(b, [0, 1, 2])
        return (f.handler, sc.handler, "time_span", "accurate")
    }

    static let fixedSolarHolidays: [(String, Int, Int)] = {
        let d: [String: (Int, Int)] = [
            "元旦": (1, 1), "妇女节": (3, 8), "女神节": (3, 8), "三八": (3, 8), "植树节": (3, 12), "五一": (5, 1), "劳动节": (5, 1),
            "青年节": (5, 4), "六一": (6, 1), "儿童节": (6, 1), "七一": (7, 1), "建党节": (7, 1), "八一": (8, 1), "建军节": (8, 1),
            "教师节": (9, 10), "国庆节": (10, 1), "十一": (10, 1), "国庆": (10, 1), "清明节": (4, 5),
            "情人节": (2, 14), "愚人节": (4, 1), "万圣节": (10, 31), "圣诞": (12, 25),
            "地球日": (4, 22), "护士节": (5, 12), "三一五": (3, 15), "消费者权益日": (3, 15), "三.一五": (3, 15), "三·一五": (3, 15),
            "双11": (11, 11), "双十一": (11, 11), "双十二": (12, 12), "双12": (12, 12),
        ]
        // Longest names first; ties in a fixed order for determinism.
        return d.map { ($0.key, $0.value.0, $0.value.1) }.sorted { ($0.0.jScalarCount, $1.0) > ($1.0.jScalarCount, $0.0) }
    }()

    static let fixedLunarHolidays: [(String, Int, Int)] = [
        ("春节", 1, 1), ("大年初一", 1, 1), ("大年初二", 1, 2), ("大年初三", 1, 3), ("大年初四", 1, 4), ("大年初五", 1, 5),
        ("大年初六", 1, 6), ("大年初七", 1, 7), ("大年初八", 1, 8), ("大年初九", 1, 9), ("大年初十", 1, 10),
        ("元宵", 1, 15), ("填仓节", 1, 25), ("龙抬头", 2, 2), ("上巳节", 3, 3), ("寒食节", 4, 3), ("浴佛节", 4, 8),
        ("端午", 5, 5), ("端阳", 5, 5), ("姑姑节", 6, 6), ("七夕", 7, 7), ("中元", 7, 15), ("财神节", 7, 22), ("中秋", 8, 15),
        ("重阳", 9, 9), ("下元节", 10, 15), ("寒衣节", 10, 1), ("腊八", 12, 8), ("除夕", 12, 30), ("大年三十", 12, 30),
    ]

    static let regularSolarHolidays: [(String, Int, Int, Int)] = [("母亲节", 5, 2, 7), ("父亲节", 6, 3, 7), ("感恩节", 11, 4, 4)]

    func solarFestivalDay(_ s: String, _ t: inout TPoint) throws {
        for (name, m, d) in TimeEngine.fixedSolarHolidays where s.jHas(name) { t.month = m; t.day = d; break }
        if t.day < 0 { throw fail(s) }
    }

    func normalizeYearFixedSolarFestival(_ s: String) throws -> YmdResult {
        var t = TPoint()
        t.year = try normalizeYear(s, base) ?? base[0]
        try solarFestivalDay(s, &t)
        return (t.handler, t.handler, "time_point", "accurate")
    }

    func normalizeLimitYearFixedSolarFestival(_ s: String) throws -> YmdResult {
        var t = TPoint()
        (t.year, _) = try normalizeLimitYear(s, base)
        try solarFestivalDay(s, &t)
        return (t.handler, t.handler, "time_point", "accurate")
    }

    func normalizeYearFixedLunarFestival(_ s: String) throws -> YmdResult {
        var t = TPoint()
        t.year = try normalizeYear(s, base) ?? base[0]
        for (name, m, d) in TimeEngine.fixedLunarHolidays where s.jHas(name) {
            let (a, _) = try lunar2solar([t.year, m, d, -1, -1, -1], leap: false)
            t.year = a[0]; t.month = a[1]; t.day = a[2]
            break
        }
        if t.day < 0 { throw fail(s) }
        return (t.handler, t.handler, "time_point", "accurate")
    }

    func normalizeLimitYearFixedLunarFestival(_ s: String) throws -> YmdResult {
        var t = TPoint()
        (t.year, _) = try normalizeLimitYear(s, base)
        for (name, m, d) in TimeEngine.fixedLunarHolidays where s.jHas(name) {
            let (a, _) = try lunar2solar([t.year, m, d, -1, -1, -1], leap: false)
            t.month = a[1]; t.day = a[2]
            break
        }
        if t.day < 0 { throw fail(s) }
        return (t.handler, t.handler, "time_point", checkBlur(s, "accurate"))
    }

    func regularFestivalDay(_ s: String, _ t: inout TPoint) throws {
        for (name, month, order, wd) in TimeEngine.regularSolarHolidays where s.jHas(name) {
            t.month = month
            let start = try NaiveDateTime(t.year, month, 1)
            var target = TimeEngine.computeWeekDay(start, wd - 1, flag: true)
            if order > 1 { target = target.adding(days: Double(7 * (order - 1))) }
            t.day = target.handler[2]
            break
        }
        if t.day < 0 { throw fail(s) }
    }

    func normalizeYearRegularSolarFestival(_ s: String) throws -> YmdResult {
        var t = TPoint()
        t.year = try normalizeYear(s, base) ?? base[0]
        try regularFestivalDay(s, &t)
        return (t.handler, t.handler, "time_point", "accurate")
    }

    func normalizeLimitYearRegularSolarFestival(_ s: String) throws -> YmdResult {
        var t = TPoint()
        (t.year, _) = try normalizeLimitYear(s, base)
        try regularFestivalDay(s, &t)
        return (t.handler, t.handler, "time_point", "accurate")
    }

    func normalizeLimitDay(_ s: String) throws -> YmdResult {
        var t = TPoint()
        if let ld = TimePatterns.day2.search(s)?.text {
            var b = try dt(base)
            let shifts: [(String, Double)] = [("大大前", -4), ("大前", -3), ("前", -2), ("昨", -1), ("今", 0), ("同一", 0), ("当", 0),
                                              ("明", 1), ("次", 1), ("大大后", 4), ("大后", 3), ("后", 2)]
            guard let hit = shifts.first(where: { ld.jHas($0.0) }) else { throw fail(s) }
            b = b.adding(days: hit.1)
            t.map(b, [0, 1, 2])
        } else {
            t.day = base[2]
        }
        if t.day < 0 { throw AnalysisError.insufficientBase(s) }
        return (t.handler, t.handler, "time_point", "accurate")
    }

    func normalizeXianzai(_ s: String) throws -> YmdResult { (base, base, "time_point", "accurate") }

    func normalizeSpecialTimeSpan(_ s: String) throws -> YmdResult {
        var f = TPoint(), sc = TPoint()
        if s.jHas("今明") {
            if s.jHas("年") { f.year = base[0]; sc.year = base[0] + 1 }
            else if s.jHas("天") {
                guard base[2] != -1 else { throw AnalysisError.insufficientBase(s) }
                f.day = base[2]; sc.day = base[2] + 1
            } else { throw fail(s) }
        } else if s.jHas("全") {
            if s.jHas("年") { f.year = base[0]; sc.year = base[0] }
            else if s.jHas("月") { f.month = base[1]; sc.month = base[1] }
            else if s.jHas("天") { f.day = base[2]; sc.day = base[2] }
            else { throw fail(s) }
        } else { throw fail(s) }
        return (f.handler, sc.handler, "time_span", "accurate")
    }

    func normalizeYearOrderDeltaPoint(_ s: String) throws -> YmdResult {
        guard let dn = TimePatterns.deltaNum.search(s) else { throw fail(s) }
        let n = Int(try charNum2Num(dn.text))
        var f = TPoint()
        f.year = base[0] + n - 1
        return (f.handler, f.handler, "time_span", "blur")
    }

    func normalizeDayOrderDeltaPoint(_ s: String) throws -> YmdResult {
        guard let dn = TimePatterns.deltaNum.search(s) else { throw fail(s) }
        let n = Int(try charNum2Num(dn.text))
        var f = TPoint()
        f.day = base[2] + n - 1
        return (f.handler, f.handler, "time_span", "accurate")
    }

    func normalizeYearDayOrderDeltaPoint(_ s: String) throws -> YmdResult {
        let parts = s.components(separatedBy: "第")
        guard parts.count == 2 else { throw fail(s) }
        var f = TPoint()
        if let y = try normalizeYear(parts[0], base) { f.year = y; f.month = 1; f.day = 1 }
        guard let dn = TimePatterns.deltaNum.search("第" + parts[1]) else { throw fail(s) }
        let n = Int(try charNum2Num(dn.text))
        f.day = f.day + n - 1
        return (f.handler, f.handler, "time_span", "accurate")
    }
}
