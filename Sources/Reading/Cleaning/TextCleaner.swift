import ChineseText

/// One article after cleaning, in the document's own script.
public struct CleanArticle: Sendable, Equatable {
    /// Paragraphs in reading order; a heading is a paragraph of its own. The title is not repeated here.
    public var paragraphs: [String]
    public var metadata: DocumentMetadata
    /// Photo captions taken out of the body.
    public var captions: [String]
    /// Everything cleaning removed from this article's part of the document, with the rule's name.
    public var removed: [Removal]

    public init(paragraphs: [String], metadata: DocumentMetadata, captions: [String] = [], removed: [Removal] = []) {
        self.paragraphs = paragraphs
        self.metadata = metadata
        self.captions = captions
        self.removed = removed
    }

    /// The paragraphs joined by newlines.
    public var body: String { paragraphs.joined(separator: "\n") }
}

/// Cleans a document's text and splits it into articles.
///
/// Each step is a named rule; what a rule removes is recorded in `CleanArticle.removed` under
/// the rule's name (see `TextCleaner.ruleNames`):
///
/// - `metadata` (标题:/原标题:, 时间:, 来源:, 作者: lines), `navigation` (breadcrumbs, kept as the
///   section; menus), `footer`, `copyright`, `masthead` and `page-label`, `qr-code`, `page-teaser`,
///   `ui-string`, `byline` (and `end-mark`), `photo-credit`, `decoration`, `data-box`;
/// - layout repair: `ocr-columns` (column fragments put back together, removes nothing),
///   `ocr-space` (spaces OCR put between Chinese characters);
/// - `caption` (kept in `captions`), `doubled-heading`, `repeated-phrase`, `repeated-paragraph`,
///   `repeated-sentence`, `line-join` (removes nothing), `title` (the title line, moved to the metadata).
///
/// Metadata found in the text is merged into `raw.metadata`: fields the reader already set win,
/// except obviously wrong ones (a site name as author, an unparsable date, an empty title, a
/// title that is the text's title plus the site's name).
public struct TextCleaner: Sendable {
    public init() {}

    /// The names rules record in `Removal.rule`.
    public static var ruleNames: [String] {
        CleaningRules.names + ["page-label", "end-mark", "repeated-sentence", "title"]
    }

    /// Cleans a document's text and splits it into articles (several for a newspaper page with
    /// several stories). Empty when no text survives.
    public func clean(_ raw: RawDocument) -> [CleanArticle] {
        var doc = CleaningDocument(text: raw.text, kind: raw.kind)
        for rule in CleaningRules.all { rule.apply(to: &doc) }
        return ArticleAssembler(raw: raw, doc: doc).assemble()
    }
}

/// Splits the cleaned blocks into articles and gives each its title, authors and metadata.
struct ArticleAssembler {
    let raw: RawDocument
    let doc: CleaningDocument

    func role(_ i: Int) -> Block.Role {
        let b = doc.blocks[i]
        switch b.role {
        case .heading, .text, .caption: return b.role
        case .unknown: return Scan.isHeadingShaped(b.text) ? .heading : .text
        }
    }

    /// Live blocks grouped into articles.
    func groups() -> [[Int]] {
        let live = doc.live
        guard !live.isEmpty else { return [] }
        let leads = live.filter { doc.blocks[$0].lead }.count
        guard doc.hasMasthead || leads >= 2 else { return [live] }
        let typical = typicalGap(doc)
        var groups: [[Int]] = [[]]
        for (k, i) in live.enumerated() {
            let curHasText = groups.last!.contains { role($0) == .text }
            let prevIsHeading = k > 0 && role(live[k - 1]) == .heading
            var startNew = false
            if curHasText && !prevIsHeading {
                if role(i) == .heading {
                    // A headline block followed by a lead (本报讯…) starts a story.
                    var m = k
                    while m < live.count && role(live[m]) == .heading { m += 1 }
                    startNew = m < live.count && doc.blocks[live[m]].lead
                } else if doc.blocks[i].lead {
                    startNew = true
                } else if k > 0, doc.blocks[live[k - 1]].photoCredit != nil {
                    // A photo credit closes a picture story.
                    startNew = true
                } else if doc.blocks[i].gapBefore >= 2 && doc.blocks[i].gapBefore > typical {
                    // A picture story: set off by a wide gap, closed by a photo credit.
                    for m in k..<min(live.count, k + 3) {
                        let b = doc.blocks[live[m]]
                        if role(live[m]) == .heading || (m > k && b.lead) { break }
                        if b.photoCredit != nil { startNew = true; break }
                    }
                }
            }
            if startNew { groups.append([]) }
            groups[groups.count - 1].append(i)
        }
        // A group without text (stray headings) joins the one before it.
        var out: [[Int]] = []
        for g in groups where !g.isEmpty {
            if !g.contains(where: { role($0) == .text }), !out.isEmpty { out[out.count - 1] += g } else { out.append(g) }
        }
        return out
    }

