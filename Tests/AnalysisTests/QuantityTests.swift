import Testing
@testable import Analysis

@Suite("Quantities")
struct QuantityTests {
    func one(_ text: String, _ kind: Quantity.Kind) -> Quantity? {
        QuantityExtractor.extract(text).first { $0.kind == kind }
    }

    @Test func countsWithClassifiers() throws {
        let q = QuantityExtractor.extract("累计签约引进世界知名高校11所，集聚各层次科研人才800余名，孵化科技型企业38家。")
        #expect(q.map(\.text) == ["11所", "800余名", "38家"])
        #expect(q.map(\.value) == [11, 800, 38])
        #expect(q.map(\.unit) == ["所", "名", "家"])
        #expect(q[1].approximate)
        #expect(!q[0].approximate)
    }

    @Test func money() throws {
        let a = try #require(one("总投资约296亿元。", .money))
        #expect(a.value == 29_600_000_000)
        #expect(a.unit == "元")
        let b = try #require(one("项目达产后预计可实现年产值逾千亿元", .money))
        #expect(b.value == 100_000_000_000)
        #expect(b.bound == .lower)
        let c = try #require(one("最高达5000萬元", .money))
        #expect(c.value == 50_000_000)
        let d = try #require(one("总投资额超100亿元", .money))
        #expect(d.bound == .lower)
        #expect(d.value == 10_000_000_000)
    }

    @Test func percentRankAndMultiples() throws {
        let p = try #require(one("生产效率平均提升70.2%", .percent))
        #expect(p.value == 70.2)
        let r = try #require(one("排名上升了11位，升至第77位。", .rank))
        #expect(r.text == "第77位")
        #expect(r.value == 77)
        #expect(try #require(one("高新技术企业占全市30%以上", .percent)).bound == .lower)
        #expect(try #require(one("提高2个百分点", .percentagePoint)).value == 2)
        #expect(try #require(one("增长3倍", .multiple)).value == 3)
    }

    @Test func chineseNumeralsAndMagnitudes() throws {
        #expect(try #require(one("浪潮携15万台服务器", .count)).value == 150_000)
        #expect(try #require(one("建设了各类科研平台七十个", .count)).value == 70)
    }

    @Test func notQuantities() {
        // Years, dates, model names and the article 一.
        #expect(QuantityExtractor.extract("2020年12月15日，L3/L4智能汽车和5G网络，一批项目").isEmpty)
    }

    @Test func offsetsAreScalarOffsets() throws {
        let text = "重庆“双一流”建设高校20所"
        let q = try #require(QuantityExtractor.extract(text).first)
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[q.start..<q.end])) == "20所")
    }
}
