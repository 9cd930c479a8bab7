import ChineseText
import Foundation

/// Keyphrase extraction for Chinese sci-tech text: TF-IDF against jieba's IDF table, with
/// multi-word phrases, position, a generic-word filter and a sci-tech domain bonus.
///
/// 1. **Tokens.** Title and body are segmented once (`Segmenter.tokenize`). Each token gets a
///    role from its part of speech and IDF (`Candidates.swift`): nouns (n, nz, ns, nt, nr, vn,
///    an, eng, j, l, unknown words of 2–3 characters) may be anywhere in a phrase; modifiers
///    (a, b, t without digits) only start or continue one; a content verb may also head a
///    noun + verb compound (故障诊断, 质量控制 — not after a name: 腾讯发布 is a clause).
///    Punctuation, numbers, dates, units, function words, generic verbs and modifiers (是, 进行,
///    推进, 重要) and the `GenericWords.neverInPhrase` words break runs.
/// 2. **Candidates.** Inside each run (same sentence, no punctuation or space between tokens),
///    every word that may stand alone and every sequence of 2–4 words (≤ 16 characters) with a
///    valid first word and head. They are counted in one pass, keyed by their text (no string
///    per token), each occurrence weighted by position (title ×3, first sentence ×1.5).
/// 3. **Score** = weighted count × specificity × domain bonus. A word's specificity is its IDF
///    (missing words: the table's median, ×0.7 for words only the HMM found), divided by
///    1 + 0.3·log2(1 + h) when it heads h words of the table (模型, 算法: category nouns a
///    modifier completes). A phrase's is the mean IDF of its words × (1 + 0.5 per extra word),
///    halved when it occurs only once (a one-off word sequence is rarely a term). Terms of
///    Kechuang's sci-tech lexicon (`lexicon/scitech.txt`) score ×1.5.
/// 4. **Generic words** never stand alone: IDF below 6 (in more than ~1 in 400 documents of
///    jieba's corpus: 发展, 工作, 建设, 产业, 创新, 推进, 加快) or listed in `GenericWords`.
///    Generic nouns may still be part of a phrase (产业转型升级, 项目管理).
/// 5. **Selection.** Candidates are taken best first. A phrase and a word or phrase inside it
///    name the same thing when the longer one has at least 80 % of the shorter one's
///    occurrences; the longer one is then kept (replacing its part if the part came first).
///    Otherwise a rarer extension is left out, and a part that also stands on its own is kept.
///    Ties are broken by first occurrence, so the order is deterministic.
///
/// Input is simplified Chinese (the IDF table and the lexicon are simplified); convert
/// traditional text first. A `KeywordExtractor` is immutable and safe to share between
/// threads; its tables are loaded once per process (from a compiled cache, see `WordTables`).
public struct KeywordExtractor: Sendable {
    let segmenter: Segmenter
    let tables: WordTables
    let stoplist: ScalarTable
    @_spi(Tuning) public var tuning = KeywordTuning()

    /// An extractor using `segmenter` and the bundled tables (jieba's IDF table and the
    /// sci-tech lexicon of `ChineseText`'s data folder).
    public init(segmenter: Segmenter) throws {
        self.segmenter = segmenter
        self.tables = try WordTables.bundled()
        self.stoplist = GenericWords.table
    }

    /// The `count` best keyphrases of a document, best first. `title` may be nil.
    public func keywords(title: String?, body: String, count: Int = 8) -> [Keyword] {
        keywords(title: title, body: body, count: count, segmented: nil)
    }

    /// `keywords(title:body:count:)` with the body already segmented: `bodyTokens` are
    /// `segmenter.tokenize(body)`'s tokens (default mode, HMM on, offsets in the body's Unicode
    /// scalars), so that a caller that segments the body for other purposes does it once.
    public func keywords(title: String?, body: String, count: Int = 8, bodyTokens: [Token]) -> [Keyword] {
        keywords(title: title, body: body, count: count, segmented: bodyTokens)
    }

    private func keywords(title: String?, body: String, count: Int, segmented: [Token]?) -> [Keyword] {
        guard count > 0 else { return [] }
        return withDocument(title: title, body: body) { s, titleEnd in
            // Selection reads the ranking only until it has `count` keyphrases.
            let ranking = CandidateRanking(scoredUnordered(s, titleEnd: titleEnd, bodyTokens: segmented))
            let chosen = select(ranking, s, count: count)
            return chosen.map { Keyword(text: Self.text(s, $0), score: Double($0.score)) }
        }
    }

