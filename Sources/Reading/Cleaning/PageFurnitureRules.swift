import ChineseText

/// Splits a line into items on spaces, |, ·, /, brackets 【】[] and colons.
private func items(_ s: String) -> [String] {
    s.unicodeScalars.split(whereSeparator: isItemSeparator).map { String(String.UnicodeScalarView($0)) }
}

@inline(__always)
private func isItemSeparator(_ c: Unicode.Scalar) -> Bool {
    Scan.isSpace(c) || c == "|" || c == "｜" || c == "·" || c == "/" || c == "【" || c == "】" || c == "["
        || c == "]" || c == ":" || c == "：" || c == "丨"
}

/// The 版 of page labels and pointers.
private let banNeedle = Needle("版")
private let banScalar = Needle("版", literal: true)
private let seeNeedle = Needle("详见")

/// The separators `trimmingSeparators` takes off the ends (besides spaces).
@inline(__always)
private func isTrimmedSeparator(_ c: Unicode.Scalar) -> Bool {
    c == "|" || c == "｜" || c == "·" || c == "_" || c == "-" || c == "【" || c == "】" || c == "[" || c == "]" || c == "/"
        || c == "," || c == "，"
}

/// `footer`: site footers (关于我们 | 联系我们 | 版权声明 | 广告服务, ICP 备案) and the link lists
/// that close a portal page (栏目更新, 栏目热门, 相关新闻 … with the link titles under them).
struct FooterRule: CleaningRule {
    let name = "footer"

    static let footerItems: Set<String> = ["关于我们", "联系我们", "版权声明", "广告服务", "网站地图", "免责声明", "隐私政策",
                                           "法律声明", "加入我们", "友情链接", "网站导航", "意见反馈", "投稿邮箱", "招聘信息",
                                           "人才招聘", "服务条款", "商务合作", "帮助中心", "网站声明", "网站介绍", "联系方式",
                                           "广告刊例", "合作伙伴", "设为首页", "加入收藏", "订阅", "投稿", "会员注册"]
    static let listHeaders: Set<String> = ["栏目更新", "栏目热门", "相关新闻", "相关阅读", "相关文章", "热点推荐", "推荐阅读",
                                           "热门文章", "猜你喜欢", "延伸阅读", "最新文章", "热门推荐", "精彩推荐", "图片新闻",
                                           "相关链接", "热门新闻", "最新新闻", "新闻排行", "阅读排行", "点击排行", "热点新闻",
                                           "更多>>", "更多"]

    static let registration = NeedleSet(["ICP备", "ICP证", "公网安备"])
    static let footerWords = PlainWordSet(footerItems)
    /// Items longer than this (in UTF-8 bytes) cannot be footer items (twice the longest, so
    /// that canonically equivalent spellings are still looked up).
    static let maxItemBytes = 2 * footerItems.map(\.utf8.count).max()!
    /// A line with more characters than this that are not spaces or separators cannot be a list header.
    static let maxHeaderScalars = 2 * listHeaders.map(\.unicodeScalars.count).max()!

    /// The number of items of a line (as `items` splits it) and how many are footer items, in one
    /// pass over its UTF-8; only short items are made into strings and looked up.
    static func itemCounts(_ s: String) -> (items: Int, footer: Int, core: Int) {
        Scan.withUTF8(s) { p in
            var items = 0, footer = 0, core = 0
            var start = -1
            func close(_ end: Int) {
                guard start >= 0 else { return }
                items += 1
                if end - start <= maxItemBytes, footerWords.contains(UnsafeBufferPointer(rebasing: p[start..<end])) {
                    footer += 1
                }
                start = -1
            }
            var i = 0
            while i < p.count {
                let at = i
                if p[i] >= 0xE5 && p[i] <= 0xE9 {
                    // An ideograph U+5000–U+9FFF: part of an item, kept by trimming.
                    if start < 0 { start = at }
                    core += 1
                    i += 3
                    continue
                }
                let c = Unicode.Scalar(Scan.decode(p, &i)).unsafelyUnwrapped
                if isItemSeparator(c) {
                    close(at)
                } else if start < 0 {
                    start = at
                }
                // Characters that trimming (spaces, zero-width) and separator trimming keep.
                if !(Scan.isSpace(c) || CharClass.isZeroWidth(c.value) || isTrimmedSeparator(c)) { core += 1 }
            }
            close(p.count)
            return (items, footer, core)
        }
    }

