import Foundation
import ChineseText

/// A technology found in a text.
public struct TechnologyMention: Sendable, Hashable {
    /// The canonical term (人工智能 for AI, 人工智慧 and 人工智能).
    public var term: String
    /// Its technology category.
    public var category: TechnologyCategory
    /// Its top category in the 2018 strategic emerging industries classification.
    public var industryCategory: StrategicIndustryCategory
    /// How many times it is mentioned (`mentions.count`).
    public var count: Int
    /// Where, in Unicode-scalar offsets into the text. An abbreviation glossed in brackets,
    /// `VR(虚拟现实)` or `虚拟现实（VR）`, is one mention spanning the whole.
    public var mentions: [TextSpan]
    /// The distinct forms found, as written in the text, in order of first appearance.
    public var forms: [String]
}

/// Finds the technologies of the taxonomy in Chinese text.
///
/// Forms are matched on the segmenter's word boundaries (see `SegmentedText`), longest
/// first, and counted per canonical term. Latin forms (AI, 5G, IoT) match case-insensitively
/// and only as whole words. Loading takes a few tens of milliseconds (the segmenter's
/// dictionary included); a 10 KB article then takes well under a millisecond, segmentation
/// included. A matcher is immutable and can be shared between threads.
///
/// Input should be simplified Chinese (the `Reading` pipeline's clean text is); for raw
/// traditional text, convert with `ChineseConverter.convertMapped` and map the spans back.
///
/// Technology files (TSV, UTF-8, `#` comments, a header line required):
///
///     term<TAB>canonical<TAB>category<TAB>aliases<TAB>industry_code
///
/// - `term`: a form to find; one row per term.
/// - `canonical`: the name it counts under; empty means the term itself. Rows sharing a
///   canonical name (3D打印 → 增材制造) must agree on category and code.
/// - `category`: one of `TechnologyCategory` (人工智能, 新一代通信, …).
/// - `aliases`: more forms, separated by `|`.
/// - `industry_code`: `1`…`9` (top categories of 战略性新兴产业分类（2018）) or `other`.
///
/// Later files add to or override earlier ones: a row whose term is already defined replaces
/// that row (aliases, category, code), and a form that meant another canonical term now
/// means the new one. Within one file, a repeated term or a form naming two canonical terms
/// is an error.
public struct TechnologyMatcher: Sendable {
    /// Every technology, in file order.
    public let terms: [TechnologyTerm]
    let trie: PhraseTrie
    let segmenter: Segmenter
    private let termIndex: [String: Int]

    /// The bundled taxonomy (`technologies.tsv`), loaded once per process.
    public static func bundled() throws -> TechnologyMatcher { try bundledResult.get() }

    private static let bundledResult = Result<TechnologyMatcher, any Error> { try TechnologyMatcher(files: []) }

    /// The bundled taxonomy plus user files in the same format, applied in order: their rows
    /// add terms or override the bundled ones. Throws `TaxonomyError` naming the file and
    /// line of a malformed row.
    public init(files: [URL]) throws {
        try self.init(files: [try TechnologyTaxonomy.bundledURL()] + files, includeBundled: false)
    }

    /// The given files, after the bundled one when `includeBundled` is true, else alone (a
    /// taxonomy of one's own).
    public init(files: [URL], includeBundled: Bool) throws {
        let urls = includeBundled ? [try TechnologyTaxonomy.bundledURL()] + files : files
        var parsed: [[TechnologyTaxonomy.Row]] = []
        for (i, url) in urls.enumerated() {
            parsed.append(try TechnologyTaxonomy.parse(TSV.read(url, columns: TechnologyTaxonomy.columns), file: i))
        }
        try self.init(terms: TechnologyTaxonomy.merge(parsed), segmenter: Fold.standardSegmenter())
    }

    init(terms: [TechnologyTerm], segmenter: Segmenter) {
        var trie = PhraseTrie()
        var index: [String: Int] = [:]
        for (i, t) in terms.enumerated() {
            index[t.canonical] = i
            for form in t.forms { trie.insert(Fold.key(form), payload: Int32(i)) }
        }
        self.terms = terms
        self.trie = trie
        self.segmenter = segmenter
        self.termIndex = index
    }

    /// The term with this canonical name.
    public func term(named canonical: String) -> TechnologyTerm? {
        termIndex[canonical].map { terms[$0] }
    }

    /// The number of forms besides the canonical names (aliases and variant terms).
    public var aliasCount: Int { terms.reduce(0) { $0 + $1.forms.count - 1 } }

    /// The technologies mentioned in `text`, most mentioned first (ties: first mention first).
    public func match(_ text: String) -> [TechnologyMention] {
        match(SegmentedText(text, segmenter: segmenter))
    }

    /// The technologies mentioned in an already segmented text.
    public func match(_ text: SegmentedText) -> [TechnologyMention] {
        let raw = mergeGlosses(trie.matches(in: text), text)
        var slot: [Int32: Int] = [:]
        var out: [TechnologyMention] = []
        var formSeen: [[TextSpan]] = []
        for m in raw {
            let span = TextSpan(start: m.start, end: m.end)
            let k: Int
            if let existing = slot[m.payload] {
                k = existing
                out[k].count += 1
                out[k].mentions.append(span)
            } else {
                let t = terms[Int(m.payload)]
                k = out.count
                slot[m.payload] = k
                out.append(TechnologyMention(term: t.canonical, category: t.category, industryCategory: t.industryCategory,
                                             count: 1, mentions: [span], forms: []))
                formSeen.append([])
            }
            for formSpan in [m.form, m.gloss] {
                guard let formSpan else { continue }
                // Most mentions repeat a form already seen: compare scalars before making a string.
                if formSeen[k].contains(where: { text.original[$0.start..<$0.end].elementsEqual(text.original[formSpan.start..<formSpan.end]) }) {
                    continue
                }
                formSeen[k].append(formSpan)
                out[k].forms.append(text.text(of: formSpan))
            }
        }
        // Stable: equal counts keep the order of first mention.
        return out.enumerated().sorted { a, b in
            a.element.count != b.element.count ? a.element.count > b.element.count : a.offset < b.offset
        }.map(\.element)
    }

    struct Found {
        var start: Int
        var end: Int
        /// The form found, and the second form of a glossed abbreviation.
        var form: TextSpan
        var gloss: TextSpan?
        var payload: Int32
    }

    /// `VR(虚拟现实)`, `虚拟现实（VR）`: two forms of one term, the second in brackets right
    /// after the first, are one mention.
    private func mergeGlosses(_ matches: [PhraseTrie.Match], _ text: SegmentedText) -> [Found] {
        var out: [Found] = []
        out.reserveCapacity(matches.count)
        let s = text.folded
        var k = 0
        while k < matches.count {
            let a = matches[k]
            if k + 1 < matches.count {
                let b = matches[k + 1]
                if b.payload == a.payload && b.start == a.end + 1 && s[a.end] == 0x28 && b.end < s.count && s[b.end] == 0x29 {
                    out.append(Found(start: a.start, end: b.end + 1, form: TextSpan(start: a.start, end: a.end),
                                      gloss: TextSpan(start: b.start, end: b.end), payload: a.payload))
                    k += 2
                    continue
                }
            }
            out.append(Found(start: a.start, end: a.end, form: TextSpan(start: a.start, end: a.end), gloss: nil, payload: a.payload))
            k += 1
        }
        return out
    }
}
