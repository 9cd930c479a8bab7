import ChineseText

/// `doubled-heading`: headings printed twice and glued into the text (a record's one-line body:
/// …起到重要支撑作用。建人工智能创新发展试验区建人工智能创新发展试验区发挥“头雁”效应发挥“头雁”效应今年3月，…).
/// Each doubled heading becomes one heading paragraph; the text after it a new paragraph.
struct DoubledHeadingRule: CleaningRule {
    let name = "doubled-heading"

    /// The shortest L (3…30) with a[p..<p+L] == a[p+L..<p+2L], where the piece has no sentence
    /// or clause punctuation and at least two ideographs.
    static func doubled(_ a: [Unicode.Scalar], at p: Int) -> Int? {
        let n = a.count
        var L = 3
        while L <= 30 && p + 2 * L <= n {
            let last = a[p + L - 1]
            // The piece cannot reach over punctuation that ends a sentence or clause.
            if Scan.isTerminal(last) || Scan.isClauseSeparator(last) { return nil }
            if a[p + L] == a[p] && a[(p + L)..<(p + 2 * L)].elementsEqual(a[p..<(p + L)]),
               a[p..<(p + L)].filter(Scan.isCJK).count >= 2, Set(a[p..<(p + L)]).count >= 3 {
                return L
            }
            L += 1
        }
        return nil
    }

    func apply(to doc: inout CleaningDocument) {
        var i = 0
        while i < doc.blocks.count {
            defer { i += 1 }
            guard doc.blocks[i].isLive, doc.blocks[i].role != .caption else { continue }
            let a = Scan.scalars(doc.blocks[i].text)
            var pieces: [(text: String, heading: Bool)] = []
            var copied = 0  // a[..<copied] already in pieces
            var any = false
            for r in Scan.sentenceRanges(a) {
                var p = r.lowerBound
                while p < a.count && Scan.isSpace(a[p]) { p += 1 }
                var heads: [Range<Int>] = []
                while heads.count < 4, let L = Self.doubled(a, at: p) {
                    heads.append(p..<(p + L))
                    p += 2 * L
                }
                guard !heads.isEmpty else { continue }
                any = true
                let before = Scan.trimmed(Scan.string(a[copied..<heads[0].lowerBound]))
                if !before.isEmpty { pieces.append((before, false)) }
                for h in heads {
                    pieces.append((Scan.string(a[h]), true))
                    doc.record(rule: name, text: Scan.string(a[h]), at: i)
                }
                copied = p
            }
            guard any else { continue }
            let rest = Scan.trimmed(Scan.string(a[copied...]))
            if !rest.isEmpty { pieces.append((rest, false)) }
            guard let first = pieces.first else { continue }
            doc.setText(i, first.text)
            doc.blocks[i].role = first.heading ? .heading : .unknown
            let more = pieces.dropFirst().map { doc.newBlock($0.text, from: i, role: $0.heading ? .heading : .unknown) }
            doc.insert(Array(more), after: i)
            i += more.count
        }
    }
}

/// `repeated-phrase`: a phrase looping in OCR output (由四川省科技厅发起,四川省科技厅发起,…×5) is
/// kept once. A phrase ending in a clause separator repeated twice or more, or any phrase of
/// four or more characters repeated three times or more.
struct RepeatedPhraseRule: CleaningRule {
    let name = "repeated-phrase"

    /// The first position where a piece of 3…40 characters is repeated right after itself (a
    /// candidate loop), or nil (see `AdjacentRepeatFinder`).
    static func firstRepeat(_ a: [Unicode.Scalar]) -> Int? {
        AdjacentRepeatFinder.first(in: a)
    }