    func apply(to doc: inout CleaningDocument) {
        var inList = false
        for i in doc.live {
            let s = doc.blocks[i].shadow
            let counts = Self.itemCounts(s)
            let footerCount = counts.footer
            if counts.core <= Self.maxHeaderScalars, Self.listHeaders.contains(Scan.trimmed(s).trimmingSeparators()) {
                inList = true
                doc.remove(i, rule: name)
                continue
            }
            if footerCount >= 2 || (counts.items == 1 && footerCount == 1) || Self.registration.matches(s) {
                doc.remove(i, rule: name)
                continue
            }
            if inList {
                // Link titles under a list header: short lines without a sentence end.
                if Scan.isHeadingShaped(s) || Scan.visibleCount(s, atMost: 40) && !Scan.endsSentence(s) {
                    doc.remove(i, rule: name)
                    continue
                }
                inList = false
            }
        }
    }
}

/// `copyright`: copyright and reprint clauses — the numbered block closing a reprint
/// (1、“國際在線”由…主辦 … 5、如因作品內容、版權…) and lines such as 版权所有 ©, 未经授权不得转载.
struct CopyrightRule: CleaningRule {
    let name = "copyright"

    static let strong = ["版权所有", "版权声明", "版权归", "未经授权", "未经书面授权", "不得转载", "禁止转载", "转载请注明", "转载自",
                         "本网", "本站", "©", "copyright", "Copyright", "COPYRIGHT", "免责声明", "违者必究", "侵权",
                         "All Rights Reserved", "all rights reserved", "不代表本"]
    static let weak = ["版权", "转载", "授权", "法律责任", "来源:", "来源：", "摘编", "复制"]

    static let strongSet = NeedleSet(strong)
    static let weakSet = NeedleSet(weak)
    static let shortLineMarks = NeedleSet(["版权所有", "©", "未经授权", "不得转载", "转载请注明", "禁止转载"])
    static let copyrightWord = NeedleSet(["copyright"])

    /// A numbered clause: 1、 2. （3） ⑴ …
    static func isNumbered(_ s: String) -> Bool {
        var it = s.unicodeScalars.makeIterator()
        var c = it.next()
        if c == "(" || c == "（" { c = it.next() }
        var digits = 0
        while let d = c, Scan.isDigit(d) { digits += 1; c = it.next() }
        guard digits > 0, digits <= 2, let e = c else { return false }
        return e == "、" || e == "." || e == "．" || e == ")" || e == "）"
    }

    func apply(to doc: inout CleaningDocument) {
        let live = doc.live
        // The trailing block: from the end, lines with a copyright keyword (or numbered clauses).
        var block: [Int] = []
        var hasStrong = false
        for i in live.reversed() {
            let s = doc.blocks[i].shadow
            let isStrong = Self.strongSet.matches(s)
            let isWeak = Self.weakSet.matches(s)
            let numbered = Self.isNumbered(s)
            if isStrong || (isWeak && (numbered || !block.isEmpty)) || (numbered && !block.isEmpty && Scan.visibleCount(s) > 10) {
                block.append(i)
                hasStrong = hasStrong || isStrong
            } else {
                break
            }
        }
        if hasStrong {
            // The block starts with a strong or numbered line: trim weak unnumbered lines off its top.
            block.reverse()
            while let f = block.first {
                let s = doc.blocks[f].shadow
                if Self.strongSet.matches(s) || Self.isNumbered(s) { break }
                block.removeFirst()
            }
            for i in block { doc.remove(i, rule: name) }
        }
        // Short copyright lines anywhere.
        for i in doc.live {
            let s = doc.blocks[i].shadow
            if Scan.visibleCount(s, atMost: 60), Self.shortLineMarks.matches(s) || Self.copyrightWord.matchesIgnoringASCIICase(s) {
                doc.remove(i, rule: name)
            }
        }
    }
}

