import ChineseText

/// An article body segmented once for all the components that need its words: the search-mode
/// tokens (for the taxonomy's word boundaries) and, derived from them, the default-mode tokens
/// (for entities and keywords).
struct BodySegmentation {
    /// The body's Unicode scalar values.
    let scalars: [UInt32]
    /// `tokenize(scalars:mode: .search, hmm: true, …)`.
    let searchTokens: [Token]
    /// `tokenize(scalars:mode: .default, hmm: true, …)`, taken from `searchTokens`.
    let defaultTokens: [Token]

    init(_ text: String, segmenter: Segmenter) {
        var scalars: [UInt32] = []
        scalars.reserveCapacity(text.utf8.count)
        for u in text.unicodeScalars { scalars.append(u.value) }
        let tokens = segmenter.tokenize(scalars: scalars, mode: .search, hmm: true)
        self.scalars = scalars
        self.searchTokens = tokens
        self.defaultTokens = Self.defaultTokens(fromSearch: tokens)
    }

    /// The default-mode tokens inside search-mode tokens. Search mode is default mode plus, just
    /// before each long word, dictionary words strictly inside it; nothing else depends on the
    /// mode. Walking backwards, a token inside the last default token seen is one of those
    /// (default tokens do not overlap, so none lies inside a later one).
    static func defaultTokens(fromSearch tokens: [Token]) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(tokens.count)
        var host = (start: Int.max, end: Int.max)
        for t in tokens.reversed() {
            if t.start >= host.start && t.end <= host.end { continue }
            host = (t.start, t.end)
            out.append(t)
        }
        out.reverse()
        return out
    }
}
