import Foundation

/// Naive (time-zone free) proleptic-Gregorian date-time used by the time parser, stored as
/// seconds since 1970-01-01 00:00:00 (fractional part kept to microseconds like Python's datetime).
struct NaiveDateTime: Equatable {
    var seconds: Double

    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        CivilDate.days(year: y0, month: m, day: d)
    }

    static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    static func isLeap(_ y: Int) -> Bool { (y % 100 != 0 && y % 4 == 0) || (y % 100 == 0 && y % 400 == 0) }

    static func daysInMonth(_ y: Int, _ m: Int) -> Int {
        switch m {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        default: return isLeap(y) ? 29 : 28
        }
    }

    /// Validating constructor (Python `datetime(...)` semantics).
    init(_ y: Int, _ mo: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, _ s: Int = 0) throws {
        guard (1...9999).contains(y), (1...12).contains(mo), d >= 1, d <= NaiveDateTime.daysInMonth(y, mo),
              (0...23).contains(h), (0...59).contains(mi), (0...59).contains(s)
        else { throw AnalysisError.illegal("invalid date \(y)-\(mo)-\(d) \(h):\(mi):\(s)") }
        let days = NaiveDateTime.daysFromCivil(y, mo, d)
        seconds = Double(days) * 86400 + Double(h * 3600 + mi * 60 + s)
    }

    init(seconds: Double) { self.seconds = seconds }

    /// From a handler, -1 fields filled with 1 (y/m/d) or 0 (h/m/s).
    init(handler h: [Int]) throws {
        var v = [Int]()
        for (i, x) in h.enumerated() { v.append(x > -1 ? x : (i < 3 ? 1 : 0)) }
        try self.init(v[0], v[1], v[2], v[3], v[4], v[5])
    }

    var handler: [Int] {
        let whole = floor(seconds + 1e-7)
        let days = Int(floor(whole / 86400))
        let rem = Int(whole - Double(days) * 86400)
        let (y, m, d) = NaiveDateTime.civilFromDays(days)
        return [y, m, d, rem / 3600, (rem % 3600) / 60, rem % 60]
    }

    /// Monday = 0 ... Sunday = 6 (Python `weekday()`).
    var weekday: Int {
        let days = Int(floor(seconds / 86400))
        return ((days % 7) + 7 + 3) % 7
    }

    func adding(days: Double = 0, hours: Double = 0, minutes: Double = 0, seconds s: Double = 0) -> NaiveDateTime {
        var delta = days * 86400 + hours * 3600 + minutes * 60 + s
        delta = (delta * 1_000_000).rounded() / 1_000_000
        return NaiveDateTime(seconds: seconds + delta)
    }

    static func fromDate(_ date: Date, timeZone: TimeZone) -> NaiveDateTime {
        let offset = Double(timeZone.secondsFromGMT(for: date))
        return NaiveDateTime(seconds: date.timeIntervalSince1970 + offset)
    }
}

/// Chinese lunar calendar for 1900...2100 (month-length table as used by common lunar converters).
enum LunarCalendar {
    static let yearCodes: [Int] = [
        19416, 19168, 42352, 21717, 53856, 55632, 91476, 22176, 39632, 21970, 19168, 42422,
        42192, 53840, 119381, 46400, 54944, 44450, 38320, 84343, 18800, 42160, 46261, 27216,
        27968, 109396, 11104, 38256, 21234, 18800, 25958, 54432, 59984, 92821, 23248, 11104,
        100067, 37600, 116951, 51536, 54432, 120998, 46416, 22176, 107956, 9680, 37584, 53938,
        43344, 46423, 27808, 46416, 86869, 19872, 42416, 83315, 21168, 43432, 59728, 27296,
        44710, 43856, 19296, 43748, 42352, 21088, 62051, 55632, 23383, 22176, 38608, 19925,
        19152, 42192, 54484, 53840, 54616, 46400, 46752, 103846, 38320, 18864, 43380, 42160,
        45690, 27216, 27968, 44870, 43872, 38256, 19189, 18800, 25776, 29859, 59984, 27480,
        23232, 43872, 38613, 37600, 51552, 55636, 54432, 55888, 30034, 22176, 43959, 9680,
        37584, 51893, 43344, 46240, 47780, 44368, 21977, 19360, 42416, 86390, 21168, 43312,
        31060, 27296, 44368, 23378, 19296, 42726, 42208, 53856, 60005, 54576, 23200, 30371,
        38608, 19195, 19152, 42192, 118966, 53840, 54560, 56645, 46496, 22224, 21938, 18864,
        42359, 42160, 43600, 111189, 27936, 44448, 84835, 37744, 18936, 18800, 25776, 92326,
        59984, 27296, 108228, 43744, 37600, 53987, 51552, 54615, 54432, 55888, 23893, 22176,
        42704, 21972, 21200, 43448, 43344, 46240, 46758, 44368, 21920, 43940, 42416, 21168,
        45683, 26928, 29495, 27296, 44368, 84821, 19296, 42352, 21732, 53600, 59752, 54560,
        55968, 92838, 22224, 19168, 43476, 41680, 53584, 62034, 54560,
    ]