/// `masthead`: a newspaper page's header — its name (→ source), slogans, the date line
/// (2020年12月17日 星期四 农历… → published), 今日16版·总第384期, 国内统一连续出版物号, 代号,
/// 网址, 主管主办. Also `page-label`: 第02版：要闻 (→ page and section).
struct MastheadRule: CleaningRule {
    let name = "masthead"

    static let strongMarkers = ["出版物号", "统一刊号", "邮发代号", "代号:", "代号：", "主管主办", "主管", "主办", "出版", "总第",
                                "今日", "农历", "ISSN", "CN ", "CN:", "网址:", "网址：", "社址", "发行", "星期"]

    static let strongSet = NeedleSet(strongMarkers)
    static let weekday = Needle("星期"), today = Needle("今日"), issueNumber = Needle("出版物号"), total = Needle("总第")

    static func isStrong(_ s: String) -> Bool {
        guard Scan.visibleCount(s, atMost: 80), !Scan.endsSentence(s) else { return false }
        if Scan.has(s, weekday) { return MetadataParsing.isoDate(in: s) != nil }
        if Scan.has(s, today) { return Scan.has(s, banNeedle) }
        return strongSet.matches(s)
    }

    static func isPaperName(_ s: String) -> Bool {
        guard Scan.scalarCount(s, atMost: 10) else { return false }
        let a = Scan.scalars(s)
        guard a.count >= 3 && a.count <= 10, a.allSatisfy(Scan.isCJK) else { return false }
        return s.hasSuffix("报")
    }

    /// A page label: 第02版, A03版, 02版：要闻, 版次：02 → ("02", section).
    static func pageLabel(_ s: String) -> (page: String, section: String?)? {
        guard Scan.has(s, banScalar) else { return nil }
        let a = Scan.scalars(Scan.trimmed(s))
        guard a.count <= 20 else { return nil }
        var i = 0
        if i < a.count, a[i] == "第" { i += 1 }
        var letter = ""
        if i < a.count, Scan.isLetter(a[i]), a[i].value < 0x80 { letter = String(a[i]).uppercased(); i += 1 }
        let d0 = i
        var value = 0
        while i < a.count, let d = MetadataParsing.digitValue(a[i]) { value = value * 10 + d; i += 1 }
        guard i > d0, i - d0 <= 2, i < a.count, a[i] == "版", value > 0 else { return nil }
        i += 1
        while i < a.count && (Scan.isSpace(a[i]) || a[i] == ":" || a[i] == "：" || a[i] == "·") { i += 1 }
        let rest = Scan.string(a[i...])
        guard rest.isEmpty || (Scan.visibleCount(rest) <= 10 && !Scan.endsSentence(rest) && !Scan.has(rest, seeNeedle)) else { return nil }
        let page = letter + (value < 10 ? "0\(value)" : "\(value)")
        return (page, rest.isEmpty ? nil : rest)
    }

    func apply(to doc: inout CleaningDocument) {
        let live = doc.live
        let top = Array(live.prefix(16))
        let strong = top.filter { Self.isStrong(doc.blocks[$0].shadow) }
        if strong.count >= 2, let lastStrong = strong.last {
            let firstName = top.first(where: { Self.isPaperName(doc.blocks[$0].shadow) && $0 < lastStrong })
            let start = min(firstName ?? strong[0], strong[0])
            var frontPage = false
            for i in top where i >= start && i <= lastStrong {
                let b = doc.blocks[i]
                let s = b.shadow
                if Self.isPaperName(s) {
                    doc.setIfEmpty(\.source, b.text)
                } else if Self.isStrong(s) {
                    if Scan.has(s, Self.weekday) || (MetadataParsing.isoDate(in: s) != nil && !Scan.has(s, Self.issueNumber)) {
                        doc.setIfEmpty(\.published, MetadataParsing.isoDate(in: s))
                    }
                    if (Scan.has(s, Self.today) && Scan.has(s, banNeedle)) || Scan.has(s, Self.total) { frontPage = true }
                } else if !(Scan.visibleCount(s, atMost: 14) && !Scan.endsSentence(s)) {
                    continue  // real text inside the header area: keep it
                }
                doc.remove(i, rule: name)
            }
            doc.hasMasthead = true
            if frontPage { doc.setIfEmpty(\.page, "01") }
        }
        // Page labels anywhere: the page of the blocks after them.
        var page: String? = nil
        for i in doc.blocks.indices {
            if doc.blocks[i].isLive, let label = Self.pageLabel(doc.blocks[i].shadow) {
                page = label.page
                if let sec = label.section { doc.setIfEmpty(\.section, sec) }
                doc.setIfEmpty(\.page, label.page)
                doc.remove(i, rule: "page-label")
            }
            if let page, doc.blocks[i].page == nil { doc.blocks[i].page = page }
        }
    }
}

