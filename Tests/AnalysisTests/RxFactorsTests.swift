import Foundation
import Testing
@testable import Analysis

/// Sentences with times of many shapes, and sentences without any, for the soundness checks.
private let gateTexts = acceptedTimeExpressions + [
    "2020年8月18日，重庆市政府与北京大学签署战略合作协议。截至11月底，今年上半年增长70.2%。",
    "下周一召开会议，每周五下午3点开放，十四五期间投入逾千亿元，计划用5年左右时间完成。",
    "20世纪90年代以来，上世纪末至今，近年来，过去的一年，三到五周后，春节前后，2022 11 23。",
    "一刻钟后，凌晨3点，10:30，兩個週末，每年，三个月内，约三百名员工参加，第77位。",
    "自2017年9月获批成立以来，已聚集300多家企业；2019—2022年、2019-2022年的行动计划。",
    "中国科学院与清华大学联合成立研究中心，推动人工智能发展，双一流建设，新一代信息技术。",
    "今年2月，工信部发布；今年9月，世界知识产权组织发布《2020年全球创新指数报告》。",
]

/// Every sub-string (up to `maxLength` scalars) of each text.
private func pieces(_ texts: [String], maxLength: Int = 12) -> [String] {
    var out: [String] = []
    for t in texts {
        let s = Array(t.unicodeScalars)
        for i in s.indices {
            for j in (i + 1)...min(s.count, i + maxLength) { out.append(String(String.UnicodeScalarView(s[i..<j]))) }
        }
    }
    return out
}

@Suite("Literal factors and loosened patterns")
struct RxFactorsTests {
    /// Whenever a pattern matches a text, one of its factors occurs in the text.
    @Test func factorsAreNecessary() {
        var checked = 0
        for patterns in [TimeEngine.ymdTable.map(\.0) + TimeEngine.hmsTable.map(\.0), TimeParseGate.loosened ?? []] {
            let index = RxFactorIndex(patterns.map { RxFactors.of($0.pattern) })
            for s in pieces(gateTexts) {
                let candidates = index.candidates(s)
                for (k, p) in patterns.enumerated() where p.matches(s) {
                    #expect(candidates.contains(k), "pattern \(k) matches \(s) without a factor")
                    checked += 1
                }
            }
        }
        #expect(checked > 1000)
    }

    /// Factors of small patterns, read by hand.
    @Test func factorsOfSimplePatterns() {
        func words(_ p: String) -> Set<String>? {
            RxFactors.of(p).map { Set($0.factors.map { String(String.UnicodeScalarView($0.map { $0 == RxFactors.digit ? "D" : Unicode.Scalar($0)! })) }) }
        }
        #expect(words("(月初|月中)") == ["月初", "月中"])
        #expect(words(#"\d{4}年"#) == ["DDDD年"])
        #expect(words("[上下]半年") == ["上半年", "下半年"])
        #expect(words("(明|今)?年") == ["年", "明年", "今年"] || words("(明|今)?年") == ["年"])
        #expect(words("a?") == nil)                      // may match the empty string
        #expect(words("x.*") == ["x"])
        #expect(words("(?<!几)[一二]年") == ["一年", "二年"])
        #expect(words("[^a]") == nil)
        #expect(words(#"\1"#) == nil)
    }

    /// The index finds the factors of several patterns in one pass.
    @Test func indexFindsEveryPattern() {
        let index = RxFactorIndex([RxFactors.of("今年"), RxFactors.of("年底"), RxFactors.of("a?"), RxFactors.of(#"\d月"#)])
        let c = index.candidates("今年底，3月")
        #expect(c.contains(0) && c.contains(1) && c.contains(2) && c.contains(3))
        let d = index.candidates("今天")
        #expect(!d.contains(0) && !d.contains(1) && d.contains(2) && !d.contains(3))
        #expect(index.candidates("３月").contains(3))        // full-width digits are digits
    }

    /// Loosening removes anchors and negative look-arounds, and refuses what it cannot treat.
    @Test func loosening() {
        #expect(RxLoosening.loosen("^(a|b)$") == "(a|b)")
        #expect(RxLoosening.loosen("x(?!y)z") == "xz")
        #expect(RxLoosening.loosen("(?<!几)[一二]年(?=前)") == "[一二]年(?=前)")
        #expect(RxLoosening.loosen("[^$]a[\\]^]") == "[^$]a[\\]^]")
        #expect(RxLoosening.loosen(#"a\$b"#) == #"a\$b"#)
        #expect(RxLoosening.loosen("(?>ab)") == nil)
        #expect(RxLoosening.loosen("a(?!b)?") == nil)
        #expect(RxLoosening.loosen("a++") == nil)
        #expect(RxLoosening.loosen(#"(a)\1"#) == nil)
        #expect(TimeParseGate.loosened != nil)
    }

    /// The gate is necessary: whenever the parser accepts a text (against two bases), the gate
    /// lets it through — checked on every short piece of the texts, and for runs.
    @Test func gateNeverRejectsAParse() {
        let parser = TimeParser()
        let base1 = Date(timeIntervalSince1970: 1_600_000_000)
        var accepted = 0
        for s in pieces(gateTexts, maxLength: 9) {
            let simplified = TimeParser.simplify(s.trimmingCharacters(in: .whitespacesAndNewlines))
            guard !simplified.isEmpty else { continue }
            let parsed = parser.parse(s, base: base1) != nil || parser.parse(s, timeBase: TimeBase(year: 2021)) != nil
            guard parsed else { continue }
            accepted += 1
            #expect(TimeParseGate.mayAccept(simplified), "\(s)")
            #expect(TimeParseGate.mayAcceptPieces(ofRun: "的" + s + "的"), "\(s)")
        }
        #expect(accepted > 200)
    }

    /// Common words that pass the character test but contain no time are rejected.
    @Test func gateRejectsNearMisses() {
        for s in ["一代", "双一", "庆)", "深度", "工作、", "人工", "之一", "下一"] {
            #expect(!TimeParseGate.mayAccept(s), "\(s)")
            #expect(TimeParser().parse(s, base: Date(timeIntervalSince1970: 1_600_000_000)) == nil)
        }
    }

    /// First and last symbols: whenever a pattern's match is the whole text, the text's ends
    /// are among them.
    @Test func endsAreNecessary() {
        let patterns = TimeEngine.ymdTable.map(\.0) + TimeEngine.hmsTable.map(\.0) + TimeEngine.deltaPatterns.map(\.0)
        var checked = 0
        for p in patterns {
            guard let ends = RxFactors.ends(of: p.pattern) else { continue }
            for s in pieces(gateTexts) where p.search(s)?.text == s {
                #expect(ends.mayMatchWhole(s), "\(p.pattern.prefix(40)) matches all of \(s)")
                checked += 1
            }
        }
        #expect(checked > 100)
        let e = RxFactors.ends(of: "(?<=x)a?[bc]\\d?(?!y)")
        #expect(e?.mayMatchWhole("b") == true && e?.mayMatchWhole("ab3") == true)
        #expect(e?.mayMatchWhole("xb") == false && e?.mayMatchWhole("ba") == false)
    }

    /// Zero padding as printf's %0Nd.
    @Test func padAsPrintf() {
        for (v, w) in [(0, 2), (5, 2), (12, 2), (123, 2), (2020, 4), (7, 4), (-5, 4), (-1, 2), (-123, 2)] {
            #expect(TimeEngine.pad(v, w) == String(format: "%0\(w)d", v), "\(v) \(w)")
        }
    }
}
