import Foundation

/// Chinese word segmentation: jieba's model (a DAG of dictionary words, the most probable
/// path by dynamic programming, an HMM for runs of unknown characters), with:
///
/// - numbers, Latin words, URLs and e-mail addresses as single tokens, a number joined to a
///   following time or magnitude unit (`2020年`, `12月`, `25%`, `300万`), runs of Chinese
///   numerals as one word (`二○○一年`, `三十一日`);
/// - full-width and half-width forms looked up alike;
/// - a domain lexicon and the administrative divisions in the bundled dictionary;
/// - user dictionaries whose words reliably win;
/// - a search mode that also emits the dictionary words inside long words;
/// - tokens that carry Unicode-scalar offsets into the input.
///
/// A `Segmenter` is immutable and safe to share between threads.
public final class Segmenter: Sendable {
    let trie: FrozenTrie
    let hmm: HMMModel

    /// A segmenter over the given dictionary (its state at this moment).
    public init(dictionary: WordDictionary) throws {
        self.trie = try dictionary.freeze()
        self.hmm = try HMMModel.bundled()
    }

    init(trie: FrozenTrie, hmm: HMMModel) {
        self.trie = trie
        self.hmm = hmm
    }

    /// The segmenter over the bundled dictionary, loaded once per process — from the compiled
    /// cache when it is there (a few milliseconds), else compiled and cached.
    public static func standard() throws -> Segmenter { try standardCache.get() }

    private static let standardCache = LazyResult<Segmenter> {
        let sources = try WordDictionary.bundledSources()
        let key = try BinaryCache.key(sources: sources, version: FrozenTrie.formatVersion)
        let blob = try BinaryCache.blob(name: "dictionary", key: key) {
            try FrozenTrie.serialize(try WordDictionary.loadBundled().storage, key: key)
        }
        let trie = try FrozenTrie(blob: blob) ?? WordDictionary.loadBundled().freeze()
        return Segmenter(trie: trie, hmm: try HMMModel.bundled())
    }

    // MARK: Dictionary queries

    /// Whether `word` is in the segmenter's dictionary.
    public func isWord(_ word: String) -> Bool {
        let n = trie.node(of: word)
        return n != 0 && trie.isWord(n)
    }

    /// Whether the scalars `word` form a dictionary word; the same as `isWord(_:)` on their
    /// string, without building it.
    public func isWord(scalars word: ArraySlice<Unicode.Scalar>) -> Bool {
        let n = trie.node(of: word)
        return n != 0 && trie.isWord(n)
    }

    /// The dictionary frequency of `word` (0 when absent), as in jieba's dictionary.
    public func frequency(of word: String) -> Double {
        let n = trie.node(of: word)
        guard n != 0, trie.isWord(n) else { return 0 }
        return Foundation.exp(Double(trie.logProb[Int(n)]) + trie.logTotal).rounded()
    }

    /// The dictionary's part-of-speech tag of `word`, if it is a word.
    public func dictionaryTag(of word: String) -> String? {
        let n = trie.node(of: word)
        guard n != 0, trie.isWord(n) else { return nil }
        return POSTag.name(trie.tagOf[Int(n)])
    }

    /// A segmenter over the bundled dictionary plus a user dictionary file.
    public static func withUserDictionary(_ url: URL) throws -> Segmenter {
        let d = try WordDictionary.loadBundled()
        try d.addUserDictionary(url: url)
        return try Segmenter(dictionary: d)
    }

    // MARK: Public API

    /// The tokens of `text`, offsets in Unicode scalars.
    public func tokenize(_ text: String, mode: SegmentationMode = .default, hmm: Bool = true) -> [Token] {
        var scalars: [UInt32] = []
        scalars.reserveCapacity(text.utf8.count)
        for s in text.unicodeScalars { scalars.append(s.value) }
        return tokenize(scalars: scalars, mode: mode, hmm: hmm)
    }

