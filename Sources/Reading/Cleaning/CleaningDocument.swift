import ChineseText

/// One block of a document being cleaned: a layout line at first, a paragraph later.
struct Block: Sendable {
    enum Role: Sendable, Equatable {
        /// Not decided yet: decided by shape at the end.
        case unknown
        case text
        case heading
        case caption
    }

    /// Position in document order (the source line × 1000, plus a counter for pieces split off).
    var seq: Int
    /// The text in the document's own script.
    var text: String
    /// The same text in simplified characters, for keyword matching (== `text` for simplified input).
    var shadow: String
    /// Blank lines before this block in the source.
    var gapBefore: Int
    var role: Role = .unknown
    /// The rule that removed the block, if any.
    var removedBy: String?
    /// Merged into the block before it (by line joining).
    var merged = false
    /// The block began with a news lead marker (本报讯, 新华社…电) whose byline was removed.
    var lead = false
    /// People named by a byline found in this block.
    var authors: [String] = []
    /// A photo credit directly after this block named this photographer (or "" for an organisation).
    var photoCredit: String?
    /// The newspaper page (版) this block is on, when a page label said so.
    var page: String?

    var isLive: Bool { removedBy == nil && !merged }
}

/// The state that the cleaning rules work on: blocks, metadata found so far, and what was removed.
struct CleaningDocument: Sendable {
    var blocks: [Block]
    /// Metadata found in the text itself.
    var found = DocumentMetadata()
    /// Removed pieces, each anchored at the `seq` of the block it came from.
    var removals: [(seq: Int, removal: Removal)] = []
    /// Captions taken out of the body, anchored like removals.
    var captions: [(seq: Int, text: String)] = []
    /// Script of the whole text.
    let script: Script
    let kind: RawDocument.Kind
    /// A newspaper masthead was found (the page is a newspaper page, usually the front page).
    var hasMasthead = false
    /// Column fragments were reassembled (an OCR'd layout).
    var isLayout = false
    /// A single-line body (a record's summary field), where headings and captions are glued in.
    let singleLineBody: Bool

    private let shadowConverter: ChineseConverter?

    init(text: String, kind: RawDocument.Kind) {
        self.kind = kind
        let detected = ScriptDetector.detect(text).script
        self.script = detected
        let conv = (detected == .traditional || detected == .mixed) ? Shared.t2s : nil
        self.shadowConverter = conv
        var blocks: [Block] = []
        var gap = 0
        var lineNo = 0
        // Lines end at LF, U+2028 and U+2029; CR is dropped. Each line is collapsed straight from
        // the text's UTF-8.
        var withoutCR: [UInt8] = []
        Scan.withUTF8(text) { p in
            func flush(_ lo: Int, _ hi: Int, hasCR: Bool) {
                let t: String
                if hasCR {
                    withoutCR.removeAll(keepingCapacity: true)
                    for b in UnsafeBufferPointer(rebasing: p[lo..<hi]) where b != 0x0D { withoutCR.append(b) }
                    t = withoutCR.withUnsafeBufferPointer { q in
                        Scan.collapsedSpaces(q) ?? String(decoding: q, as: UTF8.self)
                    }
                } else {
                    let q = UnsafeBufferPointer(rebasing: p[lo..<hi])
                    t = Scan.collapsedSpaces(q) ?? String(decoding: q, as: UTF8.self)
                }
                if t.isEmpty {
                    gap += 1
                } else {
                    blocks.append(Block(seq: lineNo * 1000, text: t, shadow: conv?.convert(t) ?? t, gapBefore: gap))
                    gap = 0
                }
                lineNo += 1
            }
            let n = p.count
            var start = 0, i = 0
            var hasCR = false
            while i < n {
                let b = p[i]
                if b == 0x0A {
                    flush(start, i, hasCR: hasCR)
                    i += 1
                    start = i
                    hasCR = false
                } else if b == 0x0D {
                    hasCR = true
                    i += 1
                } else if b == 0xE2 && i + 2 < n && p[i + 1] == 0x80 && (p[i + 2] == 0xA8 || p[i + 2] == 0xA9) {
                    flush(start, i, hasCR: hasCR)
                    i += 3
                    start = i
                    hasCR = false
                } else {
                    i += 1
                }
            }
            flush(start, n, hasCR: hasCR)
        }
        let visibleLines = blocks.count
        self.singleLineBody = visibleLines == 1 && Scan.visibleCount(blocks.first?.text ?? "") >= 100
        self.blocks = blocks
    }

