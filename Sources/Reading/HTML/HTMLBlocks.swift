/// Why a block's text is not article text whatever its score.
enum HTMLDrop: UInt8, Sendable {
    case none = 0
    case navigation // <nav>, <menu>, class/id like nav/menu/breadcrumb
    case header     // <header>
    case footer     // <footer>
    case sidebar    // <aside>
    case form       // <form> holding little of the page's text
    case hidden     // hidden attribute, display:none, visibility:hidden

    var rule: String {
        switch self {
        case .none: return "html"
        case .navigation: return "html-navigation"
        case .header: return "html-header"
        case .footer: return "html-footer"
        case .sidebar: return "html-sidebar"
        case .form: return "html-form"
        case .hidden: return "html-hidden"
        }
    }
}

/// A line of visible text: the inline content between two block boundaries (block elements
/// and `<br>`), whitespace collapsed.
struct TextBlock: Sendable {
    /// Byte range of the text in `HTMLBlocks.bytes`.
    var start: Int32
    var end: Int32
    /// The nearest enclosing block element (its node index).
    var owner: Int32
    /// Non-whitespace characters (Unicode scalars).
    var chars: Int32
    /// Characters inside `<a href>`.
    var linkChars: Int32
    /// Sentence punctuation outside links (，。、；：！？ and ASCII , ; . ! ? followed by a space).
    var punct: Int32
    /// Letters, digits and ideographs outside links (no punctuation or symbols).
    var wordChars: Int32
    /// Of those, ASCII letters and digits.
    var asciiWordChars: Int32
    /// Level of the enclosing h1–h6, 0 when none.
    var heading: Int8
    var drop: HTMLDrop
    /// The dropped element this block lies in (for removals), or -1.
    var dropNode: Int32
    /// Inside an element whose class/id names boilerplate (comment, share, related, copyright …).
    var negativeHint: Bool
    /// Inside an `<li>`.
    var listItem: Bool

    var nonLinkChars: Int32 { chars - linkChars }
    /// Text weight: ideographs count 1, ASCII letters and digits ½ (a word is several letters).
    var weight: Double { Double(wordChars) - 0.5 * Double(asciiWordChars) }
    var linkDensity: Double { chars > 0 ? Double(linkChars) / Double(chars) : 0 }
}

/// The page as a list of text blocks, in document order.
struct HTMLBlocks: Sendable {
    var bytes: [UInt8] = []
    var blocks: [TextBlock] = []
    /// Non-whitespace characters of visible text under each node (scripts and styles excluded).
    var subtreeChars: [Int32] = []
    /// Class/id hint of each element: +1 content-like, -1 boilerplate-like, 0 none.
    var hints: [Int8] = []

    func string(_ b: TextBlock) -> String {
        String(decoding: bytes[Int(b.start)..<Int(b.end)], as: UTF8.self)
    }

    func slice(_ b: TextBlock) -> ArraySlice<UInt8> { bytes[Int(b.start)..<Int(b.end)] }
}

/// Elements whose content is never visible text.
@inline(__always) func htmlIsInvisibleTag(_ tag: HTMLTag) -> Bool {
    switch tag {
    case .script, .style, .noscript, .template, .iframe, .frame, .noframes, .noembed, .svg, .math, .object,
         .embed, .applet, .canvas, .video, .audio, .select, .option, .optgroup, .textarea, .button, .input,
         .title, .meta, .link, .base, .datalist, .map, .param, .source, .track, .picture, .img:
        return true
    default:
        return false
    }
}

/// Unicode white space (the White_Space property) and invisible format characters.
@inline(__always) func htmlIsSpaceScalar(_ v: UInt32) -> Bool {
    switch v {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
        return true
    default:
        return false
    }
}

@inline(__always) func htmlIsInvisibleScalar(_ v: UInt32) -> Bool {
    v == 0x200B || v == 0x200C || v == 0x200D || v == 0xFEFF || v == 0x00AD || v == 0x2060
}

