/// The element names the extractor knows about. Anything else is `.unknown` (its name hash is
/// kept in the node, so `<font>…</font>` or `<o:p>` still open and close correctly).
enum HTMLTag: UInt8, Sendable {
    case unknown = 0
    case text // a text node, not an element
    case root // the document node
    case html, head, body, title, meta, link, base
    case script, style, noscript, iframe, frame, frameset, noframes, noembed, xmp, plaintext
    case svg, math, template, object, embed, applet, canvas, video, audio, source, track, param, map, area, picture
    case form, input, textarea, select, option, optgroup, button, label, fieldset, legend, datalist, output
    case nav, header, footer, aside, menu, dir
    case p, div, span, a, br, hr, img, wbr
    case table, thead, tbody, tfoot, tr, td, th, caption, colgroup, col
    case ul, ol, li, dl, dt, dd
    case h1, h2, h3, h4, h5, h6
    case article, section, main, center, blockquote, pre, address, figure, figcaption, details, summary, dialog, marquee
    case font, b, i, u, s, strong, em, small, big, sub, sup, strike, tt, code, time, abbr, cite, q, mark, ins, del, nobr
    case basefont, bgsound, keygen

    /// Name hash (FNV-1a over the lowercased ASCII name) → tag.
    static let byHash: [UInt64: HTMLTag] = {
        let names: [(String, HTMLTag)] = [
            ("html", .html), ("head", .head), ("body", .body), ("title", .title), ("meta", .meta), ("link", .link),
            ("base", .base), ("script", .script), ("style", .style), ("noscript", .noscript), ("iframe", .iframe),
            ("frame", .frame), ("frameset", .frameset), ("noframes", .noframes), ("noembed", .noembed), ("xmp", .xmp),
            ("plaintext", .plaintext), ("svg", .svg), ("math", .math), ("template", .template), ("object", .object),
            ("embed", .embed), ("applet", .applet), ("canvas", .canvas), ("video", .video), ("audio", .audio),
            ("source", .source), ("track", .track), ("param", .param), ("map", .map), ("area", .area),
            ("picture", .picture), ("form", .form), ("input", .input), ("textarea", .textarea), ("select", .select),
            ("option", .option), ("optgroup", .optgroup), ("button", .button), ("label", .label),
            ("fieldset", .fieldset), ("legend", .legend), ("datalist", .datalist), ("output", .output),
            ("nav", .nav), ("header", .header), ("footer", .footer), ("aside", .aside), ("menu", .menu), ("dir", .dir),
            ("p", .p), ("div", .div), ("span", .span), ("a", .a), ("br", .br), ("hr", .hr), ("img", .img),
            ("wbr", .wbr), ("table", .table), ("thead", .thead), ("tbody", .tbody), ("tfoot", .tfoot), ("tr", .tr),
            ("td", .td), ("th", .th), ("caption", .caption), ("colgroup", .colgroup), ("col", .col), ("ul", .ul),
            ("ol", .ol), ("li", .li), ("dl", .dl), ("dt", .dt), ("dd", .dd), ("h1", .h1), ("h2", .h2), ("h3", .h3),
            ("h4", .h4), ("h5", .h5), ("h6", .h6), ("article", .article), ("section", .section), ("main", .main),
            ("center", .center), ("blockquote", .blockquote), ("pre", .pre), ("address", .address),
            ("figure", .figure), ("figcaption", .figcaption), ("details", .details), ("summary", .summary),
            ("dialog", .dialog), ("marquee", .marquee), ("font", .font), ("b", .b), ("i", .i), ("u", .u), ("s", .s),
            ("strong", .strong), ("em", .em), ("small", .small), ("big", .big), ("sub", .sub), ("sup", .sup),
            ("strike", .strike), ("tt", .tt), ("code", .code), ("time", .time), ("abbr", .abbr), ("cite", .cite),
            ("q", .q), ("mark", .mark), ("ins", .ins), ("del", .del), ("nobr", .nobr), ("basefont", .basefont),
            ("bgsound", .bgsound), ("keygen", .keygen),
        ]
        var d: [UInt64: HTMLTag] = [:]
        for (name, tag) in names { d[HTMLEntities.hash(Array(name.utf8))] = tag }
        return d
    }()

    /// Elements that never have children (`<br>`, `<img>`, `<meta>` …).
    var isVoid: Bool {
        switch self {
        case .area, .base, .br, .col, .embed, .hr, .img, .input, .link, .meta, .param, .source, .track, .wbr,
             .frame, .keygen, .basefont, .bgsound:
            return true
        default:
            return false
        }
    }

    /// Elements whose content is raw text up to the matching end tag (no tags inside).
    var isRawText: Bool {
        switch self {
        case .script, .style, .xmp, .iframe, .noembed, .noframes, .noscript, .textarea, .title, .plaintext:
            return true
        default:
            return false
        }
    }

    /// Raw text in which character references are still decoded (RCDATA).
    var decodesEntitiesInRawText: Bool { self == .title || self == .textarea }

    /// Elements that start a new line of text (a block boundary when linearizing).
    var isBlock: Bool {
        switch self {
        case .root, .html, .body, .p, .div, .br, .hr, .table, .thead, .tbody, .tfoot, .tr, .td, .th, .caption,
             .ul, .ol, .li, .dl, .dt, .dd, .h1, .h2, .h3, .h4, .h5, .h6, .article, .section, .main, .center,
             .blockquote, .pre, .address, .figure, .figcaption, .details, .summary, .dialog, .nav, .header,
             .footer, .aside, .menu, .dir, .form, .fieldset, .legend, .marquee, .frameset, .option, .select:
            return true
        default:
            return false
        }
    }

    /// Start tags that close an open `<p>` (HTML: "close a p element in button scope").
    var closesParagraph: Bool {
        switch self {
        case .address, .article, .aside, .blockquote, .center, .details, .dialog, .dir, .div, .dl, .fieldset,
             .figcaption, .figure, .footer, .form, .h1, .h2, .h3, .h4, .h5, .h6, .header, .hr, .main, .menu, .nav,
             .ol, .p, .pre, .section, .summary, .table, .ul, .li, .dd, .dt, .plaintext, .xmp:
            return true
        default:
            return false
        }
    }

    /// Elements that bound the search for an open element to close ("scope" in HTML parsing).
    var isScopeBoundary: Bool {
        switch self {
        case .root, .html, .table, .td, .th, .caption, .marquee, .object, .applet, .template, .svg, .math:
            return true
        default:
            return false
        }
    }

    var headingLevel: Int {
        switch self {
        case .h1: return 1
        case .h2: return 2
        case .h3: return 3
        case .h4: return 4
        case .h5: return 5
        case .h6: return 6
        default: return 0
        }
    }

    var isTableCell: Bool { self == .td || self == .th }
}
