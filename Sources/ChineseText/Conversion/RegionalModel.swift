import Foundation

/// Regional vocabulary for the `auto` profile: which Taiwan / Hong Kong words in a traditional
/// text may be rewritten to their mainland equivalents, and how much regional evidence a text shows.
///
/// ## Why not simply run tw2sp
/// OpenCC's TWPhrasesRev maps Taiwan words to mainland words (軟體→軟件, 網路→網絡), but many of
/// its keys are also ordinary mainland words with their own meaning: 核心 (core; the entry means
/// "kernel" → 內核), 文件 (file/document → 文檔), 複製 (copy → 拷貝), 智慧 (wisdom → 智能),
/// 程序 (→ 進程). Mainland text machine-converted to traditional (a common source of Chinese
/// sci-tech news) contains those words with their mainland meaning, so tw2sp corrupts it
/// (核心技術 → 内核技术). The `auto` profile therefore decides per occurrence.
///
/// ## The mechanism
/// For every entry `T → M` of TWPhrasesRev (and HKPhrasesRev) let `t` and `m` be the plain
/// t2s readings of `T` and `M`, and `f(x)` a mainland frequency of `x` (jieba's dictionary,
/// whose counts come from mainland corpora).
///
/// 1. **Unambiguous regional forms.** `T` is unambiguous when `t` is not itself a common mainland
///    word: `f(t) < 100` and `4·f(t) <= f(m)` (or `f(t) <= 3`). 軟體: f(软体)=30 vs f(软件)=4601 →
///    unambiguous; 核心: f(核心)=4919 vs f(内核)=178 → ambiguous; 智慧 1581 vs 智能 778 → ambiguous.
///    `T` is ambiguous otherwise.
/// 2. **Document-level evidence.** Each occurrence of a regional form scores 2 when unambiguous and
///    1 when merely *leaning* (common on the mainland, `f(t) >= 100`, but `4·f(t) <= f(m)`:
///    程式 197 vs 程序 5610, 資訊 561 vs 信息 12256). Mainland-only words written in traditional
///    characters (keys of TWPhrases / HKPhrases that are not regional words themselves: 網絡, 軟件,
///    信息) score the same way by how distinctive their regional counterpart is. A text *shows*
///    a region's usage when that region scores at least 2 (one unambiguous or two leaning forms),
///    and the region *dominates* when it shows and scores at least twice the mainland score.
/// 3. **Phrase-level evidence** (checked first, for every entry). The up to four Han characters
///    after the match (and before it), read as simplified, are joined to `t` and to `m` and looked
///    up in the mainland lexicon (jieba's dictionary, the project's `lexicon/scitech.txt` and
///    `MainlandLexiconSupplement`: post-2012 vocabulary that jieba lacks). If a compound with `m` exists and is more than twice as frequent as
///    any compound with `t`, the rewrite is supported (智慧+製造: 智能制造 is a lexicon word, 智慧制造
///    is not; 智慧+型: 智能型 13 vs 智慧型 3); if a compound with `t` exists otherwise, the rewrite is
///    vetoed (核心+技術: 核心技术 is a word; 智慧+城市: 智慧城市 is a word). A supported rewrite of an
///    ambiguous form is applied only when the text shows that region's usage.
/// 4. **Decision** for an occurrence without phrase evidence: an unambiguous form is rewritten
///    (its presence is the regional evidence); an ambiguous one is rewritten only when the region
///    dominates and `f(m) > f(t)` (資訊 → 信息, 程式 → 程序, 檔案 → 文件 in genuine Taiwan text),
///    so 核心, 文件, 複製, 智慧 (f(m) < f(t)) always keep their plain reading.
///
/// Entries whose two readings are equal (數據 → 數據, 軟體動物 → 軟體動物) are always taken: they
/// change nothing and, as in OpenCC, shield their substrings from shorter entries.
///
/// On mainland text machine-converted to Taiwan usage (seed 004: 網絡, 在線, 高端, 互聯網 give a
/// mainland score of 72, 軟體 a Taiwan score of 2) only 軟體 → 软件 and the phrase-supported
/// 智慧製造 → 智能制造 are rewritten; 核心技術, 文件, 複製 stay 核心技术, 文件, 复制.
///
/// The result never introduces a regional word: each decision is between OpenCC's rewrite and
/// the plain t2s reading of what is written. Thresholds: `commonFrequency`, `dominanceRatio`.
final class RegionalModel: Sendable {
    let taiwan: RegionalRewriter
    let hongKong: RegionalRewriter
    /// All regional and mainland-only keys, for counting evidence; weights per entry.
    let evidence: PrefixDictionary
    let evidenceWeights: [EvidenceWeights]