    /// The tokens of `scalars` (Unicode scalar values), offsets into them.
    public func tokenize(scalars: [UInt32], mode: SegmentationMode = .default, hmm: Bool = true) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count)
        var scratch = SegmenterScratch()
        scalars.withUnsafeBufferPointer { buf in
            tokenize(scalars: buf, mode: mode, hmm: hmm, into: &tokens, scratch: &scratch)
        }
        scratch.release()
        return tokens
    }

    /// The words of `text` as strings.
    public func cut(_ text: String, mode: SegmentationMode = .default, hmm: Bool = true) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return tokenize(text, mode: mode, hmm: hmm).map { t in
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[t.start..<t.end])
            return String(s)
        }
    }

    /// The fast path: segments scalar values, appending tokens (offsets relative to `scalars`).
    /// `scratch` holds buffers reused between calls; call `scratch.release()` when done.
    public func tokenize(scalars: UnsafeBufferPointer<UInt32>, mode: SegmentationMode, hmm useHMM: Bool,
                         into tokens: inout [Token], scratch: inout SegmenterScratch) {
        let n = scalars.count
        guard n > 0 else { return }
        var i = 0
        while i < n {
            // Skip whitespace between blocks.
            while i < n && Chars.isSpace(scalars[i]) { i += 1 }
            if i >= n { break }
            // A block: units up to whitespace, a sentence break, or the size cap.
            scratch.reserveUnits()
            var p = i
            var count = 0
            scratch.units.withUnsafeMutableBufferPointer { units in
                while p < n && count < Self.maxBlockUnits && !Chars.isSpace(scalars[p]) {
                    let u = Self.scanUnit(scalars, p)
                    units[count] = u
                    count += 1
                    p = Int(u.end)
                    if u.kind == .punct && Chars.isBlockBreak(scalars[Int(u.start)]) { break }
                }
            }
            scratch.unitCount = count
            segmentBlock(scalars, mode: mode, hmm: useHMM, into: &tokens, scratch: &scratch)
            i = p
        }
    }

    static let maxBlockUnits = 4096
    /// Score added per character for user-dictionary words, so that they win.
    static let userBonusPerChar: Double = 20
    /// The frequency given to a run of Chinese numerals not in the dictionary.
    static let numeralFrequency: Double = 100

    // MARK: Units

    enum UnitKind: UInt8 { case cjk, other, punct, number, time, latin, url }

    struct Unit {
        var start: Int32
        var end: Int32
        var kind: UnitKind
    }

    /// Scans one unit at `p`: a URL, a number (with a unit suffix), a Latin word, a run of the
    /// same dash or ellipsis, or one character.
    @inline(__always)
    static func scanUnit(_ s: UnsafeBufferPointer<UInt32>, _ p: Int) -> Unit {
        let c = s[p]
        // The common case first: one CJK character.
        if c >= 0x4E00 && c <= 0x9FFF { return Unit(start: Int32(p), end: Int32(p + 1), kind: .cjk) }
        return scanOther(s, p)
    }

    static func scanOther(_ s: UnsafeBufferPointer<UInt32>, _ p: Int) -> Unit {
        let n = s.count
        let c = s[p]
        if Chars.isASCIILetter(c) || Chars.isDigit(c) {
            if let e = scanURL(s, p) { return Unit(start: Int32(p), end: Int32(e), kind: .url) }
        }
        // A minus sign before a number, not after a letter or digit: －8℃, -3.5
        if (c == 0x2D || c == 0xFF0D || c == 0x2212) && p + 1 < n && Chars.isDigit(s[p + 1])
            && (p == 0 || !(Chars.isDigit(s[p - 1]) || Chars.isASCIILetter(s[p - 1]))) {
            let u = scanUnit(s, p + 1)
            if u.kind == .number { return Unit(start: Int32(p), end: u.end, kind: .number) }
        }
        if Chars.isDigit(c) {
            var e = p + 1
            while e < n {
                let d = s[e]
                if Chars.isDigit(d) { e += 1; continue }
                // Internal separators: 1,000  3.14  12:30  69/70
                if Chars.isNumberSeparator(d) && e + 1 < n && Chars.isDigit(s[e + 1]) { e += 2; continue }
                break
            }
            // Digits followed by letters form a Latin token: 5G, 3D, 128GB.
            if e < n && Chars.isASCIILetter(s[e]) {
                return Unit(start: Int32(p), end: Int32(scanLatin(s, e)), kind: .latin)
            }
            var kind = UnitKind.number
            if e < n && Chars.isPercent(s[e]) {
                e += 1
            } else if e < n, let k = Chars.numberSuffix(s[e]),
                      s[e] != 0x5E74 || isYear(s, p, e) { // 年 only after a year: 2020年, not 10 年
                e += 1
                kind = k ? .time : .number
                // 万亿, 月份
                if e < n && ((s[e] == 0x4EBF && s[e - 1] == 0x4E07) || (s[e] == 0x4EFD && s[e - 1] == 0x6708)) { e += 1 }
            }
            return Unit(start: Int32(p), end: Int32(e), kind: kind)
        }
        if Chars.isASCIILetter(c) {
            return Unit(start: Int32(p), end: Int32(scanLatin(s, p + 1)), kind: .latin)
        }
        if Chars.isCJK(c) || c == 0x25CB { return Unit(start: Int32(p), end: Int32(p + 1), kind: .cjk) }
        if Chars.isRepeatablePunct(c) {
            var e = p + 1
            while e < n && s[e] == c { e += 1 }
            return Unit(start: Int32(p), end: Int32(e), kind: .punct)
        }
        if Chars.isPunct(c) { return Unit(start: Int32(p), end: Int32(p + 1), kind: .punct) }
        return Unit(start: Int32(p), end: Int32(p + 1), kind: .other)
    }

    /// Whether `p..<e` is a year: four digits (1998, ２０２０).
    static func isYear(_ s: UnsafeBufferPointer<UInt32>, _ p: Int, _ e: Int) -> Bool {
        guard e - p == 4 else { return false }
        for q in p..<e where !Chars.isDigit(s[q]) { return false }
        return true
    }

    /// Continues a Latin word from `e`: letters and digits, internal - _ . @ & ' between
    /// alphanumerics, trailing + or # (C++, C#).
    static func scanLatin(_ s: UnsafeBufferPointer<UInt32>, _ start: Int) -> Int {
        let n = s.count
        var e = start
        while e < n {
            let d = s[e]
            if Chars.isASCIILetter(d) || Chars.isDigit(d) { e += 1; continue }
            if Chars.isLatinJoiner(d) && e + 1 < n && (Chars.isASCIILetter(s[e + 1]) || Chars.isDigit(s[e + 1])) { e += 2; continue }
            break
        }
        while e < n && (s[e] == 0x2B || s[e] == 0x23) && e - start < 64 { e += 1 } // + #
        return e
    }

    /// A URL starting at `p` (http://, https://, www.), or an e-mail address; its end.
    static func scanURL(_ s: UnsafeBufferPointer<UInt32>, _ p: Int) -> Int? {
        let n = s.count
        func lower(_ i: Int) -> UInt32 { let c = Chars.halfWidth(s[i]); return c >= 0x41 && c <= 0x5A ? c + 0x20 : c }
        func has(_ prefix: String) -> Bool {
            var i = p
            for u in prefix.unicodeScalars {
                guard i < n, lower(i) == u.value else { return false }
                i += 1
            }
            return true
        }
        var e: Int
        if has("http://") || has("https://") || has("www.") {
            e = p
        } else {
            // e-mail: local@domain.tld
            var q = p
            while q < n && (Chars.isASCIILetter(s[q]) || Chars.isDigit(s[q]) || s[q] == 0x2E || s[q] == 0x5F || s[q] == 0x2D) { q += 1 }
            guard q < n, s[q] == 0x40, q > p else { return nil }
            var r = q + 1
            var dots = 0
            while r < n && (Chars.isASCIILetter(s[r]) || Chars.isDigit(s[r]) || s[r] == 0x2E || s[r] == 0x2D) {
                if s[r] == 0x2E { dots += 1 }
                r += 1
            }
            guard dots > 0, r > q + 3 else { return nil }
            while r > q + 1 && s[r - 1] == 0x2E { r -= 1 }
            return r
        }
        while e < n {
            let c = s[e]
            if c <= 0x20 || c >= 0x7F || c == 0x22 || c == 0x3C || c == 0x3E || c == 0x27 { break }
            e += 1
        }
        // Trailing sentence punctuation is not part of the URL.
        while e > p, let last = Optional(s[e - 1]), last == 0x2E || last == 0x2C || last == 0x3B || last == 0x3A || last == 0x21 || last == 0x3F || last == 0x29 {
            e -= 1
        }
        return e > p + 4 ? e : nil
    }

    // MARK: The DAG and the best path

    private func segmentBlock(_ s: UnsafeBufferPointer<UInt32>, mode: SegmentationMode, hmm useHMM: Bool,
                              into tokens: inout [Token], scratch: inout SegmenterScratch) {
        let count = scratch.unitCount
        guard count > 0 else { return }
        scratch.prepare(count)
        let trie = self.trie
        let unknown = Double(trie.unknownLogProb)
        let numeralScore = Foundation.log(Self.numeralFrequency) - trie.logTotal
        // Right to left: route[i] = best score of units i..<count; next[i] = end of its first word.
        // Per character of the block: its dictionary code, and the unit that ends just before it.
        let blockStart = Int(scratch.units[0].start)
        let blockLength = Int(scratch.units[count - 1].end) - blockStart
        scratch.prepareCodes(blockLength)
        let rootChildren = trie.rootChildren
        scratch.units.withUnsafeBufferPointer { units in
        scratch.codes.withUnsafeMutableBufferPointer { codes in
        scratch.unitEndingAt.withUnsafeMutableBufferPointer { unitEndingAt in
        scratch.route.withUnsafeMutableBufferPointer { route in
        scratch.next.withUnsafeMutableBufferPointer { next in
        scratch.nextTag.withUnsafeMutableBufferPointer { nextTag in
            for q in 0..<blockLength {
                codes[q] = trie.code(s[blockStart + q])
                unitEndingAt[q + 1] = -1
            }
            unitEndingAt[0] = -1
            for k in 0..<count { unitEndingAt[Int(units[k].end) - blockStart] = Int32(k) }
            route[count] = 0
            var i = count - 1
            while i >= 0 {
                let u = units[i]
                var bestTag: UInt8
                switch u.kind {
                case .cjk, .other: bestTag = POSTag.x
                case .punct: bestTag = POSTag.w
                case .latin: bestTag = POSTag.eng
                case .number: bestTag = POSTag.m
                case .time: bestTag = POSTag.t
                case .url: bestTag = POSTag.url
                }
                // The unit alone (jieba scores a non-word as frequency 1).
                var bestEnd = i + 1
                var best = unknown + route[i + 1]
                // Walk the trie from this unit's first character; every word that ends on a
                // unit boundary is an edge of the DAG.
                var node: UInt32 = 0
                var q = Int(u.start) - blockStart
                while q < blockLength {
                    let code = codes[q]
                    if code == 0 { break }
                    node = node == 0 ? (Int(code) < rootChildren.count ? rootChildren[Int(code)] : 0) : trie.child(node, code)
                    if node == 0 { break }
                    q += 1
                    let j = Int(unitEndingAt[q])
                    if j < 0 { continue }
                    let lp = trie.logProb[Int(node)]
                    if lp > -Float.infinity {
                        var score = Double(lp)
                        if trie.isUserWord[Int(node)] {
                            score += Self.userBonusPerChar * Double(q + blockStart - Int(u.start))
                        }
                        let total = score + route[j + 1]
                        if j == i {
                            best = total
                            let t = trie.tagOf[Int(node)]
                            if t != 0 { bestTag = t }
                        } else if total >= best { // ties go to the longer word, as in jieba
                            best = total
                            bestEnd = j + 1
                            bestTag = trie.tagOf[Int(node)]
                        }
                    }
                }
                // A run of Chinese numerals (and a unit after it) as one word.
                if u.kind == .cjk && Chars.isChineseNumeral(s[Int(u.start)]) {
                    var k = i + 1
                    while k < count && units[k].kind == .cjk && Chars.isChineseNumeral(s[Int(units[k].start)]) { k += 1 }
                    var tag = POSTag.m
                    if k < count && units[k].kind == .cjk, let isTime = Chars.numberSuffix(s[Int(units[k].start)]) {
                        k += 1
                        if isTime { tag = POSTag.t }
                    }
                    if k - i >= 2 {
                        let total = numeralScore + route[k]
                        if total > best || (total == best && k > bestEnd) {
                            best = total
                            bestEnd = k
                            bestTag = tag
                        }
                    }
                }
                route[i] = best
                next[i] = Int32(bestEnd)
                nextTag[i] = bestTag
                i -= 1
            }
        }
        }
        }
        }
        }
        }
        emit(s, mode: mode, hmm: useHMM, into: &tokens, scratch: &scratch)
    }

    // MARK: Emitting words, with the HMM for runs of single characters

    private func emit(_ s: UnsafeBufferPointer<UInt32>, mode: SegmentationMode, hmm useHMM: Bool,
                      into tokens: inout [Token], scratch: inout SegmenterScratch) {
        let count = scratch.unitCount
        var bufStart = -1 // first unit of the pending run of single CJK characters
        var i = 0
        while i < count {
            let e = Int(scratch.next[i])
            let u = scratch.units[i]
            if e == i + 1 && u.kind == .cjk {
                if bufStart < 0 { bufStart = i }
                i = e
                continue
            }
            if bufStart >= 0 {
                flush(s, from: bufStart, to: i, hmm: useHMM, into: &tokens, scratch: &scratch)
                bufStart = -1
            }
            let start = Int(u.start)
            let end = Int(scratch.units[e - 1].end)
            if mode == .search { emitSubwords(s, start, end, into: &tokens) }
            tokens.append(Token(start: start, end: end, tagIndex: scratch.nextTag[i]))
            i = e
        }
        if bufStart >= 0 { flush(s, from: bufStart, to: count, hmm: useHMM, into: &tokens, scratch: &scratch) }
    }

    /// Emits units `from..<to` (single CJK characters): through the HMM when the run is longer
    /// than one character and is not itself a word, else one by one.
    private func flush(_ s: UnsafeBufferPointer<UInt32>, from: Int, to: Int, hmm useHMM: Bool,
                       into tokens: inout [Token], scratch: inout SegmenterScratch) {
        let first = Int(scratch.units[from].start)
        let length = to - from
        if length > 1 && useHMM && !isWord(s, first, first + length) {
            scratch.cuts.removeAll(keepingCapacity: true)
            hmm.cut(UnsafeBufferPointer(rebasing: s[first..<(first + length)]), scratch: &scratch.hmm, cuts: &scratch.cuts)
            var start = first
            for c in scratch.cuts {
                let end = first + c
                if end - start == 1 || allStandalone(s, start, end) {
                    // One character, or characters that are each frequent words on their own
                    // (这是, 更大, 一是): the HMM is not trusted to glue them.
                    for k in start..<end { tokens.append(Token(start: k, end: k + 1, tagIndex: scratch.nextTag[from + (k - first)])) }
                } else {
                    tokens.append(Token(start: start, end: end, tagIndex: unknownWordTag(s, start, end)))
                }
                start = end
            }
        } else {
            for k in from..<to {
                let st = Int(scratch.units[k].start)
                tokens.append(Token(start: st, end: st + 1, tagIndex: scratch.nextTag[k]))
            }
        }
    }

    /// The tag of a word the HMM found: a person name when it starts with a common surname
    /// and is two or three characters long, else unknown.
    private func unknownWordTag(_ s: UnsafeBufferPointer<UInt32>, _ start: Int, _ end: Int) -> UInt8 {
        let len = end - start
        if (len == 2 || len == 3) && Chars.isCommonSurname(s[start]) { return POSTag.nr }
        return POSTag.x
    }

    /// Log probability above which a single character counts as a frequent standalone word
    /// (jieba frequency ≈ 20,000 of a 60-million total: 这 是 一 更 大 多 人 图 为 …).
    static let standaloneLogProb = Float(Foundation.log(20_000.0 / 60_000_000.0))

    /// Whether every character of `start..<end` is a frequent single-character word.
    func allStandalone(_ s: UnsafeBufferPointer<UInt32>, _ start: Int, _ end: Int) -> Bool {
        for q in start..<end {
            let code = trie.code(s[q])
            if code == 0 { return false }
            let node = trie.child(0, code)
            if node == 0 || trie.logProb[Int(node)] < Self.standaloneLogProb { return false }
        }
        return true
    }

    /// Whether scalars `start..<end` form a dictionary word.
    func isWord(_ s: UnsafeBufferPointer<UInt32>, _ start: Int, _ end: Int) -> Bool {
        var node: UInt32 = 0
        for q in start..<end {
            let code = trie.code(s[q])
            if code == 0 { return false }
            node = trie.child(node, code)
            if node == 0 { return false }
        }
        return trie.isWord(node)
    }

    /// Search mode: every dictionary word of two or more characters strictly inside `start..<end`.
    private func emitSubwords(_ s: UnsafeBufferPointer<UInt32>, _ start: Int, _ end: Int, into tokens: inout [Token]) {
        guard end - start > 2 else { return }
        for p in start..<(end - 1) {
            var node: UInt32 = 0
            var q = p
            while q < end {
                let code = trie.code(s[q])
                if code == 0 { break }
                node = trie.child(node, code)
                if node == 0 { break }
                q += 1
                if q - p >= 2 && !(p == start && q == end) && trie.isWord(node) {
                    tokens.append(Token(start: p, end: q, tagIndex: trie.tagOf[Int(node)]))
                }
            }
        }
    }
}

/// Buffers reused across segmentation calls (one per thread).
public struct SegmenterScratch {
    var units: [Segmenter.Unit] = []
    var unitCount = 0
    var route: [Double] = []
    var next: [Int32] = []
    var nextTag: [UInt8] = []
    var cuts: [Int] = []
    var hmm = HMMScratch()

    public init() {}

    mutating func reserveUnits() {
        if units.isEmpty {
            units = [Segmenter.Unit](repeating: Segmenter.Unit(start: 0, end: 0, kind: .other), count: Segmenter.maxBlockUnits)
        }
    }

    var codes: [UInt16] = []
    var unitEndingAt: [Int32] = []

    mutating func prepareCodes(_ length: Int) {
        if codes.count < length + 1 {
            codes = [UInt16](repeating: 0, count: length + 1)
            unitEndingAt = [Int32](repeating: -1, count: length + 1)
        }
    }

    mutating func prepare(_ count: Int) {
        if route.count < count + 1 {
            route = [Double](repeating: 0, count: count + 1)
            next = [Int32](repeating: 0, count: count + 1)
            nextTag = [UInt8](repeating: 0, count: count + 1)
        }
    }

    /// Frees the HMM buffers.
    public mutating func release() { hmm.release() }
}
