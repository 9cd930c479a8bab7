import ChineseText

/// Evidence that two pieces of text belong together across a break.
enum Junction {
    /// The best dictionary word crossing the junction of `left` and `right` (simplified text):
    /// 0 when none, 1 for a two-character word, 1.5 for three, 2 for four or more.
    static func wordScore(_ left: String, _ right: String) -> Double {
        guard let seg = Shared.segmenter else { return 0 }
        return wordScore(tail: tailIdeographs(left), head: headIdeographs(right), seg)
    }

    /// Up to four ideographs at the end of the text (after trailing white space), in text order.
    static func tailIdeographs(_ s: String) -> [Unicode.Scalar] {
        var l: [Unicode.Scalar] = []
        Scan.withUTF8(s) { p in
            var end = p.count
            while end > 0 {
                let c = Unicode.Scalar(Scan.decodeBack(p, &end)).unsafelyUnwrapped
                if Scan.isSpace(c) && l.isEmpty { continue }
                guard Scan.isCJK(c), l.count < 4 else { break }
                l.append(c)
            }
        }
        l.reverse()
        return l
    }

    /// Up to four ideographs at the start of the text (after leading white space).
    static func headIdeographs(_ s: String) -> [Unicode.Scalar] {
        var r: [Unicode.Scalar] = []
        Scan.withUTF8(s) { p in
            var i = 0
            while i < p.count {
                let c = Unicode.Scalar(Scan.decode(p, &i)).unsafelyUnwrapped
                if Scan.isSpace(c) && r.isEmpty { continue }
                guard Scan.isCJK(c), r.count < 4 else { break }
                r.append(c)
            }
        }
        return r
    }

    /// `wordScore` from the ideographs on each side (`tailIdeographs(left)`, `headIdeographs(right)`):
    /// the words tried are the last `a` of `l` followed by the first `b` of `r`, looked up as
    /// scalars (`Segmenter.isWord(scalars:)` is `isWord` on their string) without building strings.
    static func wordScore(tail l: [Unicode.Scalar], head r: [Unicode.Scalar], _ seg: Segmenter) -> Double {
        guard !l.isEmpty, !r.isEmpty else { return 0 }
        let joined = l + r
        let m = l.count
        var best = 0.0
        for a in 1...min(3, l.count) {
            for b in 1...min(3, r.count) where a + b <= 5 {
                if seg.isWord(scalars: joined[(m - a)..<(m + b)]) { best = max(best, a + b >= 4 ? 2 : a + b == 3 ? 1.5 : 1) }
            }
        }
        return best
    }

    /// 0.5 when `left` ends with a noun (or an unknown word, usually a name) and `right` opens with
    /// a verb: a subject followed by its predicate (成都市经信局 | 提供的数据显示).
    static func subjectVerbScore(_ left: String, _ right: String) -> Double {
        guard let seg = Shared.segmenter else { return 0 }
        var scratch = SegmenterScratch()
        defer { scratch.release() }
        return endsWithSubject(left, seg, &scratch) && opensWithVerb(right, seg, &scratch) ? 0.5 : 0
    }

    /// The text's last word (`seg.cut(s).last`) has two ideographs or more and is a noun or unknown.
    static func endsWithSubject(_ s: String, _ seg: Segmenter, _ scratch: inout SegmenterScratch) -> Bool {
        guard let last = lastWord(s, seg, &scratch), Scan.cjkCount(last) >= 2 else { return false }
        let tag = seg.dictionaryTag(of: last)
        return tag == nil || tag!.hasPrefix("n")
    }

    /// The text's first word (`seg.cut(s).first`) is a verb of two ideographs or more.
    static func opensWithVerb(_ s: String, _ seg: Segmenter, _ scratch: inout SegmenterScratch) -> Bool {
        guard let first = firstWord(s, seg, &scratch) else { return false }
        return seg.dictionaryTag(of: first) == "v" && Scan.cjkCount(first) >= 2
    }

    /// `seg.cut(s).last`, building only that word's string. `scratch` is the segmenter's
    /// reusable buffers (the tokens do not depend on what they held before).
    static func lastWord(_ s: String, _ seg: Segmenter, _ scratch: inout SegmenterScratch) -> String? {
        let scalars = Scan.scalars(s)
        guard let t = tokens(scalars, seg, &scratch).last else { return nil }
        return Scan.string(scalars[t.start..<t.end])
    }

