import Testing
@testable import ChineseText
@testable import Reading

/// Fast paths of the fourth reading pass (byline tokens by bytes, the trailing-byline pre-test,
/// affix lists over flat bytes) against the code they replace.
struct FastPathTests4 {
    // MARK: References (the former implementations)

    /// `MetadataParsing.personNames` as it was: `String` tests on every token.
    static func referencePersonNames(in text: String, simplify: (String) -> String, includeEditors: Bool = false) -> [String] {
        var tokens: [String] = []
        var cur = String.UnicodeScalarView()
        for c in text.unicodeScalars {
            if Scan.isSpace(c) || c == "、" || c == "," || c == "，" || c == "/" || c == "／" || c == ":" || c == "："
                || c == ";" || c == "；" || c == "|" || Scan.isOpening(c) || Scan.isClosing(c) {
                if !cur.isEmpty { tokens.append(String(cur)); cur = String.UnicodeScalarView() }
            } else {
                cur.append(c)
            }
        }
        if !cur.isEmpty { tokens.append(String(cur)) }
        let roleWords = MetadataParsing.roleWords
        var rest: [(orig: String, simp: String)] = []
        let labelEndings = ["记者", "通讯员", "实习生", "编辑", "摄影", "责编"]
        let editorLabels = ["编辑", "责编", "审核", "校对", "监制", "统筹", "审校", "值班"]
        var editors = false
        for t in tokens {
            var o = t, s = simplify(t)
            if editorLabels.contains(where: { s.hasSuffix($0) || s.hasPrefix($0) }) {
                editors = true
                if roleWords.contains(s) || editorLabels.contains(where: { s.hasSuffix($0) }) { continue }
            } else if roleWords.contains(s) || labelEndings.contains(where: { s.hasSuffix($0) }) {
                editors = false
            }
            if editors && !includeEditors { continue }
            if roleWords.contains(s) { continue }
            if labelEndings.contains(where: { s.hasSuffix($0) }) { continue }
            for r in roleWords where r.count >= 2 && s.hasPrefix(r) && s.count > r.count {
                let n = r.unicodeScalars.count
                o = Scan.string(Scan.scalars(o).dropFirst(n))
                s = Scan.string(Scan.scalars(s).dropFirst(n))
                break
            }
            if s.count > 2 && s.hasSuffix("摄") {
                o = Scan.string(Scan.scalars(o).dropLast())
                s = Scan.string(Scan.scalars(s).dropLast())
            }
            rest.append((o, s))
        }
        var merged: [(orig: String, simp: String)] = []
        var k = 0
        while k < rest.count {
            if k + 1 < rest.count, rest[k].simp.unicodeScalars.count == 1, rest[k + 1].simp.unicodeScalars.count <= 2,
               Scan.isCJK(rest[k].simp.unicodeScalars.first!) {
                merged.append((rest[k].orig + rest[k + 1].orig, rest[k].simp + rest[k + 1].simp))
                k += 2
            } else {
                merged.append(rest[k])
                k += 1
            }
        }
        var names: [String] = []
        for m in merged where referenceIsPersonName(m.simp) && !names.contains(m.orig) { names.append(m.orig) }
        return names
    }

    /// `isPersonName` as it was (endings tested one by one).
    static func referenceIsPersonName(_ name: String) -> Bool {
        let a = Scan.scalars(name)
        if a.isEmpty { return false }
        if MetadataParsing.notNames.contains(name) { return false }
        if a.allSatisfy(Scan.isCJK) {
            guard a.count >= 2 && a.count <= 4 else { return false }
            guard MetadataParsing.surnames.contains(a[0])
                || MetadataParsing.compoundSurnames.contains(where: { name.hasPrefix($0) && a.count >= 3 }) else { return false }
        } else if a.allSatisfy({ Scan.isCJK($0) || $0 == "·" || $0 == "•" }) {
            guard a.count >= 3 && a.count <= 12, Scan.isCJK(a.first!), Scan.isCJK(a.last!) else { return false }
        } else {
            return false
        }
        for e in MetadataParsing.organisationEndings.map(Affix.init) where Scan.hasSuffix(name, e) { return false }
        return true
    }

    /// The tests `stripTrailingByline` made on the shadow's scalars before changing anything:
    /// whether it could go on past them.
    static func referenceMayEndWithByline(_ shadowText: String) -> Bool {
        let shadow = Array(shadowText.unicodeScalars)
        guard let last = Scan.lastVisible(shadow), last == ")" || last == "）" || last == "】" || last == "]" else { return false }
        var end = shadow.count
        while end > 0 && Scan.isSpace(shadow[end - 1]) { end -= 1 }
        var open = end - 2
        while open >= 0 && end - open <= 40 && !(shadow[open] == "(" || shadow[open] == "（" || shadow[open] == "【" || shadow[open] == "[") { open -= 1 }
        guard open >= 0, end - open <= 40 else { return false }
        let innerShadow = Scan.string(shadow[(open + 1)..<(end - 1)])
        if innerShadow == "完" || innerShadow == "结束" || innerShadow == "全文完" { return true }
        if innerShadow.hasSuffix("摄") || innerShadow.hasPrefix("图") { return false }
        return MetadataParsing.longRoleWords.matches(innerShadow) || innerShadow.hasPrefix("文")
    }

