import Foundation

/// Title, date, authors, source and URL of a page.
///
/// * title: the h1 (or h2/h3) that the `<title>` or og:title contains; else og:title; else the
///   longest part of `<title>` split at site separators ("_", "|", " - ", "--", "——" …).
/// * published: article:published_time / pubdate / publishdate / … `<meta>`, JSON-LD
///   datePublished, itemprop=datePublished or `<time pubdate>`; then the first date in the
///   byline lines near the title; then a date in the URL; then a date in the short lines just
///   after the article. ISO 8601 (`2020-12-25T09:23:35`, `2020-12-17`).
/// * authors: people only. `<meta name=author>` and JSON-LD when they name people (not sites);
///   then bylines: 作者：X, 记者 X Y, 文/X, 撰文 X, 通讯员 X, 发布者/楼主/博主 X. An editor
///   (编辑/责任编辑/责编 X) is not an author, but is reported as the author when the page
///   names nobody else: on these pages the editor is the person responsible for the text.
/// * source: 来源：X in the byline, `<meta name=source>`, else og:site_name.
/// * url: `<link rel=canonical>`, og:url, then the URL given by the caller.
struct HTMLMetadataExtractor {
    var metadata = DocumentMetadata()
    /// Index of the block holding the title, when found.
    var titleBlock: Int?

    // Collected from <meta>, JSON-LD, <title>.
    var docTitle: String?
    var ogTitle: String?
    var metaDates: [String] = []
    var jsonDates: [String] = []
    var markupDates: [String] = []
    var metaAuthors: [String] = []
    var jsonAuthors: [String] = []
    var metaSource: String?
    var siteName: String?
    var canonical: String?
    var ogURL: String?
    var section: String?

    static let dateKeys: Set<String> = [
        "article:published_time", "og:article:published_time", "og:release_date", "pubdate", "publishdate",
        "publish_date", "publish-date", "publishtime", "publish_time", "publish-time", "pubtime", "pub_time",
        "datepublished", "dc.date", "dc.date.issued", "dc.date.created", "dcterms.created", "dcterms.date",
        "dcterms.issued", "sailthru.date", "parsely-pub-date", "article.published", "published_time", "release_date",
        "firstpublishedtime", "bytedance:published_time", "weibo:article:create_at", "og:time", "date",
        "article:published", "published", "created", "createdate", "publishedtime", "article_date_original",
    ]
    static let authorKeys: Set<String> = [
        "author", "article:author", "dc.creator", "byl", "og:author", "sailthru.author", "parsely-author",
        "dcterms.creator", "creator", "authors",
    ]
    static let sourceKeys: Set<String> = ["source", "contentsource", "og:source", "article:source", "mediasource", "sourcename"]
    static let sectionKeys: Set<String> = ["article:section", "columnname", "section", "category"]

    static func extract(_ doc: HTMLDocument, _ blocks: HTMLBlocks, main: HTMLMainText, url: String?) -> HTMLMetadataExtractor {
        var m = HTMLMetadataExtractor()
        m.scanMarkup(doc)
        m.pickTitle(blocks, main: main)
        m.pickURL(url)
        m.pickDateAndPeople(blocks, main: main)
        return m
    }

    // MARK: Markup

    mutating func scanMarkup(_ doc: HTMLDocument) {
        for k in 1..<doc.nodes.count {
            let node = doc.nodes[k]
            switch node.tag {
            case .text:
                continue
            case .meta:
                let key = (doc.attributeString(.property, of: k) ?? doc.attributeString(.name, of: k)
                    ?? doc.attributeString(.itemprop, of: k))?.lowercased().htmlTrimmed()
                guard let key, let content = doc.attributeString(.content, of: k)?.htmlTrimmed(), !content.isEmpty else {
                    continue
                }
                if key == "og:title" || key == "twitter:title" || key == "headline" || key == "dc.title" {
                    if ogTitle == nil { ogTitle = content }
                } else if Self.dateKeys.contains(key) || key.contains("publish") || key.contains("pubdate") {
                    metaDates.append(content)
                } else if Self.authorKeys.contains(key) {
                    metaAuthors.append(content)
                } else if Self.sourceKeys.contains(key) {
                    if metaSource == nil { metaSource = content }
                } else if key == "og:site_name" || key == "application-name" {
                    if siteName == nil { siteName = content }
                } else if key == "og:url" {
                    if ogURL == nil { ogURL = content }
                } else if Self.sectionKeys.contains(key) {
                    if section == nil { section = content }
                }
            case .link:
                if let rel = doc.attributeString(.rel, of: k)?.lowercased(), rel.contains("canonical"),
                   let href = doc.attributeString(.href, of: k)?.htmlTrimmed(), !href.isEmpty, canonical == nil {
                    canonical = href
                }
            case .title:
                if docTitle == nil {
                    let t = collapse(doc.textContent(of: k))
                    if !t.isEmpty { docTitle = t }
                }
            case .script:
                if let type = doc.attributeString(.type, of: k)?.lowercased(), type.contains("ld+json") {
                    scanJSONLD(doc.textContent(of: k))
                }
            case .time:
                if let dt = doc.attributeString(.datetime, of: k) {
                    let prop = doc.attributeString(.itemprop, of: k)?.lowercased() ?? ""
                    let cls = doc.attributeString(.class, of: k)?.lowercased() ?? ""
                    if prop.contains("datepublished") || cls.contains("pub") || doc.attribute(.name, of: k) != nil {
                        markupDates.append(dt)
                    }
                }
            default:
                if let prop = doc.attributeString(.itemprop, of: k)?.lowercased() {
                    if prop == "datepublished" {
                        let v = doc.attributeString(.content, of: k) ?? doc.attributeString(.datetime, of: k) ?? doc.textContent(of: k)
                        markupDates.append(v)
                    } else if prop == "author" || prop == "creator" {
                        let v = doc.attributeString(.content, of: k) ?? collapse(doc.textContent(of: k))
                        if !v.isEmpty && v.count <= 40 { metaAuthors.append(v) }
                    }
                }
            }
        }
    }