    /// The text without the loops, and the removed copies.
    static func collapse(_ a: [Unicode.Scalar]) -> (text: [Unicode.Scalar], removed: [String]) {
        let n = a.count
        // Nothing repeats: nothing to collapse.
        guard let from = firstRepeat(a) else { return (a, []) }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(n)
        out.append(contentsOf: a[0..<from])
        var removed: [String] = []
        var i = from
        while i < n {
            var best: (L: Int, k: Int)? = nil
            var L = 3
            while L <= 40 && i + 2 * L <= n {
                if a[i + L] == a[i] && a[(i + L)..<(i + 2 * L)].elementsEqual(a[i..<(i + L)]) {
                    var k = 2
                    while i + (k + 1) * L <= n && a[(i + k * L)..<(i + (k + 1) * L)].elementsEqual(a[i..<(i + L)]) { k += 1 }
                    let piece = a[i..<(i + L)]
                    let separated = Scan.isClauseSeparator(piece.last!)
                    let cjk = piece.filter(Scan.isCJK).count
                    if cjk >= 3 && !piece.contains(where: Scan.isTerminal) && ((separated && k >= 2) || (k >= 3 && L >= 4)) {
                        best = (L, k)
                        break
                    }
                }
                L += 1
            }
            if let b = best {
                out.append(contentsOf: a[i..<(i + b.L)])
                removed.append(Scan.string(a[(i + b.L)..<(i + b.k * b.L)]))
                i += b.k * b.L
            } else {
                out.append(a[i])
                i += 1
            }
        }
        return (out, removed)
    }

    func apply(to doc: inout CleaningDocument) {
        for i in doc.live {
            let a = Scan.scalars(doc.blocks[i].text)
            let (t, removed) = Self.collapse(a)
            guard !removed.isEmpty else { continue }
            for r in removed { doc.record(rule: name, text: r, at: i) }
            doc.setText(i, Scan.string(t))
        }
    }
}

/// `repeated-paragraph`: a paragraph printed twice (the later copy goes), a pull-quote whose
/// every clause was printed before it (even when pasted into the middle of a word: the text
/// around it is joined again by line joining); `repeated-sentence`: a sentence that already
/// appeared earlier in the document.
struct RepeatedParagraphRule: CleaningRule {
    let name = "repeated-paragraph"

    /// The key of a paragraph, with its clauses (`Scan.clauseKeys`) and sentences
    /// (`Scan.sentenceRanges`) as ranges of the key: both are cut at marks that are not key
    /// characters, so their keys are pieces of the paragraph's key.
    struct KeyParts {
        var key: [Unicode.Scalar]
        /// The non-empty clause keys.
        var clauses: [Range<Int>]
        /// One range per sentence, in the order of `Scan.sentenceRanges`.
        var sentences: [Range<Int>]
    }

    static func keyParts(_ s: String) -> KeyParts {
        Scan.withUTF8(s) { p in
            var clauses: [Range<Int>] = [], sentences: [Range<Int>] = []
            // The key is written straight into its storage (at most one key character per UTF-8
            // byte), with `Scan.appendKey`'s mapping inlined: the same characters as appending
            // them one by one.
            let key = [Unicode.Scalar](unsafeUninitializedCapacity: p.count) { out, written in
                var count = 0
                var clauseStart = 0, sentenceStart = 0
                var inEnd = false  // in the run of end marks and closing quotes that ends a sentence
                var tail = false  // characters after the last sentence end
                var i = 0
                while i < p.count {
                    let v = Scan.decode(p, &i)
                    let c = Unicode.Scalar(v).unsafelyUnwrapped
                    let terminal = Scan.isTerminal(c)
                    if terminal || Scan.isClauseSeparator(c) {
                        if count > clauseStart { clauses.append(clauseStart..<count) }
                        clauseStart = count
                    }
                    if inEnd {
                        if terminal || Scan.isClosing(c) { continue }
                        inEnd = false
                    }
                    if terminal {
                        sentences.append(sentenceStart..<count)
                        sentenceStart = count
                        inEnd = true
                        tail = false
                        continue
                    }
                    tail = true
                    if CharClass.isCJK(v) || CharClass.isDigit(v) {
                        out.initializeElement(at: count, to: c)
                        count += 1
                    } else if CharClass.isLatinLetter(v) {
                        out.initializeElement(at: count, to: Unicode.Scalar(v >= 0x41 && v <= 0x5A ? v + 0x20 : v).unsafelyUnwrapped)
                        count += 1
                    }
                }
                if count > clauseStart { clauses.append(clauseStart..<count) }
                if tail { sentences.append(sentenceStart..<count) }
                written = count
            }
            return KeyParts(key: key, clauses: clauses, sentences: sentences)
        }
    }

