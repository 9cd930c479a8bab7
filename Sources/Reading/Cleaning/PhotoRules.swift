import ChineseText

/// `photo-credit`: photo credits — 重庆日报记者 张锦辉 摄, 成都高新区供图, 图/张三, （张三 摄）.
/// The photographer is noted on the paragraph before the credit (a picture story's author).
struct PhotoCreditRule: CleaningRule {
    let name = "photo-credit"

    /// 摄, 摄影, 拍摄.
    static let photoMarks = AffixList(["摄", "摄影", "拍摄"])
    static let suppliedEndings = AffixList(["供图", "供稿"])
    static let suppliedBy = Affix("图片由"), supplied = Affix("提供")
    /// Credit labels before the photographer's name (图/张三), as affixes (`Scan.hasPrefix` is
    /// `String.hasPrefix`, by bytes on plain text).
    static let creditLabels = AffixList(["图/", "图／", "图:", "图：", "摄影/", "摄影:", "摄影：", "图片来源", "图片:", "图片：", "资料图", "(资料图", "（资料图"])

    /// Whether a line is a photo credit; the photographers it names.
    static func credit(_ text: String, shadow: String, simplify: (String) -> String) -> [String]? {
        let s = Scan.trimmed(shadow)
        guard Scan.visibleCount(s, atMost: 32) else { return nil }
        let n = Scan.visibleCount(s)
        guard n >= 2, n <= 32, !Scan.endsSentence(s) else { return nil }
        let a = Scan.scalars(s)
        if photoMarks.firstSuffix(of: s) != nil {
            // 重庆日报记者 张锦辉 摄 / 张三摄 / 记者 张三 李四 摄
            let body = s.hasSuffix("摄") && !s.hasSuffix("拍摄") ? Scan.string(a.dropLast()) : Scan.string(a.dropLast(2))
            guard !Scan.key(body).isEmpty, Scan.visibleCount(body) <= 26 else { return nil }
            let t = Scan.scalars(Scan.trimmed(text))
            let original = t.count == a.count ? Scan.string(t.prefix(Scan.scalars(body).count)) : body
            let names = MetadataParsing.personNames(in: original, simplify: simplify)
            // Everything left must be a short organisation/role prefix.
            var rest = body
            for nm in names { rest = rest.replacingOccurrencesOf(simplify(nm), with: "") }
            for r in MetadataParsing.roleWords where r.count >= 2 { rest = rest.replacingOccurrencesOf(r, with: "") }
            guard Scan.key(rest).count <= 10 else { return nil }
            return names
        }
        if suppliedEndings.firstSuffix(of: s) != nil || (Scan.hasPrefix(s, suppliedBy) && Scan.hasSuffix(s, supplied)) {
            return []
        }
        if let k = creditLabels.firstPrefix(of: s) {
            let rest = Scan.string(Scan.scalars(text).dropFirst(creditLabels.affixes[k].scalarCount))
            return MetadataParsing.personNames(in: rest, simplify: simplify)
        }
        return nil
    }

    func apply(to doc: inout CleaningDocument) {
        var previous: Int? = nil
        for i in doc.live {
            defer { if doc.blocks[i].isLive { previous = i } }
            if let names = Self.credit(doc.blocks[i].text, shadow: doc.blocks[i].shadow, simplify: doc.simplified) {
                if let prev = previous, (doc.blocks[prev].photoCredit ?? "").isEmpty {
                    doc.blocks[prev].photoCredit = names.first ?? ""
                }
                doc.blocks[i].photoCredit = names.first ?? ""
                doc.remove(i, rule: name)
                continue
            }
            // A bracketed credit closing a paragraph: …（张三 摄）
            guard let end = Scan.lastVisible(doc.blocks[i].shadow), end == ")" || end == "）" else { continue }
            let t = Scan.scalars(doc.blocks[i].text), s = Scan.scalars(doc.blocks[i].shadow)
            guard t.count == s.count, let last = Scan.lastVisible(s), last == ")" || last == "）" else { continue }
            guard let open = s.lastIndex(where: { $0 == "(" || $0 == "（" }), s.count - open <= 30 else { continue }
            let inner = Scan.string(s[(open + 1)..<(s.count - 1)])
            let innerText = Scan.string(t[(open + 1)..<(t.count - 1)])
            guard let names = Self.credit(innerText, shadow: inner, simplify: doc.simplified) else { continue }
            doc.record(rule: name, text: Scan.string(t[open...]), at: i)
            doc.setText(i, Scan.trimmed(Scan.string(t[..<open])))
            doc.blocks[i].photoCredit = names.first ?? ""
        }
    }
}

/// The most common spacing between lines (the smaller one on a tie).
func typicalGap(_ doc: CleaningDocument) -> Int {
    var counts: [Int: Int] = [:]
    for i in doc.live.dropFirst() { counts[doc.blocks[i].gapBefore, default: 0] += 1 }
    return counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key ?? 0
}