    mutating func scanJSONLD(_ text: String) {
        guard let data = text.htmlTrimmed().data(using: .utf8),
              let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return }
        var queue: [Any] = [json]
        var visited = 0
        while !queue.isEmpty && visited < 200 {
            let item = queue.removeFirst()
            visited += 1
            if let array = item as? [Any] {
                queue.append(contentsOf: array)
                continue
            }
            guard let obj = item as? [String: Any] else { continue }
            if let graph = obj["@graph"] { queue.append(graph) }
            if let d = obj["datePublished"] as? String { jsonDates.append(d) }
            if let d = obj["dateCreated"] as? String, obj["datePublished"] == nil { jsonDates.append(d) }
            if let h = obj["headline"] as? String, ogTitle == nil { ogTitle = h }
            if let a = obj["author"] { jsonAuthors.append(contentsOf: Self.names(a)) }
            if let p = obj["publisher"] as? [String: Any], let name = p["name"] as? String, siteName == nil { siteName = name }
            if let u = obj["url"] as? String, ogURL == nil, obj["datePublished"] != nil { ogURL = u }
        }
    }

    static func names(_ value: Any) -> [String] {
        if let s = value as? String { return [s] }
        if let obj = value as? [String: Any] {
            if let t = obj["@type"] as? String, t.lowercased() == "organization" { return [] }
            if let n = obj["name"] as? String { return [n] }
            return []
        }
        if let a = value as? [Any] { return a.flatMap { names($0) } }
        return []
    }

    // MARK: Title

    static let titleSeparators: [String] = ["_", "|", "｜", " - ", " – ", " — ", "--", "——", "::", "»", " > ", "＿", "-- "]

    static func titleSegments(_ title: String) -> [String] {
        var parts = [title]
        for sep in titleSeparators {
            parts = parts.flatMap { $0.components(separatedBy: sep) }
        }
        return parts.map { $0.htmlTrimmed() }.filter { !$0.isEmpty }
    }

    mutating func pickTitle(_ blocks: HTMLBlocks, main: HTMLMainText) {
        let references = [docTitle, ogTitle].compactMap { $0 }
        let normalizedRefs = references.map(compact)
        // A heading the <title>/og:title contains (or that contains the longest title part).
        let longestPart = references.flatMap(Self.titleSegments).max { $0.count < $1.count }
        var found: Int?
        let segments = Set(references.flatMap(Self.titleSegments).map(compact))
        for level in 1...3 {
            for (i, b) in blocks.blocks.enumerated() where Int(b.heading) == level && b.chars >= 2 && b.linkDensity < 0.5 {
                let t = compact(blocks.string(b))
                // A short heading must be a whole part of the title ("金锺国 - 维基百科").
                if b.chars < 4 && !segments.contains(t) { continue }
                if normalizedRefs.contains(where: { $0.contains(t) })
                    || (longestPart.map { t.contains(compact($0)) && $0.count >= 4 } ?? false) {
                    found = i
                    break
                }
            }
            if found != nil { break }
        }
        if found == nil, let part = longestPart, part.count >= 4 {
            // A non-heading line equal to the title part (e.g. <div class="title">).
            let target = compact(part)
            for (i, b) in blocks.blocks.enumerated() where b.chars >= 4 && b.chars <= 120 && b.linkDensity < 0.5 {
                let t = compact(blocks.string(b))
                if t == target || (t.count >= 6 && target.contains(t) && t.count * 3 >= target.count * 2) {
                    found = i
                    break
                }
            }
        }
        if found == nil && references.isEmpty, let firstKept = main.blockIndices.first {
            // No <title>: the last heading just before (or at) the article's start.
            for i in stride(from: min(firstKept + 1, blocks.blocks.count - 1), through: max(0, firstKept - 10), by: -1) {
                let b = blocks.blocks[i]
                if b.heading >= 1 && b.heading <= 3 && b.chars >= 4 && b.linkDensity < 0.5 && !b.negativeHint && b.drop == .none {
                    found = i
                    break
                }
            }
        }
        if let i = found {
            titleBlock = i
            var t = blocks.string(blocks.blocks[i]).htmlTrimmed()
            while let last = t.last, "-_|｜ —".contains(last) { t.removeLast() }
            metadata.title = t
            return
        }
        if let og = ogTitle, !og.isEmpty {
            let parts = Self.titleSegments(og)
            metadata.title = parts.count > 1 ? parts.max { $0.count < $1.count } : og
        } else if let part = longestPart {
            metadata.title = part
        }
        // Without a title line, bylines are searched before the article's first line.
    }

    // MARK: URL

    mutating func pickURL(_ given: String?) {
        for candidate in [canonical, ogURL] {
            if let c = candidate, c.hasPrefix("http") {
                metadata.url = c
                return
            }
        }
        if let given, !given.isEmpty {
            if let c = canonical ?? ogURL, c.hasPrefix("/"), let base = URL(string: given),
               let resolved = URL(string: c, relativeTo: base)?.absoluteString {
                metadata.url = resolved
            } else {
                metadata.url = given
            }
        }
    }

    // MARK: Dates and people

    /// Words that, just before a date, say it is the page's date.
    static let dateLabels: [String] = [
        "发布时间", "发表时间", "发表于", "发布于", "发布日期", "时间", "日期", "更新", "发表", "发布", "于", "posted",
        "published", "date",
    ]

    mutating func pickDateAndPeople(_ blocks: HTMLBlocks, main: HTMLMainText) {
        let all = blocks.blocks
        let firstKept = main.blockIndices.first ?? 0
        let lastKept = main.blockIndices.last ?? max(all.count - 1, 0)
        // Lines near the title: from the title (or a few lines before the article) to the
        // article's first lines.
        var near: [Int] = []
        if let t = titleBlock {
            let upper = max(min(firstKept + 2, all.count - 1), min(t + 8, all.count - 1))
            if t + 1 <= upper { near.append(contentsOf: (t + 1)...upper) }
            if t > firstKept + 2 || t < firstKept - 12 {
                // The title sits inside the article or far before it: also look just before
                // the article and at its first lines.
                near.append(contentsOf: max(0, firstKept - 4)..<min(firstKept + 3, all.count))
            }
        } else if !all.isEmpty {
            let from = max(0, firstKept - 6)
            near.append(contentsOf: from..<min(firstKept + 6, all.count))
        }
        var seen = Set<Int>()
        near = near.filter { seen.insert($0).inserted }
        // The article's last lines and the lines after it.
        var tail: [Int] = []
        if !all.isEmpty && !main.blockIndices.isEmpty {
            let from = max(firstKept, lastKept - 4)
            tail.append(contentsOf: from..<min(lastKept + 8, all.count))
        }
        let texts: [Int: String] = Dictionary(uniqueKeysWithValues: Set(near + tail).map { ($0, blocks.string(all[$0])) })

        // Published.
        var date: FoundDate?
        for v in metaDates + jsonDates + markupDates {
            if let d = HTMLDates.parseMeta(v) { date = d; break }
        }
        if let d = date, !d.hasTime {
            // A visible date of the same day may add the time.
            for i in near + tail {
                if let (v, _) = texts[i].flatMap(HTMLDates.first(in:)), v.hasTime, v.year == d.year, v.month == d.month, v.day == d.day {
                    date = v
                    break
                }
            }
        }
        if date == nil { date = firstDate(in: near, blocks, texts, labeledOnly: true) }
        if date == nil { date = firstDate(in: near, blocks, texts, shortFrom: firstKept) }
        if date == nil { date = firstDate(in: tail.filter { $0 > lastKept - 1 }, blocks, texts, labeledOnly: true) }
        if date == nil, let u = metadata.url, let d = HTMLDates.fromURL(u) { date = d }
        if date == nil { date = firstDate(in: tail, blocks, texts, shortOnly: true) }
        if date == nil {
            for i in near + tail {
                if let d = texts[i].flatMap(HTMLDates.firstMonth(in:)) { date = d; break }
            }
        }
        metadata.published = date?.iso

        // People and source.
        var nearBylines = HTMLBylines()
        for i in near {
            let b = all[i]
            nearBylines.scan(texts[i] ?? "", long: b.chars > 80, linkHeavy: b.linkDensity > 0.5)
        }
        var tailBylines = HTMLBylines()
        for i in tail {
            let b = all[i]
            tailBylines.scan(texts[i] ?? "", long: b.chars > 80, linkHeavy: b.linkDensity > 0.5)
        }
        let metaPeople = (metaAuthors + jsonAuthors).filter(HTMLBylines.looksLikePerson)
            .flatMap(HTMLBylines.splitNames).filter(HTMLBylines.looksLikePerson)
        var authors: [String] = []
        if !metaPeople.isEmpty {
            authors = metaPeople
        } else if !nearBylines.authors.isEmpty {
            authors = nearBylines.authors
        } else if !tailBylines.authors.isEmpty {
            authors = tailBylines.authors
        } else if let t = titleBlock, t < firstKept + 2,
                  let names = nameLine(Array(near.filter { $0 > t && $0 <= firstKept + 1 }), blocks, texts) {
            authors = names
        } else if titleBlock == nil,
                  let names = nameLine(Array(near.filter { $0 >= firstKept - 3 && $0 < firstKept }), blocks, texts) {
            authors = names
        } else if let names = closingNames(main.blockIndices.suffix(2), texts: { blocks.string(all[$0]) }) {
            authors = names
        } else if !nearBylines.editors.isEmpty || !tailBylines.editors.isEmpty {
            authors = nearBylines.editors + tailBylines.editors
        } else if let s = nearBylines.source ?? tailBylines.source, s.unicodeScalars.count <= 3,
                  HTMLBylines.looksLikePerson(s), HTMLBylines.isChineseName(s) {
            // "来源：尹娟": a person given as the source.
            authors = [s]
        }
        metadata.authors = unique(authors)
        if let s = nearBylines.source ?? tailBylines.source, !(metadata.authors.contains(s)) {
            metadata.source = s
        } else if let s = metaSource {
            metadata.source = s
        } else if let s = siteName {
            metadata.source = s
        }
        if let section {
            metadata.section = section
        } else if let crumb = breadcrumb(blocks, before: firstKept) {
            metadata.section = crumb
        }
    }

    /// A breadcrumb line before the article ("您的位置：首页 > 新闻 > 科技" → "新闻 > 科技"): a
    /// short line with a 位置 label, or of three or more parts separated by ">" / "»".
    func breadcrumb(_ blocks: HTMLBlocks, before firstKept: Int) -> String? {
        guard firstKept > 0 else { return nil }
        let separators: Set<Character> = [">", "»", "＞", "›", "→"]
        for i in stride(from: firstKept - 1, through: max(0, firstKept - 30), by: -1) {
            let b = blocks.blocks[i]
            guard b.chars <= 80 else { continue }
            var text = blocks.string(b)
            let labeled = text.contains("位置")
            guard labeled || text.filter({ separators.contains($0) }).count >= 2 else { continue }
            if let colon = text.firstIndex(where: { $0 == "：" || $0 == ":" }), text.distance(from: text.startIndex, to: colon) <= 8 {
                text = String(text[text.index(after: colon)...])
            }
            let split: (Character) -> Bool = { separators.contains($0) || (labeled && ($0 == "|" || $0 == "｜")) }
            var parts = text.split(whereSeparator: split).map { part -> String in
                var p = String(part).htmlTrimmed()
                while let last = p.last, "-—_|｜".contains(last) { p.removeLast() }
                return p.htmlTrimmed()
            }.filter { !$0.isEmpty && $0.contains(where: { $0.isLetter }) }
            guard parts.count >= 2 || (labeled && parts.count >= 1) else { continue }
            if let first = parts.first, ["首页", "主页", "网站首页", "home", "Home", "本站首页"].contains(where: { first.hasSuffix($0) }) {
                parts.removeFirst()
            }
            // The last part is often the article's own title.
            if let last = parts.last, let title = metadata.title, !title.isEmpty, title.hasPrefix(last) || last.hasPrefix(title) {
                parts.removeLast()
            }
            if parts.isEmpty || parts.contains(where: { $0.count > 20 }) { continue }
            return parts.joined(separator: " > ")
        }
        return nil
    }

    /// The first date in these lines; `labeledOnly`: only a date right after a label such as
    /// 发布时间 / 发表于 / 时间.
    /// `shortFrom`: from this block on, paragraphs (> 100 characters) are skipped (dates in the
    /// article's sentences are events, not the publication).
    func firstDate(in indices: [Int], _ blocks: HTMLBlocks, _ texts: [Int: String], shortOnly: Bool = false,
                   labeledOnly: Bool = false, shortFrom: Int = Int.max) -> FoundDate? {
        for i in indices where i < blocks.blocks.count {
            let b = blocks.blocks[i]
            if shortOnly && b.chars > 60 { continue }
            if i >= shortFrom && b.chars > 100 { continue }
            // A label in a paragraph ("…于2022年2月12日逝世") is part of a sentence.
            if labeledOnly && b.chars > 100 { continue }
            if !labeledOnly && b.linkDensity > 0.6 && b.chars > 12 { continue }
            guard let text = texts[i] else { continue }
            let s = Array(text.unicodeScalars.map(\.value))
            var from = 0
            while let (d, r) = HTMLDates.first(in: s, from: from) {
                from = r.upperBound
                if Self.endsWith(s, before: r.lowerBound, Self.notDateLabelScalars) { continue }
                if !labeledOnly || Self.endsWith(s, before: r.lowerBound, Self.labelScalars) { return d }
            }
        }
        return nil
    }

    static let labelScalars: [[UInt32]] = dateLabels.map { Array($0.unicodeScalars.map(\.value)) }

    /// Labels of dates that are not the article's (a blog's or a user's creation date).
    static let notDateLabelScalars: [[UInt32]] = ["建立于", "创建于", "注册于", "加入于", "注册时间", "注册日期", "加入时间",
                                                  "建立", "注册", "开通", "生日", "出生"].map { Array($0.unicodeScalars.map(\.value)) }

    /// Whether one of `labels` ends within the few characters before `start`.
    static func endsWith(_ s: [UInt32], before start: Int, _ labels: [[UInt32]]) -> Bool {
        var end = start
        // Skip spaces, ":" and "：" between the label and the date.
        while end > 0 && (s[end - 1] == 0x20 || s[end - 1] == 0x3A || s[end - 1] == 0xFF1A || s[end - 1] == 0xA0
                            || s[end - 1] == 0x3000) { end -= 1 }
        for label in labels where label.count <= end {
            var match = true
            for (k, v) in label.enumerated() {
                let c = s[end - label.count + k]
                if c != v && !(v >= 0x61 && v <= 0x7A && c | 0x20 == v) { match = false; break }
            }
            if match { return true }
        }
        return false
    }

    /// A line near the title that is only names ("茉莉", "刘国栋 周炜", "[ 黄宇 ]"): the byline
    /// of essays and reprints.
    func nameLine(_ indices: [Int], _ blocks: HTMLBlocks, _ texts: [Int: String]) -> [String]? {
        for i in indices.prefix(6) {
            let b = blocks.blocks[i]
            guard b.chars <= 24, b.linkDensity < 0.5, let text = texts[i] else { continue }
            var t = text.htmlTrimmed()
            for (open, close) in [("[", "]"), ("［", "］"), ("（", "）"), ("(", ")"), ("【", "】")] where t.hasPrefix(open) {
                if let r = t.range(of: close) { t = String(t[t.index(after: t.startIndex)..<r.lowerBound]) }
            }
            let names = HTMLBylines.splitNames(t)
            if !names.isEmpty && names.count <= 6 && names.allSatisfy(HTMLBylines.isChineseName) { return names }
        }
        return nil
    }

    /// Names in brackets closing the article: "（袁源）", "……佳节。（常书香 马丹阳）".
    func closingNames(_ indices: ArraySlice<Int>, texts: (Int) -> String) -> [String]? {
        for i in indices.reversed() {
            let t = texts(i).htmlTrimmed()
            guard t.hasSuffix("）") || t.hasSuffix(")") else { continue }
            guard let open = t.lastIndex(where: { $0 == "（" || $0 == "(" }) else { continue }
            let inner = String(t[t.index(after: open)..<t.index(before: t.endIndex)])
            let names = HTMLBylines.splitNames(inner)
            if !names.isEmpty && names.count <= 6 && names.allSatisfy(HTMLBylines.isChineseName) { return names }
        }
        return nil
    }

    func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }

    func compact(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.filter { !htmlIsSpaceScalar($0.value) && !htmlIsInvisibleScalar($0.value) }))
    }

    func collapse(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var space = false
        for u in s.unicodeScalars {
            if htmlIsSpaceScalar(u.value) { space = true; continue }
            if htmlIsInvisibleScalar(u.value) { continue }
            if space && !out.isEmpty { out.append(" ") }
            space = false
            out.append(u)
        }
        return String(out)
    }
}