    func apply(to doc: inout CleaningDocument) {
        // The keys of the paragraphs (their texts do not change before the last step reaches them).
        var parts = [KeyParts?](repeating: nil, count: doc.blocks.count)
        var totalKey = 0
        for i in doc.live {
            let kp = Self.keyParts(doc.blocks[i].text)
            totalKey += kp.key.count
            parts[i] = kp
        }
        // Exact copies.
        var seen = KeySet()
        for i in doc.live {
            let k = parts[i]!.key
            guard k.count >= 8 else { continue }
            if !seen.insert(k[...]) { doc.remove(i, rule: name) }
        }
        // Paragraphs whose every clause was printed before (pull-quotes): a clause was printed
        // before when it occurs in the key of an earlier paragraph.
        var earlier = KeyIndex(expected: totalKey)
        for i in doc.live {
            let kp = parts[i]!
            let clauses = kp.clauses
            let total = clauses.reduce(0) { $0 + $1.count }
            if clauses.count >= 2, total >= 20 {
                // What can still be covered: stop once it falls short.
                var covered = total
                let needed = 0.9 * Double(total)
                for c in clauses where c.count < 2 || !earlier.contains(kp.key[c]) {
                    covered -= c.count
                    if Double(covered) < needed { break }
                }
                if Double(covered) >= needed {
                    doc.remove(i, rule: name)
                    continue
                }
            }
            earlier.append(kp.key)
        }
        // Sentences printed before.
        var sentences = KeySet()
        var dropped: [Int] = []
        for i in doc.live {
            let kp = parts[i]!
            dropped.removeAll(keepingCapacity: true)
            for (n, r) in kp.sentences.enumerated() where r.count >= 12 {
                if !sentences.insert(kp.key[r]) { dropped.append(n) }
            }
            guard !dropped.isEmpty else { continue }
            let a = Scan.scalars(doc.blocks[i].text)
            let ranges = Scan.sentenceRanges(a)
            for n in dropped { doc.record(rule: "repeated-sentence", text: Scan.string(a[ranges[n]]), at: i) }
            // The sentences kept, in order (the ranges cover the text).
            var keep: [Unicode.Scalar] = []
            keep.reserveCapacity(a.count)
            var d = 0
            for (n, r) in ranges.enumerated() {
                if d < dropped.count && dropped[d] == n { d += 1; continue }
                keep.append(contentsOf: a[r])
            }
            let t = Scan.trimmed(Scan.string(keep))
            if Scan.key(t).isEmpty { doc.blocks[i].removedBy = "repeated-sentence" } else { doc.setText(i, t) }
        }
    }
}

/// The keys of the paragraphs seen so far, indexed by character pairs, to tell whether a clause
/// key occurs in one of them (what searching their concatenation, separated by a mark no key
/// contains, would tell) without scanning them all.
struct KeyIndex {
    /// The keys, each followed by U+0001.
    private var text: [Unicode.Scalar] = []
    /// For each offset of `text` that starts a pair of key characters: the previous offset
    /// starting the same pair (-1 for none).
    private var previous: [Int32] = []
    /// Pair → (last offset starting it, how many offsets start it).
    private var pairs: PairTable

    /// An index for keys of about `expected` characters in all.
    init(expected: Int = 0) {
        pairs = PairTable(expected: expected)
        text.reserveCapacity(expected)
        previous.reserveCapacity(expected)
    }

    @inline(__always) private static func pair(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> UInt64 {
        UInt64(a.value) << 32 | UInt64(b.value)
    }

    mutating func append(_ key: [Unicode.Scalar]) {
        let start = text.count
        text.append(contentsOf: key)
        text.append("\u{1}")
        previous.append(contentsOf: repeatElement(-1, count: key.count + 1))
        guard key.count >= 2 else { return }
        key.withUnsafeBufferPointer { k in
            k.withMemoryRebound(to: UInt32.self) { k in
                previous.withUnsafeMutableBufferPointer { prev in
                    pairs.pushPairs(of: k, from: start, previous: UnsafeMutableBufferPointer(rebasing: prev[start...]))
                }
            }
        }
    }

    /// Whether `needle` (a key: no U+0001, at least two characters) occurs in a key appended so far.
    func contains(_ needle: ArraySlice<Unicode.Scalar>) -> Bool {
        needle.withUnsafeBufferPointer { nd in
            let m = nd.count
            guard m >= 2 else { return false }
            // The rarest pair of the needle gives the fewest places to check; a missing pair, none.
            var bestHead: Int32 = -1, bestCount = Int32.max, bestOffset = 0
            for j in 0..<(m - 1) {
                guard let (head, count) = pairs.find(Self.pair(nd[j], nd[j + 1])) else { return false }
                if count < bestCount {
                    bestHead = head
                    bestCount = count
                    bestOffset = j
                }
            }
            return text.withUnsafeBufferPointer { t in
                var p = bestHead
                while p >= 0 {
                    let s = Int(p) - bestOffset
                    if s >= 0 && s + m <= t.count {
                        var k = 0
                        while k < m && t[s + k] == nd[k] { k += 1 }
                        if k == m { return true }
                    }
                    p = previous[Int(p)]
                }
                return false
            }
        }
    }
}

/// An open-addressing hash table from a character pair to (last offset, count), for `KeyIndex`.
struct PairTable {
    struct Entry {
        var key: UInt64 = 0  // 0: empty
        var head: Int32 = -1
        var count: Int32 = 0
    }