    // MARK: Access

    /// Indices of live blocks, in order.
    var live: [Int] { blocks.indices.filter { blocks[$0].isLive } }

    func simplified(_ s: String) -> String { shadowConverter?.convert(s) ?? s }

    /// The piece of the original text matching the scalar range `range` of `shadow`: the same
    /// range when the conversion kept the length (the usual case), else the converted piece.
    func original(of text: String, shadow: String, range: Range<Int>) -> String {
        let t = Scan.scalars(text), s = Scan.scalars(shadow)
        if t.count == s.count, range.upperBound <= t.count { return Scan.string(t[range]) }
        return Scan.string(s[range.clamped(to: 0..<s.count)])
    }

    // MARK: Changes

    mutating func setText(_ i: Int, _ text: String) {
        blocks[i].text = text
        blocks[i].shadow = simplified(text)
    }

    mutating func remove(_ i: Int, rule: String) {
        guard blocks[i].isLive else { return }
        blocks[i].removedBy = rule
        record(rule: rule, text: blocks[i].text, at: i)
    }

    mutating func record(rule: String, text: String, at i: Int) {
        let t = Scan.trimmed(text)
        guard !t.isEmpty else { return }
        removals.append((blocks[i].seq, Removal(rule: rule, text: t)))
    }

    mutating func addCaption(_ text: String, at i: Int) {
        let t = Scan.trimmed(text)
        guard !t.isEmpty else { return }
        captions.append((blocks[i].seq, t))
    }

    /// Inserts blocks after block `i` (pieces split off it), with sequence numbers after its own.
    mutating func insert(_ pieces: [Block], after i: Int) {
        var ps = pieces
        for k in ps.indices { ps[k].seq = blocks[i].seq + k + 1 }
        blocks.insert(contentsOf: ps, at: i + 1)
    }

    func newBlock(_ text: String, from i: Int, role: Block.Role = .unknown) -> Block {
        var b = Block(seq: blocks[i].seq, text: text, shadow: simplified(text), gapBefore: 0)
        b.role = role
        b.page = blocks[i].page
        return b
    }

    // MARK: Metadata

    mutating func addAuthors(_ names: [String], to i: Int) {
        for n in names where !blocks[i].authors.contains(n) { blocks[i].authors.append(n) }
    }

    mutating func setIfEmpty(_ path: WritableKeyPath<DocumentMetadata, String?>, _ value: String?) {
        guard let v = value.map(Scan.trimmed), !v.isEmpty else { return }
        if found[keyPath: path]?.isEmpty ?? true { found[keyPath: path] = v }
    }

    /// The blocks around block `i` (live or removed, not merged), up to `distance` on each side.
    func neighbours(of i: Int, distance: Int) -> [Int] {
        var out: [Int] = []
        var k = i - 1, n = 0
        while k >= 0 && n < distance { if !blocks[k].merged { out.append(k); n += 1 }; k -= 1 }
        k = i + 1; n = 0
        while k < blocks.count && n < distance { if !blocks[k].merged { out.append(k); n += 1 }; k += 1 }
        return out
    }
}

/// Process-wide shared resources (loaded once, lazily; `nil` when the bundled data is missing).
enum Shared {
    static let t2s: ChineseConverter? = try? ChineseConverter(profile: .t2s)
    static let segmenter: Segmenter? = try? Segmenter.standard()
}
