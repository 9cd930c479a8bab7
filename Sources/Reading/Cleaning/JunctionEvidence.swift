import ChineseText

/// `Junction`'s evidence between the lines of one column run, each line's part worked out once.
///
/// `ColumnReassemblyRule` weighs every stray line against every junction, asking
/// `Junction.wordScore` and `Junction.subjectVerbScore` about the same few lines again and again
/// (hundreds of times per page). Both depend on one side only through a summary of it — the
/// ideographs at the end of the left text and at the start of the right one, whether the left
/// text's last word is a subject and whether the right text's first word is a verb — so those
/// summaries are computed once per line (lazily: segmenting is the costly part) and the scores
/// are put together from them exactly as the `String` versions put them together.
struct JunctionEvidence {
    let texts: [String]
    private let seg: Segmenter?
    private var tails: [[Unicode.Scalar]?]
    private var heads: [[Unicode.Scalar]?]
    private var subjects: [Bool?]
    private var verbs: [Bool?]
    /// The segmenter's buffers, shared by all the lines (call `release()` when done).
    private var scratch = SegmenterScratch()

    init(texts: [String]) {
        self.texts = texts
        seg = Shared.segmenter
        tails = Array(repeating: nil, count: texts.count)
        heads = tails
        subjects = Array(repeating: nil, count: texts.count)
        verbs = subjects
    }

    /// `Junction.wordScore(texts[left], texts[right])`.
    mutating func wordScore(_ left: Int, _ right: Int) -> Double {
        guard let seg else { return 0 }
        let l: [Unicode.Scalar]
        if let t = tails[left] { l = t } else { l = Junction.tailIdeographs(texts[left]); tails[left] = l }
        let r: [Unicode.Scalar]
        if let h = heads[right] { r = h } else { r = Junction.headIdeographs(texts[right]); heads[right] = r }
        return Junction.wordScore(tail: l, head: r, seg)
    }

    /// `Junction.subjectVerbScore(texts[left], texts[right])`.
    mutating func subjectVerbScore(_ left: Int, _ right: Int) -> Double {
        guard let seg else { return 0 }
        let subject: Bool
        if let s = subjects[left] { subject = s } else { subject = Junction.endsWithSubject(texts[left], seg, &scratch); subjects[left] = subject }
        guard subject else { return 0 }
        let verb: Bool
        if let v = verbs[right] { verb = v } else { verb = Junction.opensWithVerb(texts[right], seg, &scratch); verbs[right] = verb }
        return verb ? 0.5 : 0
    }

    /// Frees the segmenter's buffers.
    mutating func release() { scratch.release() }
}
