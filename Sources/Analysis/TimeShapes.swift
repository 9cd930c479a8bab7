/// The commonest date shapes of news text, parsed by one scan instead of the rule engine.
///
/// News writes most dates in a handful of shapes: `2019年`, `2019年10月`, `2019年10月5日`,
/// `8月18日`, `12月`, `今年`, `今年3月`, `去年5月8号`, a bare `2020`, and durations such as `5年`,
/// `两年`, `9个月`. `TimeEngine` answers each of
/// them after trying some dozens of rule patterns; this scanner reads them directly and
/// builds the same handlers the engine's rules build (`normalizeYearMonthDay`,
/// `normalizeLimitYearMonthDay`, `normalizeStandardYear`, completion from the base, `standard`;
/// for durations `standardTimeDelta`).
///
/// It answers only when it is sure; anything else (Chinese numerals, two-digit years, a month
/// or day out of range, an impossible date, a partial or odd base, any other character) is
/// left to the engine. `TimeShapesTests` compares it with the engine on every string of its
/// grammar it can generate, under several bases, strict or not, in open-year mode or not.
enum TimeShapes {
    /// `TimeParser.parse` of `s` (trimmed and simplified, not empty) when `s` has one of the
    /// shapes, else nil (then the engine decides). Not for `retFuture`.
    static func parse(_ s: String, handler base: TimeHandler) -> TimeParse? {
        guard base.count == 6, base[0] >= 1, base[0] <= 9000, TimeEngine.checkHandler(base) else { return nil }
        var u = s.unicodeScalars.makeIterator()
        var c = u.next()
        var year = -1, limitOffset: Int? = nil, month = -1, day = -1
        var digits = 0, value = 0, leadingZero = false

        /// Reads up to `max` ASCII digits into `digits`/`value`.
        func readDigits(max: Int) {
            digits = 0; value = 0; leadingZero = false
            while let x = c, x.value >= 0x30, x.value <= 0x39 {
                if digits == max { digits = max + 1; return }
                if digits == 0 && x.value == 0x30 { leadingZero = true }
                value = value * 10 + Int(x.value - 0x30)
                digits += 1
                c = u.next()
            }
        }

        // A duration in Chinese numerals: 两年, 十二个月.
        if let x = c, chineseDigit(x.value) != nil || x.value == 0x5341 {
            guard let n = chineseNumber(&c, &u) else { return nil }
            return delta(n, &c, &u, yearsAllowed: true)
        }
        // Year: four digits and 年, a bare four-digit year, or a relative year and 年.
        if let x = c, let off = limitYearOffset(x.value) {
            c = u.next()
            guard c?.value == 0x5E74 else { return nil }        // 年
            limitOffset = off
            c = u.next()
        } else {
            readDigits(max: 4)
            if digits == 4 {
                if c == nil {
                    // A bare year: JioNLP's standard year, (17|18|19|20|21)\d{2}, a span.
                    guard (1700...2199).contains(value) else { return nil }
                    return result(first: [value, -1, -1, -1, -1, -1], type: "time_span")
                }
                guard c?.value == 0x5E74, (1000...2999).contains(value) else { return nil }
                year = value
                c = u.next()
                digits = 0
            } else if digits > 4 {
                return nil
            } else if digits > 0 && c?.value != 0x6708 {
                // A duration: 5年 (one digit: 10年 is a year), 9个月.
                guard value >= 1 else { return nil }
                return delta(value, &c, &u, yearsAllowed: digits == 1)
            }
        }
        // Month: one or two digits (01–09 too), 1–12, and 月.
        if digits == 0 { readDigits(max: 2) }
        if digits > 0 {
            guard digits <= 2, c?.value == 0x6708, (1...12).contains(value), !(leadingZero && digits == 1) else { return nil }
            month = value
            c = u.next()
            // Day: one or two digits, 1–31, and 日 or 号.
            readDigits(max: 2)
            if digits > 0 {
                guard digits <= 2, let x = c, x.value == 0x65E5 || x.value == 0x53F7,
                      (1...31).contains(value), !(leadingZero && digits == 1) else { return nil }
                day = value
                c = u.next()
            } else if c?.value == 0x4EFD {                   // 月份
                c = u.next()
            }
        }
        guard c == nil else { return nil }
        if let off = limitOffset {
            // normalizeLimitYearMonthDay: a span unless a day is given.
            let y = base[0] + off
            guard y >= 1 else { return nil }
            return result(first: [y, month, day, -1, -1, -1], type: day > 0 ? "time_point" : "time_span")
        }
        guard month > 0 || year > 0 else { return nil }
        // normalizeYearMonthDay, then completion of the year from the base.
        return result(first: [year > 0 ? year : base[0], month, day, -1, -1, -1], type: "time_point")
    }

