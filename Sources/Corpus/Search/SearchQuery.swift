import ChineseText

/// A search over the corpus: words or phrases (all must match) and filters.
public struct SearchQuery: Sendable {
    /// The user's text: space-separated terms, each matched as a phrase of its words
    /// (西部科学城 → "西部 科学城"); a term in double quotes is one phrase too. May be empty
    /// when filters are given.
    public var text: String
    /// Publication day bounds, inclusive (YYYY-MM-DD, YYYY-MM or YYYY).
    public var from: String?
    public var to: String?
    /// Articles with an event of this type (cooperation, approval, …).
    public var eventType: String?
    /// Articles mentioning this entity (a name or an alias: 北大 finds 北京大学).
    public var entity: String?
    /// Articles with this technology (term as in the taxonomy).
    public var technology: String?
    /// Articles in this industry (a specific industry or one of the nine categories).
    public var industry: String?
    public var limit: Int

    public init(text: String, from: String? = nil, to: String? = nil, eventType: String? = nil, entity: String? = nil,
                technology: String? = nil, industry: String? = nil, limit: Int = 20) {
        self.text = text
        self.from = from
        self.to = to
        self.eventType = eventType
        self.entity = entity
        self.technology = technology
        self.industry = industry
        self.limit = limit
    }

    /// The FTS5 MATCH expression: each term a quoted phrase of its words, all terms required;
    /// nil when the text has no searchable word.
    func matchExpression(segmenter: Segmenter) -> String? {
        var phrases: [String] = []
        for term in Self.terms(text) {
            let words = segmenter.cut(term, mode: .default, hmm: true).filter { w in
                w.unicodeScalars.contains { CharClass.isCJK($0.value) || CharClass.isDigit($0.value) || CharClass.isLatinLetter($0.value) }
            }
            guard !words.isEmpty else { continue }
            phrases.append("\"" + words.map { $0.replacingOccurrences(of: "\"", with: "") }.joined(separator: " ") + "\"")
        }
        return phrases.isEmpty ? nil : phrases.joined(separator: " AND ")
    }

    /// The words of the query (for highlighting), longest first.
    func words(segmenter: Segmenter) -> [String] {
        var out = Set<String>()
        for term in Self.terms(text) {
            out.insert(term)
            for w in segmenter.cut(term, mode: .default, hmm: true)
            where w.unicodeScalars.contains(where: { CharClass.isCJK($0.value) || CharClass.isDigit($0.value) || CharClass.isLatinLetter($0.value) }) {
                out.insert(w)
            }
        }
        return out.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
    }

    /// Space-separated terms; "quoted text" stays one term.
    static func terms(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        var quoted = false
        for ch in text {
            if ch == "\"" || ch == "“" || ch == "”" { quoted.toggle(); continue }
            if !quoted && (ch == " " || ch == "\u{3000}" || ch == "\t") {
                if !current.isEmpty { out.append(current); current = "" }
            } else {
                current.append(ch)
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// Lower and upper day bounds for partial dates: 2020 → 2020-01-01 / 2020-12-31.
    static func lowerDay(_ s: String) -> String {
        switch s.count { case 4: return s + "-01-01"; case 7: return s + "-01"; default: return s }
    }
    static func upperDay(_ s: String) -> String {
        switch s.count { case 4: return s + "-12-31"; case 7: return s + "-31"; default: return s }
    }
}

/// One search result.
public struct SearchHit: Sendable, Codable, Equatable {
    public var id: Int64
    public var title: String?
    public var source: String?
    public var published: String?
    public var path: String
    public var part: Int
    /// BM25 score (lower is better, as SQLite reports it); 0 without a text query.
    public var rank: Double
    /// The best passage, with matches in 【】.
    public var snippet: String
    /// The article this one reprints, if it is a near-duplicate.
    public var duplicateOf: Int64?

    enum CodingKeys: String, CodingKey {
        case id, title, source, published, path, part, rank, snippet
        case duplicateOf = "duplicate_of"
    }
}