/// Bylines: 作者：X, 记者 X Y, 文/X, 编辑：X, 来源：X, "本贴由X于…", "X 发表于 …", "by X" …
struct HTMLBylines {
    var authors: [String] = []
    var editors: [String] = []
    var source: String?

    enum Role { case author, editor, source }

    /// (marker, role, needs a separator (space, ：, /) after it). Longer markers first.
    static let markers: [(String, Role, Bool)] = [
        ("执笔人", .author, false), ("原作者", .author, false), ("作者", .author, true), ("作 者", .author, false),
        ("撰文", .author, false), ("撰稿", .author, false), ("执笔", .author, true), ("通讯员", .author, false),
        ("记者", .author, false), ("实习生", .author, false), ("发布者", .author, false), ("发表者", .author, false), ("发帖人", .author, false),
        ("本贴由", .author, false), ("本帖由", .author, false), ("楼主", .author, true), ("博主", .author, true),
        ("文", .author, true), ("责任编辑", .editor, false), ("责编", .editor, false), ("编辑", .editor, true),
        ("来源", .source, true), ("稿源", .source, true), ("出处", .source, true),
    ]

    /// Words that end a name list (the next byline field).
    static let labels: [String] = [
        "来源", "编辑", "责编", "发布", "时间", "日期", "点击", "浏览", "阅读", "摄影", "通讯员", "记者", "字号", "责任",
        "更新", "发表", "作者", "出处", "出自", "稿源", "审核", "校对", "图片", "报道", "整理", "编译", "综合", "供稿",
        "实习生", "发自", "译者", "翻译", "联系", "电话", "邮箱", "人气", "评论", "收藏", "分享", "http", "www",
    ]

