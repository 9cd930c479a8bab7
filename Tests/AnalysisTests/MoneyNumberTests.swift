import Foundation
import Testing
@testable import Analysis

@Suite("ChineseNumber")
struct ChineseNumberTests {
    @Test func values() {
        #expect(ChineseNumber.parse("296亿") == 2.96e10)
        #expect(ChineseNumber.parse("5000萬") == 5e7)
        #expect(ChineseNumber.parse("十四") == 14)
        #expect(ChineseNumber.parse("一千零五十") == 1050)
        #expect(ChineseNumber.parse("1.5万") == 15000)
        #expect(ChineseNumber.parse("2.5億") == 2.5e8)
        #expect(ChineseNumber.parse("233,333") == 233333)
        #expect(ChineseNumber.parse("abc") == nil)
    }

    @Test func qualifiers() {
        let a = ChineseNumber.parseDetailed("逾千亿")
        #expect(a?.value == 1e11 && a?.qualifier == .lowerBound)
        let b = ChineseNumber.parseDetailed("800余")
        #expect(b?.value == 800 && b?.qualifier == .approximate && b?.upperValue == 900)
        #expect(ChineseNumber.parseDetailed("近百亿")?.qualifier == .upperBound)
        #expect(ChineseNumber.parseDetailed("10亿左右")?.qualifier == .approximate)
        #expect(ChineseNumber.parseDetailed("十四")?.qualifier == .exact)
    }

    @Test func smallIntegers() {
        #expect(ChineseNumber.parseInt("十二") == 12)
        #expect(ChineseNumber.parseInt("廿一") == 21)
        #expect(ChineseNumber.parseInt("09") == 9)
    }
}

@Suite("MoneyParser / MoneyExtractor")
struct MoneyTests {
    @Test func parse() {
        #expect(MoneyParser.parse("92,360.50元") == MoneyParse(num: "92360.50", currency: "元", definition: "accurate"))
        #expect(MoneyParser.parse("两千三百万日元") == MoneyParse(num: "23000000.00", currency: "日元", definition: "accurate"))
        #expect(MoneyParser.parse("二十八块五角三分钱")?.num == "28.53")
        #expect(MoneyParser.parse("至少五百块钱以上")?.definition == "blur+")
        #expect(MoneyParser.parse("5000多美元") == MoneyParse(num: "5000.00", currency: "美元", definition: "blur", numEnd: "6000.00"))
        #expect(MoneyParser.parse("六到七百亿卢布") == MoneyParse(num: "600000000.00", currency: "卢布", definition: "blur", numEnd: "70000000000.00"))
    }

    @Test func traditional() {
        #expect(MoneyParser.parse("5000萬元")?.num == "50000000.00")
        #expect(MoneyParser.parse("3億元")?.num == "300000000.00")
        #expect(MoneyParser.parse("人民幣100元") == MoneyParse(num: "100.00", currency: "元", definition: "accurate"))
    }

    @Test func codableUsesJioNLPKey() throws {
        let data = try JSONEncoder().encode(MoneyParse(num: "1.00", currency: "元", definition: "accurate"))
        #expect(String(decoding: data, as: UTF8.self).contains("\"case\""))
    }

    @Test func extract() {
        let m = MoneyExtractor.extract("预计支出18.25亿元。投资5000萬元")
        #expect(m.map(\.text) == ["18.25亿元", "5000萬元"])
        #expect(m.first?.start == 4 && m.first?.end == 11)
        #expect(MoneyExtractor.extract("服务器总数是20000，其中有8000台").isEmpty)
    }
}