    /// Evidence weight of one occurrence: 2 for an unambiguous word, 1 for a leaning one.
    struct EvidenceWeights: Sendable, Equatable {
        var taiwan: UInt8 = 0
        var hongKong: UInt8 = 0
        var mainland: UInt8 = 0
    }

    /// A plain reading counts as a common mainland word from this jieba frequency on.
    static let commonFrequency = 100
    /// The mainland reading must be this many times as frequent as the plain one.
    static let dominanceRatio = 4

    /// The OpenCC dictionaries the model is built from (besides the groups of `AutoSupport`).
    static let dictionaryNames: [String] = {
        typealias N = ConversionStore.Name
        return [N.twPhrasesRev, N.hkPhrasesRev, N.twPhrases, N.hkPhrases] + CharacterReader.dictionaryNames
    }()

    init(store: ConversionStore) throws {
        typealias N = ConversionStore.Name
        let simplify = try store.group(N.simplifyGroup)
        let twVariants = try store.group(N.twVariantGroup)
        let hkVariants = try store.group(N.hkVariantGroup)
        let twRev = try store.dictionary(N.twPhrasesRev)
        let hkRev = try store.dictionary(N.hkPhrasesRev)
        let twFwd = try store.dictionary(N.twPhrases)
        let hkFwd = try store.dictionary(N.hkPhrases)
        let reader = try CharacterReader(store: store)

        func plain(_ key: [UInt32], _ variants: ConversionGroup) -> [UInt32] {
            var w = WorkText(scalars: key, segmentEnds: [Int32(key.count)], sources: [], tracking: false)
            w = variants.apply(w, policy: nil)
            w = simplify.apply(w, policy: nil)
            return w.scalars
        }

        // Plain readings of both sides of every reverse entry.
        struct Reading { var tw: [UInt32]; var ml: [UInt32] }
        let twReadings = (0..<twRev.entryCount).map {
            Reading(tw: plain(twRev.keys[$0], twVariants), ml: plain(twRev.allValues[$0][0], twVariants))
        }
        let hkReadings = (0..<hkRev.entryCount).map {
            Reading(tw: plain(hkRev.keys[$0], hkVariants), ml: plain(hkRev.allValues[$0][0], hkVariants))
        }
        var forms: [[UInt32]] = []
        var formIndex: [[UInt32]: Int] = [:]
        func formID(_ f: [UInt32]) -> Int {
            if let i = formIndex[f] { return i }
            forms.append(f); formIndex[f] = forms.count - 1
            return forms.count - 1
        }
        let twIDs = twReadings.map { (formID($0.tw), formID($0.ml)) }
        let hkIDs = hkReadings.map { (formID($0.tw), formID($0.ml)) }

        // Mainland-only words: keys of TWPhrases / HKPhrases that are not regional words themselves.
        let regionalKeys = Set(twRev.keys + hkRev.keys)
        var mainlandWords: [(key: [UInt32], ml: Int, regional: Int)] = []
        for (fwd, variants) in [(twFwd, twVariants), (hkFwd, hkVariants)] {
            for e in 0..<fwd.entryCount {
                let key = fwd.keys[e]
                let values = fwd.allValues[e]
                if regionalKeys.contains(key) || values.contains(key) { continue }
                let ml = plain(key, variants), regional = plain(values[0], variants)
                if ml == regional { continue }
                mainlandWords.append((key, formID(ml), formID(regional)))
            }
        }

        let lexicon = try MainlandLexicon.compounds(of: forms)
        func unambiguous(regional: FormCompounds, mainland: FormCompounds) -> Bool {
            regional.frequency < RegionalModel.commonFrequency
                && (regional.frequency * RegionalModel.dominanceRatio <= mainland.frequency || regional.frequency <= 3)
        }
        /// 2 when unambiguous; 1 when the regional reading is common but the mainland one still
        /// dominates (程式 197 vs 程序 5610): a leaning form, weak evidence; 0 otherwise.
        func weight(regional: FormCompounds, mainland: FormCompounds) -> UInt8 {
            if unambiguous(regional: regional, mainland: mainland) { return 2 }
            return regional.frequency * RegionalModel.dominanceRatio <= mainland.frequency ? 1 : 0
        }
        func candidates(_ readings: [Reading], _ ids: [(Int, Int)]) -> [RewriteCandidate] {
            zip(readings, ids).map { r, id in
                let tw = lexicon[id.0], ml = lexicon[id.1]
                let changes = r.tw != r.ml
                return RewriteCandidate(changes: changes, unambiguous: changes && unambiguous(regional: tw, mainland: ml),
                                        evidence: changes ? weight(regional: tw, mainland: ml) : 0,
                                        plain: tw, rewritten: ml)
            }
        }
        let twCandidates = candidates(twReadings, twIDs)
        let hkCandidates = candidates(hkReadings, hkIDs)
        taiwan = RegionalRewriter(region: .taiwan, dictionary: twRev, candidates: twCandidates, reader: reader)
        hongKong = RegionalRewriter(region: .hongKong, dictionary: hkRev, candidates: hkCandidates, reader: reader)

        // Evidence keys: regional forms (flagged when unambiguous; ambiguous and identity entries are
        // kept unflagged so that longest match still shields their substrings), then mainland-only words.
        var keyOrder: [[UInt32]] = []
        var keyWeights: [[UInt32]: EvidenceWeights] = [:]
        func add(_ key: [UInt32], _ update: (inout EvidenceWeights) -> Void) {
            if keyWeights[key] == nil { keyOrder.append(key); keyWeights[key] = EvidenceWeights() }
            update(&keyWeights[key, default: EvidenceWeights()])
        }
        for (i, c) in twCandidates.enumerated() { add(twRev.keys[i]) { $0.taiwan = max($0.taiwan, c.evidence) } }
        for (i, c) in hkCandidates.enumerated() { add(hkRev.keys[i]) { $0.hongKong = max($0.hongKong, c.evidence) } }
        // A mainland word is evidence as strong as its regional counterpart is distinctive:
        // 網絡 (Taiwan 網路) counts 2, 信息 (Taiwan 資訊, common on the mainland too) 1,
        // 聲明 (Taiwan 宣告, an ordinary mainland word) 0.
        for w in mainlandWords {
            let wt = weight(regional: lexicon[w.regional], mainland: lexicon[w.ml])
            if wt > 0 { add(w.key) { $0.mainland = max($0.mainland, wt) } }
        }
        evidence = PrefixDictionary(
            name: "regional-evidence", entries: keyOrder.map { DictionaryEntry(key: $0, values: [[0]]) })
        evidenceWeights = keyOrder.map { keyWeights[$0] ?? EvidenceWeights() }
    }