/// `qr-code`: QR-code labels and app prompts (微信公众号, 扫一扫, 扫码关注, 下载客户端).
struct QRCodeRule: CleaningRule {
    let name = "qr-code"
    static let markers = ["微信公众号", "公众号", "扫一扫", "扫码", "二维码", "关注我们", "长按识别", "下载客户端", "客户端下载",
                          "官方微博", "官方微信", "微信号", "抖音号", "视频号", "扫描"]
    static let markerSet = NeedleSet(markers)

    func apply(to doc: inout CleaningDocument) {
        for i in doc.live {
            let s = doc.blocks[i].shadow
            if Scan.visibleCount(s, atMost: 24), !Scan.endsSentence(s), Self.markerSet.matches(s) {
                doc.remove(i, rule: name)
            }
        }
    }
}

/// `page-teaser`: pointers to other pages (详见02版, 下转第3版) and the teaser headlines above a
/// 详见 pointer.
struct PageTeaserRule: CleaningRule {
    let name = "page-teaser"

    /// 详见02版 / 见第3版 / 下转A2版 / （上接第1版）: the pointer kind, or nil.
    static func pointer(_ s: String) -> (teaser: Bool, page: String)? {
        guard Scan.has(s, banScalar) else { return nil }
        let t = Scan.trimmed(s)
        guard Scan.visibleCount(t, atMost: 16), Scan.has(t, banNeedle) else { return nil }
        let stripped = t.trimmingSeparators().replacingOccurrencesOf("(", with: "").replacingOccurrencesOf(")", with: "")
            .replacingOccurrencesOf("（", with: "").replacingOccurrencesOf("）", with: "")
        for (prefix, teaser) in [("详见第", true), ("详见", true), ("见第", true), ("下转第", false), ("下转", false), ("上接第", false),
                                 ("上接", false), ("转第", false), ("接第", false), ("转", false), ("见", true)] where stripped.hasPrefix(prefix) {
            let rest = Scan.string(Scan.scalars(stripped).dropFirst(prefix.unicodeScalars.count))
            if let label = MastheadRule.pageLabel(rest) { return (teaser, label.page) }
        }
        return nil
    }

    func apply(to doc: inout CleaningDocument) {
        for i in doc.live {
            guard doc.blocks[i].isLive, let p = Self.pointer(doc.blocks[i].shadow) else {
                // An inline continuation pointer at the end of a paragraph: …（下转第2版）
                stripTrailingPointer(i, &doc)
                continue
            }
            guard p.teaser else { doc.remove(i, rule: name); continue }
            // The teaser headlines right above the pointer.
            var k = i - 1
            var headlines: [Int] = []
            while k >= 0 && headlines.count < 6 {
                let b = doc.blocks[k]
                if b.merged { k -= 1; continue }
                guard b.isLive, Scan.isHeadingShaped(b.shadow) || (Scan.visibleCount(b.shadow, atMost: 30) && !Scan.endsSentence(b.shadow)) else { break }
                headlines.append(k)
                k -= 1
            }
            for h in headlines.reversed() { doc.remove(h, rule: name) }
            doc.remove(i, rule: name)
        }
    }

    private func stripTrailingPointer(_ i: Int, _ doc: inout CleaningDocument) {
        guard doc.blocks[i].isLive else { return }
        guard let last = Scan.lastVisible(doc.blocks[i].shadow), last == ")" || last == "）" else { return }
        let t = Scan.scalars(doc.blocks[i].text), s = Scan.scalars(doc.blocks[i].shadow)
        guard t.count == s.count else { return }
        guard let open = s.lastIndex(where: { $0 == "(" || $0 == "（" }), s.count - open <= 12 else { return }
        let inner = Scan.string(s[open...])
        guard let p = Self.pointer(inner), !p.teaser else { return }
        doc.record(rule: name, text: Scan.string(t[open...]), at: i)
        doc.setText(i, Scan.trimmed(Scan.string(t[..<open])))
    }
}

