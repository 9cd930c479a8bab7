import ChineseText

/// `metadata`: lines of labelled fields — 标题:/原标题:, 时间:, 来源:, 作者:, 编辑:, 链接: — are
/// read into the metadata and removed (`时间:2020-12-25 09:23:35  来源:重庆日报  作者:促进网`).
/// Only people become authors (促进网 is a site).
struct MetadataLineRule: CleaningRule {
    let name = "metadata"

    enum Field { case title, published, source, author, editor, url, ignored }

    /// Labels (simplified), longest first so that 原标题 wins over 标题.
    static let labels: [(String, Field)] = [
        ("原标题", .title), ("标题", .title), ("题目", .title),
        ("发布时间", .published), ("发布日期", .published), ("更新时间", .published), ("发表时间", .published),
        ("时间", .published), ("日期", .published),
        ("信息来源", .source), ("新闻来源", .source), ("文章来源", .source), ("来源", .source), ("稿源", .source), ("出处", .source),
        ("作者", .author), ("记者", .author), ("文", .author),
        ("责任编辑", .editor), ("编辑", .editor), ("责编", .editor), ("审核", .editor), ("校对", .editor),
        ("原文链接", .url), ("原文地址", .url), ("链接", .url),
        ("点击数", .ignored), ("浏览次数", .ignored), ("阅读量", .ignored), ("字号", .ignored), ("浏览", .ignored),
    ]

    /// The labels as scalars, and their first scalars.
    static let labelScalars: [([Unicode.Scalar], Field)] = labels.map { (Scan.scalars($0.0), $0.1) }
    static let labelStarts = Set(labelScalars.map { $0.0[0] })
    /// Every label is followed by a colon: a line without one has no fields.
    static let colons = NeedleSet([":", "："], literal: true)

    /// The labelled fields of a line: (field, value range in scalars) — only when the line starts
    /// with a label (or a date) and every label is followed by a colon.
    static func fields(of shadow: String) -> [(Field, Range<Int>)]? {
        guard Scan.scalarCount(shadow, atMost: 220), colons.matches(shadow) else { return nil }
        let a = Scan.scalars(shadow)
        var starts: [(Field, Int, Int)] = []  // field, label start, value start
        var i = 0
        while i < a.count {
            var matched = false
            if Self.labelStarts.contains(a[i]) && (i == 0 || Scan.isSpace(a[i - 1]) || Scan.isPunct(a[i - 1])) {
                for (l, field) in labelScalars {
                    // A one-character label (文) only at the start of the line.
                    if l.count == 1 && i != 0 { continue }
                    guard i + l.count < a.count, a[i..<(i + l.count)].elementsEqual(l) else { continue }
                    var j = i + l.count
                    while j < a.count && Scan.isSpace(a[j]) { j += 1 }
                    guard j < a.count, a[j] == ":" || a[j] == "：" else { continue }
                    starts.append((field, i, j + 1))
                    i = j + 1
                    matched = true
                    break
                }
            }
            if !matched { i += 1 }
        }
        guard let first = starts.first else { return nil }
        // The line must start with a label, or with a date followed by labels.
        let head = Scan.string(a[0..<first.1])
        if !Scan.key(head).isEmpty {
            guard MetadataParsing.isoDate(in: head) != nil, Scan.visibleCount(head) <= 22 else { return nil }
        }
        var out: [(Field, Range<Int>)] = []
        if first.1 > 0 { out.append((.published, 0..<first.1)) }
        for (k, s) in starts.enumerated() {
            let end = k + 1 < starts.count ? starts[k + 1].1 : a.count
            out.append((s.0, s.2..<max(s.2, end)))
        }
        return out
    }

