import ChineseText
import Foundation
import Testing
@testable import Analysis

/// The scalar fast paths agree with the general code they stand in for.
@Suite("Fast paths")
struct FastPathTests {
    static let sentences = [
        "8月18日，重庆市政府与北京大学签署战略合作协议，携手共建北京大学重庆大数据研究院。",
        "今年3月，科技部批复重庆建设国家新一代人工智能创新发展试验区。",
        "该公司计划投资10亿元建设新基地。", "如果明年开工，项目将于2025年投产。", "市政府将设立专项基金。",
        "重庆市物联网技术创新战略联盟揭牌成立仪式在渝举行。", "大会举行", "他当选为院士", "成立",
        "公司发布了新一代人工智能开放平台和配套方案，并宣布上线", "研究院落户两江新区并开园运营。",
        "签署协议", "创下新的世界纪录！", "填补了国内空白", "“下一步，我们将举行论坛。”",
        "没有任何触发词的句子。", "排名第一", "位列全国第三位", "推出全新产品线（第二代）",
    ]

    @Test func scalarTriggerMatchesTrigger() {
        for s in Self.sentences {
            let u = Array(s.unicodeScalars)
            guard ScalarText.isSimple(s) else { continue }
            let gate = TriggerGate.check(u, 0, u.count)
            let reference = EventExtractor.trigger(in: s)
            let fast = gate == .noTrigger ? nil : ScalarTrigger.trigger(u, 0, u.count)
            #expect(fast?.0 == reference?.0 && fast?.1 == reference?.1 && fast?.2 == reference?.2, "\(s)")
            if reference != nil { #expect(gate == .simple, "\(s)") }
        }
        // A combining mark makes the sentence complex: the gate leaves it to Foundation.
        let u = Array("签署协议e\u{301}".unicodeScalars)
        #expect(TriggerGate.check(u, 0, u.count) == .complex)
    }

    @Test func plainYuanMatchesGeneralParse() throws {
        for s in ["296亿元", "1.5万元", "800元", "0.5万元", "5百万元", "3万亿元", "12.34元", "7千元", "100百元", "9十亿元"] {
            #expect(MoneyCore.plainYuan(s) == (try MoneyCore.parseSingle(s)), "\(s)")
        }
        for s in ["5十元", "5亿万元", "12.元", ".5元", "约5元", "5万美元", "５元", "元", "1.2.3元"] {
            #expect(MoneyCore.plainYuan(s) == nil, "\(s)")
        }
        #expect(MoneyCore.plainYuan("296亿元")?.num == "29600000000.00")
    }

    @Test func plainInteger() {
        #expect(ChineseNumber.plainInteger("2020") == 2020)
        #expect(ChineseNumber.plainInteger("0012") == 12)
        #expect(ChineseNumber.plainInteger("1.5") == nil)
        #expect(ChineseNumber.plainInteger("１２") == nil)
        #expect(ChineseNumber.plainInteger("1234567890123456") == nil)
        #expect(ChineseNumber.parseDetailed("2020") == ChineseNumber.Value(value: 2020, qualifier: .exact, upperValue: nil))
    }

    @Test func trimmedLikeFoundation() {
        for s in ["，,、 abc，", "abc", "", "，", " 、x、 ", "a\u{301}，"] {
            #expect(EventExtractor.trimmed(s) == s.trimmingCharacters(in: CharacterSet(charactersIn: "，,、 ")), "\(s)")
        }
    }

    @Test func summarySentenceFacts() {
        for s in ["“引号开头的句子。", "短标题", "e\u{301}结尾。", "\r\n混合", "\"quoted\""] {
            let u = Array(s.unicodeScalars)
            let f = SummarySentence(u, 0, u.count)
            #expect(f.length == s.count && f.endsWithFullStop == s.hasSuffix("。"), "\(s)")
            #expect(f.startsWithQuote == (s.hasPrefix("“") || s.hasPrefix("\"")), "\(s)")
        }
    }

    @Test func scalarStringMatchesScalarView() {
        let s = "a中😀é\u{301}\u{0}\u{7FF}\u{800}\u{FFFF}\u{10000}"
        let u = Array(s.unicodeScalars)
        for a in 0...u.count { for b in a...u.count {
            #expect(ScalarString.make(u, a, b) == String(String.UnicodeScalarView(u[a..<b])))
        } }
    }
}