    /// Scores Taiwan, Hong Kong and mainland-only vocabulary by forward longest match
    /// (2 per unambiguous occurrence, 1 per leaning one).
    func vocabularyEvidence(_ s: UnsafeBufferPointer<UInt32>) -> (tw: Int, hk: Int, ml: Int) {
        var tw = 0, hk = 0, ml = 0
        var i = 0
        let n = s.count
        evidence.rootBMP.withUnsafeBufferPointer { roots in
            while i < n {
                let c = s[i]
                if c < 0x10000 && roots[Int(c)] < 0 { i += 1; continue }
                if let m = evidence.longestMatch(s, i, n) {
                    let w = evidenceWeights[Int(m.entry)]
                    tw += Int(w.taiwan)
                    hk += Int(w.hongKong)
                    ml += Int(w.mainland)
                    i += m.length
                } else {
                    i += 1
                }
            }
        }
        return (tw, hk, ml)
    }
}

/// Document-level switches for `RegionalRewriter`, derived from a `ScriptReport`.
struct RewritePolicy: Sendable, Equatable {
    var taiwanShown = false
    var taiwanDominant = false
    var hongKongShown = false
    var hongKongDominant = false

    init(report: ScriptReport) {
        taiwanShown = report.taiwanVocabulary >= 2
        hongKongShown = report.hongKongVocabulary >= 2
        taiwanDominant = taiwanShown && report.taiwanVocabulary >= 2 * report.mainlandVocabulary
        hongKongDominant = hongKongShown && report.hongKongVocabulary >= 2 * report.mainlandVocabulary
    }