    static let notNames: Set<String> = [
        "本报", "记者", "报道", "综合", "整理", "新华社", "通讯员", "实习生", "特约", "本网", "本台", "编辑", "作者", "佚名",
        "未知", "admin", "匿名", "网友", "转载", "原创", "不详", "来源", "本人", "联系", "实习记者", "本报记者", "特约记者",
        "首席记者", "见习记者", "摄影", "图文", "文图", "编者按", "资料图", "人物画像", "个人简介", "作者简介", "小编",
        "责编", "主编", "游客", "楼主", "管理员", "版主", "站长", "发布", "发表",
    ]

    /// First characters that make "记者X" a verb phrase (记者了解到, 记者从…获悉), not a name.
    static let verbStarts: Set<Unicode.Scalar> = Set("了从在获对表采注发看问近日昨今到与等就是也都还随走赶联调进见跟将把被曾已于说称介昨前后第".unicodeScalars)

    /// Common surnames (for bare name lines, which have no byline marker).
    static let surnames: Set<Character> = Set(
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤穆农卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝封谈匡鞠惠荆冀郁胥班储栗燕楚鄢劳谌奚皮粟冼蔺楼厉仝郜阚屠禹祖漆卿狄晋芮扈晁鹿邸雍辜裘亓邰赫杭逯茹嵇湛揭尉檀昝闭"
    )
    static let compoundSurnames: [String] = ["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐", "钟离", "端木", "南宫", "独孤", "西门", "轩辕"]