    private var entries: [Entry]
    private var used = 0
    private var mask: Int

    /// A table for about `expected` pairs.
    init(expected: Int = 512) {
        var size = 1024
        while size < 2 * expected { size *= 2 }
        entries = Array(repeating: Entry(), count: size)
        mask = size - 1
    }

    @inline(__always) private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// Records `offset` for `key` (never 0); returns the offset recorded before it, or -1.
    mutating func push(_ key: UInt64, _ offset: Int32) -> Int32 {
        if (used + 1) * 2 > entries.count { grow() }
        let mask = self.mask
        var inserted = false
        let before: Int32 = entries.withUnsafeMutableBufferPointer { e in
            var i = Self.slot(key, mask)
            while true {
                let k = e[i].key
                if k == key {
                    let before = e[i].head
                    e[i].head = offset
                    e[i].count += 1
                    return before
                }
                if k == 0 {
                    e[i] = Entry(key: key, head: offset, count: 1)
                    inserted = true
                    return -1
                }
                i = (i + 1) & mask
            }
        }
        if inserted { used += 1 }
        return before
    }

    /// Records the pairs of `key` at offsets `start`, `start + 1`…, setting `previous[j]` to the
    /// offset pair `j` had before: what `push` for each pair in turn gives. The table grows
    /// first, for all the pairs at once (its size changes where entries sit, not what `find`
    /// answers).
    mutating func pushPairs(of key: UnsafeBufferPointer<UInt32>, from start: Int, previous: UnsafeMutableBufferPointer<Int32>) {
        let m = key.count - 1
        guard m > 0 else { return }
        while (used + m) * 2 > entries.count { grow() }
        let mask = self.mask
        let offsets = Int32(truncatingIfNeeded: start)
        var added = 0
        entries.withUnsafeMutableBufferPointer { e in
            for j in 0..<m {
                let pair = UInt64(key[j]) << 32 | UInt64(key[j + 1])
                var i = Self.slot(pair, mask)
                while true {
                    let k = e[i].key
                    if k == pair {
                        previous[j] = e[i].head
                        e[i].head = offsets + Int32(truncatingIfNeeded: j)
                        e[i].count += 1
                        break
                    }
                    if k == 0 {
                        e[i] = Entry(key: pair, head: offsets + Int32(truncatingIfNeeded: j), count: 1)
                        added += 1
                        previous[j] = -1
                        break
                    }
                    i = (i + 1) & mask
                }
            }
        }
        used += added
    }

    func find(_ key: UInt64) -> (head: Int32, count: Int32)? {
        entries.withUnsafeBufferPointer { e in
            var i = Self.slot(key, mask)
            while true {
                let k = e[i].key
                if k == key { return (e[i].head, e[i].count) }
                if k == 0 { return nil }
                i = (i + 1) & mask
            }
        }
    }

    private mutating func grow() {
        let old = entries
        let size = entries.count * 2
        entries = Array(repeating: Entry(), count: size)
        mask = size - 1
        for entry in old where entry.key != 0 {
            var i = Self.slot(entry.key, mask)
            while entries[i].key != 0 { i = (i + 1) & mask }
            entries[i] = entry
        }
    }
}

/// A set of comparison keys with a cheap hash (the standard library hashes arrays element by
/// element with SipHash).
struct KeySet {
    private var slots: [Int32]  // index into `keys`, -1 for empty
    private var hashes: [UInt64] = []
    private var keys: [ArraySlice<Unicode.Scalar>] = []
    private var mask: Int

    init() {
        slots = Array(repeating: -1, count: 256)
        mask = 255
    }

    @inline(__always) private static func hash(_ k: ArraySlice<Unicode.Scalar>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(k.count)
        for c in k { h = (h ^ UInt64(c.value)) &* 0x0000_0100_0000_01B3 }
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        return h
    }