    init() {}
}

/// One reverse-phrase entry with the lexicon facts about its two readings.
struct RewriteCandidate: Sendable {
    /// The rewrite changes the simplified output (identity entries only shield substrings).
    let changes: Bool
    let unambiguous: Bool
    /// Evidence weight of an occurrence (2 unambiguous, 1 leaning, 0 none).
    let evidence: UInt8
    /// Whether either reading has lexicon compounds (phrase-level evidence is possible).
    var hasCompounds: Bool {
        !(plain.next.isEmpty && plain.previous.isEmpty && rewritten.next.isEmpty && rewritten.previous.isEmpty)
    }
    /// Lexicon facts about the plain reading `t` and the rewritten reading `m`.
    let plain: FormCompounds
    let rewritten: FormCompounds
}

/// Mainland-lexicon facts about one simplified form: its frequency and the compounds it starts
/// (`next`: the rest of the compound → frequency) or ends (`previous`).
struct FormCompounds: Sendable {
    var frequency = 0
    var next: [[UInt32]: Int] = [:]
    var previous: [[UInt32]: Int] = [:]
}

/// Plays the part of TWPhrasesRev / HKPhrasesRev in the `auto` profile's dictionary group:
/// tries the matches at a position from the longest down and takes the first one the policy
/// accepts; when none is accepted the group falls through to its next dictionary, exactly as
/// if the entry did not exist.
final class RegionalRewriter: Sendable {
    let region: Region
    let dictionary: PrefixDictionary
    let candidates: [RewriteCandidate]
    let reader: CharacterReader

    init(region: Region, dictionary: PrefixDictionary, candidates: [RewriteCandidate], reader: CharacterReader) {
        self.region = region
        self.dictionary = dictionary
        self.candidates = candidates
        self.reader = reader
    }

    func match(_ s: UnsafeBufferPointer<UInt32>, _ i: Int, _ segEnd: Int, policy: RewritePolicy?)
        -> (length: Int, entry: Int32)?
    {
        guard let longest = dictionary.longestMatch(s, i, segEnd) else { return nil }
        if accept(longest.entry, at: i, length: longest.length, in: s, policy: policy) { return longest }
        for m in dictionary.allMatches(s, i, segEnd).dropFirst()
        where accept(m.entry, at: i, length: m.length, in: s, policy: policy) {
            return m
        }
        return nil
    }

    enum Verdict { case rewrite, keep, none }

    func accept(_ entry: Int32, at i: Int, length: Int, in s: UnsafeBufferPointer<UInt32>, policy: RewritePolicy?) -> Bool {
        let c = candidates[Int(entry)]
        if !c.changes { return true }
        if c.unambiguous && !c.hasCompounds { return true }
        let p = policy ?? RewritePolicy()
        let shown = region == .taiwan ? p.taiwanShown : p.hongKongShown
        let dominant = region == .taiwan ? p.taiwanDominant : p.hongKongDominant
        switch phraseVerdict(c, at: i, length: length, in: s) {
        case .keep: return false
        case .rewrite: return shown || c.unambiguous
        case .none: break
        }
        if c.unambiguous { return true }
        return dominant && c.rewritten.frequency > c.plain.frequency
    }

    /// Compares compounds of the two readings with the neighbouring characters.
    func phraseVerdict(_ c: RewriteCandidate, at i: Int, length: Int, in s: UnsafeBufferPointer<UInt32>) -> Verdict {
        if !c.hasCompounds { return .none }
        let span = MainlandLexicon.maxExtension
        var after: [UInt32] = []
        var j = i + length
        while after.count < span && j < s.count && ScriptDetector.isHan(s[j]) {
            after.append(reader.simplified(s[j])); j += 1
        }
        var before: [UInt32] = []
        j = i - 1
        while before.count < span && j >= 0 && ScriptDetector.isHan(s[j]) {
            before.append(reader.simplified(s[j])); j -= 1
        }
        before.reverse()
        var plain = 0, rewritten = 0
        if !after.isEmpty {
            for k in 1...after.count {
                let x = Array(after[0..<k])
                plain = max(plain, c.plain.next[x] ?? 0)
                rewritten = max(rewritten, c.rewritten.next[x] ?? 0)
            }
        }
        if !before.isEmpty {
            for k in 1...before.count {
                let x = Array(before[(before.count - k)...])
                plain = max(plain, c.plain.previous[x] ?? 0)
                rewritten = max(rewritten, c.rewritten.previous[x] ?? 0)
            }
        }
        if plain == 0 && rewritten == 0 { return .none }
        return rewritten > 2 * plain ? .rewrite : .keep
    }
}