    typealias Scalars = [Unicode.Scalar]

    static func scalarSet(_ s: String) -> Set<Unicode.Scalar> { Set(s.unicodeScalars) }

    static let markerScalars: [(Scalars, Role, Bool)] = markers.map { (Array($0.0.unicodeScalars), $0.1, $0.2) }
    static let markerStarts: Set<Unicode.Scalar> = Set(markers.compactMap { $0.0.unicodeScalars.first })
    static let labelScalars: [Scalars] = labels.map { Array($0.unicodeScalars) }
    static let labelStarts: Set<Unicode.Scalar> = Set(labels.compactMap { $0.unicodeScalars.first })
    static let spaces = scalarSet(" 　\u{a0}\t")
    static let separators = scalarSet("：:/／｜|")
    static let colons = scalarSet("：:")
    static let beforeWen = scalarSet(" （(【[|｜　□■")
    static let fieldStops = scalarSet("，。；;,)）】]<>《》\n【[“”\"'!！?？〓|｜/／")
    static let nameStops = scalarSet(" 　〓|｜,，。()（）[]【】<>")
    static let posterStops = scalarSet(" 　\u{a0}：:|｜]】〓>")
    static let openBrackets = scalarSet("[［【")
    static let closeBrackets = scalarSet("]］】")