@inline(__always) func htmlIsSentencePunct(_ v: UInt32) -> Bool {
    switch v {
    case 0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF01, 0xFF1F, 0x201C, 0x201D, 0xFF0E:
        return true
    default:
        return false
    }
}

/// Letters, digits and ideographs above ASCII: not punctuation, symbols, arrows, box drawing,
/// emoji or U+FFFD.
@inline(__always) func htmlIsWordScalar(_ v: UInt32) -> Bool {
    switch v {
    case 0xA1...0xBF, 0xD7, 0xF7, 0x2000...0x2BFF, 0x3000...0x3006, 0x3008...0x303F, 0xFE30...0xFE4F, 0xFF00...0xFF0F,
         0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65, 0xFFF0...0xFFFF, 0x1F000...0x1FAFF:
        return false
    default:
        return true
    }
}

/// Decodes one UTF-8 scalar at `i` (invalid bytes decode as themselves, length 1).
@inline(__always) func htmlDecodeScalar(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
    let b0 = p[i]
    if b0 < 0x80 { return (UInt32(b0), 1) }
    let n = p.count
    if b0 >= 0xC2 && b0 <= 0xDF && i + 1 < n {
        return ((UInt32(b0 & 0x1F) << 6) | UInt32(p[i + 1] & 0x3F), 2)
    }
    if b0 >= 0xE0 && b0 <= 0xEF && i + 2 < n {
        return ((UInt32(b0 & 0x0F) << 12) | (UInt32(p[i + 1] & 0x3F) << 6) | UInt32(p[i + 2] & 0x3F), 3)
    }
    if b0 >= 0xF0 && b0 <= 0xF4 && i + 3 < n {
        return ((UInt32(b0 & 0x07) << 18) | (UInt32(p[i + 1] & 0x3F) << 12) | (UInt32(p[i + 2] & 0x3F) << 6)
                    | UInt32(p[i + 3] & 0x3F), 4)
    }
    return (0xFFFD, 1)
}

/// Class/id words. Matched as substrings of the lowercased class and id values.
enum HTMLHints {
    static let positive = HTMLPhraseSet([
        "content", "article", "artibody", "text", "main", "zoom", "detail", "trs_editor", "post", "entry",
        "story", "body", "news_con", "newscon", "con_txt", "neirong", "zhengwen", "read",
    ])

    static let negative = HTMLPhraseSet([
        "nav", "menu", "footer", "foot", "comment", "share", "related", "relate", "copyright", "sidebar",
        "breadcrumb", "crumb", "recommend", "hotnews", "hot_", "rank", "banner", "login", "search", "toolbar",
        "social", "subscribe", "friendlink", "links", "pager", "pagination", "advert", "sponsor", "widget",
        "topbar", "header", "reply", "discuss", "pinglun", "xiangguan", "tuijian", "guanggao", "bottom",
        "copy_right", "print", "fenxiang", "logo", "more",
    ])

    /// Class/id tokens that must match whole ("ad" would match "head" as a substring).
    static let negativeTokens: [[UInt8]] = ["ad", "ads", "gg", "nav", "side", "tags", "tag", "top"].map { Array($0.utf8) }

    static func hint(_ value: ArraySlice<UInt8>) -> Int8 {
        var lower = [UInt8]()
        lower.reserveCapacity(value.count)
        for b in value { lower.append(htmlLower(b)) }
        if contains(lower, negative) || hasToken(lower, negativeTokens) { return -1 }
        if contains(lower, positive) { return 1 }
        return 0
    }

    static func contains(_ hay: [UInt8], _ words: [[UInt8]]) -> Bool {
        let n = hay.count
        for w in words where w.count <= n {
            let first = w[0]
            var i = 0
            while i + w.count <= n {
                if hay[i] == first {
                    var k = 1
                    while k < w.count && hay[i + k] == w[k] { k += 1 }
                    if k == w.count { return true }
                }
                i += 1
            }
        }
        return false
    }

    static func contains(_ hay: [UInt8], _ set: HTMLPhraseSet) -> Bool { set.occurs(in: hay) }


