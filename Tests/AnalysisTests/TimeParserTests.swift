import Foundation
import Testing
@testable import Analysis

/// 2021-06-14 01:06:40 in Asia/Shanghai (a Monday).
let base1 = Date(timeIntervalSince1970: 1623604000)

func span(_ text: String, base: Date? = base1, parser: TimeParser = TimeParser()) -> [String]? {
    parser.parse(text, base: base)?.time
}

@Suite("TimeParser: analyst constructs")
struct AnalystConstructTests {
    @Test func yearMonthInBaseYear() {
        let r = TimeParser().parse("今年3月", base: base1)
        #expect(r?.type == "time_span")
        #expect(r?.time == ["2021-03-01 00:00:00", "2021-03-31 23:59:59"])
    }

    @Test func monthDay() {
        #expect(span("8月18日") == ["2021-08-18 00:00:00", "2021-08-18 23:59:59"])
        #expect(span("12月15日") == ["2021-12-15 00:00:00", "2021-12-15 23:59:59"])
        #expect(TimeParser().parse("12月15日", base: base1)?.type == "time_point")
    }

    @Test func asOfEndOfNovember() {
        let r = TimeParser().parse("截至11月底", base: base1)
        #expect(r?.time == ["2021-11-25 00:00:00", "2021-11-30 23:59:59"])
        #expect(r?.definition == "blur")
        #expect(span("截止到2022年") == ["2022-01-01 00:00:00", "2022-12-31 23:59:59"])
    }

    @Test func firstHalfYear() {
        let r = TimeParser().parse("上半年", base: base1)
        #expect(r?.time == ["2021-01-01 00:00:00", "2021-06-30 23:59:59"])
        #expect(r?.definition == "blur")
        #expect(span("1993年下半年") == ["1993-07-01 00:00:00", "1993-12-31 23:59:59"])
    }

    @Test func explicitYearMonth() {
        #expect(span("2019年10月") == ["2019-10-01 00:00:00", "2019-10-31 23:59:59"])
    }

    @Test func untilYear() {
        let r = TimeParser().parse("到2022年", base: base1)
        #expect(r?.type == "time_span")
        #expect(r?.time == ["2021-06-14 01:06:40", "2022-12-31 23:59:59"])
    }

    @Test func fiveYearPlans() {
        #expect(span("十四五") == ["2021-01-01 00:00:00", "2025-12-31 23:59:59"])
        #expect(span("“十四五”期间") == ["2021-01-01 00:00:00", "2025-12-31 23:59:59"])
        #expect(span("十三五时期") == ["2016-01-01 00:00:00", "2020-12-31 23:59:59"])
        #expect(span("十四五", base: nil) == ["2021-01-01 00:00:00", "2025-12-31 23:59:59"])
    }

    @Test func recentYearsIsBlur() {
        let r = TimeParser().parse("近年来", base: base1)
        #expect(r?.definition == "blur")
        #expect(r?.time == ["2018-01-01 00:00:00", "2021-06-14 01:06:40"])
    }

    @Test func startAndEndOfYear() {
        let a = TimeParser().parse("年初", base: base1)
        #expect(a?.time == ["2021-01-01 00:00:00", "2021-02-28 23:59:59"])
        #expect(a?.definition == "blur")
        let b = TimeParser().parse("年底", base: base1)
        #expect(b?.time == ["2021-11-01 00:00:00", "2021-12-31 23:59:59"])
        #expect(span("明年年末") == ["2022-11-01 00:00:00", "2022-12-31 23:59:59"])
        #expect(span("年底之前") == ["2021-06-14 01:06:40", "2021-12-31 23:59:59"])
    }

    @Test func traditionalCharacters() {
        #expect(span("下週一") == ["2021-06-21 00:00:00", "2021-06-21 23:59:59"])
        #expect(span("2021年12月15號") == ["2021-12-15 00:00:00", "2021-12-15 23:59:59"])
        #expect(span("晚上8點") == ["2021-06-14 20:00:00", "2021-06-14 20:59:59"])
    }

    @Test func sinceThisYear() {
        #expect(span("今年以来") == ["2021-01-01 00:00:00", "2021-06-14 01:06:40"])
        #expect(span("2020年以来") == ["2020-01-01 00:00:00", "2021-06-14 01:06:40"])
    }

    @Test func bareEndOfMonth() {
        #expect(span("月底") == ["2021-06-25 00:00:00", "2021-06-30 23:59:59"])
    }
}

@Suite("TimeParser: open-year mode")
struct OpenYearTests {
    @Test func unknownYearIsXXXX() {
        #expect(span("8月18日", base: nil) == ["XXXX-08-18 00:00:00", "XXXX-08-18 23:59:59"])
        #expect(span("今年3月", base: nil) == ["XXXX-03-01 00:00:00", "XXXX-03-31 23:59:59"])
        #expect(span("2月29日", base: nil) == ["XXXX-02-29 00:00:00", "XXXX-02-29 23:59:59"])
    }