    static func matches(_ s: Scalars, _ at: Int, _ w: Scalars) -> Bool {
        guard at + w.count <= s.count else { return false }
        for k in 0..<w.count where s[at + k] != w[k] { return false }
        return true
    }

    /// `long`: a paragraph (markers only at its start or in brackets). `linkHeavy`: mostly link
    /// text (navigation such as "记者博客"): markers only with an explicit "：".
    mutating func scan(_ text: String, long: Bool, linkHeavy: Bool = false) {
        let chars = Array(text.unicodeScalars)
        var i = 0
        scanPosterPatterns(chars, text)
        while i < chars.count {
            guard Self.markerStarts.contains(chars[i]) else { i += 1; continue }
            var matched = false
            for (m, role, needsSep) in Self.markerScalars {
                guard Self.matches(chars, i, m) else { continue }
                let single = m.count == 1 // 文
                // "文" only at a line start or after an opening bracket/space.
                if single && i > 0 && !Self.beforeWen.contains(chars[i - 1]) { continue }
                if m == Self.editorMarker && i > 0 && "任主总".unicodeScalars.contains(chars[i - 1]) { continue }
                if m == Self.authorMarker && i > 0 && chars[i - 1] == "原" { continue }
                if long && i > 20 && !insideBrackets(chars, i) {
                    // In a long paragraph only at the very start or inside brackets.
                    continue
                }
                var j = i + m.count
                var sawSep = false
                while j < chars.count && Self.spaces.contains(chars[j]) { j += 1; sawSep = true }
                if j < chars.count && Self.separators.contains(chars[j]) { j += 1; sawSep = true }
                let afterSep = j
                while j < chars.count && Self.spaces.contains(chars[j]) { j += 1 }
                if needsSep && !sawSep { continue }
                if linkHeavy && !(afterSep > 0 && Self.colons.contains(chars[afterSep - 1])) { continue }
                if m == Self.reporterMarker && !sawSep, j < chars.count, Self.verbStarts.contains(chars[j]) { continue }
                let stopAtYu = m == Self.postMarker1 || m == Self.postMarker2
                let (value, end) = Self.field(chars, from: j, stopAtYu: stopAtYu)
                switch role {
                case .source:
                    let v = (value.htmlTrimmed().split(separator: " ").first.map(String.init) ?? "")
                    // A publisher: some letters, no markup debris ("size=").
                    if source == nil && v.count >= 2 && v.count <= 30 && !v.contains("=")
                        && v.unicodeScalars.contains(where: { Self.isCJK($0.value) || Self.isASCIILetter($0) }) {
                        source = v
                    }
                case .author:
                    authors.append(contentsOf: Self.splitNames(value).filter(Self.looksLikePerson))
                case .editor:
                    editors.append(contentsOf: Self.splitNames(value).filter(Self.looksLikePerson))
                }
                i = max(end, i + m.count)
                matched = true
                break
            }
            if !matched { i += 1 }
        }
    }