    static func hasToken(_ hay: [UInt8], _ words: [[UInt8]]) -> Bool {
        var i = 0
        let n = hay.count
        while i < n {
            while i < n && !(htmlIsAlpha(hay[i])) { i += 1 }
            let s = i
            while i < n && htmlIsAlpha(hay[i]) { i += 1 }
            if i > s {
                let token = hay[s..<i]
                for w in words where w.count == token.count && token.elementsEqual(w) { return true }
            }
        }
        return false
    }
}

extension HTMLBlocks {
    /// Linearizes a document into blocks.
    static func build(_ doc: HTMLDocument) -> HTMLBlocks {
        var out = HTMLBlocks()
        let nodes = doc.nodes
        let count = nodes.count
        out.subtreeChars = [Int32](repeating: 0, count: count)
        out.hints = [Int8](repeating: 0, count: count)
        out.bytes.reserveCapacity(doc.text.count)

        // Visible characters per subtree (bottom-up over the pre-order array).
        doc.text.withUnsafeBufferPointer { t in
            for k in 1..<max(count, 1) where nodes[k].tag == .text {
                let parentTag = nodes[Int(nodes[k].parent)].tag
                if htmlIsInvisibleTag(parentTag) { continue }
                var c: Int32 = 0
                var i = Int(nodes[k].start)
                let e = Int(nodes[k].stop)
                while i < e {
                    let b = t[i]
                    if (b & 0xC0) != 0x80 && !htmlIsSpace(b) { c += 1 }
                    i += 1
                }
                out.subtreeChars[k] = c
            }
        }
        var k = count - 1
        while k >= 1 {
            let parent = Int(nodes[k].parent)
            if htmlIsInvisibleTag(nodes[k].tag) { out.subtreeChars[k] = 0 }
            out.subtreeChars[parent] += out.subtreeChars[k]
            k -= 1
        }
        let total = max(out.subtreeChars.first ?? 0, 1)

        // Class/id hints.
        for k in 1..<max(count, 1) where nodes[k].tag != .text && nodes[k].stop > nodes[k].start {
            var h: Int8 = 0
            if let c = doc.attribute(.class, of: k) { h = HTMLHints.hint(c) }
            if h >= 0, let i = doc.attribute(.id, of: k) {
                let hi = HTMLHints.hint(i)
                if hi < 0 { h = -1 } else if hi > 0 { h = 1 }
            }
            out.hints[k] = h
        }
        // A boilerplate-named element holding a content-named one with much of its text is a
        // wrapper ("main-nav-wrapper" around "content"): its name does not count.
        var positiveInside = [Int32](repeating: 0, count: count)
        var m = count - 1
        while m >= 1 {
            if out.hints[m] > 0 { positiveInside[m] = max(positiveInside[m], out.subtreeChars[m]) }
            let parent = Int(nodes[m].parent)
            positiveInside[parent] = max(positiveInside[parent], positiveInside[m])
            m -= 1
        }
        for k in 1..<max(count, 1) where out.hints[k] < 0 {
            let wrapper = positiveInside[k] * 3 >= out.subtreeChars[k] && positiveInside[k] > 0
            let page = nodes[k].tag == .body || nodes[k].tag == .html
            // Large elements keep their name only when it names comments (comment sections can
            // outweigh the article).
            let large = out.subtreeChars[k] * 2 >= total
            if wrapper || page || (large && !isCommentHint(doc, k)) { out.hints[k] = 0 }
        }

        var walker = Walker(doc: doc, out: out, total: total)
        doc.text.withUnsafeBufferPointer { walker.walk($0) }
        return walker.out
    }

    static let commentWords = HTMLPhraseSet(["comment", "reply", "pinglun", "discuss", "review"])

    /// class/id naming comments or replies.
    static func isCommentHint(_ doc: HTMLDocument, _ k: Int) -> Bool {
        for name in [HTMLAttribute.class, .id] {
            guard let v = doc.attribute(name, of: k) else { continue }
            if commentWords.occurs(in: v.map(htmlLower)) { return true }
        }
        return false
    }