    /// Every candidate with its features, best first, before selection (for experiments).
    @_spi(Tuning)
    public func allCandidates(title: String?, body: String) -> [(text: String, score: Double, count: Int, words: Int)] {
        withDocument(title: title, body: body) { s, titleEnd in
            scored(s, titleEnd: titleEnd).map { (Self.text(s, $0), Double($0.score), Int($0.count), Int($0.words)) }
        }
    }

    /// Calls `body` with the document's scalars (title, a line break, body) and the title's length.
    private func withDocument<R>(title: String?, body: String,
                                 _ work: (UnsafeBufferPointer<UInt32>, Int) -> R) -> R {
        // A text has at most as many scalars as UTF-8 bytes.
        let capacity = (title?.utf8.count ?? 0) + body.utf8.count + 1
        var titleEnd = 0
        let scalars = [UInt32](unsafeUninitializedCapacity: capacity) { out, count in
            var w = 0
            if let title, !title.isEmpty {
                Self.write(title, to: out, at: &w)
                titleEnd = w
                out.initializeElement(at: w, to: 0x0A)
                w += 1
            }
            Self.write(body, to: out, at: &w)
            count = w
        }
        return scalars.withUnsafeBufferPointer { work($0, titleEnd) }
    }

    /// Writes the scalar values of `text` to `out` from `w` on, moving `w` past them: decoded
    /// from its UTF-8 bytes (a `String`'s bytes are valid UTF-8, which `UTF8Scan.decode` reads
    /// as `unicodeScalars` does), or read from `unicodeScalars` when the bytes are not contiguous.
    static func write(_ text: String, to out: UnsafeMutableBufferPointer<UInt32>, at w: inout Int) {
        var next = w
        let decoded: Void? = text.utf8.withContiguousStorageIfAvailable { b in
            var i = 0
            while i < b.count {
                out.initializeElement(at: next, to: UTF8Scan.decode(b, &i))
                next += 1
            }
        }
        if decoded == nil {
            for u in text.unicodeScalars {
                out.initializeElement(at: next, to: u.value)
                next += 1
            }
        }
        w = next
    }

    static func text(_ s: UnsafeBufferPointer<UInt32>, _ c: Candidate) -> String {
        var v = String.UnicodeScalarView()
        for k in Int(c.start)..<Int(c.end) { v.append(Unicode.Scalar(s[k]) ?? "\u{FFFD}") }
        return String(v)
    }
}

/// Parameters of the extractor (defaults as documented on `KeywordExtractor`), exposed for
/// experiments only.
@_spi(Tuning)
public struct KeywordTuning: Sendable {
    /// Words with an IDF below this are generic: never a keyword alone.
    public var genericIDF: Float = 6.0
    /// Longest candidate phrase, in words and in scalars.
    public var maxWords = 4
    public var maxLength = 16
    /// Extra weight of an occurrence in the title, and in the lead sentences of the body.
    public var titleWeight: Float = 2
    public var leadWeight: Float = 0.5
    public var leadSentences = 1
    /// A phrase's specificity: mean IDF of its words × (1 + phraseBonus × (words − 1)).
    public var phraseBonus: Float = 0.5
    /// The IDF of words missing from the table, as a fraction of the median: words found
    /// only by the HMM, and Latin words.
    public var unknownFactor: Float = 0.7
    public var latinFactor: Float = 1
    /// Score factor of terms of the sci-tech lexicon.
    public var domainBonus: Float = 1.5
    /// A phrase and a word or phrase inside it name the same thing when the longer one has at
    /// least this share of the shorter one's occurrences.
    public var sameRatio: Float = 0.8
    /// Longest unknown (HMM) word kept, in scalars; longer ones are mostly mis-segmentations.
    public var maxUnknownLength = 3
    /// Score factor of a phrase that occurs only once.
    public var singletonPhraseFactor: Float = 0.5
    /// Single words that head h words of the IDF table have their IDF divided by
    /// 1 + headPenalty × log2(1 + h).
    public var headPenalty: Float = 0.3



    public init() {}
}
