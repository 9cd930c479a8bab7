/// A date (and maybe a time) found on a page.
struct FoundDate: Sendable, Equatable {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int?
    var minute: Int?
    var second: Int?

    /// ISO 8601: `2020-12-25T09:23:35`; `2020-12-17T10:30:00` for a time without seconds;
    /// `2020-12-17` when no time is given.
    var iso: String {
        if day == 0 { return pad(year, 4) + "-" + pad(month, 2) } // a month ("1998年3月号")
        var s = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
        if let hour, let minute {
            s += "T" + pad(hour, 2) + ":" + pad(minute, 2) + ":" + pad(second ?? 0, 2)
        }
        return s
    }

    private func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    var hasTime: Bool { hour != nil }
}

/// Finds dates in text: `2020-12-25 09:23:35`, `2020/12/17`, `2020.12.17`, `2020年12月17日 10:30`,
/// `2020年12月17日10时30分`, `12/25/2020 9:23:35 PM`, ISO 8601 with `T` and a zone (the zone is
/// dropped: the time is kept as written). Years 1980–2039 only.
enum HTMLDates {
    static let years = 1980...2039

    /// The first date in `text` (scalars), with its scalar range.
    static func first(in text: String) -> (FoundDate, Range<Int>)? {
        let s = Array(text.unicodeScalars.map(\.value))
        return first(in: s, from: 0)
    }

    static func first(in s: [UInt32], from start: Int) -> (FoundDate, Range<Int>)? {
        var i = start
        let n = s.count
        while i < n {
            guard isDigit(s[i]), i == 0 || !isDigit(s[i - 1]) else { i += 1; continue }
            if let found = match(s, at: i) { return found }
            while i < n && isDigit(s[i]) { i += 1 }
        }
        return nil
    }

    /// The first "YYYY年M月" not followed by a day (an issue or report month), as a date with
    /// day 0 (`iso` gives "YYYY-MM").
    static func firstMonth(in text: String) -> FoundDate? {
        let s = Array(text.unicodeScalars.map(\.value))
        let n = s.count
        var i = 0
        while i + 6 < n {
            if isDigit(s[i]) && (i == 0 || !isDigit(s[i - 1])) {
                let (y, len) = number(s, i)
                var j = i + len
                if len == 4 && years.contains(y) && j < n && s[j] == 0x5E74 { // 年
                    j += 1
                    let (m, lenM) = number(s, j)
                    if lenM >= 1 && lenM <= 2 && (1...12).contains(m) && j + lenM < n && s[j + lenM] == 0x6708 { // 月
                        let k = j + lenM + 1
                        if k >= n || !isDigit(s[k]) { return FoundDate(year: y, month: m, day: 0) }
                    }
                }
                i += max(len, 1)
                continue
            }
            i += 1
        }
        return nil
    }

    /// All dates in `text`.
    static func all(in text: String) -> [FoundDate] {
        let s = Array(text.unicodeScalars.map(\.value))
        var out: [FoundDate] = []
        var i = 0
        while let (d, r) = first(in: s, from: i) {
            out.append(d)
            i = r.upperBound
        }
        return out
    }

    @inline(__always) static func isDigit(_ v: UInt32) -> Bool { (v >= 0x30 && v <= 0x39) || (v >= 0xFF10 && v <= 0xFF19) }

    @inline(__always) static func digit(_ v: UInt32) -> Int { v >= 0xFF10 ? Int(v - 0xFF10) : Int(v - 0x30) }

    /// A run of digits at `i`: (value, length).
    static func number(_ s: [UInt32], _ i: Int) -> (Int, Int) {
        var v = 0, j = i
        while j < s.count && isDigit(s[j]) && j - i < 9 { v = v * 10 + digit(s[j]); j += 1 }
        return (v, j - i)
    }

