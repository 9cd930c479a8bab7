import Foundation
import Testing
@testable import Analysis

/// `TimeShapes` against the rule engine: wherever the scanner answers, the engine (the parser
/// with `readsShapes` off) must give the same parse, under several bases, strict or not.
@Suite("TimeShapes: the same parse as the rule engine")
struct TimeShapesTests {
    static let engine: TimeParser = {
        var p = TimeParser()
        p.readsShapes = false
        return p
    }()

    /// Full bases (a leap year, year ends, a year-1 base), the two open-year bases, and bases
    /// the engine refuses (no year, a gap).
    static let bases: [(TimeHandler, Bool)] = [
        ([2020, 9, 1, 10, 0, 0], false), ([2019, 2, 28, 0, 0, 0], false), ([2021, 12, 31, 23, 59, 59], false),
        ([1, 1, 1, 0, 0, 0], false),
        ([2004, -1, -1, -1, -1, -1], true), ([2016, -1, -1, -1, -1, -1], true),
        ([-1, 3, 1, -1, -1, -1], false), ([2020, -1, 5, -1, -1, -1], false),
    ]

    /// Compares on `strings` under every base, strict and not; returns how many answers the
    /// scanner gave.
    @discardableResult
    func compare(_ strings: [String], bases: [(TimeHandler, Bool)] = bases) -> Int {
        var answered = 0
        for s in strings {
            for (base, openYear) in bases {
                guard let fast = TimeShapes.parse(s, handler: base) else { continue }
                answered += 1
                for strict in [true, false] {
                    let ref = Self.engine.parse(s, handler: base, strict: strict, guardCompletion: openYear)
                    #expect(ref == fast, "\(s) base \(base) strict \(strict): engine \(String(describing: ref)), shapes \(fast)")
                }
            }
        }
        return answered
    }

    static let years = ["", "2019年", "2020年", "1900年", "2000年", "1000年", "2999年", "0999年", "3000年", "20201年",
                        "今年", "去年", "前年", "后年", "明年", "本年", "同年", "当年", "次年", "上年", "大前年", "这年"]
    static let months = ["1", "2", "02", "9", "10", "12", "13", "0", "00", "010", "1２", "十", "十二", "两", "5个"]
    static let days = ["1", "01", "9", "28", "29", "30", "31", "32", "0", "00", "001"]

    @Test func structure() {
        var strings: [String] = []
        for y in Self.years {
            strings.append(y)
            for m in Self.months {
                strings.append(y + m + "月")
                strings.append(y + m + "月份")
                for d in Self.days {
                    strings.append(y + m + "月" + d + "日")
                    if d == "9" || d == "29" { strings.append(y + m + "月" + d + "号"); strings.append(y + m + "月份" + d + "日") }
                }
            }
        }
        let answered = compare(strings)
        #expect(answered > 1000)
    }

    @Test func calendar() {
        var strings: [String] = []
        for y in ["", "2019年", "2020年", "1900年", "2000年", "今年", "去年"] {
            for m in 1...12 { for d in [28, 29, 30, 31] { strings.append("\(y)\(m)月\(d)日") } }
        }
        compare(strings, bases: [([2020, 9, 1, 10, 0, 0], false), ([2021, 3, 1, 0, 0, 0], false), ([2004, -1, -1, -1, -1, -1], true)])
    }

    @Test func years() {
        var strings: [String] = []
        for y in stride(from: 1000, through: 2999, by: 7) { strings.append("\(y)年"); strings.append("\(y)") }
        for y in [1699, 1700, 2199, 2200, 999, 3000] { strings.append("\(y)年"); strings.append("\(y)") }
        let answered = compare(strings, bases: [([2020, 9, 1, 10, 0, 0], false)])
        #expect(answered > 300)
    }

    /// Durations: N年 and N个月 with ASCII digits or Chinese numerals (every string of up to
    /// three numeral scalars).
    @Test func durations() {
        var strings: [String] = []
        for n in 0...130 { strings += ["\(n)年", "\(n)个月", "\(n)个", "\(n)月个"] }
        strings += ["05年", "005个月", "5年年", "5个月月", "两个月份"]
        let numerals = Array("一二两三四五六七八九十〇零百").map(String.init)
        var numbers = numerals
        for a in numerals { for b in numerals { numbers.append(a + b); for c in numerals { numbers.append(a + b + c) } } }
        for n in numbers { strings += [n + "年", n + "个月"] }
        let answered = compare(strings, bases: [([2020, 9, 1, 10, 0, 0], false), ([2004, -1, -1, -1, -1, -1], true)])
        #expect(answered > 300)
        #expect(TimeShapes.parse("两年", handler: [2020, 9, 1, 10, 0, 0])?.delta == ["year": 2])
        #expect(TimeShapes.parse("二十三个月", handler: [2020, 9, 1, 10, 0, 0])?.delta == ["month": 23])
        #expect(TimeShapes.parse("10年", handler: [2020, 9, 1, 10, 0, 0]) == nil)
    }

