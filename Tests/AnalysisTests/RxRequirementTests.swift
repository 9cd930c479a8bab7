import Foundation
import Testing
@testable import Analysis

/// Every rule pattern of the time and money grammars.
let allRulePatterns: [Rx] = [
    MoneyExtractor.charPattern, MoneyExtractor.numOnly, MoneyExtractor.qianWanYiYuan, MoneyExtractor.unitPattern,
    MoneyExtractor.spanSeg, MoneyExtractor.kuaiMaoJiaoFen, MoneyCore.intNum, MoneyCore.floatNum, MoneyCore.punc, MoneyCore.bai,
    MoneyCore.qian, MoneyCore.wan, MoneyCore.yi, MoneyCore.yuanCurrency, MoneyCore.yuanCurrencyNoGroup, MoneyCore.jiaoCurrency,
    MoneyCore.currencyCasePattern, MoneyCore.modifier, MoneyCore.blurP, MoneyCore.minusP, MoneyCore.plusP, MoneyCore.zeroSeg,
    MoneyCore.numString, MoneyCore.pattern1, MoneyCore.pattern2, MoneyCore.sequential, MoneyCore.parenContent,
    MoneyCore.first1, MoneyCore.first2, MoneyCore.first3, MoneyCore.second0, MoneyCore.second1, TimeExtractor.numPattern,
    TimeExtractor.fourNumYear, TimeExtractor.unitPattern, TimeExtractor.parenContent, TimeParser.asOfPrefix,
    TimeParser.fiveYearPlan, TimeParser.bareMonthPart, TimeParser.recentYears, TimePatterns.futureUnit, TimePatterns.chineseChar,
    TimePatterns.superBlurTwoYMD, TimePatterns.superBlurTwoHMS, TimePatterns.spanSegYMtoYM, TimePatterns.spanNoSegYMD,
    TimePatterns.standardYMD, TimePatterns.standard2YMD, TimePatterns.standardYear, TimePatterns.yearMonthDay,
    TimePatterns.yearSolarSeason, TimePatterns.limitYearSolarSeason, TimePatterns.limitSolarSeason,
    TimePatterns.yearSpanMonth, TimePatterns.limitYearSpanMonth, TimePatterns.yearBlurMonth, TimePatterns.limitMonthDay,
    TimePatterns.limitMonthLimitSpanDay, TimePatterns.monthLimitSpanDay, TimePatterns.limitMonthBlurDay, TimePatterns.limitMonth,
    TimePatterns.limitYearBlurMonth, TimePatterns.limitYearMonthDay, TimePatterns.blurYear, TimePatterns.centuryYear,
    TimePatterns.enumDay, TimePatterns.lunarYearMonthDay, TimePatterns.lunarLimitYearMonthDay,
    TimePatterns.yearLunarSeason, TimePatterns.limitYearLunarSeason, TimePatterns.year24st, TimePatterns.yearMonthBlurDay,
    TimePatterns.limitYearMonthBlurDay, TimePatterns.standardWeekDay, TimePatterns.blurWeek, TimePatterns.limitWeek,
    TimePatterns.yearMonthWeek, TimePatterns.limitYearMonthWeek, TimePatterns.monthWeek, TimePatterns.limitMonthWeek,
    TimePatterns.yearWeek, TimePatterns.limitYearWeek, TimePatterns.numMonthNum, TimePatterns.yearFixedSolarFestival,
    TimePatterns.limitYearFixedSolarFestival, TimePatterns.yearFixedLunarFestival, TimePatterns.limitYearFixedLunarFestival,
    TimePatterns.yearRegularSolarFestival, TimePatterns.limitYearRegularSolarFestival, TimePatterns.limitDay,
    TimePatterns.limitSpanDay, TimePatterns.hourMinuteSecond, TimePatterns.consecutiveBlurHour,
    TimePatterns.numHourMinuteSecond, TimePatterns.blurHour, TimePatterns.hourLimitMinute,
    TimePatterns.exceptionStandardDelta, TimePatterns.ambivalentDeltaPoint, TimePatterns.deltaNum, TimePatterns.yearDelta,
    TimePatterns.solarSeasonDelta, TimePatterns.monthDelta, TimePatterns.workdayDelta, TimePatterns.dayDelta,
    TimePatterns.weekDelta, TimePatterns.hourDelta, TimePatterns.quarterDelta, TimePatterns.minuteDelta, TimePatterns.secondDelta,
    TimePatterns.standardDelta, TimePatterns.xianzai, TimePatterns.weilaiDelta2Span,
    TimePatterns.guoquDelta2Span, TimePatterns.guoDelta2Span, TimePatterns.lawDelta, TimePatterns.yearDeltaPoint,
    TimePatterns.solarSeasonDeltaPoint, TimePatterns.monthDeltaPoint, TimePatterns.workdayDeltaPoint, TimePatterns.dayDeltaPoint,
    TimePatterns.weekDeltaPoint, TimePatterns.hourDeltaPoint, TimePatterns.quarterDeltaPoint, TimePatterns.minuteDeltaPoint,
    TimePatterns.secondDeltaPoint, TimePatterns.yearOrderDeltaPoint, TimePatterns.dayOrderDeltaPoint,
    TimePatterns.yearDayOrderDeltaPoint, TimePatterns.ymdMeta, TimePatterns.year0, TimePatterns.limitYear,
    TimePatterns.blurYear1, TimePatterns.blurYear2, TimePatterns.blurYear3, TimePatterns.century, TimePatterns.decade,
    TimePatterns.yearNum, TimePatterns.month0, TimePatterns.monthNum, TimePatterns.spanMonth, TimePatterns.solarSeason,
    TimePatterns.blurMonth, TimePatterns.lunarMonth, TimePatterns.day0, TimePatterns.day2, TimePatterns.blurDay,
    TimePatterns.lunarDay, TimePatterns.lunar24st, TimePatterns.lunarSeason, TimePatterns.week1, TimePatterns.week2,
    TimePatterns.week3, TimePatterns.week4, TimePatterns.week5, TimePatterns.weekNum, TimePatterns.ymdSegs, TimePatterns.hour0,
    TimePatterns.consecutiveHour, TimePatterns.minute0, TimePatterns.limitMinute, TimePatterns.second0, TimePatterns.hmsSegs,
    TimePatterns.singleNum, TimePatterns.first1Span, TimePatterns.first2Span, TimePatterns.first3Span,
    TimePatterns.first4Span, TimePatterns.first5Span, TimePatterns.second0Span, TimePatterns.second1Span,
    TimePatterns.second2Span, TimePatterns.second3Span, TimePatterns.firstDeltaSpan,
    TimePatterns.second1DeltaSpan, TimePatterns.second2DeltaSpan, TimePatterns.timeSpanDeltaCompensation,
    TimePatterns.timeDeltaException, TimePatterns.specialTimeDelta, TimePatterns.specialTimeSpan,
    TimePatterns.periodTime, TimePatterns.timeSpanPointCompensation, TimePatterns.timeChar,
    TimePatterns.fakePositiveTime, TimePatterns.fakeStart, TimePatterns.fakeEnd,
]