    /// Whether some sub-string of `scalars` is one of the shapes: a relative year (今年), a
    /// digit 1–9 and 月 (8月), or four digits 1700–2199 (a bare year). Such a sub-string parses
    /// under any full base, so the gates may say yes at once. None of these scalars is changed
    /// by the parser's simplification or by the extractor's cleaning.
    static func containsShape<S: Sequence>(_ scalars: S) -> Bool where S.Element == Unicode.Scalar {
        var previous: UInt32 = 0
        var digitRun = 0, lastFour = 0
        for u in scalars {
            let v = u.value
            if v == 0x5E74 && limitYearOffset(previous) != nil { return true }     // 今年
            if v == 0x6708 && previous >= 0x31 && previous <= 0x39 { return true }  // 8月
            if v >= 0x30 && v <= 0x39 {
                digitRun += 1
                lastFour = (lastFour * 10 + Int(v - 0x30)) % 10000
                if digitRun >= 4 && lastFour >= 1700 && lastFour <= 2199 { return true }
            } else {
                digitRun = 0
                lastFour = 0
            }
            previous = v
        }
        return false
    }

    /// The delta `n` years (年) or months (个月) when that is all that is left of the text.
    private static func delta(_ n: Int, _ c: inout Unicode.Scalar?, _ u: inout String.UnicodeScalarView.Iterator,
                              yearsAllowed: Bool) -> TimeParse? {
        var unit = ""
        if c?.value == 0x5E74 && yearsAllowed {                     // 年
            unit = "year"
        } else if c?.value == 0x4E2A {                              // 个月
            c = u.next()
            guard c?.value == 0x6708 else { return nil }
            unit = "month"
        } else {
            return nil
        }
        guard u.next() == nil else { return nil }
        return TimeParse(type: "time_delta", definition: "accurate", delta: [unit: Double(n)])
    }

    /// 一 … 九 (and 两) as digits.
    @inline(__always) static func chineseDigit(_ v: UInt32) -> Int? {
        switch v {
        case 0x4E00: return 1
        case 0x4E8C, 0x4E24: return 2      // 二 两
        case 0x4E09: return 3
        case 0x56DB: return 4
        case 0x4E94: return 5
        case 0x516D: return 6
        case 0x4E03: return 7
        case 0x516B: return 8
        case 0x4E5D: return 9
        default: return nil
        }
    }

    /// A number 1–99 in Chinese numerals — 三, 两, 十, 十二, 二十, 二十三 (两 only alone, no
    /// 一十) — read from `c` on; `c` is left on the scalar after it. Nil for other forms.
    private static func chineseNumber(_ c: inout Unicode.Scalar?, _ u: inout String.UnicodeScalarView.Iterator) -> Int? {
        guard let first = c else { return nil }
        let ten: UInt32 = 0x5341, liang: UInt32 = 0x4E24
        if first.value == ten {
            c = u.next()
            guard let x = c, let d = chineseDigit(x.value) else { return 10 }
            guard x.value != liang else { return nil }
            c = u.next()
            return 10 + d
        }
        guard let d = chineseDigit(first.value) else { return nil }
        c = u.next()
        guard c?.value == ten else { return chineseDigit(c?.value ?? 0) == nil ? d : nil }
        guard d >= 2, first.value != liang else { return nil }
        c = u.next()
        guard let x = c, let e = chineseDigit(x.value) else { return d * 10 }
        guard x.value != liang else { return nil }
        c = u.next()
        return d * 10 + e
    }

    /// The year offset of 今年, 去年, 明年, … (`TimeEngine.normalizeLimitYear`), for the
    /// one-character forms.
    @inline(__always) static func limitYearOffset(_ v: UInt32) -> Int? {
        switch v {
        case 0x4ECA, 0x672C, 0x540C, 0x5F53: return 0     // 今 本 同 当
        case 0x53BB: return -1                             // 去
        case 0x660E, 0x6B21: return 1                      // 明 次
        case 0x524D: return -2                             // 前
        case 0x540E: return 2                              // 后
        default: return nil
        }
    }

    /// The engine's `standard` of a point whose start and end handlers are both `first`;
    /// nil when the date does not exist (the engine fails there, and is left to say so).
    private static func result(first: TimeHandler, type: String) -> TimeParse? {
        if first[1] > 0 && first[2] > 0 {
            guard let last = try? TimeEngine.monthLastDay(first[0], first[1]), first[2] <= last else { return nil }
        }
        guard let (a, b) = try? TimeEngine(base: first).standard(first, first) else { return nil }
        return TimeParse(type: type, definition: "accurate", time: [a, b])
    }
}