/// Reads one traditional character as simplified (regional variant → OpenCC form → simplified),
/// for looking neighbouring characters up in the mainland lexicon.
final class CharacterReader: Sendable {
    let variants: [PrefixDictionary]
    let characters: [PrefixDictionary]

    static let dictionaryNames: [String] = {
        typealias N = ConversionStore.Name
        return [N.twVariantsRev, N.hkVariantsRev, N.tsCharacters, N.tsCharactersExt]
    }()

    init(store: ConversionStore) throws {
        typealias N = ConversionStore.Name
        variants = [try store.dictionary(N.twVariantsRev), try store.dictionary(N.hkVariantsRev)]
        characters = [try store.dictionary(N.tsCharacters), try store.dictionary(N.tsCharactersExt)]
    }

    func simplified(_ c: UInt32) -> UInt32 {
        var c = c
        for d in variants {
            if let e = d.singleEntry(c), d.valueRange(e).count == 1 { c = d.valuePool[d.valueRange(e).lowerBound]; break }
        }
        for d in characters {
            if let e = d.singleEntry(c), d.valueRange(e).count == 1 { return d.valuePool[d.valueRange(e).lowerBound] }
        }
        return c
    }
}

/// Mainland word frequencies from jieba's dictionary (`word freq tag` a line), the project's
/// sci-tech lexicon and `MainlandLexiconSupplement`, read once and reduced to what the regional
/// model needs: the frequency of each form and the compounds that begin or end with it.
enum MainlandLexicon {
    /// Longest compound extension considered, in characters.
    static let maxExtension = 4
    static let jiebaDictionary = "jieba/dict.txt"
    /// Kechuang's sci-tech lexicon (智能制造, 智慧城市, 大数据…), read when present.
    static let projectLexicon = "lexicon/scitech.txt"