    func apply(to doc: inout CleaningDocument) {
        for i in doc.live {
            let b = doc.blocks[i]
            guard let fields = Self.fields(of: b.shadow) else { continue }
            for (field, range) in fields {
                let value = Scan.trimmed(doc.original(of: b.text, shadow: b.shadow, range: range))
                    .trimmingSeparators()
                switch field {
                case .title:
                    doc.setIfEmpty(\.title, value)
                case .published:
                    doc.setIfEmpty(\.published, MetadataParsing.isoDate(in: value))
                case .source:
                    doc.setIfEmpty(\.source, value)
                case .author:
                    let names = MetadataParsing.personNames(in: value, simplify: doc.simplified)
                    doc.addAuthors(names, to: i)
                case .url:
                    doc.setIfEmpty(\.url, value)
                case .editor, .ignored:
                    break
                }
            }
            doc.remove(i, rule: name)
        }
    }
}

extension String {
    /// Trims spaces and separators (|, ·, -, _, 】【 etc.) from both ends.
    func trimmingSeparators() -> String {
        @inline(__always) func sep(_ v: UInt32) -> Bool {
            let c = Unicode.Scalar(v).unsafelyUnwrapped
            return Scan.isSpace(c) || c == "|" || c == "｜" || c == "·" || c == "_" || c == "-" || c == "【" || c == "】"
                || c == "[" || c == "]" || c == "/" || c == "," || c == "，"
        }
        return Scan.withUTF8(self) { p in
            let n = p.count
            var lo = 0
            while lo < n {
                var j = lo
                if !sep(Scan.decode(p, &j)) { break }
                lo = j
            }
            var hi = n
            while hi > lo {
                var k = hi
                if !sep(Scan.decodeBack(p, &k)) { break }
                hi = k
            }
            if lo == 0 && hi == n { return self }
            return String(decoding: UnsafeBufferPointer(rebasing: p[lo..<hi]), as: UTF8.self)
        }
    }
}

/// `navigation`: breadcrumbs (您当前的位置:首页 > 智慧政务 > 行业要闻, kept as the section) and
/// menu lines (首页 | 新闻 | 科技 …).
struct NavigationRule: CleaningRule {
    let name = "navigation"

    static let breadcrumbPrefixes = ["您当前的位置", "您现在的位置", "您的位置", "当前位置", "当前的位置", "所在位置", "位置"]
    static let breadcrumbList = AffixList(breadcrumbPrefixes)
    static let homeWords: Set<String> = ["首页", "主页", "网站首页", "本站首页", "home", "首 页"]

    static let separators = NeedleSet([">", "»", "＞", "→", "›"], literal: true)

    static func isBreadcrumbSeparator(_ c: Unicode.Scalar) -> Bool {
        c == ">" || c == "»" || c == "＞" || c == "→" || c == "›"
    }

    /// The section named by a breadcrumb line, or nil when the line is not a breadcrumb.
    static func breadcrumb(_ shadow: String) -> [String]? {
        guard Scan.scalarCount(shadow, atMost: 120) else { return nil }
        var s = shadow
        var hadPrefix = false
        if let k = breadcrumbList.firstPrefix(of: s) {
            let p = breadcrumbPrefixes[k]
            var rest = Scan.scalars(s).dropFirst(p.unicodeScalars.count)
            while let c = rest.first, Scan.isSpace(c) { rest = rest.dropFirst() }
            if let c = rest.first, c == ":" || c == "：" {
                rest = rest.dropFirst()
                s = Scan.string(rest)
                hadPrefix = true
            }
        }
        // Without a prefix, a breadcrumb needs a separator.
        if !hadPrefix && !separators.matches(s) { return nil }
        // Split on > » ＞ → and the like.
        var parts: [String] = []
        var cur = String.UnicodeScalarView()
        var separators = 0
        for c in s.unicodeScalars {
            if isBreadcrumbSeparator(c) {
                separators += 1
                parts.append(Scan.trimmed(String(cur)))
                cur = String.UnicodeScalarView()
            } else {
                cur.append(c)
            }
        }
        parts.append(Scan.trimmed(String(cur)))
        parts = parts.filter { !$0.isEmpty }
        guard !parts.isEmpty else { return hadPrefix ? [] : nil }
        guard hadPrefix || (separators >= 1 && homeWords.contains(parts[0].lowercased())) else { return nil }
        // Each part is short, and none is a sentence.
        for p in parts where Scan.visibleCount(p) > 20 || Scan.endsSentence(p) { return nil }
        return parts.filter { !homeWords.contains($0.lowercased()) && $0 != "正文" }
    }

