import Testing
@testable import Analysis

@Suite("Money: modifier + plain amount fast path")
struct MoneyModifiedAmountTests {
    static let amounts = ["296亿元", "1.5万元", "800元", "0.5万元", "5百万元", "3万亿元", "12.34元", "7千元", "9十亿元"]

    /// Every modifier of the fast path, before every shape of plain amount, parses as the
    /// general rules parse it.
    @Test func everyModifierMatchesGeneralParse() throws {
        #expect(MoneyModifiedAmount.definitions.count == MoneyModifiedAmount.modifiers.count)
        for m in MoneyModifiedAmount.modifiers {
            for a in Self.amounts {
                let s = m + a
                let fast = MoneyModifiedAmount.parse(s)
                #expect(fast != nil, "\(s)")
                #expect(fast == (try MoneyCore.parseGeneral(s)), "\(s)")
                #expect(try MoneyCore.parse(s) == (try MoneyCore.parseGeneral(s)), "\(s)")
            }
        }
        #expect(MoneyModifiedAmount.parse("达到4252亿元")?.definition == "accurate")
        #expect(MoneyModifiedAmount.parse("约296亿元")?.definition == "blur")
        #expect(MoneyModifiedAmount.parse("超100亿元")?.definition == "blur+")
        #expect(MoneyModifiedAmount.parse("不到10万元")?.definition == "blur-")
    }

    /// Text outside the fast path's shape is left to the general rules.
    @Test func otherTextTakesGeneralPath() {
        for s in ["约", "约元", "约5十元", "约5万美元", "约５元", "大约约5元", "上100亿元", "多于5元", "约5元以上",
                  ")达到4252亿元", "达到4252亿", "逾千亿元", "约 5元", "约5元，", "从5到6元", "约5.元"] {
            #expect(MoneyModifiedAmount.parse(s) == nil, "\(s)")
        }
    }
}

@Suite("Quantity: numeral test without hashing")
struct QuantityNumeralTests {
    @Test func switchEqualsSet() {
        for v in UInt32(0)..<0x30000 {
            guard let c = Unicode.Scalar(v) else { continue }
            #expect(QuantityExtractor.isChineseNumeral(c) == QuantityExtractor.chineseNumerals.contains(c), "\(v)")
        }
    }
}

@Suite("Money: sentence mentions reused from the whole text")
struct MoneySentenceReuseTests {
    static let texts = [
        "公司获得融资5000万元，估值约合3亿美元。较去年增长25%。总金额 3500，其中一期投入1200。",
        "售价2k-3k，另有港币三千元。人民币100元整和50欧元的选项；票价仅需十块钱！",
        "该项目投资达到4252亿元。\n 约296亿元用于研发。超100亿元的资金！逾千亿元。",
        "上100亿元的投资。金额为500。花了300钱。一个多亿元；(达到4252亿元)。",
    ]

    /// For every sentence, the reusing path equals searching the sentence itself.
    @Test func sentencesEqualDirectExtraction() {
        for text in Self.texts {
            let scan = MoneyExtractor.scan(text)
            #expect(scan.mentions == MoneyExtractor.extract(text))
            let u = Array(text.unicodeScalars)
            for (s, e) in EventExtractor.sentences(u) {
                let sentence = String(String.UnicodeScalarView(u[s..<e]))
                #expect(MoneySentences.mentions(sentence, in: scan, from: s, to: e) == MoneyExtractor.extract(sentence), "\(sentence)")
            }
            // Any span, not only sentences.
            for s in stride(from: 0, to: u.count, by: 3) {
                for e in stride(from: s, through: u.count, by: 4) {
                    let piece = String(String.UnicodeScalarView(u[s..<e]))
                    #expect(MoneySentences.mentions(piece, in: scan, from: s, to: e) == MoneyExtractor.extract(piece), "\(piece)")
                }
            }
        }
    }

    /// A money scan is reused only for the text with the same bytes.
    @Test func scanMatchesBytesOnly() {
        let scan = QuantityExtractor.extractWithMoney("投资5亿元。").money
        #expect(scan.isScan(of: "投资5亿元。"))
        #expect(!scan.isScan(of: "投资5亿元"))
        let composed = QuantityExtractor.extractWithMoney("caf\u{E9}投资5亿元").money
        #expect(!composed.isScan(of: "cafe\u{301}投资5亿元"))
        // Events get the same amounts with and without the scan.
        let text = "8月，两地共同出资2000万元予以资助。总投资约296亿元。"
        let (_, money) = QuantityExtractor.extractWithMoney(text)
        let with = EventExtractor().extract(text, entities: [], published: nil, money: money)
        let without = EventExtractor().extract(text, entities: [], published: nil)
        #expect(with.map(\.amount) == without.map(\.amount))
        #expect(with.contains { $0.amount?.value == 20_000_000 })
    }
}