    /// `seg.cut(s).first`, building only that word's string.
    static func firstWord(_ s: String, _ seg: Segmenter, _ scratch: inout SegmenterScratch) -> String? {
        let scalars = Scan.scalars(s)
        guard let t = tokens(scalars, seg, &scratch).first else { return nil }
        return Scan.string(scalars[t.start..<t.end])
    }

    /// `seg.tokenize(s)` (default mode, HMM on) of the text's scalars.
    static func tokens(_ scalars: [Unicode.Scalar], _ seg: Segmenter, _ scratch: inout SegmenterScratch) -> [Token] {
        let values = scalars.map(\.value)
        var tokens: [Token] = []
        tokens.reserveCapacity(values.count)
        values.withUnsafeBufferPointer { buf in
            seg.tokenize(scalars: buf, mode: .default, hmm: true, into: &tokens, scratch: &scratch)
        }
        return tokens
    }
}

/// `ocr-columns`: reassembles a newspaper column cut into short lines by OCR. The lines of a
/// column run are joined; lines that OCR took out of their place (a paragraph's last line, the
/// next paragraph's indented first line) are put back where the words across the junction fit
/// (人工智 | 能融通发展。 — 如今，成都人 | 工智能产业…) and the paragraph is broken there.
/// Nothing is removed.
struct ColumnReassemblyRule: CleaningRule {
    let name = "ocr-columns"
    static let maxFragmentWidth = 12.0

    struct Entry {
        var index: Int
        var text: String
        var shadow: String
        var width: Double
        var interrupted: Bool  // a removed line (label, credit) stood between it and the previous entry
    }

    static func hasSpacedIdeographs(_ s: String) -> Bool {
        let a = Scan.scalars(s)
        guard a.count > 2 else { return false }
        for i in 1..<(a.count - 1) where Scan.isSpace(a[i]) && Scan.isCJK(a[i - 1]) && Scan.isCJK(a[i + 1]) { return true }
        return false
    }

    static func isFragment(_ b: Block, width: Double? = nil) -> Bool {
        (width ?? Scan.width(b.text)) <= maxFragmentWidth && !hasSpacedIdeographs(b.text) && Scan.hasKey(b.text)
    }

    /// Runs of column lines: consecutive live lines, at most one blank line apart, short (or a
    /// longer line where OCR merged two column lines), mostly not ending a sentence.
    static func runs(_ doc: CleaningDocument) -> [[Entry]] {
        var runs: [[Entry]] = []
        var cur: [Entry] = []
        var interrupted = false
        func close() {
            if cur.count >= 6 {
                let open = cur.filter { !Scan.endsSentence($0.text) }.count
                let widths = cur.map(\.width).sorted()
                if open * 10 >= cur.count * 6 && widths[widths.count / 2] <= 11 { runs.append(cur) }
            }
            cur = []
        }
        for (i, b) in doc.blocks.enumerated() {
            if b.merged { continue }
            if b.removedBy != nil { interrupted = !cur.isEmpty; continue }
            let w = Scan.width(b.text)
            let fits: Bool
            if b.gapBefore > 1 && !cur.isEmpty {
                fits = false
            } else if isFragment(b, width: w) {
                fits = true
            } else if let last = cur.last, w <= 2 * maxFragmentWidth + 2, !Scan.endsSentence(last.text),
                      isFragment(doc.blocks[last.index]), !hasSpacedIdeographs(b.text) {
                fits = true
            } else {
                fits = false
            }
            if fits {
                cur.append(Entry(index: i, text: b.text, shadow: b.shadow, width: w, interrupted: interrupted && !cur.isEmpty))
            } else {
                close()
            }
            interrupted = false
        }
        close()
        return runs
    }

    enum Item { case pair(s: Int, e: Int), end(Int), start(Int) }

    func apply(to doc: inout CleaningDocument) {
        for run in Self.runs(doc) { reassemble(run, &doc) }
    }