/// `ui-string`: interface strings — 举报/反馈, 分享到, 打印, 关闭窗口, 收藏, 返回顶部, 上一篇/下一篇,
/// 字号 大 中 小 — as whole lines or trailing a paragraph.
struct UIStringRule: CleaningRule {
    let name = "ui-string"

    static let strongItems: Set<String> = ["举报", "分享到", "打印", "关闭窗口", "收藏", "返回顶部", "上一篇", "下一篇", "字号",
                                           "纠错", "我要纠错", "打印本页", "关闭本页", "复制链接", "打印本文", "分享至", "【打印】",
                                           "【关闭】", "扫一扫在手机打开当前页", "在手机上阅读", "我要评论", "发表评论", "点击收藏"]
    static let weakItems: Set<String> = ["反馈", "分享", "关闭", "大", "中", "小", "默认", "点赞", "评论", "转发", "微信", "微博",
                                         "QQ", "QQ空间", "朋友圈", "返回", "字体", "阅读", "人民微博", "腾讯微博", "新浪微博", "豆瓣",
                                         "手机看", "T", "保存", "更多"]
    static let trailing = ["举报/反馈", "举报 / 反馈", "【打印】", "【关闭】", "[打印]", "[关闭]", "打印本页", "关闭窗口", "返回顶部",
                           "分享到：", "分享到:", "【我要纠错】", "[我要纠错]", "举报", "【字体：大 中 小】"]

    /// The last characters of the trailing strings: a paragraph can end with one only when its
    /// last visible character is one of these (or a compatibility ideograph, which compares
    /// equal to an ordinary one).
    static let trailingLast = Set(trailing.map { $0.unicodeScalars.last!.value })
    /// The trailing strings as scalars, and whether each is plain (`Scan.isPlain`).
    static let trailingScalars: [(scalars: [Unicode.Scalar], plain: Bool)] = trailing.map {
        (Array($0.unicodeScalars), $0.unicodeScalars.allSatisfy { Scan.isPlain($0.value) })
    }
    static let trailingCap = trailing.map(\.unicodeScalars.count).max()! + 1

    /// `Scan.string(a[0..<end]).hasSuffix(trailing[k])`, comparing scalars when the end of the
    /// text is plain (as `Scan.hasSuffix` does on bytes): `plainTail` plain scalars end the
    /// text (counted up to `trailingCap`), `allPlain` when that is all of it.
    static func bodyHasSuffix(_ a: [Unicode.Scalar], _ end: Int, _ k: Int, plainTail: Int, allPlain: Bool) -> Bool {
        let (u, plain) = trailingScalars[k]
        if plain && (plainTail >= u.count + 1 || allPlain) {
            guard end >= u.count else { return false }
            return a[(end - u.count)..<end].elementsEqual(u)
        }
        return Scan.string(a[0..<end]).hasSuffix(trailing[k])
    }