    static func match(_ s: [UInt32], at i: Int) -> (FoundDate, Range<Int>)? {
        let n = s.count
        let (first, len1) = number(s, i)
        var j = i + len1
        guard j < n else { return nil }
        if len1 == 4 && years.contains(first) {
            let sep = s[j]
            let chinese = sep == 0x5E74 // 年
            guard chinese || sep == 0x2D || sep == 0x2F || sep == 0x2E || sep == 0xFF0D || sep == 0xFF0F else { return nil }
            j += 1
            if chinese { while j < n && s[j] == 0x20 { j += 1 } }
            guard j < n, isDigit(s[j]) else { return nil }
            let (month, lenM) = number(s, j)
            guard lenM <= 2, (1...12).contains(month) else { return nil }
            j += lenM
            guard j < n else { return nil }
            if chinese {
                guard s[j] == 0x6708 else { return nil } // 月
                j += 1
                while j < n && s[j] == 0x20 { j += 1 }
            } else {
                guard s[j] == sep else { return nil }
                j += 1
            }
            guard j < n, isDigit(s[j]) else { return nil }
            let (day, lenD) = number(s, j)
            guard lenD <= 2, (1...31).contains(day) else { return nil }
            j += lenD
            if chinese, j < n, s[j] == 0x65E5 || s[j] == 0x53F7 { j += 1 } // 日 号
            else if chinese { return nil }
            var date = FoundDate(year: first, month: month, day: day)
            j = time(s, from: j, into: &date)
            return (date, i..<j)
        }
        // US style M/D/YYYY [h:mm[:ss] [AM|PM]].
        if len1 <= 2 && s[j] == 0x2F {
            var k = j + 1
            let (second, len2) = number(s, k)
            guard len2 >= 1 && len2 <= 2 else { return nil }
            k += len2
            guard k < n && s[k] == 0x2F else { return nil }
            k += 1
            let (year, len3) = number(s, k)
            guard len3 == 4, years.contains(year) else { return nil }
            k += len3
            var month = first, day = second
            if first > 12 { month = second; day = first }
            guard (1...12).contains(month), (1...31).contains(day) else { return nil }
            var date = FoundDate(year: year, month: month, day: day)
            k = time(s, from: k, into: &date)
            return (date, i..<k)
        }
        return nil
    }

    /// An optional time after a date: ` 09:23:35`, `T09:23`, `10时30分`, `9:23:35 PM`, a zone.
    static func time(_ s: [UInt32], from start: Int, into date: inout FoundDate) -> Int {
        let n = s.count
        var j = start
        // Separator: spaces, "T", a weekday in between is not handled.
        var sawSeparator = false
        while j < n && (s[j] == 0x20 || s[j] == 0xA0 || s[j] == 0x3000 || s[j] == 0x09) { j += 1; sawSeparator = true }
        if !sawSeparator && j < n && (s[j] == 0x54 || s[j] == 0x74) { j += 1 } // T
        guard j < n, isDigit(s[j]) else { return start }
        let (hour, lenH) = number(s, j)
        guard lenH <= 2, hour <= 24 else { return start }
        var k = j + lenH
        guard k < n else { return start }
        let colon = s[k] == 0x3A || s[k] == 0xFF1A
        let chineseHour = s[k] == 0x65F6 || s[k] == 0x70B9 // 时 点
        guard colon || chineseHour else { return start }
        k += 1
        guard k < n, isDigit(s[k]) else {
            if chineseHour { return start }
            return start
        }
        let (minute, lenMin) = number(s, k)
        guard lenMin == 2 || (chineseHour && lenMin <= 2), minute <= 59 else { return start }
        k += lenMin
        var second: Int?
        if chineseHour {
            if k < n && s[k] == 0x5206 { k += 1 } // 分
            if k < n && isDigit(s[k]) {
                let (sec, lenS) = number(s, k)
                if lenS <= 2 && sec <= 59 && k + lenS < n && s[k + lenS] == 0x79D2 { second = sec; k += lenS + 1 } // 秒
            }
        } else if k + 2 < n && (s[k] == 0x3A || s[k] == 0xFF1A) && isDigit(s[k + 1]) {
            let (sec, lenS) = number(s, k + 1)
            if lenS == 2 && sec <= 59 { second = sec; k += 1 + lenS }
        }
        // Fractions of a second and a zone: .123, Z, +08:00, +0800.
        if k < n && s[k] == 0x2E {
            var m = k + 1
            while m < n && isDigit(s[m]) { m += 1 }
            if m > k + 1 { k = m }
        }
        if k < n && (s[k] == 0x5A || s[k] == 0x2B || (s[k] == 0x2D && k + 1 < n && isDigit(s[k + 1]))) {
            var m = k + 1
            while m < n && (isDigit(s[m]) || s[m] == 0x3A) && m - k <= 6 { m += 1 }
            k = m
        }
        var h = hour
        // AM / PM (and 上午 / 下午 before the time are not handled).
        var m = k
        while m < n && s[m] == 0x20 { m += 1 }
        if m + 1 < n, (s[m] | 0x20) == 0x61 || (s[m] | 0x20) == 0x70, (s[m + 1] | 0x20) == 0x6D {
            let pm = (s[m] | 0x20) == 0x70
            if pm && h < 12 { h += 12 }
            if !pm && h == 12 { h = 0 }
            k = m + 2
        }
        guard h <= 23 else { return start }
        date.hour = h
        date.minute = minute
        date.second = second
        return k
    }