/// Texts whose sub-strings exercise the patterns: time and money expressions of the parser
/// tests and a news paragraph.
let requirementTexts: [String] = [
    "2020年8月18日，重庆市政府与北京大学签署战略合作协议，双方将共建大数据研究院。截至11月底，累计投资约296亿元，今年上半年增长70.2%。",
    "从2019年3月1号到五号，下个月20号上午9点半，大前年3月4号左右，每周五下午3点，2天4小时15分，近两月，十四五期间，近年来，今年以来。",
    "2019/05/20 07:30，2019-03-08，二〇〇八年五月，农历正月初一，除夕夜，中秋节，国庆，十一，三一五，双11，五一劳动节，清明，冬至，夏至。",
    "第三季度，上半年，年初，年底，月初，20世纪90年代，1998年，上世纪末，周三，星期日，礼拜天，现在，此刻，凌晨3点，10:30，12：45：10。",
    "二十八块五角三分钱，20w，8k，港币三千元，新台币 25 亿元，约5000多美元，几百万元，2万-4万元，三到五万港元，六七亿日元，1,234，567.89元。",
    "逾千亿，不到10万元，至少300元以上，一千零五十，壹佰，5000萬，30w，10k，233,333，８００元，１２月３１日，十五年前，半年后，3个月内，一刻钟。",
]

@Suite("RxRequirement: pattern pre-filters")
struct RxRequirementTests {
    /// Sub-strings of `text` up to `maxLength` scalars.
    static func substrings(_ text: String, maxLength: Int) -> [String] {
        let u = Array(text.unicodeScalars)
        var out: [String] = []
        for a in 0..<u.count {
            for b in (a + 1)...min(u.count, a + maxLength) {
                var s = String.UnicodeScalarView()
                s.append(contentsOf: u[a..<b])
                out.append(String(s))
            }
        }
        return out
    }