    static let editorMarker = Array("编辑".unicodeScalars)
    static let authorMarker = Array("作者".unicodeScalars)
    static let reporterMarker = Array("记者".unicodeScalars)
    static let postMarker1 = Array("本贴由".unicodeScalars)
    static let postMarker2 = Array("本帖由".unicodeScalars)

    /// "by NAME", "NAME 发表于 …" (forums and blogs), "[ NAME ]" in a line with a date or 来源.
    mutating func scanPosterPatterns(_ chars: Scalars, _ text: String) {
        let n = chars.count
        var i = 0
        if chars.contains(where: { Self.openBrackets.contains($0) }) && (text.contains("来源") || HTMLDates.first(in: text) != nil) {
            var k = 0
            while k < n {
                if Self.openBrackets.contains(chars[k]),
                   let close = chars[k...].firstIndex(where: { Self.closeBrackets.contains($0) }), close - k <= 16 {
                    var inner = String.UnicodeScalarView()
                    inner.append(contentsOf: chars[(k + 1)..<close])
                    let names = Self.splitNames(String(inner).htmlTrimmed())
                    if !names.isEmpty && names.count <= 4 && names.allSatisfy(Self.isChineseName) { authors.append(contentsOf: names) }
                    k = close + 1
                    continue
                }
                k += 1
            }
        }
        while i + 3 < n {
            // " by NAME"
            if (chars[i] == "b" || chars[i] == "B") && (chars[i + 1] == "y" || chars[i + 1] == "Y") && chars[i + 2] == " "
                && (i == 0 || chars[i - 1] == " ") {
                var j = i + 3
                while j < n && chars[j] == " " { j += 1 }
                var name = String.UnicodeScalarView()
                while j < n && !Self.nameStops.contains(chars[j]) && name.count < 30 { name.append(chars[j]); j += 1 }
                let s = String(name)
                if Self.looksLikePerson(s) { authors.append(s) }
                i = j
                continue
            }
            // "NAME 发表于"
            if chars[i] == "发" && chars[i + 1] == "表" && chars[i + 2] == "于" {
                var e = i
                while e > 0 && Self.spaces.contains(chars[e - 1]) { e -= 1 }
                var s = e
                while s > 0 && !Self.posterStops.contains(chars[s - 1]) && e - s < 30 { s -= 1 }
                if s < e {
                    var name = String.UnicodeScalarView()
                    name.append(contentsOf: chars[s..<e])
                    let str = String(name)
                    if Self.looksLikePerson(str) { authors.append(str) }
                }
            }
            i += 1
        }
    }

    func insideBrackets(_ chars: Scalars, _ i: Int) -> Bool {
        var k = i - 1
        while k >= 0 && i - k < 30 {
            let c = chars[k]
            if c == "（" || c == "(" || c == "【" || c == "[" { return true }
            if c == "）" || c == ")" || c == "】" || c == "]" || c == "。" { return false }
            k -= 1
        }
        return false
    }

