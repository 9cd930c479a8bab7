import ChineseText
import Foundation
import Testing
@testable import Analysis

/// Texts made of the pieces money patterns look at: every option of the candidate and unit
/// words, every scalar of the candidate class, and scalars outside the alphabet.
private enum MoneyTexts {
    static let pieces: [String] = {
        var p: [String] = []
        p += MoneyCandidates.choice.options.map { String(String.UnicodeScalarView($0.scalars.compactMap(Unicode.Scalar.init))) }
        p += MoneyCandidateGrid.unitChoice.options.map { String(String.UnicodeScalarView($0.scalars.compactMap(Unicode.Scalar.init))) }
        for v in UInt32(0)..<0x10000 where MoneyCandidates.classScalars.contains(v) { p.append(String(Unicode.Scalar(v)!)) }
        // Amounts and partial words, so that parses succeed and options are cut short.
        p += ["296", "1.5", "5000", "12", "0", "3", "k", "w", "-", "—", "～", "，", ",", " ", "(", "）", "元", "万元", "亿元", "钱",
              "金额", "金", "额", "人民", "新台", "越南", "澳门", "加拿", "至", "从", "到", "起", "余", "多", "几", "数", "上", "含"]
        // Outside the alphabet.
        p += ["的", "。", "a", "年", "\n", "é", "e\u{301}", "𠀀", "金额为", "花了"]
        return p
    }()

    /// The pieces the filter's tests turn on, drawn more often.
    static let frequent = ["2", "35", "8.5", "k", "w", "-", "~", "—", "－", "～", "元", "万", "亿", "千", "钱", "金额", "，", ",", " ",
                           "约", "达到", "多", "块", "角", "分", "美元", "人民币", "十", "三"]

    static func make(_ count: Int, seed: UInt64, maxPieces: Int = 10) -> [String] {
        var rng = SplitMix(seed: seed)
        return (0..<count).map { _ in
            let n = Int.random(in: 1...maxPieces, using: &rng)
            return (0..<n).map { _ in
                Bool.random(using: &rng) ? frequent.randomElement(using: &rng)! : pieces.randomElement(using: &rng)!
            }.joined()
        }
    }

    /// A few real sentences with money.
    static let sentences = [
        "公司获得融资5000万元，估值约合3亿美元，较去年增长25%。总金额 3500，其中一期投入1200。",
        "售价2k-3k，另有港币三千元、人民币100元整和50欧元的选项，票价仅需十块钱。",
        "该项目投资达到4252亿元。约296亿元用于研发。超100亿元的资金！逾千亿元。（达到4252亿元）",
        "上100亿元的投资。金额为500。花了300钱。一个多亿元；三到五万港元，六七亿日元，5~10w之间。",
        "区间2k-3k-5k，或5-6～7w，或8k元9，或十块五毛，1,200元。",
    ]
}

/// The extraction as ported from JioNLP: ICU finds the candidates and every sub-string goes
/// through `filter` and `MoneyCore.parse` as a `String` (what `MoneyExtractor.mentions` did
/// before `MoneyCandidates` and `MoneyCandidateGrid`).
private func referenceExtract(_ text: String) -> [MoneyMention] {
    let t = MoneyCore.normalizeTraditional(text)
    let scalars = Array(t.unicodeScalars)
    let original = Array(text.unicodeScalars)
    var out: [MoneyMention] = []
    for m in MoneyExtractor.charPattern.findAll(t) {
        let s = m.text
        guard s.jScalarCount > 1 else { continue }
        if MoneyExtractor.kuaiMaoJiaoFen.findAll(s).count == 1 && !s.jHas("元") && !s.jHas("钱") { continue }
        let context = ScalarString.make(scalars, max(0, m.start - 5), min(scalars.count, m.end + 5))
        let cand = s.unicodeScalars.map { String($0) }
        var offsetEnd = 0
        var bias = 0
        while m.start + offsetEnd < m.end {
            guard bias < cand.count, let (sub, r, off) = MoneyExtractor.gridSearch(Array(cand[bias...]), context: context) else { break }
            offsetEnd = off.1
            if MoneyExtractor.nonMoney.contains(sub) { bias += off.1; continue }
            let origText = MoneyExtractor.slice(original, m.start + bias + off.0, m.start + bias + off.1)
            out.append(MoneyMention(text: origText, start: m.start + bias + off.0, end: m.start + bias + off.1, parse: r))
            bias += off.1
        }
    }
    return out
}