    private func reassemble(_ run: [Entry], _ doc: inout CleaningDocument) {
        let widths = run.map(\.width).sorted()
        let w = widths[widths.count / 2]
        // Chains: a line that does not end a sentence continues on the next line, unless a
        // removed line (a label) stood between them.
        var chains: [[Int]] = []  // indices into run
        for (k, e) in run.enumerated() {
            if let last = chains.last?.last, !Scan.endsSentence(run[last].text), !e.interrupted {
                chains[chains.count - 1].append(k)
            } else {
                chains.append([k])
            }
        }
        // The main text: chains of three lines or more. Shorter chains are lines OCR took out of
        // their place: a paragraph's last line (E, ending a sentence), the next paragraph's
        // indented first line (S), or the two together.
        let main = chains.filter { $0.count >= 3 }
        guard !main.isEmpty else { return }
        let lastMain = main.last!.last!
        var items: [Item] = []
        for chain in chains where chain.count < 3 {
            if chain.count == 2 {
                let s = chain[0], e = chain[1]
                if run[s].width < w - 0.75, Scan.endsSentence(run[e].text) { items.append(.pair(s: s, e: e)) }
            } else if Scan.endsSentence(run[chain[0]].text) {
                items.append(.end(chain[0]))
            } else {
                items.append(.start(chain[0]))
            }
        }
        // Starts after the last end, past the main text, are not strays.
        while let last = items.last, case .start(let k) = last, k > lastMain { items.removeLast() }
        // Slots: junctions inside the main chains, and their open ends.
        struct Slot { var chain: Int; var after: Int; var open: Bool }  // after = position in chain
        var slots: [Slot] = []
        for (c, chain) in main.enumerated() {
            for p in 0..<(chain.count - 1) {
                let a = Scan.scalars(run[chain[p]].shadow), b = Scan.scalars(run[chain[p + 1]].shadow)
                guard let l = Scan.lastVisible(a), let f = Scan.firstVisible(b) else { continue }
                if (Scan.isCJK(l) || Scan.isAlnum(l)) && (Scan.isCJK(f) || Scan.isAlnum(f)) { slots.append(Slot(chain: c, after: p, open: false)) }
            }
            if !Scan.endsSentence(run[chain.last!].text) { slots.append(Slot(chain: c, after: chain.count - 1, open: true)) }
        }
        // The evidence between lines, each line's part worked out once (see `JunctionEvidence`).
        var evidence = JunctionEvidence(texts: run.map(\.shadow))
        defer { evidence.release() }
        func gain(_ item: Item, _ slot: Slot) -> Double? {
            let chain = main[slot.chain]
            let a = chain[slot.after]
            if slot.open {
                guard case .end(let e) = item else { return nil }
                return evidence.wordScore(a, e) + 1
            }
            let b = chain[slot.after + 1]
            let current = evidence.wordScore(a, b)
            switch item {
            case .pair(let s, let e):
                return evidence.wordScore(a, e) + evidence.wordScore(s, b) - current + evidence.subjectVerbScore(s, b)
            case .end(let e):
                let j = evidence.wordScore(a, e)
                return j > 0 ? j - current - 0.5 : nil
            case .start(let s):
                let j = evidence.wordScore(s, b)
                return j > 0 ? j - current - 0.5 + evidence.subjectVerbScore(s, b) : nil
            }
        }
        // Greedy assignment, best gain first (gains do not depend on each other).
        var candidates: [(item: Int, slot: Int, gain: Double)] = []
        for it in items.indices {
            for sl in slots.indices {
                if let g = gain(items[it], slots[sl]), g > 0 { candidates.append((it, sl, g)) }
            }
        }
        candidates.sort { $0.gain != $1.gain ? $0.gain > $1.gain : ($0.slot, $0.item) < ($1.slot, $1.item) }
        var placed: [Int: Item] = [:]  // slot index → item
        var usedItems = Set<Int>()
        for c in candidates where placed[c.slot] == nil && !usedItems.contains(c.item) {
            placed[c.slot] = items[c.item]
            usedItems.insert(c.item)
        }
        var slotAt: [Int: Int] = [:]  // chain * 1_000_000 + position → slot index
        for (k, sl) in slots.enumerated() { slotAt[sl.chain * 1_000_000 + sl.after] = k }
        // Build the paragraphs.
        var paragraphs: [String] = []
        var consumed: [Int] = []
        for (c, chain) in main.enumerated() {
            var cur = ""
            for (p, k) in chain.enumerated() {
                cur += run[k].text
                consumed.append(k)
                guard let si = slotAt[c * 1_000_000 + p], let item = placed[si] else { continue }
                switch item {
                case .pair(let s, let e):
                    cur += run[e].text
                    paragraphs.append(cur)
                    cur = run[s].text
                    consumed += [s, e]
                case .end(let e):
                    cur += run[e].text
                    paragraphs.append(cur)
                    cur = ""
                    consumed.append(e)
                case .start(let s):
                    paragraphs.append(cur)
                    cur = run[s].text
                    consumed.append(s)
                }
            }
            if !cur.isEmpty { paragraphs.append(cur) }
        }
        guard !paragraphs.isEmpty else { return }
        let first = run[main[0][0]].index
        for k in consumed where run[k].index != first { doc.blocks[run[k].index].merged = true }
        doc.setText(first, paragraphs[0])
        doc.blocks[first].role = .text
        let more = paragraphs.dropFirst().map { doc.newBlock($0, from: first, role: .text) }
        doc.insert(Array(more), after: first)
        doc.isLayout = true
    }
}

