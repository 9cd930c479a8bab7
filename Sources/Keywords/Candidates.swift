import ChineseText

/// What the pass over a document's tokens learns of one token. One record per token, written
/// whole (no separate arrays to clear first).
struct TokenFeatures {
    /// `ScalarTable.extend` from the seed over the token's scalars (tokens with a role only):
    /// the tables are probed with it, and the candidates starting at the token grow from it.
    var state: UInt64 = 0
    /// The word's IDF (0 for tokens that are never in a candidate).
    var idf: Float = 0
    /// Weight of an occurrence by position (title, lead sentence).
    var posWeight: Float
    var sentence: Int32
    /// How many words of the IDF table the token's word heads (0 when unknown).
    var heads: UInt16 = 0
    /// `Role` bits; 0 breaks runs.
    var role: UInt8 = 0
}

/// What a token may be in a candidate (bits).
enum Role {
    /// First word of a phrase.
    static let start: UInt8 = 1
    /// A word between the first and the last.
    static let inside: UInt8 = 2
    /// Last word (head) of a phrase.
    static let end: UInt8 = 4
    /// A keyphrase on its own.
    static let alone: UInt8 = 8
    /// Last word only right after a noun (noun + verb compounds: 故障诊断).
    static let verbHead: UInt8 = 16
    /// A name: no verb head after it.
    static let name: UInt8 = 32
}

extension KeywordExtractor {
    enum TokenClass: UInt8 { case breaker, nominal, modifier }

    /// Part-of-speech classes by tag index. Nominal: nouns, names, verbal and adjectival
    /// nouns, Latin words, abbreviations, set phrases, unknown words. Modifier: adjectives,
    /// distinguishing words (非线性), verbs, times. Everything else breaks a run.
    static let classByTag: [TokenClass] = {
        var t = [TokenClass](repeating: .breaker, count: 256)
        for n in ["n", "nz", "ns", "nt", "nr", "nrt", "nrfg", "ng", "vn", "an", "eng", "j", "l", "x"] {
            t[Int(POSTag.index(of: n))] = .nominal
        }
        for m in ["a", "b", "v", "vi", "t"] { t[Int(POSTag.index(of: m))] = .modifier }
        return t
    }()

    /// Places, organizations and person names.
    static let isNameTag: [Bool] = {
        var t = [Bool](repeating: false, count: 256)
        for n in ["ns", "nt", "nr", "nrt", "nrfg"] { t[Int(POSTag.index(of: n))] = true }
        return t
    }()

    static let tagV = POSTag.index(of: "v")
    static let tagVi = POSTag.index(of: "vi")
    static let tagT = POSTag.index(of: "t")
    static let tagX = POSTag.index(of: "x")
    static let tagEng = POSTag.index(of: "eng")
    static let tagW = POSTag.index(of: "w")
    static let tagM = POSTag.index(of: "m")

