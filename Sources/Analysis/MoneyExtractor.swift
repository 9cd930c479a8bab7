import ChineseText
import Foundation

/// A money expression found in running text.
public struct MoneyMention: Sendable, Equatable {
    public var text: String
    /// Unicode-scalar offsets into the input.
    public var start: Int
    public var end: Int
    public var parse: MoneyParse?
}

/// JioNLP-compatible money extraction (`extract_money`).
public enum MoneyExtractor {
    /// Scalars a candidate cannot start with (`charPattern`'s look-ahead).
    static let candidateNotFirst = "余|多|分|角|不|块|〇"
    /// The words of `charPattern`, in its order.
    static let candidateWords = #"(将)?近|只有|仅|(大)?约(莫|合)?|大概|至少(要)?|不(到|足|超过)?|逾|高于|(高)?达(到)?|^上|(超)?过|超|以上|以下|左右|上下|港币|人民币|(新)?台币|(分|角|毛|块|元)钱?|(人民|港|日|澳|(新)?台)币|圆(整)?|英镑|美(金|分|刀)|马克|法郎|卢布|泰铢|元((人民|港|日|澳|韩|(新)?台)币)?|(美|港|澳门|日|韩|缅|马|新加坡|欧|加|加拿大|新西兰|澳|澳大利亚)元|(越(南)?)盾|雷亚尔"#
    /// The single scalars of `charPattern`, its last branch.
    static let candidateClass = #"[分角毛块 \.\,\-\~—－～，余多个数几百佰k千仟w万萬亿十拾兆〇O0-9零０-９一二两三四五六七八九壹弌贰弍俩叁弎仨肆伍陆柒捌玖\(\)（）不含]"#
    /// Candidates: JioNLP's `money_char` pattern. `MoneyCandidates` finds its matches.
    static let charPattern = Rx("(?!(" + candidateNotFirst + "))(" + candidateWords + "|" + candidateClass + ")+")
    static let numOnlyClass = #"[ \.多个数几百佰k千仟w万萬亿十拾兆〇O0-9零０-９一二两三四五六七八九壹弌贰弍俩叁弎仨肆伍陆柒捌玖]"#
    static let numOnly = Rx("^" + numOnlyClass + "+$")
    static let qianWanYiYuan = Rx("[k千仟w万萬亿]元[0-9]")
    /// The options of `unitPattern`.
    static let unitWords = #"(分|角|毛|块|元)钱?|(人民|港|日|澳|(新)?台)币|圆(整)?|英镑|美(金|分|刀)|马克|法郎|卢布|泰铢|元((人民|港|日|澳|韩|(新)?台)币)?|(美|港|澳门|日|韩|缅|马|新加坡|欧|加|加拿大|新西兰|澳|澳大利亚)元|(越(南)?)盾|雷亚尔"#
    static let unitPattern = Rx("(" + unitWords + ")")
    static let spanSeg = Rx("[-~—－～]+")
    static let kuaiMaoJiaoFen = Rx("[分角毛块]")
    static let nonMoney: Set<String> = ["多元", "十分", "百分", "万分"]

    public static func extract(_ text: String) -> [MoneyMention] {
        scan(text).mentions
    }

    /// `extract(text)` with the runs it searched, for `MoneySentences` to reuse.
    static func scan(_ text: String) -> MoneyScan {
        scan(text, scalars: ScalarArray.of(text))
    }

    /// `scan(text)` given the scalars of `text`.
    static func scan(_ text: String, scalars: [Unicode.Scalar]) -> MoneyScan {
        let (normalized, simple) = normalizedScalars(text, scalars)
        var searched: [(Int, Int)] = []
        let mentions = mentions(text, original: scalars, normalized: normalized, skip: { _, _ in false }, searched: &searched)
        return MoneyScan(text: text, normalized: normalized, mentions: mentions, searched: searched, simple: simple)
    }