    @Test func settledYearIsKept() {
        #expect(span("2019年10月", base: nil) == ["2019-10-01 00:00:00", "2019-10-31 23:59:59"])
        #expect(span("2016年3月9日", base: nil) == ["2016-03-09 00:00:00", "2016-03-09 23:59:59"])
    }

    @Test func needsReferenceDate() {
        #expect(TimeParser().parse("昨天", base: nil) == nil)
        #expect(TimeParser().parse("18日", base: nil) == nil)
        #expect(TimeParser().parse("春节", base: nil) == nil)
    }

    @Test func deltaNeedsNoBase() {
        #expect(TimeParser().parse("2天4小时15分", base: nil)?.delta == ["day": 2, "hour": 4, "minute": 15])
    }
}

@Suite("TimeParser: JioNLP behaviour samples")
struct JioNLPBehaviourTests {
    @Test func standardFormats() {
        #expect(span("2020/05/20") == ["2020-05-20 00:00:00", "2020-05-20 23:59:59"])
        #expect(span("2019-03-0807:30") == ["2019-03-08 07:30:00", "2019-03-08 07:30:59"])
        #expect(span("2010.05-2012") == ["2010-05-01 00:00:00", "2012-12-31 23:59:59"])
        #expect(span("二〇〇八年五月") == ["2008-05-01 00:00:00", "2008-05-31 23:59:59"])
    }

    @Test func partialBase() {
        let p = TimeParser()
        #expect(p.parse("三年前", timeBase: TimeBase(year: 2020))?.time == ["2017-01-01 00:00:00", "2017-12-31 23:59:59"])
        #expect(p.parse("30小时前", timeBase: TimeBase(year: 2020, month: 5, day: 10, hour: 12))?.time == ["2020-05-09 05:00:00", "2020-05-09 06:00:00"])
    }

    @Test func lunarAndFestivals() {
        #expect(span("二零一五年农历八月十五") == ["2015-09-13 00:00:00", "2015-10-12 23:59:59"])
        #expect(TimeParser().parse("植树节", timeBase: TimeBase(year: 2021))?.time == ["2021-03-12 00:00:00", "2021-03-12 23:59:59"])
        #expect(TimeParser().parse("2023年夏至", base: base1)?.time == ["2023-06-21 00:00:00", "2023-06-21 23:59:59"])
    }

    @Test func spansDeltasPeriods() {
        #expect(span("从2019年3月一号到五号") == ["2019-03-01 00:00:00", "2019-03-05 23:59:59"])
        #expect(TimeParser().parse("10~20天", base: base1)?.deltaRange == [["day": 10], ["day": 20]])
        #expect(TimeParser().parse("二十年以上", base: base1)?.deltaRange == [["year": 20], ["infinite": 1]])
        let p = TimeParser().parse("每周五下午3点到5点", base: base1)
        #expect(p?.type == "time_period")
        #expect(p?.period?.delta == ["day": 7])
        #expect(p?.period?.point?.time == ["2021-06-18 15:00:00", "2021-06-18 17:00:00"])
        let f = TimeParser(retFuture: true, periodResultsNum: nil).parse("周三", base: Date(timeIntervalSince1970: 1630480532))
        #expect(f?.time == ["2021-09-08 00:00:00", "2021-09-08 23:59:59"])
    }

    @Test func rejectsNonTime() {
        #expect(TimeParser().parse("电影已上映", base: base1) == nil)
        // Like JioNLP (non-strict), noise around a time word is tolerated: "黎明主演的电影" → 黎明.
        #expect(TimeParser().parse("黎明主演的电影", base: base1)?.definition == "blur")
        #expect(TimeParser().parse("", base: base1) == nil)
    }
}

@Suite("TimeExtractor")
struct TimeExtractorTests {
    @Test func newsSentence() {
        let text = "截至11月底，十四五期间预计投入逾千亿元。8月18日前后完成。"
        let m = TimeExtractor().extract(text, base: base1)
        #expect(m.map(\.text) == ["11月底", "十四五期间", "8月18日前后"])
        #expect(m.first?.start == 2 && m.first?.end == 6)
        #expect(m.last?.parse?.definition == "blur")
    }

    @Test func openYearParses() {
        let m = TimeExtractor().extract("他在10月22日出生", base: nil)
        #expect(m.first?.text == "10月22日")
        #expect(m.first?.parse?.time == ["XXXX-10-22 00:00:00", "XXXX-10-22 23:59:59"])
    }

    @Test func fakePositives() {
        #expect(TimeExtractor().extract("升温到21点6度", base: base1).isEmpty)
    }
}

@Suite("Concurrency")
struct ConcurrencyTests {
    @Test func parallelParsing() async {
        let texts = ["今年3月", "8月18日", "截至11月底", "上半年", "十四五", "每周五下午3点", "3天后", "去年春节"]
        let results = await withTaskGroup(of: Int.self) { group in
            for i in 0..<64 {
                group.addTask { TimeParser().parse(texts[i % texts.count], base: base1) == nil ? 0 : 1 }
            }
            var n = 0
            for await r in group { n += r }
            return n
        }
        #expect(results == 64)
    }
}