    static let menuWords: Set<String> = ["首页", "新闻", "要闻", "国内", "国际", "财经", "科技", "体育", "娱乐", "视频", "图片",
                                         "评论", "专题", "社会", "军事", "健康", "教育", "文化", "旅游", "汽车", "房产", "时政",
                                         "地方", "政务", "服务", "互动", "English", "登录", "注册", "搜索", "更多"]

    /// (Literal: no other characters are canonically equivalent to 首页.)
    static let home = Needle("首页", literal: true)

    /// A menu line: at least four short items separated by spaces or |, most of them menu words.
    static func isMenu(_ shadow: String) -> Bool {
        // A menu has the item 首页.
        guard Scan.has(shadow, home) else { return false }
        let items = shadow.unicodeScalars.split(whereSeparator: { Scan.isSpace($0) || $0 == "|" || $0 == "｜" || $0 == "·" })
            .map { String(String.UnicodeScalarView($0)) }
        guard items.count >= 4, items.allSatisfy({ Scan.visibleCount($0) <= 6 }) else { return false }
        let known = items.filter { menuWords.contains($0) }.count
        return known * 2 >= items.count && items.contains("首页")
    }

    func apply(to doc: inout CleaningDocument) {
        for i in doc.live {
            let b = doc.blocks[i]
            if let parts = Self.breadcrumb(b.shadow) {
                if !parts.isEmpty {
                    // The section in the original script: same split on the original text when aligned.
                    let original = Self.breadcrumb(b.text) ?? parts
                    doc.setIfEmpty(\.section, (original.count == parts.count ? original : parts).joined(separator: " > "))
                }
                doc.remove(i, rule: name)
            } else if Self.isMenu(b.shadow) {
                doc.remove(i, rule: name)
            }
        }
    }
}

/// `byline`: bylines — lead markers with a byline (本报讯（重庆日报记者 罗静雯）), a byline at the
/// end of a paragraph (（记者 张亦筑 夏元）), byline lines (文字/記者 張亦築, 记者 杨晨) — give
/// the authors and are removed. Also `end-mark`: （完）.
struct BylineRule: CleaningRule {
    let name = "byline"

    static let leadMarkers = ["本报讯", "本刊讯", "本网讯", "本台讯", "本报电"]
    static let leadMarkerList = AffixList(leadMarkers)
    static let photoMark = Affix("摄")

    func apply(to doc: inout CleaningDocument) {
        for i in doc.live {
            let shadow = doc.blocks[i].shadow
            // A line that is only a byline.
            if Scan.visibleCount(shadow, atMost: 30), !Scan.endsSentence(shadow), !Scan.hasSuffix(shadow, Self.photoMark),
               MetadataParsing.isPureByline(doc.blocks[i].text, simplify: doc.simplified) {
                let names = MetadataParsing.personNames(in: doc.blocks[i].text, simplify: doc.simplified)
                doc.addAuthors(names, to: i)
                doc.remove(i, rule: name)
                continue
            }
            stripLeadByline(i, &doc)
            stripTrailingByline(i, &doc)
            if doc.blocks[i].isLive && !Scan.hasKey(doc.blocks[i].text) { doc.remove(i, rule: name) }
        }
    }

