/// Picks the article's container and collects its paragraphs.
///
/// 1. Every block (a line of text between block boundaries) gets a value: its letters and
///    ideographs outside links (ASCII letters count ½), plus a bonus for sentence punctuation
///    (，。、；), minus twice its link characters and a fixed cost per block. Long punctuated
///    paragraphs are worth a lot; short or link-heavy lines (menus, link lists, "首页 > 新闻")
///    cost something. Blocks under a class/id naming boilerplate (comment, share, related,
///    copyright, footer …) count against, and dropped elements (nav, footer, aside, hidden,
///    small forms) count against by their length.
/// 2. Container: as in Readability, a paragraph's positive value goes to the element holding it
///    (a `<p>`'s parent, or the `<div>`/`<td>` whose own text it is), half to that element's
///    parent, a third and a quarter further up. The element with the highest score × (1 − link
///    density), × 1.25 when its class/id names content (content, article, text, zoom, detail,
///    TRS_Editor …), is the container: it holds the article's paragraphs directly.
/// 3. Within the container, the run of consecutive blocks with the largest sum of values is the
///    article (so a teaser or a "related" list after it is left out), extended forward over
///    lines that still look like text (short table or list lines without links).
/// 4. Kept: the run's blocks minus dropped elements, link-heavy lines, boilerplate lines
///    (copyright, "分享到", "上一篇" …) and anything after a "相关新闻" heading.
/// 5. Fallbacks when that is weak (< 40 characters): the container of the largest text block;
///    then all visible text minus boilerplate lines.
struct HTMLMainText {
    var blockIndices: [Int] = []
    var container: Int = 0
    var removed: [Removal] = []
    var strategy: String = "container"

    static let removalTextLimit = 80

    static func value(_ b: TextBlock) -> Double {
        if b.drop != .none { return -5 - min(Double(b.chars), 50) }
        let n = b.weight
        let l = Double(b.linkChars)
        let p = Double(b.punct)
        var v = n + 5 * min(p, n / 5) - 2 * l - 10
        if b.heading > 0 && b.linkChars == 0 { v = max(v, 0) }
        if b.negativeHint { v = min(v, 0) - 0.5 * n - l }
        return v
    }