    /// The scalars of `MoneyCore.normalizeTraditional(text)` (`scalars` being those of `text`),
    /// and whether the text is simple and the traditional map single-pass (`MoneyScan.simple`):
    /// exactly when `ScalarMap.apply` maps the scalars in one pass.
    static func normalizedScalars(_ text: String, _ scalars: [Unicode.Scalar]) -> ([Unicode.Scalar], Bool) {
        if let u = MoneyCore.traditionalMap.apply(scalars) { return (u, true) }
        return (ScalarArray.of(MoneyCore.normalizeTraditional(text)), false)
    }

    /// The mentions of `text` (`original` its scalars when the caller has them, `u` those of its
    /// normalized form), leaving out runs for which `skip` is true; `searched` receives the runs
    /// that passed the gate.
    ///
    /// The candidates are the matches of `charPattern` (`MoneyCandidates`) in runs that pass
    /// `skip` and `CandidateRunGate.money`; each is searched by `MoneyCandidateGrid`, which
    /// gives what `gridSearch` and `filter` give.
    static func mentions(_ text: String, original: [Unicode.Scalar]?, normalized u: [Unicode.Scalar],
                         skip: (Int, Int) -> Bool, searched: inout [(Int, Int)]) -> [MoneyMention] {
        var out: [MoneyMention] = []
        var gated: [(Int, Int)] = []
        // Single-scalar candidates are skipped below, so runs of one scalar need no search.
        // Runs where no sub-string could pass `filter` need no search (`CandidateRunGate.money`).
        let found = MoneyCandidates.find(u) { a, b in
            if skip(a, b) { return false }
            guard CandidateRunGate.money(u, a, b) else { return false }
            gated.append((a, b))
            return true
        }
        searched = gated
        // The original scalars are read only to cut out a mention's text; most runs have none.
        var originalScalars = original
        for m in found where m.end - m.start > 1 {
            var grid = MoneyCandidateGrid(u, m.start, m.end)
            if grid.isLoneSmallUnit { continue }
            // JioNLP's loop: `offsetEnd` is the end relative to `bias`, as in `extract_money`.
            var offsetEnd = 0
            var bias = 0
            while m.start + offsetEnd < m.end {
                guard bias < m.end - m.start, let (r, j, e) = grid.search(from: bias) else { break }
                offsetEnd = e
                let a = m.start + bias + j, b = m.start + bias + e
                if grid.isNonMoney(a, b) { bias += e; continue }
                let original = originalScalars ?? ScalarArray.of(text)
                originalScalars = original
                out.append(MoneyMention(text: slice(original, a, b), start: a, end: b, parse: r))
                bias += e
            }
        }
        return out
    }

    /// `String.jSub(from, to)` for non-negative offsets, over the scalars `u` of the text.
    static func slice(_ u: [Unicode.Scalar], _ from: Int, _ to: Int) -> String {
        let a = min(max(from, 0), u.count)
        let b = max(min(max(to, 0), u.count), a)
        return ScalarString.make(u, a, b)
    }

    /// JioNLP's candidate filter, as ported: `MoneyCandidateGrid.keeps` answers it from scalars
    /// (a test compares them).
    static func filter(_ s: String, context: String) -> Bool {
        if "，,".jHas(s.jFirstChar) || "，,".jHas(s.jLastChar) { return false }
        if numOnly.matches(s) { return context.jHas("金额") || context.jHas("钱") }
        if qianWanYiYuan.matches(s) { return false }
        let unit = unitPattern.search(s)
        if unit == nil {
            guard spanSeg.matches(s) else { return false }
            if spanSeg.findAll(s).count > 1 { return false }
            if !s.jHas("k") && !s.jHas("w") { return false }
        }
        if let u = unit, u.text.jScalarCount == s.jScalarCount { return false }
        return true
    }

    /// JioNLP's search of a candidate's sub-strings, as ported: `MoneyCandidateGrid.search`
    /// gives the same (a test compares them).
    static func gridSearch(_ cand: [String], context: String) -> (String, MoneyParse, (Int, Int))? {
        let length = cand.count
        for i in 0..<length {
            for j in 0..<i {
                let end = length - i + j + 1
                let sub = cand[j..<end].joined()
                if !filter(sub, context: context) { continue }
                if let r = try? MoneyCore.parse(sub.jRep(" ", "")) { return (sub, r, (j, end)) }
            }
        }
        return nil
    }
}
