import Foundation
import Testing
@testable import Analysis

/// Time and money expressions the parsers accept (JioNLP cases and analyst constructs).
let acceptedTimeExpressions = [
    "2022 11 23", "2019/04/19", "2018-11-29 18:59", "8月18日", "今年3月", "2019年10月", "截至11月底", "截止到2022年",
    "上半年", "年初", "年底", "到2022年", "十四五", "“十四五”期间", "十三五时期", "近年来", "近几年", "今年以来", "月初", "月底",
    "下个月20号", "大前年3月4号左右", "周三", "星期日", "礼拜天", "第三季度", "农历正月初一", "除夕", "中秋节", "国庆", "十一",
    "三一五", "双11", "五一劳动节", "清明", "冬至", "夏至", "从2019年3月1号到五号", "2天4小时15分", "近两月", "每周五下午3点",
    "凌晨3点", "10:30", "12：45：10", "20世纪90年代", "1998年", "上世纪末", "现在", "此刻", "十五年前", "半年后", "3个月内",
    "一刻钟", "六天后的3时1刻", "腊月18", "3到5周", "10~20天", "2年以上5年以下", "一年四季", "大半天", "今明两天", "全年",
    "週三", "下週一", "春节", "元宵节", "十二月三十一日", "2001年", "21世纪", "过去的一年", "一年", "五年", "今日",
]

@Suite("Pre-filters: gates, scalar search, scalar maps")
struct PrefilterTests {
    /// The parse gate never rejects an expression the parser accepts.
    @Test func gateKeepsAcceptedTimes() {
        let parser = TimeParser()
        for s in acceptedTimeExpressions {
            let simplified = TimeParser.simplify(s)
            // (近两月 is listed but not accepted: the gate may reject it.)
            if parser.parse(s, base: base1) == nil && parser.parse(s, timeBase: TimeBase(year: 2021)) == nil { continue }
            #expect(TimeParseGate.mayAccept(simplified), "\(s)")
            // Accepted: every candidate containing it passes too.
            #expect(TimeParseGate.mayAccept("的" + simplified + "，"), "\(s)")
            #expect(TimeParseGate.mayAcceptPieces(ofRun: "的" + s + "，"), "\(s)")
        }
    }

    /// The gate rejects common words that are not times.
    @Test func gateRejectsWords() {
        for s in ["中国", "全国", "大数", "国内", "首个"] {
            #expect(!TimeParseGate.mayAccept(s), "\(s)")
            #expect(TimeParser().parse(s, base: base1) == nil)
        }
    }

    /// Extraction with the gates finds the times the extractor found before them (the list
    /// is the output of the extractor without pre-filters).
    @Test func extractorStillFindsTimes() {
        let text = "2020年8月18日，重庆市政府与北京大学签署战略合作协议。截至11月底，今年上半年增长70.2%，下周一召开会议，每周五下午3点开放。"
        let found = TimeExtractor().extract(text, base: base1).map(\.text)
        #expect(found == ["2020年8月18日", "11月底", "今年上半年", "下周一", "每周五下午3点"])
    }

    /// Byte search agrees with Foundation on simple text and defers on combining marks.
    @Test func scalarTextAgreesWithFoundation() {
        let hays = ["2020年8月18日签署协议", "港币三千元", "ab，cd。", "会\u{301}议", "e\u{301}k", "兩個週末"]
        let needles = ["协议", "元", "，", "会", "k", "週", "8月", "x"]
        for h in hays {
            for n in needles {
                #expect(h.jHas(n) == (h.range(of: n) != nil), "\(h) \(n)")
                #expect(h.jRep(n, "Z") == h.replacingOccurrences(of: n, with: "Z"), "\(h) \(n)")
                #expect(h.jOccurrences(n) == h.components(separatedBy: n).count - 1, "\(h) \(n)")
            }
        }
        #expect(ScalarText.contains("会\u{301}议", "会") == nil)
        #expect("aXbXc".jRep("X", "", count: 1) == "abXc")
        #expect("2020年8月".jScalarIndex(of: "8月") == 5)
    }

    /// The traditional → simplified maps are single-pass safe and agree with pair-by-pair replacement.
    @Test func scalarMapsAgreeWithSequentialReplacement() {
        for (map, pairs) in [(TimeParser.traditionalMap, TimeParser.traditional), (MoneyCore.traditionalMap, MoneyCore.traditional)] {
            #expect(map.isSinglePass)
            let text = pairs.map { $0.0 + "一" }.joined() + "週末兩個億元"
            var sequential = text
            for (a, b) in pairs { sequential = sequential.replacingOccurrences(of: a, with: b) }
            #expect(map.apply(text) == sequential)
        }
        #expect(TimeParser.traditionalMap.apply("会\u{301}") == nil)
    }
}