/// `caption`: photo captions, kept apart in `captions`: a short one-sentence line set off by
/// wider spacing than the text (成都高新区软件园。), a line starting with 图为/▲/上图, and caption
/// sentences glued before the lead of a single-line body (金康两江智能工厂焊装车间。 …).
struct CaptionRule: CleaningRule {
    let name = "caption"

    static let markers = ["图为", "▲", "△", "上图", "下图", "左图", "右图", "图注", "题图"]
    static let markerAffixes = markers.map(Affix.init)

    /// A short noun-phrase-like sentence: one sentence, at most `max` characters, no inner comma.
    static func isCaptionShaped(_ s: String, max: Int = 45) -> Bool {
        let a = Scan.scalars(Scan.trimmed(s))
        let n = a.reduce(0) { $0 + (Scan.isSpace($1) ? 0 : 1) }
        guard n >= 4 && n <= max else { return false }
        guard Scan.sentenceRanges(a).count == 1 else { return false }
        for c in a where c == "，" || c == "," || c == "；" || c == ";" || c == "：" || c == ":" { return false }
        return Scan.cjkCountScalars(a) * 2 >= n
    }

    func apply(to doc: inout CleaningDocument) {
        let live = doc.live
        guard !live.isEmpty else { return }
        // The document's ordinary spacing between lines.
        let typical = typicalGap(doc)
        var previous: Int? = nil
        for i in live {
            defer { if doc.blocks[i].isLive { previous = i } }
            let s = doc.blocks[i].shadow
            if Self.markerAffixes.contains(where: { Scan.hasPrefix(s, $0) }), Scan.visibleCount(s, atMost: 120) {
                take(i, &doc)
                continue
            }
            let b = doc.blocks[i]
            // Not when the text before runs on into this line (a sentence cut by a pasted block).
            if let prev = previous, !Scan.endsSentence(doc.blocks[prev].shadow),
               Scan.endsOpen(doc.blocks[prev].shadow) { continue }
            if b.gapBefore >= 2 && b.gapBefore > typical && Self.isCaptionShaped(b.shadow) && Scan.endsSentence(b.shadow) {
                take(i, &doc)
            }
        }
        if doc.singleLineBody, let first = doc.live.first { leadingCaptions(first, &doc) }
    }

    private func take(_ i: Int, _ doc: inout CleaningDocument) {
        doc.addCaption(doc.blocks[i].text, at: i)
        doc.blocks[i].role = .caption
        doc.blocks[i].removedBy = name
        doc.record(rule: name, text: doc.blocks[i].text, at: i)
    }

    static let leadStarts = ["本报讯", "本报记者", "记者", "近日", "日前", "今年", "昨天", "昨日", "今天", "今日", "据", "新华社", "去年"]
    static let leadStartAffixes = leadStarts.map(Affix.init)

    /// Captions glued before the lead of a one-line body: the sentences before the first one that
    /// opens like a news lead (8月18日，… / 近日，…), when they are short and some are noun phrases.
    private func leadingCaptions(_ i: Int, _ doc: inout CleaningDocument) {
        let t = Scan.scalars(doc.blocks[i].text), s = Scan.scalars(doc.blocks[i].shadow)
        guard t.count == s.count else { return }
        let sentences = Scan.sentenceRanges(s)
        guard sentences.count > 4 else { return }
        var leadIndex: Int? = nil
        for (k, r) in sentences.prefix(7).enumerated() where k > 0 {
            let sent = Scan.string(s[r])
            if Self.leadStartAffixes.contains(where: { Scan.hasPrefix(sent, $0) }) || Self.startsWithDate(Scan.scalars(sent)) {
                leadIndex = k
                break
            }
        }
        guard let lead = leadIndex else { return }
        let before = sentences[0..<lead]
        let texts = before.map { Scan.string(s[$0]) }
        guard texts.allSatisfy({ Scan.visibleCount($0) <= 50 && Scan.endsSentence($0) }) else { return }
        let nounPhrases = texts.filter { Self.isCaptionShaped($0, max: 20) }.count
        guard nounPhrases >= 1, nounPhrases * 3 >= texts.count else { return }
        for r in before { doc.addCaption(Scan.string(t[r]), at: i); doc.record(rule: name, text: Scan.string(t[r]), at: i) }
        doc.setText(i, Scan.trimmed(Scan.string(t[sentences[lead].lowerBound...])))
    }

    /// 8月18日 / 12月15日 / 2020年 at the start.
    static func startsWithDate(_ a: [Unicode.Scalar]) -> Bool {
        var i = 0
        while i < a.count && Scan.isDigit(a[i]) { i += 1 }
        guard i > 0, i < a.count else { return false }
        if a[i] == "月" || a[i] == "年" { return true }
        return false
    }
}
