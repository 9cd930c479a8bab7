import Foundation
import Testing
@testable import Analysis

@Suite("Regex simple forms")
struct RxSimpleFormTests {
    static let inputs: [String] = {
        var out = ["", "月初", "月初\n", "月初\r\n", "月初\n\n", "本月初", "月初 ", "2020", "２０２０", "2020\n", "20201", "202",
                   "二〇二〇", "١٢٣٤", "十", "a十b", "十\u{301}", "e\u{301}", "中国", "abc", "月底", "月中\u{2028}", "３月", "，",
                   "]", "-", "^", "龥", "龦", "一", "\u{4DFF}"]
        for t in ["今年2月，工信部发布《2020年报告》", "截至11月底，投入５０００万元", "第77位、十四五期间"] {
            let s = Array(t.unicodeScalars)
            for i in s.indices { for j in (i + 1)...min(s.count, i + 5) { out.append(String(String.UnicodeScalarView(s[i..<j]))) } }
        }
        return out
    }()

    /// Every pattern with a simple form answers as the regex engine does.
    @Test func simpleFormsAgreeWithTheEngine() throws {
        let patterns = [TimeExtractor.numPattern.pattern, TimeExtractor.fourNumYear.pattern, TimePatterns.chineseChar.pattern,
                        TimeParser.bareMonthPart.pattern, "[\\d十百]", "^[\\d]{2}$", "^(a|bc|月)$", "[a\\-z]", "[\\]a]"]
        for p in patterns {
            let form = try #require(RxSimpleForm.of(p), "\(p)")
            let re = try NSRegularExpression(pattern: p)
            for s in Self.inputs {
                let engine = re.firstMatch(in: s, range: NSRange(location: 0, length: (s as NSString).length)) != nil
                #expect(form.matches(s) == engine, "\(p) on \(s.debugDescription)")
            }
        }
    }

    /// Patterns with any other syntax have no simple form.
    @Test func otherPatternsHaveNone() {
        for p in ["[^a]", "^(a|b)+$", "^(a.b)$", "a[bc]", "^[a]{2,3}$", "(a|b)", "^()$", "^(a|)$", "[[a]]"] {
            #expect(RxSimpleForm.of(p) == nil, "\(p)")
        }
    }
}