@Suite("Money: candidates and their search without ICU")
struct MoneyCandidatesTests {
    /// The candidate pattern is JioNLP's, assembled from the parts the scanner reads.
    @Test func patternsAreJioNLPs() {
        #expect(MoneyExtractor.charPattern.pattern == #"(?!(余|多|分|角|不|块|〇))((将)?近|只有|仅|(大)?约(莫|合)?|大概|至少(要)?|不(到|足|超过)?|逾|高于|(高)?达(到)?|^上|(超)?过|超|以上|以下|左右|上下|港币|人民币|(新)?台币|(分|角|毛|块|元)钱?|(人民|港|日|澳|(新)?台)币|圆(整)?|英镑|美(金|分|刀)|马克|法郎|卢布|泰铢|元((人民|港|日|澳|韩|(新)?台)币)?|(美|港|澳门|日|韩|缅|马|新加坡|欧|加|加拿大|新西兰|澳|澳大利亚)元|(越(南)?)盾|雷亚尔|[分角毛块 \.\,\-\~—－～，余多个数几百佰k千仟w万萬亿十拾兆〇O0-9零０-９一二两三四五六七八九壹弌贰弍俩叁弎仨肆伍陆柒捌玖\(\)（）不含])+"#)
        #expect(MoneyExtractor.numOnly.pattern == #"^[ \.多个数几百佰k千仟w万萬亿十拾兆〇O0-9零０-９一二两三四五六七八九壹弌贰弍俩叁弎仨肆伍陆柒捌玖]+$"#)
        #expect(MoneyExtractor.unitPattern.pattern == #"((分|角|毛|块|元)钱?|(人民|港|日|澳|(新)?台)币|圆(整)?|英镑|美(金|分|刀)|马克|法郎|卢布|泰铢|元((人民|港|日|澳|韩|(新)?台)币)?|(美|港|澳门|日|韩|缅|马|新加坡|欧|加|加拿大|新西兰|澳|澳大利亚)元|(越(南)?)盾|雷亚尔)"#)
    }

    /// The expansion lists options in the engine's order.
    @Test func literalChoiceOrder() {
        func words(_ p: String) -> [String]? {
            RxLiteralChoice(p)?.options.map { ($0.anchored ? "^" : "") + String(String.UnicodeScalarView($0.scalars.compactMap(Unicode.Scalar.init))) }
        }
        #expect(words("(大)?约(莫|合)?") == ["大约莫", "大约合", "大约", "约莫", "约合", "约"])
        #expect(words("元((人民|港)币)?|^上") == ["元人民币", "元港币", "元", "^上"])
        #expect(words("钱?") == nil)   // an empty option
        #expect(words("a+") == nil)
        #expect(words("[ab]") == nil)
        #expect(words("(?!a)b") == nil)
    }