    /// Paragraph-like elements: their text scores for their parent.
    static func isParagraph(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .p, .h1, .h2, .h3, .h4, .h5, .h6, .li, .dt, .dd, .pre, .blockquote, .address, .figcaption, .caption:
            return true
        default:
            return false
        }
    }

    static let levelWeights: [Double] = [1, 0.5, 1.0 / 3, 0.25]

    /// Each element's container score (before link density and hints).
    static func scores(_ doc: HTMLDocument, _ blocks: HTMLBlocks) -> [Double] {
        let nodes = doc.nodes
        var score = [Double](repeating: 0, count: nodes.count)
        for b in blocks.blocks {
            let v = value(b)
            guard v > 0 else { continue }
            var k = Int(b.owner)
            if isParagraph(nodes[k].tag) && k > 0 { k = Int(nodes[k].parent) }
            for w in levelWeights {
                score[k] += v * w
                if k == 0 { break }
                k = Int(nodes[k].parent)
            }
        }
        return score
    }

    /// Link density of each element's visible, non-dropped text.
    static func linkDensities(_ doc: HTMLDocument, _ blocks: HTMLBlocks) -> [Double] {
        let nodes = doc.nodes
        var chars = [Int32](repeating: 0, count: nodes.count)
        var links = [Int32](repeating: 0, count: nodes.count)
        for b in blocks.blocks where b.drop == .none {
            chars[Int(b.owner)] += b.chars
            links[Int(b.owner)] += b.linkChars
        }
        var k = nodes.count - 1
        while k >= 1 {
            let p = Int(nodes[k].parent)
            chars[p] += chars[k]
            links[p] += links[k]
            k -= 1
        }
        return (0..<nodes.count).map { chars[$0] > 0 ? Double(links[$0]) / Double(chars[$0]) : 0 }
    }

    static func select(_ doc: HTMLDocument, _ blocks: HTMLBlocks) -> HTMLMainText {
        var result = HTMLMainText()
        let all = blocks.blocks
        guard doc.nodes.count > 1, !all.isEmpty else { return result }
        let values = all.map(value)

        // The container.
        let score = scores(doc, blocks)
        let density = linkDensities(doc, blocks)
        var container = 0
        var bestScore = 0.0
        for k in 0..<doc.nodes.count where score[k] > 0 {
            var s = score[k] * (1 - density[k])
            if blocks.hints[k] > 0 { s *= 1.25 }
            if s > bestScore { bestScore = s; container = k }
        }
        let lo = Int32(container), hi = doc.nodes[container].end
        // The run may start in the container's parent when that has few links (a first
        // paragraph written straight into the <td> around the <font> holding the rest).
        var region = container
        let parent = Int(doc.nodes[container].parent)
        if parent > 0 && density[parent] < 0.3 { region = parent }
        let regionLo = Int32(region), regionHi = doc.nodes[region].end

        // The best run of consecutive blocks there (maximum sum of values).
        var bestSum = -Double.infinity, bestStart = 0, bestEnd = -1
        var sum = 0.0, start = -1
        for (i, v) in values.enumerated() where all[i].owner >= regionLo && all[i].owner < regionHi {
            if sum <= 0 || start < 0 { sum = 0; start = i }
            sum += v
            if sum > bestSum { bestSum = sum; bestStart = start; bestEnd = i }
        }
        if bestSum >= 30 && bestEnd >= bestStart {
            // A short timestamp line after most of the text ends the article (a forum post's
            // footer, the next post's header).
            let positive = (bestStart...bestEnd).reduce(0.0) { $0 + max(values[$1], 0) }
            var seen = 0.0
            for i in bestStart...bestEnd {
                if i > bestStart && seen >= positive / 2 && isTimestampLine(all[i], blocks) {
                    bestEnd = i - 1
                    break
                }
                seen += max(values[i], 0)
            }
            // Lines right after the run that still look like article text (short lines of a
            // table or a list without links) belong to it.
            // They may lie just outside the container (a table after the text) but within an
            // ancestor with few links; outside the container only short lines are taken.
            var outer = container
            for _ in 0..<4 {
                let parent = Int(doc.nodes[outer].parent)
                guard parent > 0, density[parent] < 0.2 else { break }
                outer = parent
            }
            let outerLo = Int32(outer), outerHi = doc.nodes[outer].end
            var end = bestEnd
            var k = bestEnd + 1
            var linkRun = 0
            while k < all.count {
                let b = all[k]
                guard b.owner >= outerLo && b.owner < outerHi, b.drop == .none, !b.negativeHint else { break }
                if (b.owner < lo || b.owner >= hi) && b.weight >= 50 { break }
                if isTimestampLine(b, blocks) { break }
                if isLinkHeavy(b) {
                    // Link lines are skipped (and not kept); three in a row end the article.
                    linkRun += 1
                    if linkRun >= 3 { break }
                    k += 1
                    continue
                }
                linkRun = 0
                let s = blocks.slice(b)
                if b.chars <= 12 && HTMLBoilerplate.isRelatedHeading(s) { break }
                if b.chars <= 60 && HTMLBoilerplate.isBoilerplateLine(s) { break }
                end = k
                k += 1
            }
            let chosen = collect(doc, blocks, range: bestStart...end)
            if chosen.reduce(0, { $0 + Int(all[$1].nonLinkChars) }) >= 40 {
                result.container = container
                result.blockIndices = chosen
                result.strategy = "container"
                result.removed = removals(doc, blocks, kept: chosen)
                return result
            }
        }
        // Fallback 1: the container of the largest text block.
        var largest = -1
        for (i, b) in all.enumerated() where b.drop == .none && b.linkDensity < 0.5 && !b.negativeHint {
            if largest < 0 || b.nonLinkChars > all[largest].nonLinkChars { largest = i }
        }
        if largest >= 0 {
            let container = Int(all[largest].owner)
            let chosen = collect(doc, blocks, container: container)
            if chosen.reduce(0, { $0 + Int(all[$1].nonLinkChars) }) >= 40 {
                result.container = container
                result.blockIndices = chosen
                result.strategy = "largest-block"
                result.removed = removals(doc, blocks, kept: chosen)
                return result
            }
        }
        // Fallback 2: all visible text minus boilerplate.
        let chosen = collect(doc, blocks, container: 0)
        result.container = 0
        result.blockIndices = chosen
        result.strategy = "all-text"
        result.removed = removals(doc, blocks, kept: chosen)
        return result
    }

    /// Kept blocks among those inside `container`.
    static func collect(_ doc: HTMLDocument, _ blocks: HTMLBlocks, container: Int) -> [Int] {
        let lo = Int32(container), hi = doc.nodes[container].end
        let indices = blocks.blocks.indices.filter { blocks.blocks[$0].owner >= lo && blocks.blocks[$0].owner < hi }
        guard let first = indices.first, let last = indices.last else { return [] }
        return collect(doc, blocks, range: first...last).filter { blocks.blocks[$0].owner >= lo && blocks.blocks[$0].owner < hi }
    }

    /// Kept blocks of a range: without dropped elements, link-heavy lines, boilerplate lines and
    /// a "相关新闻" section.
    static func collect(_ doc: HTMLDocument, _ blocks: HTMLBlocks, range: ClosedRange<Int>) -> [Int] {
        var kept: [Int] = []
        var inRelated = false
        for i in range {
            let b = blocks.blocks[i]
            if b.drop != .none { continue }
            if isLinkHeavy(b) { continue }
            if b.negativeHint && (b.punct < 2 || b.linkDensity > 0.3) { continue }
            let s = blocks.slice(b)
            if inRelated {
                if b.nonLinkChars >= 50 && b.punct >= 3 { inRelated = false } else { continue }
            }
            if b.chars <= 12 && HTMLBoilerplate.isRelatedHeading(s) { inRelated = true; continue }
            if b.chars <= 60 && HTMLBoilerplate.isBoilerplateLine(s) { continue }
            kept.append(i)
        }
        return kept
    }

    /// Removes the title and byline lines (date, 来源, 作者 …) that open the kept text: they are
    /// metadata, not body. At most four lines, and only before the first paragraph.
    mutating func trimLead(_ blocks: HTMLBlocks, titleBlock: Int?) {
        var drop = 0
        var dropped: [Removal] = []
        for i in blockIndices.prefix(4) {
            let b = blocks.blocks[i]
            let text = blocks.string(b)
            if i == titleBlock {
                dropped.append(Removal(rule: "html-title", text: Self.truncated(Array(blocks.slice(b)))))
            } else if b.chars <= 80 && Self.isBylineLine(text) {
                dropped.append(Removal(rule: "html-byline", text: Self.truncated(Array(blocks.slice(b)))))
            } else {
                break
            }
            drop += 1
        }
        // Keep at least one line.
        if drop > 0 && drop < blockIndices.count {
            blockIndices.removeFirst(drop)
            removed.insert(contentsOf: dropped, at: 0)
        }
    }

    static let bylineWords = ["来源", "作者", "记者", "编辑", "发布", "发表", "浏览", "点击", "字号", "阅读", "稿源", "出处", "责编", "通讯员"]

    static func isBylineLine(_ text: String) -> Bool {
        if HTMLDates.first(in: text) != nil { return true }
        return bylineWords.contains { text.contains($0) }
    }

    /// A short line with a date and a time.
    static func isTimestampLine(_ b: TextBlock, _ blocks: HTMLBlocks) -> Bool {
        guard b.chars <= 80, b.chars >= 10 else { return false }
        if let (d, _) = HTMLDates.first(in: blocks.string(b)) { return d.hasTime }
        return false
    }

    static func isLinkHeavy(_ b: TextBlock) -> Bool {
        guard b.linkChars > 0 else { return false }
        let d = b.linkDensity
        if d > 0.5 { return true }
        // A short line that is mostly a link ("更多>>", "[详细]").
        return d > 0.3 && b.nonLinkChars < 10
    }

    /// What was left out, kept short: one entry per rule (navigation, footer, hidden, link list,
    /// boilerplate, text outside the article …) before, inside and after the article, its text
    /// the first of those lines, cut to about 80 characters.
    static func removals(_ doc: HTMLDocument, _ blocks: HTMLBlocks, kept: [Int]) -> [Removal] {
        var keptSet = [Bool](repeating: false, count: blocks.blocks.count)
        for i in kept { keptSet[i] = true }
        let firstKept = kept.first ?? Int.max, lastKept = kept.last ?? -1
        var order: [String] = []
        var texts: [String: [UInt8]] = [:]
        var rules: [String: String] = [:]
        for (i, b) in blocks.blocks.enumerated() where !keptSet[i] {
            let side = i < firstKept ? "before" : (i > lastKept ? "after" : "inside")
            let rule: String
            if b.drop != .none {
                rule = b.drop.rule
            } else if side != "inside" {
                rule = "html-outside-main"
            } else if isLinkHeavy(b) {
                rule = "html-link-list"
            } else {
                rule = "html-boilerplate"
            }
            let key = side + "|" + rule
            if texts[key] == nil {
                order.append(key)
                texts[key] = []
                rules[key] = rule
            }
            if texts[key]!.count < 400 {
                if !texts[key]!.isEmpty { texts[key]!.append(0x20) }
                texts[key]!.append(contentsOf: blocks.slice(b))
            }
        }
        return order.map { Removal(rule: rules[$0]!, text: truncated(texts[$0]!)) }
    }

    static func truncated(_ bytes: [UInt8]) -> String {
        let s = String(decoding: bytes, as: UTF8.self)
        var count = 0
        for idx in s.unicodeScalars.indices {
            if count == removalTextLimit { return String(s.unicodeScalars[..<idx]) + "…" }
            count += 1
        }
        return s
    }
}

