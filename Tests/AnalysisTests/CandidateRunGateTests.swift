import Foundation
import Testing
@testable import Analysis

/// Texts with money and time expressions of many shapes, and text without any.
private let runGateTexts = [
    "公司获得融资5000万元，估值约合3亿美元，较去年增长25%。",
    "项目总金额为3500，其中一期投入1200。",
    "售价2k-3k，另有港币三千元、人民币100元整和50欧元的选项，票价仅需十块钱。",
    "该设备价格在5~10w之间，大约100万日元。",
    "2020年8月18日，重庆市政府与北京大学签署战略合作协议。截至11月底，今年上半年增长70.2%。",
    "下周一召开会议，每周五下午3点开放，十四五期间投入逾千亿元。",
    "20世纪90年代以来，上世纪末至今，近年来，过去的一年，三到五周后，春节前后，2022 11 23。",
    "一刻钟后，凌晨3点，10:30，兩個週末，每年，三个月内，约三百名员工参加。",
    "中国科学院与清华大学联合成立研究中心，推动人工智能发展。",
]

@Suite("Run gates of the money and time candidate searches")
struct CandidateRunGateTests {
    /// Every candidate that yields a money mention lies in a run the gate keeps.
    @Test func moneyGateKeepsMentions() {
        for text in runGateTexts {
            let t = MoneyCore.normalizeTraditional(text)
            let scalars = Array(t.unicodeScalars)
            for m in MoneyExtractor.charPattern.findAll(t) where m.text.jScalarCount > 1 {
                let context = String(String.UnicodeScalarView(scalars[max(0, m.start - 5)..<min(scalars.count, m.end + 5)]))
                let cand = m.text.unicodeScalars.map { String($0) }
                guard MoneyExtractor.gridSearch(cand, context: context) != nil else { continue }
                #expect(CandidateRunGate.money(scalars, m.start, m.end), "\(m.text) in \(text)")
            }
        }
    }

    /// The gated extraction finds what the search over every candidate finds.
    @Test func moneyExtractionUnchanged() {
        let found = MoneyExtractor.extract(runGateTexts[0] + runGateTexts[2]).map(\.text)
        #expect(found.contains("5000万元"))
        #expect(found.contains("人民币100元"))
        #expect(found.contains("十块钱"))
        #expect(MoneyExtractor.extract(runGateTexts[8]).isEmpty)
    }

    /// The money gate: 金额 or 钱 near the run, a unit, or a range with k or w.
    @Test func moneyGateConditions() {
        func gate(_ s: String, _ a: Int, _ b: Int) -> Bool { CandidateRunGate.money(Array(s.unicodeScalars), a, b) }
        #expect(!gate("共有3500人", 2, 6))
        #expect(gate("总金额为3500", 4, 8))
        #expect(gate("3500元", 0, 5))
        #expect(gate("2k-3k", 0, 5))
        #expect(!gate("2-3个", 0, 4))
    }

    /// Every match of the unit pattern has a scalar of `unitScalars`.
    @Test func unitScalarsCoverTheUnitPattern() {
        let units = ["分", "角钱", "毛", "块钱", "元", "人民币", "港币", "日币", "澳币", "新台币", "台币", "圆整", "英镑", "美金", "美分",
                     "美刀", "马克", "法郎", "卢布", "泰铢", "元人民币", "元韩币", "美元", "澳门元", "新加坡元", "加拿大元", "新西兰元",
                     "澳大利亚元", "欧元", "越南盾", "越盾", "雷亚尔"]
        for u in units {
            let m = MoneyExtractor.unitPattern.search("约" + u + "整")
            #expect(m != nil, "\(u)")
            if let m { #expect(m.text.unicodeScalars.contains { CandidateRunGate.unitScalars.contains($0.value) }, "\(u)") }
        }
    }

    /// Every time candidate that yields a mention lies in a run the gate keeps.
    @Test func timeGateKeepsMentions() {
        let extractor = TimeExtractor()
        let handler = TimeBase(date: Date(timeIntervalSince1970: 1_600_000_000)).handler
        for text in runGateTexts + acceptedTimeExpressions {
            let scalars = Array(text.unicodeScalars)
            for m in TimePatterns.timeChar.findAll(text) {
                let cand = m.text.unicodeScalars.map { String($0) }
                guard extractor.gridSearch(cand, handler: handler) != nil else { continue }
                #expect(CandidateRunGate.time(scalars, m.start, m.end, retFuture: false), "\(m.text) in \(text)")
            }
        }
    }

    /// With `runGate`, `findAll` returns the matches of the runs the gate keeps.
    @Test func findAllWithGate() {
        let text = "共3500人，投入5000万元"
        let all = MoneyExtractor.charPattern.findAll(text, minLength: 2)
        let gated = MoneyExtractor.charPattern.findAll(text, minLength: 2, runGate: { a, _ in a > 5 })
        #expect(all.contains { $0.text == "3500" })
        #expect(gated.map(\.text) == all.filter { $0.start >= 8 }.map(\.text))
        #expect(gated.map(\.text) == ["5000万元"])
    }
}