    /// A date in a URL path: /2020-12/17/, /2020/12/17/, /20201217/, /202012/t20201217_…, /2020-12-17/.
    static func fromURL(_ url: String) -> FoundDate? {
        // Path only.
        var path = Substring(url)
        if let scheme = url.range(of: "://") {
            let rest = url[scheme.upperBound...]
            if let slash = rest.firstIndex(of: "/") { path = rest[slash...] } else { return nil }
        }
        // Digit groups with the separator before each.
        var groups: [(value: Int, length: Int, sep: Character)] = []
        var current = "", sep: Character = " ", lastSep: Character = " "
        for ch in path {
            if ch.isASCII && ch.isNumber {
                if current.isEmpty { sep = lastSep }
                current.append(ch)
            } else {
                if !current.isEmpty { groups.append((Int(current) ?? 0, current.count, sep)); current = "" }
                lastSep = ch
            }
        }
        if !current.isEmpty { groups.append((Int(current) ?? 0, current.count, sep)) }
        func valid(_ y: Int, _ m: Int, _ d: Int) -> FoundDate? {
            guard years.contains(y), (1...12).contains(m), (1...31).contains(d) else { return nil }
            return FoundDate(year: y, month: m, day: d)
        }
        for (k, g) in groups.enumerated() {
            if g.length == 8, let d = valid(g.value / 10000, g.value / 100 % 100, g.value % 100) { return d }
            if g.length == 4 && k + 2 < groups.count && groups[k + 1].length <= 2 && groups[k + 2].length <= 2
                && groups[k + 1].length >= 1 && groups[k + 2].length == 2 && "/-_".contains(groups[k + 2].sep),
               let d = valid(g.value, groups[k + 1].value, groups[k + 2].value) { return d }
            if g.length == 6 && k + 1 < groups.count && groups[k + 1].length == 2 && groups[k + 1].sep == "/",
               let d = valid(g.value / 100, g.value % 100, groups[k + 1].value) { return d }
        }
        return nil
    }

    /// Parses a machine date from metadata (`2020-12-25T09:23:35+08:00`, `2020-12-25 09:23`,
    /// `20201225`, …).
    static func parseMeta(_ value: String) -> FoundDate? {
        let t = value.htmlTrimmed()
        if t.count == 8, t.allSatisfy({ $0.isASCII && $0.isNumber }), let v = Int(t) {
            let y = v / 10000, m = v / 100 % 100, d = v % 100
            if years.contains(y) && (1...12).contains(m) && (1...31).contains(d) { return FoundDate(year: y, month: m, day: d) }
        }
        return first(in: t)?.0
    }
}

extension String {
    /// Trims white space (including U+3000 and NBSP) at both ends.
    func htmlTrimmed() -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end && (htmlIsSpaceScalar(scalars[start].value) || htmlIsInvisibleScalar(scalars[start].value)) {
            start = scalars.index(after: start)
        }
        while end > start {
            let before = scalars.index(before: end)
            if htmlIsSpaceScalar(scalars[before].value) || htmlIsInvisibleScalar(scalars[before].value) { end = before } else { break }
        }
        return String(scalars[start..<end])
    }
}