    static func mayEndWithTrailing(_ s: String) -> Bool {
        guard let c = Scan.lastVisible(s) else { return false }
        let v = c.value
        return trailingLast.contains(v) || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0x2F800 && v <= 0x2FA1F)
    }

    /// Items longer than this (in UTF-8 bytes) are not UI items (twice the longest, so that
    /// canonically equivalent spellings are still looked up).
    static let maxItemBytes = 2 * strongItems.union(weakItems).map(\.utf8.count).max()!
    static let strongWords = PlainWordSet(strongItems), weakWords = PlainWordSet(weakItems)

    /// A line of UI items only, at least one of them a strong one. (Items are split on colons
    /// among other separators, so they hold none.)
    static func isUILine(_ s: String) -> Bool {
        guard Scan.visibleCount(s, atMost: 40) else { return false }
        return Scan.withUTF8(s) { p in
            var strong = 0
            var start = -1
            var i = 0
            // Looks an item up: false when it is not a UI item.
            func close(_ end: Int) -> Bool {
                defer { start = -1 }
                guard start >= 0 else { return true }
                guard end - start <= maxItemBytes else { return false }
                let it = UnsafeBufferPointer(rebasing: p[start..<end])
                if strongWords.contains(it) { strong += 1 } else if !weakWords.contains(it) { return false }
                return true
            }
            while i < p.count {
                let at = i
                let c = Unicode.Scalar(Scan.decode(p, &i)).unsafelyUnwrapped
                if isItemSeparator(c) {
                    guard close(at) else { return false }
                } else if start < 0 {
                    start = at
                }
            }
            guard close(p.count) else { return false }
            return strong > 0
        }
    }

    func apply(to doc: inout CleaningDocument) {
        for i in doc.live {
            if Self.isUILine(doc.blocks[i].shadow) {
                doc.remove(i, rule: name)
                continue
            }
            // Trailing UI strings glued to a paragraph: …负责人称。（记者 张亦筑 夏元）举报/反馈
            var changed = true
            while changed {
                changed = false
                guard Self.mayEndWithTrailing(doc.blocks[i].shadow) else { break }
                let t = Scan.scalars(doc.blocks[i].text), s = doc.blocks[i].shadow
                let sa = Scan.scalars(s)
                guard t.count == sa.count else { break }
                var end = sa.count
                while end > 0 && Scan.isSpace(sa[end - 1]) { end -= 1 }
                // The plain scalars ending sa[0..<end], counted once for all the trailing strings.
                var plainTail = 0, k = end
                while k > 0 && plainTail < Self.trailingCap && Scan.isPlain(sa[k - 1].value) { plainTail += 1; k -= 1 }
                let allPlain = k == 0
                for (n, u) in Self.trailing.enumerated() where Self.bodyHasSuffix(sa, end, n, plainTail: plainTail, allPlain: allPlain) {
                    let cut = end - u.unicodeScalars.count
                    // Only when glued after the end of a sentence or a closing bracket (the last
                    // visible scalar before the cut: `sa[0..<cut]` as a string holds the same scalars).
                    guard let prev = sa[0..<cut].last(where: { !Scan.isSpace($0) }), Scan.isTerminal(prev) || Scan.isClosing(prev) || Scan.isSpace(sa[max(0, cut - 1)]) else { continue }
                    doc.record(rule: name, text: Scan.string(t[cut..<end]), at: i)
                    doc.setText(i, Scan.trimmed(Scan.string(t[0..<cut])))
                    changed = true
                    break
                }
            }
        }
    }
}

/// `decoration`: layout decoration that is not text — a lone Latin word over a Chinese page
/// (Development), rules and symbol lines (━━━, ■).
struct DecorationRule: CleaningRule {
    let name = "decoration"

    func apply(to doc: inout CleaningDocument) {
        let live = doc.live
        // Per line: scalars, Latin letters, ideographs, meaningful characters (ideographs, letters, digits).
        var counts: [(total: Int, letters: Int, cjk: Int, meaningful: Int)] = []
        counts.reserveCapacity(live.count)
        var cjk = 0, letters = 0
        for i in live {
            let c: (total: Int, letters: Int, cjk: Int, meaningful: Int) = Scan.withUTF8(doc.blocks[i].text) { p in
                var total = 0, letters = 0, cjk = 0, meaningful = 0
                var k = 0
                while k < p.count {
                    let v = Scan.decode(p, &k)
                    total += 1
                    if CharClass.isCJK(v) {
                        cjk += 1
                        meaningful += 1
                    } else if CharClass.isLatinLetter(v) {
                        letters += 1
                        meaningful += 1
                    } else if CharClass.isDigit(v) {
                        meaningful += 1
                    }
                }
                return (total, letters, cjk, meaningful)
            }
            counts.append(c)
            cjk += c.cjk
            letters += c.letters
        }
        let chinese = cjk > letters
        for (k, i) in live.enumerated() {
            let c = counts[k]
            let letters = c.letters
            let meaningful = c.meaningful
            if meaningful == 0 {
                doc.remove(i, rule: name)
            } else if chinese, letters == c.total, letters >= 3, letters <= 20 {
                doc.remove(i, rule: name)
            }
        }
    }
}