    /// 本报讯（重庆日报记者 罗静雯）12月15日，… → 12月15日，…; 新华社北京12月15日电（记者 X）会议… → 会议….
    private func stripLeadByline(_ i: Int, _ doc: inout CleaningDocument) {
        let s = doc.blocks[i].shadow
        var markerEnd = 0
        var isOwnPaper = false
        if let m = Self.leadMarkerList.firstPrefix(of: s) {
            markerEnd = Self.leadMarkerList.affixes[m].scalarCount
            isOwnPaper = true
        }
        if !isOwnPaper {
            // Before copying anything: a bracket within the first 26 characters, after 电 or 讯
            // (decoded from the UTF-8: the same scalars `unicodeScalars.prefix(26)` gives).
            let dateline: Bool = Scan.withUTF8(s) { p in
                var k = 0, i = 0
                var prev: UInt32 = 0x20
                while i < p.count && k < 26 {
                    let c = Scan.decode(p, &i)
                    if c == 0x28 || c == 0xFF08 {  // ( （
                        return k > 1 && (prev == 0x7535 || prev == 0x8BAF)  // 电 讯
                    }
                    prev = c
                    k += 1
                }
                return false
            }
            guard dateline else { return }
        }
        let text = Scan.scalars(doc.blocks[i].text), shadow = Scan.scalars(s)
        guard text.count == shadow.count else { return }
        var k = markerEnd
        if !isOwnPaper {
            // A dateline ending with 电 or 讯 within the first 25 characters, then a bracket.
            guard let open = shadow.prefix(26).firstIndex(where: { $0 == "(" || $0 == "（" }), open > 1 else { return }
            let before = shadow[open - 1]
            guard before == "电" || before == "讯" else { return }
            k = open
        }
        while k < shadow.count && Scan.isSpace(shadow[k]) { k += 1 }
        var names: [String] = []
        var removeEnd = k
        if k < shadow.count, shadow[k] == "(" || shadow[k] == "（" || shadow[k] == "【" || shadow[k] == "[" {
            guard let close = (k + 1..<min(shadow.count, k + 45)).first(where: { Scan.isClosing(shadow[$0]) || shadow[$0] == "】" || shadow[$0] == "]" }) else { return }
            let inner = Scan.string(text[(k + 1)..<close])
            let innerShadow = Scan.string(shadow[(k + 1)..<close])
            guard MetadataParsing.longRoleWords.matches(innerShadow) else { return }
            names = MetadataParsing.personNames(in: inner, simplify: doc.simplified)
            removeEnd = close + 1
        } else if !isOwnPaper {
            return
        }
        // The whole lead goes: 本报讯（…） or the dateline 新华社北京12月15日电（…）.
        let removeStart = 0
        guard removeEnd > removeStart else { return }
        var rest = Array(text[0..<removeStart]) + Array(text[removeEnd...])
        while let c = rest.first, Scan.isSpace(c) || c == "：" || c == ":" || c == "," || c == "，" { rest.removeFirst() }
        doc.record(rule: name, text: Scan.string(text[removeStart..<removeEnd]), at: i)
        doc.setText(i, Scan.string(rest))
        doc.addAuthors(names, to: i)
        doc.blocks[i].lead = true
    }

    /// Whether the tests of `stripTrailingByline` on the shadow can let the bracket at its end
    /// through: they are run on the same scalars, found from the end of the UTF-8 — the last
    /// visible one, the opening bracket at most 40 places before the end, the text between —
    /// and false only where `stripTrailingByline` returns without a change (no opening bracket
    /// in reach, a photo credit, no role word).
    static func mayEndWithByline(_ shadow: String) -> Bool {
        let inner: String? = Scan.withUTF8(shadow) { p in
            var end = p.count, k = 0  // k: scalars read back from `end`
            // Trailing white space (the last visible scalar ends the text at `end`).
            while end > 0 {
                var j = end
                if !CharClass.isWhitespace(Scan.decodeBack(p, &j)) { break }
                end = j
            }
            guard end > 0 else { return nil }
            var pos = end
            _ = Scan.decodeBack(p, &pos)  // the closing bracket
            let innerEnd = pos
            k = 1
            // The opening bracket: positions end-2 down to end-40.
            while pos > 0 && k + 1 <= 40 {
                var j = pos
                let c = Scan.decodeBack(p, &j)
                k += 1
                if c == 0x28 || c == 0xFF08 || c == 0x3010 || c == 0x5B {  // ( （ 【 [
                    return String(decoding: UnsafeBufferPointer(rebasing: p[pos..<innerEnd]), as: UTF8.self)
                }
                pos = j
            }
            return nil
        }
        guard let innerShadow = inner else { return false }
        if innerShadow == "完" || innerShadow == "结束" || innerShadow == "全文完" { return true }
        if innerShadow.hasSuffix("摄") || innerShadow.hasPrefix("图") { return false }
        return MetadataParsing.longRoleWords.matches(innerShadow) || innerShadow.hasPrefix("文")
    }

