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

    /// The text without the loops, and the removed copies.
    static func collapse(_ a: [Unicode.Scalar]) -> (text: [Unicode.Scalar], removed: [String]) {
        let n = a.count
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(n)
        var removed: [String] = []
        var i = 0
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

    func apply(to doc: inout CleaningDocument) {
        // Exact copies.
        var seen: [[Unicode.Scalar]: Int] = [:]
        for i in doc.live {
            let k = Scan.key(doc.blocks[i].text)
            guard k.count >= 8 else { continue }
            if seen[k] != nil { doc.remove(i, rule: name) } else { seen[k] = i }
        }
        // Paragraphs whose every clause was printed before (pull-quotes).
        var earlier: [Unicode.Scalar] = []
        for i in doc.live {
            let text = doc.blocks[i].text
            let clauses = Scan.clauseKeys(text)
            let total = clauses.reduce(0) { $0 + $1.count }
            if clauses.count >= 2, total >= 20 {
                var covered = 0
                for c in clauses where c.count >= 2 {
                    if Scan.firstIndex(of: c, in: earlier) != nil { covered += c.count }
                }
                if Double(covered) >= 0.9 * Double(total) {
                    doc.remove(i, rule: name)
                    continue
                }
            }
            earlier.append(contentsOf: Scan.key(text))
            earlier.append("\u{1}")
        }
        // Sentences printed before.
        var sentences = Set<[Unicode.Scalar]>()
        for i in doc.live {
            let a = Scan.scalars(doc.blocks[i].text)
            var keep: [Unicode.Scalar] = []
            var dropped = false
            for r in Scan.sentenceRanges(a) {
                let k = Scan.key(Scan.string(a[r]))
                if k.count >= 12 {
                    if sentences.contains(k) {
                        doc.record(rule: "repeated-sentence", text: Scan.string(a[r]), at: i)
                        dropped = true
                        continue
                    }
                    sentences.insert(k)
                }
                keep.append(contentsOf: a[r])
            }
            guard dropped else { continue }
            let t = Scan.trimmed(Scan.string(keep))
            if Scan.key(t).isEmpty { doc.blocks[i].removedBy = "repeated-sentence" } else { doc.setText(i, t) }
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
        guard let c = Scan.firstVisible(Scan.scalars(s)) else { return false }
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
            var rest = Set<UInt64>()
            for j in live where !inBox.contains(j) { rest.formUnion(Self.bigrams(Scan.key(doc.blocks[j].text))) }
            var total = 0, found = 0
            for j in box {
                for g in Self.bigrams(Scan.key(doc.blocks[j].text)) {
                    total += 1
                    if rest.contains(g) { found += 1 }
                }
            }
            guard total > 0, Double(found) >= 0.6 * Double(total) else { continue }
            if let h = header { doc.remove(h, rule: name) }
            for j in box { doc.remove(j, rule: name) }
        }
    }
}