    /// The title among a headline block's first two lines: the longer one (a kicker above the
    /// title is usually shorter; a subtitle below it too).
    func chooseTitle(_ headings: [Int]) -> Int? {
        let firstTwo = headings.prefix(2)
        return firstTwo.max { Scan.visibleCount(doc.blocks[$0].text) < Scan.visibleCount(doc.blocks[$1].text) }
    }

    func sanitized(_ m: DocumentMetadata) -> DocumentMetadata {
        var out = m
        func clean(_ s: String?) -> String? {
            guard let s else { return nil }
            let t = Scan.trimmed(s)
            return t.isEmpty ? nil : t
        }
        out.title = clean(m.title)
        out.url = clean(m.url)
        out.source = clean(m.source)
        out.section = clean(m.section)
        out.page = clean(m.page)
        if let p = clean(m.published) {
            let a = Scan.scalars(p)
            let alreadyISO = a.count >= 10 && a[4] == "-" && a[7] == "-" && !p.contains(" ")
            out.published = alreadyISO ? p : MetadataParsing.isoDate(in: p)
        } else {
            out.published = nil
        }
        out.authors = m.authors.map(Scan.trimmed).filter { !MetadataParsing.isObviouslyNotPerson(doc.simplified($0)) }
        return out
    }

    func assemble() -> [CleanArticle] {
        let groups = groups()
        guard !groups.isEmpty else { return [] }
        let pageMode = groups.count > 1
        var base = sanitized(raw.metadata)
        base.fill(from: doc.found)
        // Seq ranges of the articles: removed pieces and captions go to the article they were in.
        let starts = groups.map { doc.blocks[$0[0]].seq }
        func article(of seq: Int) -> Int {
            var a = 0
            for (k, s) in starts.enumerated() where seq >= s { a = k }
            return a
        }
        var removedBy = Array(repeating: [Removal](), count: groups.count)
        removedBy[0] += raw.removed
        for r in doc.removals { removedBy[article(of: r.seq)].append(r.removal) }
        var captionsBy = Array(repeating: [String](), count: groups.count)
        for c in doc.captions { captionsBy[article(of: c.seq)].append(c.text) }
        var authorsBy = Array(repeating: [String](), count: groups.count)
        var photographersBy = Array(repeating: [String](), count: groups.count)
        for b in doc.blocks {
            let a = article(of: b.seq)
            for n in b.authors where !authorsBy[a].contains(n) { authorsBy[a].append(n) }
            if let p = b.photoCredit, !p.isEmpty, !photographersBy[a].contains(p) { photographersBy[a].append(p) }
        }

        var articles: [CleanArticle] = []
        for (g, group) in groups.enumerated() {
            var order = group
            var title: String? = nil
            var removed = removedBy[g]
            let leading = Array(group.prefix { role($0) == .heading })
            var m = base
            func take(_ i: Int) {
                order.removeAll { $0 == i }
                removed.append(Removal(rule: "title", text: doc.blocks[i].text))
            }
            if pageMode {
                if let t = chooseTitle(leading) {
                    title = doc.blocks[t].text
                    take(t)
                }
                m.title = title
                if raw.metadata.authors.isEmpty || m.authors.isEmpty {
                    m.authors = authorsBy[g].isEmpty ? photographersBy[g] : authorsBy[g]
                }
                if let p = group.lazy.compactMap({ doc.blocks[$0].page }).first { m.page = p }
            } else {
                if let known = m.title {
                    // The title line repeated at the top of the text goes; a reader's title that is
                    // the text's title plus a site name (标题_促进网) gives way to the text's.
                    if let h = leading.first {
                        let kh = Scan.key(doc.blocks[h].text), kt = Scan.key(known)
                        if kh == kt {
                            take(h)
                        } else if kt.count > kh.count, kt.starts(with: kh), kh.count >= 6, doc.found.title == nil {
                            m.title = doc.blocks[h].text
                            take(h)
                        }
                    }
                } else if let t = chooseTitle(leading) {
                    m.title = doc.blocks[t].text
                    take(t)
                } else if doc.isLayout {
                    // An OCR'd page may put the headline after the first column: the first headline block.
                    var run: [Int] = []
                    for i in group {
                        if role(i) == .heading { run.append(i) } else if !run.isEmpty { break }
                    }
                    if let t = chooseTitle(run) {
                        m.title = doc.blocks[t].text
                        take(t)
                        // The line beside the title (a kicker) goes to the top.
                        if let other = run.prefix(2).first(where: { $0 != t }) {
                            order.removeAll { $0 == other }
                            order.insert(other, at: 0)
                        }
                    }
                }
                if m.authors.isEmpty { m.authors = authorsBy[g] }
            }
            let paragraphs = order.map { Scan.collapsedSpaces(doc.blocks[$0].text) }.filter { !$0.isEmpty }
            articles.append(CleanArticle(paragraphs: paragraphs, metadata: m, captions: captionsBy[g], removed: removed))
        }
        return articles
    }
}
