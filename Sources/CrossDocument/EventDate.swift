import Analysis

/// One end of an event date as the event extractor writes it (EDTF style): `2020-08-18`,
/// `2020-08`, `2020`, or with an open year `XXXX-08-18`, `XXXX-08`, `XXXX`.
struct DateValue: Sendable, Equatable {
    /// nil for an open year (`XXXX`).
    var year: Int?
    var month: Int?
    var day: Int?

    /// 3 for a day, 2 for a month, 1 for a year only.
    var precision: Int { day != nil ? 3 : (month != nil ? 2 : 1) }

    /// Parses `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, with `XXXX` (or `xxxx`) for an unknown year.
    /// Also accepts one-digit months and days and `/` or `.` between year, month and day when
    /// there is no interval (publication dates such as `2020/8/19`). nil when malformed.
    static func parsePoint(_ text: String) -> DateValue? {
        var parts: [String] = []
        var current = ""
        for s in text.unicodeScalars {
            if s == "-" || s == "." || s == "/" {
                parts.append(current)
                current = ""
            } else if ("0"..."9").contains(s) || s == "X" || s == "x" {
                current.unicodeScalars.append(s)
            } else {
                return nil
            }
        }
        parts.append(current)
        guard (1...3).contains(parts.count) else { return nil }
        var value = DateValue()
        let y = parts[0]
        if y.uppercased() == "XXXX" {
            value.year = nil
        } else if y.unicodeScalars.count == 4, let n = Int(y) {
            value.year = n
        } else {
            return nil
        }
        if parts.count >= 2 {
            guard let m = Int(parts[1]), (1...12).contains(m), parts[1].count <= 2 else { return nil }
            value.month = m
        }
        if parts.count == 3 {
            guard let d = Int(parts[2]), let m = value.month, d >= 1, d <= daysIn(month: m, year: value.year), parts[2].count <= 2 else {
                return nil
            }
            value.day = d
        }
        return value
    }

    /// `2020-08-18`, `XXXX-08`, `2020`.
    var text: String {
        var s = year.map { String(format4($0)) } ?? "XXXX"
        if let month { s += "-" + pad2(month) }
        if let day { s += "-" + pad2(day) }
        return s
    }

    private func format4(_ n: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }
    private func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// Days in a month (February has 29 when the year is unknown).
    static func daysIn(month: Int, year: Int?) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        default:
            guard let y = year else { return 29 }
            return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    static func days(year: Int, month: Int, day: Int) -> Int {
        CivilDate.days(year: year, month: month, day: day)
    }

    /// The first and last day this value covers, as day numbers (needs a known year).
    var dayRange: ClosedRange<Int>? {
        guard let y = year else { return nil }
        let m0 = month ?? 1, m1 = month ?? 12
        let d0 = day ?? 1, d1 = day ?? Self.daysIn(month: m1, year: y)
        return Self.days(year: y, month: m0, day: d0)...Self.days(year: y, month: m1, day: d1)
    }

    /// The first and last month-day it covers, as `month * 100 + day` (ignoring the year).
    var monthDayRange: ClosedRange<Int> {
        let m0 = month ?? 1, m1 = month ?? 12
        let d0 = day ?? 1, d1 = day ?? 31
        return (m0 * 100 + d0)...(m1 * 100 + d1)
    }
}

/// An event date: one `DateValue` or an interval `A/B` of two.
struct EventDate: Sendable, Equatable {
    var start: DateValue
    var end: DateValue

    var isInterval: Bool { start != end }

    /// Parses a point or an interval `A/B`; nil when malformed.
    static func parse(_ text: String) -> EventDate? {
        let pieces = text.split(separator: "/", omittingEmptySubsequences: false)
        if pieces.count == 1 {
            guard let p = DateValue.parsePoint(text) else { return nil }
            return EventDate(start: p, end: p)
        }
        guard pieces.count == 2, let a = DateValue.parsePoint(String(pieces[0])), let b = DateValue.parsePoint(String(pieces[1])) else {
            return nil
        }
        return EventDate(start: a, end: b)
    }

    /// True when some year is open (`XXXX`).
    var hasOpenYear: Bool { start.year == nil || end.year == nil }

    /// The covered days, when both years are known.
    var dayRange: ClosedRange<Int>? {
        guard let a = start.dayRange, let b = end.dayRange, a.lowerBound <= b.upperBound else { return nil }
        return a.lowerBound...b.upperBound
    }

    /// The covered month-days ignoring years; the whole year when the interval wraps around.
    var monthDayRange: ClosedRange<Int> {
        let a = start.monthDayRange, b = end.monthDayRange
        let spansYears = start.year != nil && end.year != nil && start.year != end.year
        if spansYears || a.lowerBound > b.upperBound { return 101...1231 }
        return a.lowerBound...b.upperBound
    }

    /// Width in days (an open year counts as a leap year); smaller is more specific.
    var width: Int {
        if let r = dayRange { return r.count }
        let md = monthDayRange
        // Approximate: 31 days per month.
        let a = (md.lowerBound / 100) * 31 + md.lowerBound % 100
        let b = (md.upperBound / 100) * 31 + md.upperBound % 100
        return b - a + 1
    }

    var text: String { isInterval ? start.text + "/" + end.text : start.text }

    /// True when the two dates may denote the same time: with both years known, their day
    /// ranges overlap; with an open year on either side, their month-day ranges overlap.
    func overlaps(_ other: EventDate) -> Bool {
        if !hasOpenYear && !other.hasOpenYear, let a = dayRange, let b = other.dayRange {
            return a.overlaps(b)
        }
        return monthDayRange.overlaps(other.monthDayRange)
    }
}
