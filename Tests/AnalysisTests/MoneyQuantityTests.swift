import Testing
@testable import Analysis

/// `QuantityExtractor.money` (used by the event extractor for a sentence's amount) must give
/// exactly the money quantities of `extract`, in the same order.
@Suite("Money quantities")
struct MoneyQuantityTests {
    static let texts = [
        "项目总投资约296亿元，其中企业出资逾千亿，政府补助近百亿元。",
        "累计签约引进世界知名高校11所，集聚各层次科研人才800余名，孵化科技型企业38家。",
        "双方共同出资5000万美元设立基金，年产值增长3倍，占比70.2%，提高2个百分点。",
        "获得资助100万至200万元，港元1.5亿，另有第二批项目不到10万元左右。",
        "2020年12月15日，L3/L4智能汽车和5G网络，一批项目",
        "",
    ]

    @Test func sameAsExtractFilteredToMoney() {
        for t in Self.texts {
            let all = QuantityExtractor.extract(t).filter { $0.kind == .money }
            #expect(QuantityExtractor.money(t) == all, "\(t)")
        }
    }

    @Test func findsAmounts() {
        let m = QuantityExtractor.money("政府与企业签署协议，总投资约296亿元。")
        #expect(m.first?.unit == "元")
        #expect(m.first?.value == 29_600_000_000)
    }
}