    func contains(_ k: ArraySlice<Unicode.Scalar>) -> Bool {
        let h = Self.hash(k)
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = slots[i]
            if s < 0 { return false }
            if hashes[Int(s)] == h && keys[Int(s)] == k { return true }
            i = (i + 1) & mask
        }
    }

    /// Inserts the key; false when it was there already.
    @discardableResult
    mutating func insert(_ k: ArraySlice<Unicode.Scalar>) -> Bool {
        let h = Self.hash(k)
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = slots[i]
            if s < 0 { break }
            if hashes[Int(s)] == h && keys[Int(s)] == k { return false }
            i = (i + 1) & mask
        }
        slots[i] = Int32(keys.count)
        keys.append(k)
        hashes.append(h)
        if keys.count * 2 > slots.count { grow() }
        return true
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        for (n, h) in hashes.enumerated() {
            var i = Int(truncatingIfNeeded: h) & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = Int32(n)
        }
    }
}

/// `data-box`: a box of bullet points (■ …) that repeats what the body says, with its header
/// (優質科教資源在渝落地相關數據>>>). A box that brings new facts stays.
struct DataBoxRule: CleaningRule {
    let name = "data-box"

    static func isBullet(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x25A0, 0x25A1, 0x25CF, 0x25CB, 0x25C6, 0x25C7, 0x2022, 0x25AA, 0x2605, 0x2606, 0x25B6, 0x25BA, 0x203B, 0x25CE: return true
        default: return false
        }
    }

    static func startsWithBullet(_ s: String) -> Bool {
        // The first scalar that is not white space, read from the UTF-8 (no scalar array).
        guard let c = Scan.firstVisible(s) else { return false }
        return isBullet(c)
    }

    static func isBoxHeader(_ s: String) -> Bool {
        let t = Scan.trimmed(s)
        guard Scan.visibleCount(t) <= 30, !Scan.endsSentence(t) else { return false }
        if t.hasSuffix(">>") || t.hasSuffix("》》") || t.hasSuffix("＞＞") || t.hasSuffix("→") { return true }
        return ["数据", "链接", "背景", "一览", "速览", "小贴士", "延伸", "相关"].contains(where: { t.contains($0) }) && !Scan.isClauseSeparator(Scan.lastVisible(Scan.scalars(t)) ?? " ")
    }

    static func bigrams(_ k: [Unicode.Scalar]) -> [UInt64] {
        guard k.count >= 2 else { return [] }
        return (0..<(k.count - 1)).map { UInt64(k[$0].value) << 32 | UInt64(k[$0 + 1].value) }
    }

    func apply(to doc: inout CleaningDocument) {
        let live = doc.live
        var p = 0
        while p < live.count {
            guard Self.startsWithBullet(doc.blocks[live[p]].text) else { p += 1; continue }
            var box: [Int] = []
            var bullets = 0
            var q = p
            while q < live.count {
                let t = doc.blocks[live[q]].text
                if Self.startsWithBullet(t) {
                    bullets += 1
                } else if !(box.count > 0 && Scan.visibleCount(t) > 15 && !Scan.endsSentence(t)) {
                    break  // a non-bullet line continues a bullet only when it does not end a sentence
                }
                box.append(live[q])
                q += 1
            }
            defer { p = max(q, p + 1) }
            guard bullets >= 2 else { continue }
            var header: Int? = nil
            if p > 0, Self.isBoxHeader(doc.blocks[live[p - 1]].shadow) { header = live[p - 1] }
            let inBox = Set(box + (header.map { [$0] } ?? []))
            // The bigrams of the rest of the text, in a `PairTable` (membership is all that is
            // asked; a key pair is never 0, the table's empty mark: key characters are not NUL).
            var rest = PairTable(expected: 512)
            for j in live where !inBox.contains(j) {
                for g in Self.bigrams(Scan.key(doc.blocks[j].text)) { _ = rest.push(g, 0) }
            }
            var total = 0, found = 0
            for j in box {
                for g in Self.bigrams(Scan.key(doc.blocks[j].text)) {
                    total += 1
                    if rest.find(g) != nil { found += 1 }
                }
            }
            guard total > 0, Double(found) >= 0.6 * Double(total) else { continue }
            if let h = header { doc.remove(h, rule: name) }
            for j in box { doc.remove(j, rule: name) }
        }
    }
}