    static func engineMatches(_ rx: Rx, _ s: String) -> Bool {
        let ns = s as NSString
        return rx.re.firstMatch(in: s, options: [], range: NSRange(location: 0, length: ns.length)) != nil
    }

    /// The pre-filter never rejects an input the regex engine matches.
    @Test func neverRejectsAMatch() {
        var inputs = requirementTexts
        for t in requirementTexts { inputs += Self.substrings(t, maxLength: 14) }
        var rejected = 0
        for rx in allRulePatterns {
            for s in inputs where !rx.mayMatch(s) {
                rejected += 1
                #expect(!Self.engineMatches(rx, s), "\(rx.pattern) rejects \(s)")
            }
        }
        // The pre-filter does reject most inputs of most patterns.
        #expect(rejected > allRulePatterns.count * inputs.count / 2)
    }

    /// Larger check over a text file (one text per line), when KECHUANG_RX_CORPUS names one.
    @Test func neverRejectsAMatchInCorpus() throws {
        guard let path = ProcessInfo.processInfo.environment["KECHUANG_RX_CORPUS"] else { return }
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        for line in lines {
            for s in [line] + Self.substrings(line, maxLength: 12) {
                for rx in allRulePatterns where !rx.mayMatch(s) {
                    #expect(!Self.engineMatches(rx, s), "\(rx.pattern) rejects \(s)")
                }
            }
        }
    }

    /// Run-wise search finds the same matches as a search over the whole text (apart from
    /// short matches in short runs, which it may skip).
    @Test func runWiseSearchFindsTheSameMatches() throws {
        var texts = requirementTexts + ["上10万元", "上下", "上", "5元", "春", "夏天", "，春，", "上3.5亿元上"]
        if let path = ProcessInfo.processInfo.environment["KECHUANG_RX_CORPUS"] {
            texts += try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        }
        let cases: [(Rx, Set<Unicode.Scalar>)] = [(MoneyExtractor.charPattern, []), (TimePatterns.timeChar, TimeExtractor.singleCharTimeScalars)]
        for (rx, also) in cases {
            #expect(rx.alphabet != nil)
            func kept(_ m: RxMatch) -> Bool { m.end - m.start >= 2 || m.text.unicodeScalars.contains { also.contains($0) } }
            for t in texts {
                let whole = rx.findAll(t).filter(kept)
                let runs = rx.findAll(t, minLength: 2, alsoIn: also).filter(kept)
                #expect(whole.map { [$0.start, $0.end] } == runs.map { [$0.start, $0.end] }, "\(t)")
                #expect(whole.map { $0.text } == runs.map { $0.text })
            }
        }
    }

    @Test func readsPatterns() {
        #expect(RxRequirement(pattern: "年").clauses == [.init(scalars: [0x5E74], decimal: false)])
        #expect(RxRequirement(pattern: #"(\d+)?年"#).clauses.count == 1)
        #expect(RxRequirement(pattern: #"\d{2}"#).clauses == [.init(scalars: [], decimal: true)])
        #expect(RxRequirement(pattern: "[^年]").isEmpty)
        #expect(RxRequirement(pattern: "a|b").clauses.first?.scalars.count == 2)
        #expect(RxRequirement(pattern: "a|b?").isEmpty)
        #expect(RxRequirement(pattern: "(?!a)b").clauses.count == 1)
        #expect(RxRequirement(pattern: #"\p{Han}"#).isEmpty)
        #expect(!RxRequirement(pattern: "(年|月)").mayMatch("今天"))
        #expect(RxRequirement(pattern: "(年|月)").mayMatch("三月"))
        #expect(RxRequirement(pattern: #"\d"#).mayMatch("第３"))
        #expect(!RxRequirement(pattern: #"\d"#).mayMatch("第三"))
        #expect(RxPatternReader.read("(a|bc)+")?.minLength == 1)
        #expect(RxPatternReader.read("(?=a)b?")?.minLength == 0)
        #expect(RxPatternReader.read("[ab]c")?.alphabet == [0x61, 0x62, 0x63])
        #expect(RxPatternReader.read("a.")?.alphabet == nil)
        #expect(RxPatternReader.read("a$")?.hasEndAnchor == true)
    }
}