/// Short lines that are page furniture, not article text.
enum HTMLBoilerplate {
    static let phrases = HTMLPhraseSet([
        "版权所有", "copyright", "all rights reserved", "©", "分享到", "打印本页", "打印此页", "关闭窗口", "返回顶部",
        "上一篇", "下一篇", "上一页", "下一页", "我要评论", "发表评论", "点击排行", "【字号", "字号：", "字体：",
        "收藏本文", "推荐给朋友", "加入收藏", "设为首页", "扫一扫", "扫描二维码", "微信扫一扫", "手机看新闻",
        "免责声明", "未经授权", "不得转载", "违法和不良信息举报", "icp备", "icp证", "网站地图", "联系我们",
        "关于我们", "【打印】", "【关闭】", "【纠错】", "【收藏】", "分享至", "仅代表作者", "不代表本", "返回搜狐",
    ])

    static let relatedHeadings = HTMLPhraseSet([
        "相关新闻", "相关阅读", "相关文章", "相关链接", "延伸阅读", "推荐阅读", "热点新闻", "热门文章", "相关报道",
        "猜你喜欢", "更多新闻", "热门推荐", "精彩推荐", "相关专题", "最新新闻", "今日推荐", "图片新闻",
        "网友评论", "热门评论", "最新评论", "全部评论", "评论区", "读者评论",
    ])

    static func isBoilerplateLine(_ s: ArraySlice<UInt8>) -> Bool {
        var lower = [UInt8]()
        lower.reserveCapacity(s.count)
        for b in s { lower.append(htmlLower(b)) }
        return HTMLHints.contains(lower, phrases)
    }

    static func isRelatedHeading(_ s: ArraySlice<UInt8>) -> Bool {
        let a = Array(s)
        return HTMLHints.contains(a, relatedHeadings)
    }
}