    /// Near misses: the shapes with more after them, or with other characters inside. The
    /// scanner must leave them to the engine or agree with it.
    @Test func nearMisses() {
        var strings: [String] = []
        for s in ["2019年10月5日", "今年3月", "8月18日", "2020年", "2020", "12月"] {
            for t in ["底", "初", "前", "后", "以来", "上旬", "左右", "份", "日", "年", "1", " ", "的", "至今", "12时"] {
                strings.append(s + t)
                strings.append(t + s)
            }
        }
        compare(strings)
    }

    /// Random strings over the scanner's alphabet.
    @Test func random() {
        let alphabet = Array("0123456789年月日号份今去明前后本同当次上这十二两个五").map(String.init)
        var rng = SplitMix(seed: 20261122)
        var strings: [String] = []
        for _ in 0..<4000 {
            let n = 1 + Int(rng.next() % 8)
            strings.append((0..<n).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }.joined())
        }
        compare(strings, bases: [([2020, 9, 1, 10, 0, 0], false), ([2004, -1, -1, -1, -1, -1], true)])
    }

    /// Where `containsShape` says yes, some sub-string parses (strictly, by the engine).
    @Test func containsShapeFindsAParsablePiece() {
        let base: TimeHandler = [2020, 9, 1, 10, 0, 0]
        var rng = SplitMix(seed: 7)
        let alphabet = Array("0123456789年月日今去明前后本同当次,、全首").map(String.init)
        var yes = 0
        for _ in 0..<1500 {
            let n = 2 + Int(rng.next() % 7)
            let s = (0..<n).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }.joined()
            guard TimeShapes.containsShape(s.unicodeScalars) else { continue }
            yes += 1
            let u = Array(s.unicodeScalars)
            var found = false
            search: for i in 0..<u.count {
                for j in (i + 1)...u.count {
                    var piece = String.UnicodeScalarView()
                    piece.append(contentsOf: u[i..<j])
                    if Self.engine.parse(String(piece), handler: base, strict: true) != nil { found = true; break search }
                }
            }
            #expect(found, "\(s)")
        }
        #expect(yes > 100)
        #expect(!TimeShapes.containsShape("1379个".unicodeScalars))
        #expect(!TimeShapes.containsShape("0月".unicodeScalars))
    }

    /// `TimeEngine.asciiInteger` is what the money parser makes of ASCII digits.
    @Test func asciiIntegerMatchesTheMoneyParser() throws {
        var strings = (0...3000).map(String.init) + ["00", "007", "0012", "999999999999999", "123456789012345"]
        var rng = SplitMix(seed: 11)
        for _ in 0..<500 { strings.append(String(rng.next() % 1_000_000_000_000_000)) }
        for s in strings {
            let r = try MoneyCore.parse(s)
            #expect(r.numEnd == nil)
            #expect(TimeEngine.asciiInteger(s) == Double(r.num), "\(s)")
        }
        #expect(TimeEngine.asciiInteger("1234567890123456") == nil)
        #expect(TimeEngine.asciiInteger("12a") == nil)
        #expect(TimeEngine.asciiInteger("") == nil)
    }

    @Test func answersTheCommonShapes() {
        let base: TimeHandler = [2020, 9, 1, 10, 0, 0]
        #expect(TimeShapes.parse("2019年10月5日", handler: base)?.time == ["2019-10-05 00:00:00", "2019-10-05 23:59:59"])
        #expect(TimeShapes.parse("今年3月", handler: base)?.time == ["2020-03-01 00:00:00", "2020-03-31 23:59:59"])
        #expect(TimeShapes.parse("今年3月", handler: base)?.type == "time_span")
        #expect(TimeShapes.parse("8月18日", handler: base)?.time == ["2020-08-18 00:00:00", "2020-08-18 23:59:59"])
        #expect(TimeShapes.parse("2020", handler: base)?.type == "time_span")
        #expect(TimeShapes.parse("2月30日", handler: base) == nil)
        #expect(TimeShapes.parse("二〇一九年", handler: base) == nil)
    }
}