    private struct Open {
        var end: Int32
        var node: Int32
        var isBlock: Bool
        var isLink: Bool
        var heading: Int8
        var setsDrop: Bool
        var setsNegative: Bool
        var isListItem: Bool
    }

    private struct Walker {
        let doc: HTMLDocument
        var out: HTMLBlocks
        let total: Int32
        var open: [Open] = []
        var owners: [Int32] = [0]
        var headings: [Int8] = []
        var linkDepth = 0
        var listDepth = 0
        var drop: HTMLDrop = .none
        var dropNode: Int32 = -1
        var negativeDepth = 0
        // Current block.
        var curStart = 0
        var chars: Int32 = 0
        var linkChars: Int32 = 0
        var punct: Int32 = 0
        var words: Int32 = 0
        var asciiWords: Int32 = 0
        var pendingSpace = false
        var lastASCIIPunct = false

        init(doc: HTMLDocument, out: HTMLBlocks, total: Int32) {
            self.doc = doc
            self.out = out
            self.total = total
        }

        mutating func flush() {
            if chars > 0 {
                out.blocks.append(TextBlock(
                    start: Int32(curStart), end: Int32(out.bytes.count), owner: owners[owners.count - 1],
                    chars: chars, linkChars: linkChars, punct: punct, wordChars: words, asciiWordChars: asciiWords,
                    heading: headings.last ?? 0,
                    drop: drop, dropNode: dropNode, negativeHint: negativeDepth > 0, listItem: listDepth > 0))
            } else {
                out.bytes.removeSubrange(curStart...)
            }
            curStart = out.bytes.count
            chars = 0
            linkChars = 0
            punct = 0
            words = 0
            asciiWords = 0
            pendingSpace = false
            lastASCIIPunct = false
        }

        func dropReason(_ k: Int) -> HTMLDrop {
            let node = doc.nodes[k]
            let small = out.subtreeChars[k] * 2 < total
            if node.hidden && small { return .hidden }
            switch node.tag {
            case .nav, .menu: return small ? .navigation : .none
            case .header: return small ? .header : .none
            case .footer: return small ? .footer : .none
            case .aside: return small ? .sidebar : .none
            case .form: return out.subtreeChars[k] * 3 < total ? .form : .none
            default: return .none
            }
        }

        mutating func closeOpen(upTo k: Int32) {
            while let top = open.last, k >= top.end {
                open.removeLast()
                if top.isBlock { flush(); owners.removeLast() }
                if top.isLink { linkDepth -= 1 }
                if top.heading > 0 { flush(); headings.removeLast() }
                if top.isListItem { listDepth -= 1 }
                if top.setsDrop { flush(); drop = .none; dropNode = -1 }
                if top.setsNegative { flush(); negativeDepth -= 1 }
            }
        }

        mutating func walk(_ t: UnsafeBufferPointer<UInt8>) {
            let nodes = doc.nodes
            let count = nodes.count
            var k = 1
            while k < count {
                closeOpen(upTo: Int32(k))
                let node = nodes[k]
                if node.tag == .text {
                    appendText(t, Int(node.start), Int(node.stop))
                    k += 1
                    continue
                }
                if htmlIsInvisibleTag(node.tag) {
                    k = Int(node.end)
                    continue
                }
                if node.tag == .br || node.tag == .hr {
                    flush()
                    k += 1
                    continue
                }
                let isBlock = node.tag.isBlock
                if isBlock { flush() }
                var entry = Open(end: node.end, node: Int32(k), isBlock: isBlock, isLink: false, heading: 0,
                                 setsDrop: false, setsNegative: false, isListItem: false)
                if isBlock { owners.append(Int32(k)) }
                if node.tag == .a && doc.attribute(.href, of: k) != nil {
                    entry.isLink = true
                    linkDepth += 1
                }
                let level = node.tag.headingLevel
                if level > 0 {
                    flush()
                    entry.heading = Int8(level)
                    headings.append(Int8(level))
                }
                if node.tag == .li || node.tag == .dt || node.tag == .dd {
                    entry.isListItem = true
                    listDepth += 1
                }
                if drop == .none {
                    var reason = dropReason(k)
                    if reason == .none && out.hints[k] < 0 && out.subtreeChars[k] * 2 < total && isNavigationHint(k) {
                        reason = .navigation
                    }
                    if reason != .none {
                        flush()
                        drop = reason
                        dropNode = Int32(k)
                        entry.setsDrop = true
                    }
                }
                if out.hints[k] < 0 {
                    flush()
                    negativeDepth += 1
                    entry.setsNegative = true
                }
                open.append(entry)
                k += 1
            }
            closeOpen(upTo: Int32.max)
            flush()
        }