    /// Segments the document (unless `bodyTokens` gives the body's tokens, see
    /// `documentTokens`) and counts its candidates in one pass over the tokens.
    func candidates(_ s: UnsafeBufferPointer<UInt32>, titleEnd: Int, bodyTokens: [Token]? = nil) -> (CandidateTable, [TokenFeatures]) {
        let tokens = documentTokens(s, titleEnd: titleEnd, bodyTokens: bodyTokens)

        let n = tokens.count
        let t = tuning
        let median = tables.medianIDF
        // Statics read once (each access to a global would check its initialization).
        let classByTag = Self.classByTag
        let isName = Self.isNameTag
        let (tagW, tagX, tagT, tagEng, tagM, tagV, tagVi) = (Self.tagW, Self.tagX, Self.tagT, Self.tagEng, Self.tagM, Self.tagV, Self.tagVi)
        guard let base = s.baseAddress, n > 0 else { return (CandidateTable(expected: 0), []) }
        var roleCount = 0

        // Pass 1: roles, IDF, sentence numbers and position weights.
        let features = [TokenFeatures](unsafeUninitializedCapacity: n) { f, initialized in
        tokens.withUnsafeBufferPointer { tokens in
            var sent: Int32 = 0
            var bodySentence: Int32 = 0 // sentences counted from the body's start
            var inBody = titleEnd == 0
            var prevEnd = 0
            for i in 0..<n {
                let tok = tokens[i]
                let start = tok.start, end = tok.end
                if !inBody && start >= titleEnd { inBody = true; sent += 1; bodySentence = 0 }
                // A line break between tokens ends a sentence.
                if i > 0 {
                    var q = prevEnd
                    while q < start {
                        if s[q] == 0x0A || s[q] == 0x0D { sent += 1; bodySentence += 1; break }
                        q += 1
                    }
                }
                prevEnd = end
                var posWeight: Float = 1
                if start < titleEnd {
                    posWeight = 1 + t.titleWeight
                } else if bodySentence < Int32(t.leadSentences) {
                    posWeight = 1 + t.leadWeight
                }
                f.initializeElement(at: i, to: TokenFeatures(posWeight: posWeight, sentence: sent))
                initialized = i + 1
                let tag = tok.tagIndex
                if tag == tagW {
                    if end - start == 1 && Self.isSentenceEnd(s[start]) { sent += 1; bodySentence += 1 }
                    continue
                }
                let c = classByTag[Int(tag)]
                if c == .breaker { continue }
                let len = end - start
                // Filters by tag, before the IDF lookup.
                if tag == tagX {
                    // Unknown words: only short CJK runs (longer ones are mostly HMM mistakes).
                    if len < 2 || len > t.maxUnknownLength || s[start] < 0x3400 { continue }
                } else if tag == tagT {
                    // Times and dates with numbers are never part of a keyphrase.
                    var numeric = false
                    for q in start..<end where Self.isDigit(s[q]) || Self.isNumeral(s[q]) { numeric = true; break }
                    if numeric { continue }
                } else if tag == tagEng {
                    // A Latin word right after a number is a unit (50 nm, 3 ml); a measure with its
                    // number (667m2, 10mg) has more digits than letters (unlike 5G, 3D, SrAl2O4).
                    if i > 0 && tokens[i - 1].tagIndex == tagM && Self.onlySpaces(s, tokens[i - 1].end, start) { continue }
                    var digits = 0, letters = 0
                    for q in start..<end {
                        if Self.isDigit(s[q]) { digits += 1 } else if s[q] >= 0x41 { letters += 1 }
                    }
                    if digits > letters { continue }
                }
                let isVerb = tag == tagV || tag == tagVi
                if isVerb && len < 2 { continue }
                // One hash of the word for both tables (tokens are never empty).
                let state = ScalarTable.extend(ScalarTable.hashSeed, base + start, len)
                let h = ScalarTable.finish(state)
                var v: Float
                if let e = tables.idf.entry(base + start, len, hash: h) {
                    v = tables.idf.value(at: e)
                    f[i].heads = tables.idf.sideValue(at: e)
                } else {
                    v = median * (tag == tagEng ? t.latinFactor : t.unknownFactor)
                }
                f[i].idf = v
                let listed = stoplist.entry(base + start, len, hash: h).map { stoplist.value(at: $0) } ?? 0
                let generic = v < t.genericIDF || listed != 0
                var r: UInt8
                if listed == 1 {
                    // Stoplisted words are never part of a keyphrase.
                    r = 0
                } else if isVerb {
                    // Content verbs may be in a phrase (分离纯化, 凝聚型菌株) and head a noun + verb
                    // compound (故障诊断); generic verbs (是, 进行, 推进, 加快) break runs.
                    r = generic ? 0 : Role.start | Role.inside | Role.verbHead
                } else if c == .nominal && !(tag == tagEng && len == 1) {
                    r = Role.start | Role.inside | Role.end
                    if !generic && len >= 2 { r |= Role.alone }
                    // A name (place, organization, person) before a verb is its agent, a clause
                    // (腾讯发布), not a noun + verb compound.
                    if isName[Int(tag)] { r |= Role.name }
                } else {
                    // Modifiers (a, b, t, a single Latin letter) never end a phrase; generic ones
                    // (重要, 目前) carry no content and break runs.
                    r = generic ? 0 : Role.start | Role.inside
                }
                f[i].role = r
                f[i].state = state
                if r != 0 { roleCount += 1 }
            }
        }
        }

        // Pass 2: runs of tokens with a role, and their n-grams. (Each word with a role starts
        // a few candidates, many of them repeats: about two table entries per such word.)
        var table = CandidateTable(expected: 2 * roleCount)
        tokens.withUnsafeBufferPointer { tokens in
        features.withUnsafeBufferPointer { f in
            var i = 0
            while i < n {
                if f[i].role == 0 { i += 1; continue }
                var j = i + 1
                while j < n && f[j].role != 0 && f[j].sentence == f[i].sentence && Self.joinable(tokens[j - 1], tokens[j], s) { j += 1 }
                for a in i..<j {
                    let ra = f[a].role
                    guard ra & (Role.start | Role.alone) != 0 else { continue }
                    let startA = tokens[a].start
                    // The hash state of `s[startA ..< hashedEnd]`, extended as candidates grow.
                    var state = f[a].state
                    var hashedEnd = tokens[a].end
                    for b in (a + 1)...min(j, a + t.maxWords) {
                        let last = b - 1
                        let endB = tokens[last].end
                        if endB - startA > t.maxLength { break }
                        if b - a == 1 {
                            if ra & Role.alone == 0 { continue }
                        } else {
                            if ra & Role.start == 0 { break }
                            if last - 1 > a && f[last - 1].role & Role.inside == 0 { break }
                            let rl = f[last].role
                            guard rl & Role.end != 0
                                || (rl & Role.verbHead != 0 && f[last - 1].role & Role.end != 0 && f[last - 1].role & Role.name == 0)
                            else { continue }
                        }
                        state = ScalarTable.extend(state, base + hashedEnd, endB - hashedEnd)
                        hashedEnd = endB
                        table.add(s, start: startA, end: endB, hash: ScalarTable.finish(state), firstToken: a, words: b - a,
                                  weight: f[a].posWeight, sentence: f[a].sentence)
                    }
                }
                i = j
            }
        }
        }
        return (table, features)
    }