    /// Reads a `word freq [tag]` list (jieba's format; blank lines and `#` comments skipped).
    static func scanWordList(
        _ file: (path: String, bytes: [UInt8]), _ add: (UnsafeBufferPointer<UInt32>, Int) -> Void
    ) throws {
        try file.bytes.withUnsafeBufferPointer { buf in
            var word: [UInt32] = []
            word.reserveCapacity(32)
            var start = 0
            var lineNo = 0
            let n = buf.count
            while start < n {
                lineNo += 1
                var end = start
                while end < n && buf[end] != 0x0A { end += 1 }
                defer { start = end + 1 }
                var lineEnd = end
                if lineEnd > start && buf[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                if lineEnd == start || buf[start] == UInt8(ascii: "#") { continue }
                var sp = start
                while sp < lineEnd && buf[sp] != 0x20 && buf[sp] != 0x09 { sp += 1 }
                var freq = 0
                var k = sp + 1
                var digits = 0
                while k < lineEnd, buf[k] >= 0x30, buf[k] <= 0x39 {
                    freq = min(freq * 10 + Int(buf[k] - 0x30), 1 << 40); k += 1; digits += 1
                }
                guard sp > start, digits > 0, k >= lineEnd || buf[k] == 0x20 || buf[k] == 0x09 else {
                    throw ChineseTextError.invalidData(path: file.path, line: lineNo, reason: "expected 'word frequency [tag]'")
                }
                guard UTF8Scalars.decode(buf, start, sp, into: &word) else {
                    throw ChineseTextError.invalidData(path: file.path, line: lineNo, reason: "invalid UTF-8")
                }
                word.withUnsafeBufferPointer { add($0, freq) }
            }
        }
    }

    static func compounds(of forms: [[UInt32]]) throws -> [FormCompounds] {
        var result = [FormCompounds](repeating: FormCompounds(), count: forms.count)
        let index = ScalarSequenceIndex(forms)
        var prefixPairs: [(node: Int32, scalar: UInt32, child: Int32)] = []
        var suffixPairs: [(node: Int32, scalar: UInt32, child: Int32)] = []
        for f in forms where f.count >= 2 {
            prefixPairs.append((Int32(bitPattern: f[0]), f[1], 0))
            suffixPairs.append((Int32(bitPattern: f[f.count - 2]), f[f.count - 1], 0))
        }
        // Pair tables: is (w0, w1) the start / end of some form with at least two scalars?
        let prefixes = EdgeTable(edges: prefixPairs)
        let suffixes = EdgeTable(edges: suffixPairs)

        func add(_ w: UnsafeBufferPointer<UInt32>, _ freq: Int) {
            let n = w.count
            if n == 0 { return }
            if n == 1 {
                if let id = index.lookup(w, 0, 1) { result[id].frequency = max(result[id].frequency, freq) }
                return
            }
            if prefixes.child(Int32(bitPattern: w[0]), w[1]) >= 0 {
                for p in 2...n where n - p <= maxExtension {
                    guard let id = index.lookup(w, 0, p) else { continue }
                    if p == n {
                        result[id].frequency = max(result[id].frequency, freq)
                    } else {
                        let rest = Array(w[p...])
                        result[id].next[rest] = max(result[id].next[rest] ?? 0, freq)
                    }
                }
            }
            if n >= 3 && suffixes.child(Int32(bitPattern: w[n - 2]), w[n - 1]) >= 0 {
                for p in 1...(n - 2) where p <= maxExtension {
                    guard let id = index.lookup(w, p, n) else { continue }
                    let head = Array(w[0..<p])
                    result[id].previous[head] = max(result[id].previous[head] ?? 0, freq)
                }
            }
        }

        try scanWordList(try ConversionDataFile.read(jiebaDictionary), add)
        // The project's own sci-tech lexicon (same format), when installed.
        if (try? ResourceLocator.url(for: projectLexicon)) != nil {
            try scanWordList(try ConversionDataFile.read(projectLexicon), add)
        }
        for (w, f) in MainlandLexiconSupplement.words {
            UTF8Scalars.scalars(w).withUnsafeBufferPointer { add($0, f) }
        }
        return result
    }
}

/// Open-addressing index from scalar sequences to their position in a list, looked up by a
/// slice of a buffer without allocating.
struct ScalarSequenceIndex {
    private let forms: [[UInt32]]
    private let slots: [Int32]
    private let mask: Int

    init(_ forms: [[UInt32]]) {
        self.forms = forms
        var size = 16
        while size < forms.count * 2 { size <<= 1 }
        var slots = [Int32](repeating: -1, count: size)
        let mask = size - 1
        for (id, f) in forms.enumerated() where !f.isEmpty {
            let dup: Bool = f.withUnsafeBufferPointer { p in
                var i = Int(truncatingIfNeeded: ScalarSequenceIndex.hash(p, 0, p.count)) & mask
                while slots[i] >= 0 {
                    if forms[Int(slots[i])] == f { return true }
                    i = (i + 1) & mask
                }
                slots[i] = Int32(id)
                return false
            }
            _ = dup
        }
        self.slots = slots
        self.mask = mask
    }

    @inline(__always)
    static func hash(_ p: UnsafeBufferPointer<UInt32>, _ start: Int, _ end: Int) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for i in start..<end { h = (h ^ UInt64(p[i])) &* 0x0000_0100_0000_01B3 }
        return (h ^ (h >> 31)) &* 0x9E37_79B9_7F4A_7C15 >> 7
    }

    /// The id of the form equal to `p[start..<end]`.
    func lookup(_ p: UnsafeBufferPointer<UInt32>, _ start: Int, _ end: Int) -> Int? {
        var i = Int(truncatingIfNeeded: ScalarSequenceIndex.hash(p, start, end)) & mask
        while true {
            let id = slots[i]
            if id < 0 { return nil }
            let f = forms[Int(id)]
            if f.count == end - start {
                var equal = true
                for k in 0..<f.count where f[k] != p[start + k] { equal = false; break }
                if equal { return Int(id) }
            }
            i = (i + 1) & mask
        }
    }
}