    /// The leftmost unit match by the literal options equals `unitPattern.search` (text and
    /// position) on every sub-string of generated texts.
    @Test func unitChoiceEqualsRegex() {
        var checked = 0
        for text in MoneyTexts.make(3000, seed: 11) + MoneyTexts.sentences {
            let u = Array(text.unicodeScalars)
            u.withUnsafeBufferPointer { b in
                for a in 0..<u.count {
                    for e in (a + 1)...min(u.count, a + 8) {
                        let sub = ScalarString.make(u, a, e)
                        let ref = MoneyExtractor.unitPattern.search(sub)
                        var mine: (Int, Int)?
                        for p in a..<e {
                            let n = MoneyCandidateGrid.unitChoice.match(b, at: p, limit: e)
                            if n > 0 { mine = (p - a, p - a + n); break }
                        }
                        #expect(ref.map { [$0.start, $0.end] } == mine.map { [$0.0, $0.1] }, "\(sub)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 10000)
    }

    /// `MoneyCandidates.find` returns the matches of `charPattern.findAll(t, minLength: 2,
    /// runGate:)`, offering the gate the same runs, with gates that keep every run or some.
    @Test func candidatesEqualRegex() {
        var matches = 0
        for (n, text) in (MoneyTexts.make(6000, seed: 7) + MoneyTexts.sentences).enumerated() {
            let t = MoneyCore.normalizeTraditional(text)
            let u = Array(t.unicodeScalars)
            for parity in [-1, 0, 1] {
                func keep(_ a: Int, _ b: Int) -> Bool { parity < 0 || (a + b + n) % 2 == parity }
                var refRuns: [[Int]] = [], myRuns: [[Int]] = []
                let ref = MoneyExtractor.charPattern.findAll(t, minLength: 2, runGate: { a, b in refRuns.append([a, b]); return keep(a, b) })
                let mine = MoneyCandidates.find(u) { a, b in myRuns.append([a, b]); return keep(a, b) }
                #expect(ref.map { [$0.start, $0.end] } == mine.map { [$0.start, $0.end] }, "\(text)")
                if MoneyExtractor.charPattern.mayMatch(t) { #expect(refRuns == myRuns, "\(text)") }
                matches += mine.count
            }
        }
        #expect(matches > 5000)
        // `^上` at the start of the text only.
        #expect(MoneyCandidates.find(Array("上100元".unicodeScalars)) { _, _ in true }.map(\.start) == [0])
        #expect(MoneyCandidates.find(Array("的上100元".unicodeScalars)) { _, _ in true }.map(\.start) == [2])
    }

    /// `MoneyCandidateGrid` answers `filter` on every sub-string of every candidate, and
    /// `search` equals `gridSearch` from every bias.
    @Test func gridEqualsFilterAndGridSearch() {
        var kept = 0, found = 0
        for text in MoneyTexts.make(2500, seed: 5, maxPieces: 7) + MoneyTexts.sentences {
            let t = MoneyCore.normalizeTraditional(text)
            let u = Array(t.unicodeScalars)
            for m in MoneyExtractor.charPattern.findAll(t) where m.end - m.start > 1 {
                let context = ScalarString.make(u, max(0, m.start - 5), min(u.count, m.end + 5))
                var grid = MoneyCandidateGrid(u, m.start, m.end)
                let s = m.text
                #expect(grid.isLoneSmallUnit == (MoneyExtractor.kuaiMaoJiaoFen.findAll(s).count == 1 && !s.jHas("元") && !s.jHas("钱")), "\(s)")
                for a in m.start..<m.end {
                    for b in (a + 1)...m.end {
                        let ref = MoneyExtractor.filter(ScalarString.make(u, a, b), context: context)
                        #expect(grid.keeps(a, b) == ref, "\(ScalarString.make(u, a, b)) in \(text)")
                        if ref { kept += 1 }
                    }
                }
                let cand = s.unicodeScalars.map { String($0) }
                for bias in 0..<cand.count {
                    let ref = MoneyExtractor.gridSearch(Array(cand[bias...]), context: context)
                    let mine = grid.search(from: bias)
                    #expect(ref.map { [$0.2.0, $0.2.1] } == mine.map { [$0.1, $0.2] }, "\(s) from \(bias)")
                    #expect(ref?.1 == mine?.0, "\(s) from \(bias)")
                    if let ref, let mine {
                        found += 1
                        #expect(MoneyExtractor.nonMoney.contains(ref.0) == grid.isNonMoney(m.start + bias + mine.1, m.start + bias + mine.2))
                    }
                }
            }
        }
        #expect(kept > 1000)
        #expect(found > 200)
    }

    /// The extraction equals the port's (ICU candidates, `String` filter and search) on
    /// generated texts, real sentences and texts with traditional and non-simple characters.
    @Test func extractionEqualsReference() {
        let texts = MoneyTexts.make(4000, seed: 3, maxPieces: 14) + MoneyTexts.sentences
            + ["投資5000萬元，約3億美元", "cafe\u{301} 500元，金额3500", "達到4252億元", "𠀀300元𠀀"]
        for text in texts {
            #expect(MoneyExtractor.extract(text) == referenceExtract(text), "\(text)")
        }
        #expect(referenceExtract(MoneyTexts.sentences[0]).count >= 3)
    }
}