    static func monthDays(_ code: Int) -> [Int] {
        var days: [Int] = []
        for i in 5...16 { days.insert(((code >> (i - 1)) & 1) == 1 ? 30 : 29, at: 0) }
        let leap = code & 0xf
        if leap != 0 { days.insert((code >> 16) != 0 ? 30 : 29, at: leap) }
        return days
    }

    /// Day number (days since 1970-01-01) of lunar new year for years 1900...2101.
    static let newYearDays: [Int] = {
        var out: [Int] = []
        var d = NaiveDateTime.daysFromCivil(1900, 1, 31)
        for code in yearCodes {
            out.append(d)
            d += monthDays(code).reduce(0, +)
        }
        out.append(d)
        return out
    }()

    static func validate(_ y: Int, _ m: Int, _ d: Int, _ leap: Bool) -> Bool {
        guard (1900...2100).contains(y), (1...12).contains(m), (1...30).contains(d) else { return false }
        let code = yearCodes[y - 1900]
        if leap {
            if (code & 0xf) != m { return false }
            if d == 30 { return (code >> 16) == 1 }
            return true
        }
        if d <= 29 { return true }
        return ((code >> ((12 - m) + 4)) & 1) == 1
    }

    /// Lunar → solar date (year, month, day). Throws when the lunar date does not exist.
    static func toSolar(_ y: Int, _ m: Int, _ d: Int, leap: Bool) throws -> (Int, Int, Int) {
        guard validate(y, m, d, leap) else { throw AnalysisError.illegal("lunar date \(y)-\(m)-\(d)") }
        let code = yearCodes[y - 1900]
        let md = monthDays(code)
        let leapMonth = code & 0xf
        let passed: Int
        if leapMonth == 0 || m < leapMonth || (!leap && m == leapMonth) {
            passed = md[0..<(m - 1)].reduce(0, +)
        } else {
            passed = md[0..<m].reduce(0, +)
        }
        return NaiveDateTime.civilFromDays(newYearDays[y - 1900] + passed + d - 1)
    }
}

/// The 24 solar terms by the widely used "century constant" formula.
enum SolarTerms {
    static let c20: [Double] = [6.11, 20.84, 4.6295, 19.4599, 6.3826, 21.4155, 5.59, 20.888, 6.318, 21.86, 6.5, 22.2,
                                7.928, 23.65, 8.35, 23.95, 8.44, 23.822, 9.098, 24.218, 8.218, 23.08, 7.9, 22.6]
    static let c21: [Double] = [5.4055, 20.12, 3.87, 18.73, 5.63, 20.646, 4.81, 20.1, 5.52, 21.04, 5.678, 21.37, 7.108,
                                22.83, 7.5, 23.13, 7.646, 23.042, 8.318, 23.438, 7.438, 22.36, 7.18, 21.94]
    static let names = ["小寒", "大寒", "立春", "雨水", "惊蛰", "春分", "清明", "谷雨", "立夏", "小满", "芒种", "夏至",
                        "小暑", "大暑", "立秋", "处暑", "白露", "秋分", "寒露", "霜降", "立冬", "小雪", "大雪", "冬至"]
    /// (year, day correction) exceptions per term.
    static let exceptions: [String: [(Int, Int)]] = [
        "小寒": [(2019, -1), (1982, 1)], "大寒": [(2082, 1)], "雨水": [(2026, -1)], "春分": [(2084, 1)],
        "立夏": [(1911, 1)], "小满": [(2008, 1)], "芒种": [(1902, 1)], "小暑": [(2016, 1), (1925, 1)],
        "大暑": [(1922, 1)], "立秋": [(2002, 1)], "白露": [(1927, 1)], "寒露": [(2088, 0)], "霜降": [(2089, 1)],
        "立冬": [(2089, 1)], "小雪": [(1978, 0)], "大雪": [(1954, 1)], "冬至": [(2021, -1), (1918, -1)],
    ]

    /// (month, day) of a solar term in `year` (小寒/大寒 fall in January of the next calendar year in JioNLP's usage).
    static func date(_ year: Int, _ term: String) throws -> (Int, Int) {
        guard let idx = names.firstIndex(of: term) else { throw AnalysisError.illegal(term) }
        let table = (year / 100 == 19 || year == 2000) ? c20 : c21
        let y = year % 100
        let base = Int(Double(y) * 0.2422 + table[idx])
        var day: Int
        if idx < 4 { day = base - Int(Double(y - 1) / 4) } else { day = base - y / 4 }
        if let ex = exceptions[term], let hit = ex.first(where: { $0.0 == year }) { day += hit.1 }
        return (idx / 2 + 1, day)
    }
}

/// Day numbers of the proleptic Gregorian calendar (Howard Hinnant's `days_from_civil`).
public enum CivilDate {
    /// Days since 1970-01-01.
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