    /// …市科技局相关负责人称。（记者 张亦筑 夏元） → authors, removed. Also （完）.
    private func stripTrailingByline(_ i: Int, _ doc: inout CleaningDocument) {
        for _ in 0..<3 {
            guard doc.blocks[i].isLive else { return }
            guard let l = Scan.lastVisible(doc.blocks[i].shadow), l == ")" || l == "）" || l == "】" || l == "]" else { return }
            // Most bracketed endings are not bylines: ruled out from the end of the shadow's UTF-8
            // before the whole text is copied (`mayEndWithByline`).
            guard Self.mayEndWithByline(doc.blocks[i].shadow) else { return }
            let text = Scan.scalars(doc.blocks[i].text), shadow = Scan.scalars(doc.blocks[i].shadow)
            guard text.count == shadow.count, let last = Scan.lastVisible(shadow), last == ")" || last == "）" || last == "】" || last == "]" else { return }
            var end = shadow.count
            while end > 0 && Scan.isSpace(shadow[end - 1]) { end -= 1 }
            var open = end - 2
            while open >= 0 && end - open <= 40 && !(shadow[open] == "(" || shadow[open] == "（" || shadow[open] == "【" || shadow[open] == "[") { open -= 1 }
            guard open >= 0, end - open <= 40 else { return }
            let innerShadow = Scan.string(shadow[(open + 1)..<(end - 1)])
            let inner = Scan.string(text[(open + 1)..<(end - 1)])
            var rule = name
            if innerShadow == "完" || innerShadow == "结束" || innerShadow == "全文完" {
                rule = "end-mark"
            } else if innerShadow.hasSuffix("摄") || innerShadow.hasPrefix("图") {
                // A photo credit in brackets: the photo-credit rule's business.
                return
            } else {
                guard MetadataParsing.longRoleWords.matches(innerShadow) || innerShadow.hasPrefix("文") else { return }
                let names = MetadataParsing.personNames(in: inner, simplify: doc.simplified)
                guard !names.isEmpty else { return }
                doc.addAuthors(names, to: i)
            }
            doc.record(rule: rule, text: Scan.string(text[open..<end]), at: i)
            let rest = Scan.trimmed(Scan.string(text[0..<open]))
            if !Scan.hasKey(rest) {
                doc.blocks[i].removedBy = rule
            } else {
                doc.setText(i, rest)
            }
        }
    }
}

/// `byline`: a newspaper's or media brand's name standing alone next to a byline or photo credit
/// (华西都市报 / 记者 杨晨 / 封面新闻) — the first one becomes the source.
struct SourceLabelRule: CleaningRule {
    let name = "byline"

    static let mediaEndings = ["都市报", "日报", "晚报", "晨报", "时报", "商报", "周报", "科技报", "报", "新闻网", "新闻", "网",
                               "客户端", "电视台", "广播电台", "通讯社"]
    static let mediaEndingList = AffixList(mediaEndings)

    static func isMediaName(_ shadow: String) -> Bool {
        guard Scan.scalarCount(shadow, atMost: 9) else { return false }
        let a = Scan.scalars(shadow)
        guard a.count >= 3 && a.count <= 9, a.allSatisfy(Scan.isCJK) else { return false }
        return mediaEndingList.firstSuffix(of: shadow) != nil
    }

    func apply(to doc: inout CleaningDocument) {
        for i in doc.live where Self.isMediaName(doc.blocks[i].shadow) {
            let near = doc.neighbours(of: i, distance: 2)
            guard near.contains(where: { doc.blocks[$0].removedBy == "byline" || doc.blocks[$0].removedBy == "photo-credit" }) else { continue }
            doc.setIfEmpty(\.source, doc.blocks[i].text)
            doc.remove(i, rule: name)
        }
    }
}
