import Testing
@testable import CrossDocument

@Suite struct ConflictRuleTests {
    static func claim(_ value: Double, _ bound: String = "exact", text: String? = nil, indicator: String = "集聚各层次科研人才",
                      unit: String = "名", kind: String = "count", subject: String? = nil) -> Claim {
        Claim(subject: subject, indicator: indicator, unit: unit, kind: kind, value: value, bound: bound,
              text: text ?? "\(Int(value))\(unit)", sentence: "", start: 0, end: 1)
    }

    @Test func exactFigures() {
        #expect(ConflictRule.disagree(Self.claim(20), Self.claim(18)))
        #expect(!ConflictRule.disagree(Self.claim(20), Self.claim(20)))
        #expect(!ConflictRule.disagree(Self.claim(70.2, unit: "%", kind: "percent"), Self.claim(70.2, unit: "%", kind: "percent")))
        #expect(ConflictRule.disagree(Self.claim(70.2, unit: "%", kind: "percent"), Self.claim(70.3, unit: "%", kind: "percent")))
        // Symmetric.
        #expect(ConflictRule.disagree(Self.claim(18), Self.claim(20)))
    }

    @Test func differentKeysNeverDisagree() {
        #expect(!ConflictRule.disagree(Self.claim(20), Self.claim(18, indicator: "孵化科技型企业")))
        #expect(!ConflictRule.disagree(Self.claim(20, subject: "重庆市"), Self.claim(18)))
        #expect(!ConflictRule.disagree(Self.claim(20), Self.claim(18, unit: "人")))
    }

    /// 800余名: at least 800.
    @Test func moreThanWithYu() {
        let yu = Self.claim(800, "lower", text: "800余名")
        #expect(!ConflictRule.disagree(yu, Self.claim(820)))
        #expect(!ConflictRule.disagree(yu, Self.claim(800)))
        #expect(ConflictRule.disagree(yu, Self.claim(790)))
        // As the quantity extractor writes it (approximate) the 余 still makes it a lower bound.
        let yuApproximate = Self.claim(800, "approximate", text: "800余名")
        #expect(!ConflictRule.disagree(yuApproximate, Self.claim(820)))
        #expect(ConflictRule.disagree(yuApproximate, Self.claim(790)))
        // Two lower bounds never contradict each other.
        #expect(!ConflictRule.disagree(yu, Self.claim(1000, "lower")))
    }

    @Test func upperBounds() {
        let near = Self.claim(100, "upper", text: "近100名")
        #expect(!ConflictRule.disagree(near, Self.claim(95)))
        #expect(ConflictRule.disagree(near, Self.claim(105)))
        #expect(ConflictRule.disagree(near, Self.claim(120, "lower")))
        #expect(!ConflictRule.disagree(near, Self.claim(90, "lower")))
        #expect(!ConflictRule.disagree(near, Self.claim(500, "upper")))
    }

    /// 约: within ±10 %.
    @Test func approximateFigures() {
        let about = Self.claim(296, "approximate", text: "约296亿元", unit: "元", kind: "money")
        #expect(!ConflictRule.disagree(about, Self.claim(300, unit: "元", kind: "money")))
        #expect(!ConflictRule.disagree(about, Self.claim(320, unit: "元", kind: "money")))
        #expect(ConflictRule.disagree(about, Self.claim(330, unit: "元", kind: "money")))
        #expect(ConflictRule.disagree(about, Self.claim(260, unit: "元", kind: "money")))
        #expect(!ConflictRule.disagree(about, Self.claim(340, "approximate", unit: "元", kind: "money")))
        #expect(ConflictRule.disagree(about, Self.claim(400, "approximate", unit: "元", kind: "money")))
        #expect(ConflictRule.disagree(about, Self.claim(400, "lower", unit: "元", kind: "money")))
    }

    @Test func reprintedFiguresOfTheSamples() throws {
        let a = ClaimExtractorTests.c000, b = ClaimExtractorTests.c004
        let a20 = try #require(RecordSupport.claim(a, "20所")), b18 = try #require(RecordSupport.claim(b, "18所"))
        #expect(ConflictRule.disagree(a20, b18))
        // The other figures of the two articles agree.
        var conflicts: [String] = []
        for x in a { for y in b where ConflictRule.disagree(x, y) { conflicts.append("\(x.text)/\(y.text)") } }
        #expect(conflicts == ["20所/18所"])
    }

    @Test func publicationDates() {
        #expect(ConflictRule.comparable(publishedA: "2020-12-17", publishedB: "2020-12-25T09:23:35"))
        #expect(ConflictRule.comparable(publishedA: "2020-12-01", publishedB: "2021-01-01"))   // 31 days
        #expect(!ConflictRule.comparable(publishedA: "2020-12-01", publishedB: "2021-01-02"))  // 32 days
        #expect(!ConflictRule.comparable(publishedA: "2021-03-01", publishedB: "2020-12-17"))
        #expect(ConflictRule.comparable(publishedA: "2020-02-28", publishedB: "2020-03-30"))   // leap year: 31 days
        #expect(ConflictRule.comparable(publishedA: nil, publishedB: "2020-12-17"))
        #expect(ConflictRule.comparable(publishedA: nil, publishedB: nil))
        #expect(ConflictRule.comparable(publishedA: "unknown", publishedB: "2010-01-01"))
        #expect(ConflictRule.comparable(publishedA: "2020/8/19", publishedB: "2020-09-19"))
        #expect(!ConflictRule.comparable(publishedA: "2020/8/19", publishedB: "2020-09-20"))
        #expect(ConflictRule.comparable(publishedA: "2020-08", publishedB: "2020-09-01"))
    }
}