    // MARK: Character tests

    /// 。！？；!?;.．… (a lone '.' token is a full stop: the segmenter keeps 3.14 whole).
    @inline(__always)
    static func isSentenceEnd(_ c: UInt32) -> Bool {
        switch c {
        case 0x3002, 0xFF01, 0xFF1F, 0xFF1B, 0x21, 0x3F, 0x3B, 0x2E, 0xFF0E, 0x2026: return true
        default: return false
        }
    }

    @inline(__always)
    static func isDigit(_ c: UInt32) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0xFF10 && c <= 0xFF19)
    }

    /// 〇零一二三四五六七八九十百千万亿两.
    @inline(__always)
    static func isNumeral(_ c: UInt32) -> Bool {
        switch c {
        case 0x3007, 0x96F6, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D,
             0x5341, 0x767E, 0x5343, 0x4E07, 0x4EBF, 0x4E24:
            return true
        default: return false
        }
    }

    /// Whether `s[from..<to]` is one or two spaces.
    @inline(__always)
    static func onlySpaces(_ s: UnsafeBufferPointer<UInt32>, _ from: Int, _ to: Int) -> Bool {
        guard to - from <= 2 else { return false }
        for q in from..<to where s[q] != 0x20 && s[q] != 0xA0 && s[q] != 0x3000 { return false }
        return true
    }

    /// Whether two tokens of a run may be in one phrase: adjacent, or Latin words with one
    /// space between them (deep learning).
    @inline(__always)
    static func joinable(_ a: Token, _ b: Token, _ s: UnsafeBufferPointer<UInt32>) -> Bool {
        if a.end == b.start { return true }
        return a.tagIndex == tagEng && b.tagIndex == tagEng && b.start - a.end == 1 && s[a.end] == 0x20
    }
}