/// `ocr-space`: spaces that OCR put between Chinese characters (人工智 能, 李 毅中, 新一代 人工智能)
/// or after Chinese punctuation are removed; spaces next to Latin words and numbers stay
/// (STAC 科创). In a heading a space between two phrases stays (抢抓新机遇 发展新格局) unless
/// it cuts a word (医学转 化).
struct OCRSpaceRule: CleaningRule {
    let name = "ocr-space"

    static func isChineseSide(_ c: Unicode.Scalar) -> Bool {
        Scan.isCJK(c) || CharClass.isCJKPunctuation(c.value) || (c.value < 0x80 && Scan.isPunct(c))
    }

    /// The text without OCR spaces, and the removed spots (a few characters around each).
    static func repair(_ text: String, shadow: String, heading: Bool) -> (String, [String]) {
        let a = Scan.scalars(text)
        let s = Scan.scalars(shadow)
        let aligned = a.count == s.count
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(a.count)
        var spots: [String] = []
        var i = 0
        while i < a.count {
            guard Scan.isSpace(a[i]) else { out.append(a[i]); i += 1; continue }
            var j = i
            while j < a.count && Scan.isSpace(a[j]) { j += 1 }
            guard let l = out.last, j < a.count else { i = j; continue }
            let r = a[j]
            var remove = false
            if heading {
                if Scan.isCJK(l) && Scan.isCJK(r) {
                    let left = aligned ? Scan.string(s[max(0, i - 3)..<i]) : Scan.string(a[max(0, i - 3)..<i])
                    let right = aligned ? Scan.string(s[j..<min(s.count, j + 3)]) : Scan.string(a[j..<min(a.count, j + 3)])
                    remove = Junction.wordScore(left, right) > 0
                } else if Scan.isClauseSeparator(l) && Scan.isCJK(r) {
                    remove = true
                }
            } else {
                let latinSide = Scan.isAlnum(l) || Scan.isAlnum(r)
                remove = !latinSide && isChineseSide(l) && isChineseSide(r)
                    // An ASCII mark between Latin words stays: "a, b".
                    && !(l.value < 0x80 && !Scan.isCJK(r) && r.value < 0x80)
            }
            if remove {
                spots.append(Scan.string(a[max(0, i - 2)..<min(a.count, j + 2)]))
            } else {
                out.append(" ")
            }
            i = j
        }
        return (Scan.string(out), spots)
    }

    /// Whether `repair` can find a spot in the text: a run of spaces between two characters that
    /// it would take out (for a heading: between ideographs, or after a clause separator).
    static func mayHaveSpots(_ text: String, heading: Bool) -> Bool {
        Scan.withUTF8(text) { p in
            var prev: Unicode.Scalar? = nil  // the last character before the current run of spaces
            var inSpaces = false
            var i = 0
            while i < p.count {
                let c = Unicode.Scalar(Scan.decode(p, &i)).unsafelyUnwrapped
                if Scan.isSpace(c) { inSpaces = true; continue }
                if inSpaces, let l = prev {
                    if heading {
                        if Scan.isCJK(c) && (Scan.isCJK(l) || Scan.isClauseSeparator(l)) { return true }
                    } else {
                        let latinSide = Scan.isAlnum(l) || Scan.isAlnum(c)
                        if !latinSide && isChineseSide(l) && isChineseSide(c) && !(l.value < 0x80 && !Scan.isCJK(c) && c.value < 0x80) {
                            return true
                        }
                    }
                }
                inSpaces = false
                prev = c
            }
            return false
        }
    }