        /// class/id naming navigation proper (nav, menu, breadcrumb) rather than other boilerplate.
        func isNavigationHint(_ k: Int) -> Bool {
            for name in [HTMLAttribute.class, .id] {
                guard let v = doc.attribute(name, of: k) else { continue }
                var lower = [UInt8]()
                for b in v { lower.append(htmlLower(b)) }
                if HTMLHints.contains(lower, Self.navWords) || HTMLHints.hasToken(lower, [Array("nav".utf8)]) {
                    return true
                }
            }
            return false
        }

        static let navWords: [[UInt8]] = ["nav", "menu", "breadcrumb", "crumb"].map { Array($0.utf8) }

        mutating func appendText(_ t: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
            var i = start
            let inLink = linkDepth > 0
            while i < end {
                let b = t[i]
                if b < 0x80 {
                    if b <= 0x20 {
                        if htmlIsSpace(b) || b == 0x0B { pendingSpace = true }
                        i += 1
                        continue
                    }
                    if pendingSpace {
                        if chars > 0 {
                            out.bytes.append(0x20)
                            if lastASCIIPunct && !inLink { punct += 1 }
                        }
                        pendingSpace = false
                    }
                    lastASCIIPunct = false
                    out.bytes.append(b)
                    chars += 1
                    if inLink {
                        linkChars += 1
                    } else if b == 0x2C || b == 0x3B || b == 0x2E || b == 0x21 || b == 0x3F {
                        lastASCIIPunct = true
                    } else if htmlIsAlpha(b) || htmlIsDigit(b) {
                        words += 1
                        asciiWords += 1
                    }
                    i += 1
                    continue
                }
                let (v, len) = htmlDecodeScalar(t, i)
                if htmlIsSpaceScalar(v) {
                    pendingSpace = true
                    i += len
                    continue
                }
                if htmlIsInvisibleScalar(v) {
                    i += len
                    continue
                }
                if pendingSpace {
                    if chars > 0 { out.bytes.append(0x20) }
                    pendingSpace = false
                }
                lastASCIIPunct = false
                if len == 1 {
                    htmlAppendUTF8(0xFFFD, to: &out.bytes)
                } else {
                    out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: t[i..<(i + len)]))
                }
                chars += 1
                if inLink {
                    linkChars += 1
                } else if htmlIsSentencePunct(v) {
                    punct += 1
                } else if htmlIsWordScalar(v) {
                    words += 1
                }
                i += len
            }
        }
    }
}

/// Byte strings looked up together: one pass over the text, candidates by first byte.
struct HTMLPhraseSet: Sendable {
    let phrases: [[UInt8]]
    /// Phrases by first byte.
    let byFirst: [[Int]]

    init(_ words: [String]) {
        phrases = words.map { Array($0.utf8) }
        var table = [[Int]](repeating: [], count: 256)
        for (k, p) in phrases.enumerated() where !p.isEmpty { table[Int(p[0])].append(k) }
        byFirst = table
    }

    func occurs(in hay: [UInt8]) -> Bool {
        let n = hay.count
        var i = 0
        while i < n {
            let candidates = byFirst[Int(hay[i])]
            if !candidates.isEmpty {
                for k in candidates {
                    let w = phrases[k]
                    if i + w.count <= n {
                        var m = 1
                        while m < w.count && hay[i + m] == w[m] { m += 1 }
                        if m == w.count { return true }
                    }
                }
            }
            i += 1
        }
        return false
    }
}