    static func isASCIILetter(_ c: Unicode.Scalar) -> Bool { (c.value | 0x20) >= 0x61 && (c.value | 0x20) <= 0x7A }
    static func isASCIIDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }

    /// The value of a byline field: up to punctuation, a digit run (a date) or the next label.
    /// A Latin name in brackets after a Chinese one stays with it ("周思博 (Joel Spolsky)").
    static func field(_ chars: Scalars, from start: Int, stopAtYu: Bool = false) -> (String, Int) {
        var j = start
        var out = String.UnicodeScalarView()
        func dropLastWord() {
            if let space = out.lastIndex(where: { $0 == " " || $0 == "　" }) { out = String.UnicodeScalarView(out[..<space]) }
        }
        while j < chars.count {
            let c = chars[j]
            if c == "(" || c == "（" {
                // "(Joel Spolsky)": keep a Latin alias.
                if let close = chars[j...].firstIndex(where: { $0 == ")" || $0 == "）" }), close - j > 2,
                   chars[(j + 1)..<close].allSatisfy({ isASCIILetter($0) || $0 == " " || $0 == "." || $0 == "-" }),
                   !out.isEmpty {
                    if let last = out.last, !spaces.contains(last) { out.append(" ") }
                    out.append("(")
                    out.append(contentsOf: chars[(j + 1)..<close])
                    out.append(")")
                    j = close + 1
                }
                break
            }
            if c == ":" || c == "：" {
                // "流泉 访问统计：" — the word before a colon is the next field's label.
                dropLastWord()
                break
            }
            if fieldStops.contains(c) { break }
            if stopAtYu && c == "于" { break }
            if isASCIIDigit(c) && j + 1 < chars.count && isASCIIDigit(chars[j + 1]) { break }
            if j > start && labelStarts.contains(c), labelScalars.contains(where: { matches(chars, j, $0) }) {
                // "彭冲 山东冠县报道", "张三 北京发自": the word before 报道/发自 is a place.
                if j + 1 < chars.count, (c == "报" && chars[j + 1] == "道") || (c == "发" && chars[j + 1] == "自") {
                    dropLastWord()
                }
                break
            }
            out.append(c)
            j += 1
            if out.count > 40 { break }
        }
        return (String(out).htmlTrimmed(), j)
    }

    /// Splits "宋怡 杨志华" / "张三、李四" into names; "周思博 (Joel Spolsky)" stays one name.
    static func splitNames(_ s: String) -> [String] {
        let t = s.htmlTrimmed()
        if let open = t.firstIndex(of: "("), t.hasSuffix(")"), String(t[..<open]).htmlTrimmed().count <= 5 {
            return [t]
        }
        let parts = t.split(whereSeparator: { " 　\u{a0}、,，;；\t".contains($0) }).map(String.init)
        var out: [String] = []
        for var p in parts {
            // "北京报道", "山东冠县报道": a place, not a name.
            if p.hasSuffix("报道") || p.hasSuffix("电") && p.count > 3 { continue }
            for suffix in ["摄影", "摄", "整理", "编译", "撰写", "供稿", "发自"] where p.hasSuffix(suffix) && p.count > suffix.count + 1 {
                p = String(p.dropLast(suffix.count))
            }
            for prefix in ["本报记者", "实习记者", "特约记者", "见习记者", "首席记者", "记者", "通讯员", "实习生", "作者"]
            where p.hasPrefix(prefix) && p.count > prefix.count + 1 {
                p = String(p.dropFirst(prefix.count))
            }
            if !p.isEmpty && !notNames.contains(p) { out.append(p) }
        }
        // A Latin name ("Joel Spolsky") stays whole.
        if !out.isEmpty && out.count <= 3 && t.unicodeScalars.allSatisfy({ $0.isASCII }) {
            let joined = out.joined(separator: " ")
            return joined.count <= 40 ? [joined] : out
        }
        return out
    }

    static func isCJK(_ v: UInt32) -> Bool { (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) }

    /// 2–4 ideographs starting with a common surname.
    static func isChineseName(_ s: String) -> Bool {
        let scalars = s.unicodeScalars
        guard scalars.count >= 2 && scalars.count <= 4, scalars.allSatisfy({ isCJK($0.value) }), !notNames.contains(s),
              let first = s.first else { return false }
        return surnames.contains(first) || compoundSurnames.contains(where: { s.hasPrefix($0) && s.count >= 3 })
    }

    /// A person's name: 2–5 Chinese characters (with "·" for foreign names), or a Latin name or
    /// user name; not a site, a newspaper, an id or a label.
    static func looksLikePerson(_ s: String) -> Bool {
        let t = s.htmlTrimmed()
        guard !t.isEmpty, t.count <= 30, !notNames.contains(t) else { return false }
        for w in ["网", "报", "社", "台", "站", "中心", "公司", "新闻", "http", "www", ".com", "频道", "杂志", "电视", "日报",
                  "晚报", "集团", "委员会", "政府", "研究所", "学院", "大学", "协会", "publisher", "Publisher", "press",
                  "Press", "editor", "Editor", "staff", "Staff", "admin", "Admin"]
        where t.contains(w) {
            return false
        }
        let scalars = t.unicodeScalars
        let cjk = scalars.filter { isCJK($0.value) }.count
        if cjk > 0 {
            if let open = t.firstIndex(of: "(") { return looksLikePerson(String(t[..<open])) }
            let dots = scalars.filter { $0.value == 0xB7 || $0.value == 0x30FB || $0.value == 0x2022 }.count
            if dots > 0 { return cjk <= 12 }
            if cjk == scalars.count { return cjk >= 2 && cjk <= 4 }
            // Mixed user names ("放飞&心情"): short, no digits-only tail.
            return t.count <= 12 && cjk >= 2
        }
        // Latin: letters, digits, "_", "-", ".", spaces; more letters than digits.
        let letters = scalars.filter { ($0.value | 0x20) >= 0x61 && ($0.value | 0x20) <= 0x7A }.count
        let digits = scalars.filter { $0.value >= 0x30 && $0.value <= 0x39 }.count
        guard letters >= 2, digits * 2 < letters else { return false }
        return scalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains(Character($0)) || "_-. ".unicodeScalars.contains($0)) }
    }
}
