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
    static let charPattern = Rx(#"(?!(余|多|分|角|不|块|〇))((将)?近|只有|仅|(大)?约(莫|合)?|大概|至少(要)?|不(到|足|超过)?|逾|高于|(高)?达(到)?|^上|(超)?过|超|以上|以下|左右|上下|港币|人民币|(新)?台币|(分|角|毛|块|元)钱?|(人民|港|日|澳|(新)?台)币|圆(整)?|英镑|美(金|分|刀)|马克|法郎|卢布|泰铢|元((人民|港|日|澳|韩|(新)?台)币)?|(美|港|澳门|日|韩|缅|马|新加坡|欧|加|加拿大|新西兰|澳|澳大利亚)元|(越(南)?)盾|雷亚尔|[分角毛块 \.\,\-\~—－～，余多个数几百佰k千仟w万萬亿十拾兆〇O0-9零０-９一二两三四五六七八九壹弌贰弍俩叁弎仨肆伍陆柒捌玖\(\)（）不含])+"#)
    static let numOnly = Rx(#"^[ \.多个数几百佰k千仟w万萬亿十拾兆〇O0-9零０-９一二两三四五六七八九壹弌贰弍俩叁弎仨肆伍陆柒捌玖]+$"#)
    static let qianWanYiYuan = Rx("[k千仟w万萬亿]元[0-9]")
    static let unitPattern = Rx(#"((分|角|毛|块|元)钱?|(人民|港|日|澳|(新)?台)币|圆(整)?|英镑|美(金|分|刀)|马克|法郎|卢布|泰铢|元((人民|港|日|澳|韩|(新)?台)币)?|(美|港|澳门|日|韩|缅|马|新加坡|欧|加|加拿大|新西兰|澳|澳大利亚)元|(越(南)?)盾|雷亚尔)"#)
    static let spanSeg = Rx("[-~—－～]+")
    static let kuaiMaoJiaoFen = Rx("[分角毛块]")
    static let nonMoney: Set<String> = ["多元", "十分", "百分", "万分"]

    public static func extract(_ text: String) -> [MoneyMention] {
        scan(text).mentions
    }

    /// `extract(text)` with the runs it searched, for `MoneySentences` to reuse.
    static func scan(_ text: String) -> MoneyScan {
        let t = MoneyCore.normalizeTraditional(text)
        let scalars = ScalarArray.of(t)
        var searched: [(Int, Int)] = []
        let mentions = mentions(text, normalized: t, scalars: scalars, skip: { _, _ in false }, searched: &searched)
        return MoneyScan(text: text, normalized: scalars, mentions: mentions, searched: searched,
                         simple: MoneyCore.traditionalMap.isSinglePass && ScalarText.isSimple(text))
    }

    /// The mentions of `text` (`t` is its normalized form, `scalars` those of `t`), leaving out
    /// runs for which `skip` is true; `searched` receives the runs that passed the gate.
    static func mentions(_ text: String, normalized t: String, scalars: [Unicode.Scalar],
                         skip: @escaping (Int, Int) -> Bool, searched: inout [(Int, Int)]) -> [MoneyMention] {
        var out: [MoneyMention] = []
        var gated: [(Int, Int)] = []
        // Single-scalar candidates are skipped below, so runs of one scalar need no search.
        // Runs where no sub-string could pass `filter` need no search (`CandidateRunGate.money`).
        let found = charPattern.findAll(t, minLength: 2, runGate: { a, b in
            if skip(a, b) { return false }
            guard CandidateRunGate.money(scalars, a, b) else { return false }
            gated.append((a, b))
            return true
        })
        searched = gated
        // The original scalars are read only to cut out a mention's text; most runs have none.
        var originalScalars: [Unicode.Scalar]?
        for m in found {
            let s = m.text
            guard s.jScalarCount > 1 else { continue }
            if kuaiMaoJiaoFen.findAll(s).count == 1 && !s.jHas("元") && !s.jHas("钱") { continue }
            // `ScalarString.make`: the same scalars as a `String.UnicodeScalarView` of them.
            let context = ScalarString.make(scalars, max(0, m.start - 5), min(scalars.count, m.end + 5))
            let cand = s.unicodeScalars.map { String($0) }
            var offsetEnd = 0
            var bias = 0
            while m.start + offsetEnd < m.end {
                guard bias < cand.count, let (sub, r, off) = gridSearch(Array(cand[bias...]), context: context) else { break }
                offsetEnd = off.1
                if nonMoney.contains(sub) { bias += off.1; continue }
                let original = originalScalars ?? ScalarArray.of(text)
                originalScalars = original
                let origText = slice(original, m.start + bias + off.0, m.start + bias + off.1)
                out.append(MoneyMention(text: origText, start: m.start + bias + off.0, end: m.start + bias + off.1, parse: r))
                bias += off.1
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