    func apply(to doc: inout CleaningDocument) {
        for i in doc.live {
            let b = doc.blocks[i]
            guard Scan.containsSpace(b.text) else { continue }
            let heading = b.role == .heading || (b.role != .text && Scan.isHeadingShaped(b.text))
            guard Self.mayHaveSpots(b.text, heading: heading) else { continue }
            let (t, spots) = Self.repair(b.text, shadow: b.shadow, heading: heading)
            guard !spots.isEmpty else { continue }
            for sp in spots { doc.record(rule: name, text: sp, at: i) }
            doc.setText(i, t)
        }
    }
}

/// `line-join`: a paragraph cut by a line break inside a sentence is joined again (…提出的系 /
/// 列重要指示要求 → …提出的系列重要指示要求; 会上，腾 / 讯宣布… once the pull-quote pasted between
/// them is gone). A short line without punctuation is joined only on evidence: a word across the
/// junction, or the same characters elsewhere in the document (…基地是西部 / （重庆）科学城).
struct LineJoinRule: CleaningRule {
    let name = "line-join"

    /// The keys of the document's lines as they were before joining, separated by U+0001 —
    /// made the first time they are needed.
    struct DocumentKey {
        let shadows: [String]
        private var made: [Unicode.Scalar]? = nil

        init(shadows: [String]) { self.shadows = shadows }

        mutating func key() -> [Unicode.Scalar] {
            if let made { return made }
            // Each line's key characters are appended straight to the document's key (what
            // appending `Scan.key(line)` gives, without an array per line).
            var k: [Unicode.Scalar] = []
            k.reserveCapacity(shadows.reduce(0) { $0 + $1.utf8.count / 2 + 1 })
            for s in shadows {
                Scan.withUTF8(s) { p in
                    var i = 0
                    while i < p.count { Scan.appendKey(Scan.decode(p, &i), to: &k) }
                }
                k.append("\u{1}")
            }
            made = k
            return k
        }
    }

    func apply(to doc: inout CleaningDocument) {
        var live = doc.live
        var docKey = DocumentKey(shadows: live.map { doc.blocks[$0].shadow })
        var p = 0
        while p + 1 < live.count {
            let ai = live[p], bi = live[p + 1]
            if shouldJoin(doc.blocks[ai], doc.blocks[bi], &docKey) {
                let a = doc.blocks[ai].text, b = doc.blocks[bi].text
                let l = Scan.lastVisible(a), r = Scan.firstVisible(b)
                let space = (l.map(Scan.isAlnum) ?? false) && (r.map(Scan.isAlnum) ?? false) ? " " : ""
                doc.setText(ai, Scan.trimmed(a) + space + Scan.trimmed(b))
                doc.addAuthors(doc.blocks[bi].authors, to: ai)
                if doc.blocks[ai].photoCredit == nil { doc.blocks[ai].photoCredit = doc.blocks[bi].photoCredit }
                doc.blocks[bi].merged = true
                live.remove(at: p + 1)
            } else {
                p += 1
            }
        }
    }

    func shouldJoin(_ a: Block, _ b: Block, _ docKey: inout DocumentKey) -> Bool {
        if a.role == .heading || b.role == .heading || b.lead || a.photoCredit != nil { return false }
        guard Scan.endsOpen(a.shadow), let f = Scan.firstVisible(b.shadow) else { return false }
        guard Scan.isCJK(f) || Scan.isAlnum(f) || Scan.isOpening(f) else { return false }
        if let l = Scan.lastVisible(a.shadow), Scan.isClauseSeparator(l) { return true }
        // A sentence cut short: text with punctuation in it (not a heading), going on in text.
        let textLike = !Scan.isHeadingShaped(a.shadow)
            && a.shadow.unicodeScalars.contains(where: { Scan.isClauseSeparator($0) || Scan.isTerminal($0) })
        if textLike && !Scan.isHeadingShaped(b.shadow) { return true }
        // Evidence across the junction.
        if Junction.wordScore(a.shadow, b.shadow) >= 1.5 { return true }
        // The key characters around the junction: two before it, three after it.
        let ka = Scan.keyTail(a.shadow, 2), kb = Scan.keyHead(b.shadow, 3)
        guard ka.count >= 2, kb.count >= 3 else { return false }
        let probe = ka + kb
        return Scan.firstIndex(of: probe, in: docKey.key()) != nil
    }
}
