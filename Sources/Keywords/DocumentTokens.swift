import ChineseText

extension KeywordExtractor {
    /// The tokens of the document `s` (title, a line break, body; `titleEnd` is the title's
    /// length, 0 without a title), in default mode with the HMM.
    ///
    /// With `bodyTokens` (the body segmented alone, offsets in the body) only the title is
    /// segmented, and the body's tokens are shifted past it. That is the segmentation of the
    /// whole document: the segmenter works block by block, blocks end at white space, no unit
    /// (number, Latin word, URL, punctuation run) contains white space, and the only look-behind
    /// (a minus sign after a letter or digit) reads a letter or digit; so the line break after
    /// the title separates the title's blocks from the body's, which start where they start in
    /// the body alone.
    func documentTokens(_ s: UnsafeBufferPointer<UInt32>, titleEnd: Int, bodyTokens: [Token]?) -> [Token] {
        var tokens: [Token] = []
        var scratch = SegmenterScratch()
        defer { scratch.release() }
        guard let bodyTokens else {
            tokens.reserveCapacity(s.count / 2 + 8)
            segmenter.tokenize(scalars: s, mode: .default, hmm: true, into: &tokens, scratch: &scratch)
            return tokens
        }
        tokens.reserveCapacity(bodyTokens.count + titleEnd + 8)
        // The body starts after the title's line break (at 0 without a title).
        let bodyStart = titleEnd > 0 ? titleEnd + 1 : 0
        if titleEnd > 0 {
            segmenter.tokenize(scalars: UnsafeBufferPointer(rebasing: s[0..<titleEnd]), mode: .default, hmm: true,
                               into: &tokens, scratch: &scratch)
        }
        for t in bodyTokens {
            tokens.append(Token(start: t.start + bodyStart, end: t.end + bodyStart, tagIndex: t.tagIndex))
        }
        return tokens
    }
}