    // MARK: Inputs

    static let bylines = [
        "", "记者 张三", "（记者 张亦筑 夏元）", "重庆日报记者 罗静雯", "文字/记者 张亦筑", "记者张三 通讯员李四", "记者 张 三",
        "本报记者 王小明 实习生 李四", "编辑 王五 责编：赵六", "审核 刘七 记者 陈八", "文/图 欧阳修文", "张三摄", "记者 李四 摄",
        "記者 張亦築", "责任编辑：孙九", "记者 e\u{301}李 四", "记者 李\u{301}四", "记者 \u{F9B4}四", "记者 李四\u{200D}",
        "值班编辑 周十 记者 吴一", "通讯员 郑二、王三", "图 新华社 摄影 马四", "记者 阿不都·热合曼", "作者：重庆日报",
        "实习记者 黄五 通讯员 刘六 摄影 何七", "記者 歐陽修 攝", "记者 张三李四王五赵六", "记者\u{3000}钱七；孙八|周九",
    ]

    @Test("personNames by bytes answers as the String tests did")
    func personNames() throws {
        let t2s = Shared.t2s
        var inputs = Self.bylines
        for n in 0..<5 {
            for line in try Samples.text(n).split(separator: "\n") where line.unicodeScalars.count <= 60 { inputs.append(String(line)) }
        }
        for s in inputs {
            for simplify in [{ (x: String) in x }, { (x: String) in t2s?.convert(x) ?? x }] {
                for editors in [false, true] {
                    #expect(MetadataParsing.personNames(in: s, simplify: simplify, includeEditors: editors)
                        == Self.referencePersonNames(in: s, simplify: simplify, includeEditors: editors), "\(s)")
                }
            }
            #expect(MetadataParsing.isPersonName(s) == Self.referenceIsPersonName(s), "\(s)")
        }
    }

    @Test("The trailing-byline pre-test lets through exactly what stripTrailingByline's tests did")
    func trailingByline() throws {
        var inputs: [String] = []
        let tails = ["（记者 张亦筑 夏元）", "(完)", "（结束）", "【全文完】", "（张三 摄）", "（图 新华社）", "[文/李四]", "（下转第2版）",
                     "（记者 张\u{301}三）", "( 记者 王五 )  ", "（一段很长很长很长很长很长很长很长很长很长很长很长很长很长的括号里的话记者）",
                     "（记者 李四）\u{3000}", "）", "（）", "记者）", "（记者 \u{F9B4}四）"]
        for t in tails {
            inputs += [t, "负责人称。" + t, String(repeating: "长", count: 38) + t, "前面" + t + "后面）"]
        }
        for n in 0..<5 { inputs += try Samples.text(n).split(separator: "\n").map(String.init) }
        for s in inputs {
            guard let l = Scan.lastVisible(s), l == ")" || l == "）" || l == "】" || l == "]" else { continue }
            #expect(BylineRule.mayEndWithByline(s) == Self.referenceMayEndWithByline(s), "\(s.suffix(50))")
        }
    }

    @Test("AffixList over flat bytes answers as the affixes tested one by one")
    func affixLists() throws {
        let lists = [["本报讯", "本刊讯", "本网讯"], ["摄", "摄影", "拍摄"], ["e\u{301}", "图/", "图"], ["", "a"],
                     MetadataParsing.organisationEndings]
        var texts = ["", "a", "本报讯（记者）", "张三摄", "张三拍摄", "e\u{301}x", "ex", "图/张三", "\u{301}图", "摄\u{301}", "重庆日报",
                     "中心\u{301}", "\u{F9B4}", "x\u{200D}", "本报讯"]
        for n in 0..<5 { texts += try Samples.text(n).split(separator: "\n").map(String.init) }
        for words in lists {
            let list = AffixList(words)
            let affixes = words.map(Affix.init)
            for t in texts {
                #expect(list.firstPrefix(of: t) == affixes.firstIndex { Scan.hasPrefix(t, $0) }, "\(words) \(t.prefix(20))")
                #expect(list.firstSuffix(of: t) == affixes.firstIndex { Scan.hasSuffix(t, $0) }, "\(words) \(t.suffix(20))")
            }
        }
    }

    @Test("collapsedSpaces skipping ideographs answers as collapsing scalar by scalar")
    func collapsed() throws {
        func reference(_ s: String) -> String {
            var out = String.UnicodeScalarView()
            var pending = false
            for c in s.unicodeScalars {
                if CharClass.isWhitespace(c.value) || CharClass.isZeroWidth(c.value) {
                    if !out.isEmpty && !CharClass.isZeroWidth(c.value) { pending = true }
                    continue
                }
                if pending { out.append(" "); pending = false }
                out.append(c)
            }
            return String(out)
        }
        var texts = ["", " ", "人工智能", " 人工 智能 ", "人工\u{3000}智能", "人工\u{FEFF}智能", "人\u{200B}工", "a  b", "丠\u{2028}丠",
                     "\u{4000}\u{EFFF} \u{F000}", "\u{E000}\u{E000}  ", "x\u{A0}y", "\u{AD}z"]
        for n in 0..<5 { texts += try Samples.text(n).split(separator: "\n").map(String.init) }
        for t in texts { #expect(Scan.collapsedSpaces(t) == reference(t), "\(t.prefix(20))") }
    }
}
