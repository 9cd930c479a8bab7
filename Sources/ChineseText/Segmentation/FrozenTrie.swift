/// An immutable snapshot of a `WordDictionary` laid out in one blob (memory-mapped from the
/// cache or freshly built), read by the segmenter's hot loop through raw buffers.
///
/// Layout, each part 8-byte aligned: a header of seven `UInt64` (magic, cache key, alphabet
/// size, root children, edge slots, nodes, log total as bits), then the code table, the root
/// children, the edge table, and per node the log probability, tag and user flag.
///
/// An edge is one `UInt64`: `(parent << 16 | code) << 24 | child`, so a probe reads one word;
/// the table is kept at most 35 % full so that the frequent misses end quickly. Nodes are
/// limited to 2^24.
final class FrozenTrie: @unchecked Sendable {
    static let magic: UInt64 = 0x3130_4549_5254_434B // "KCTRIE01"
    static let formatVersion: UInt64 = 2
    static let maxNodes = 1 << 24

    let blob: RawBlob
    let codeOf: UnsafeBufferPointer<UInt16>
    let rootChildren: UnsafeBufferPointer<UInt32>
    let edges: UnsafeBufferPointer<UInt64>
    let edgeMask: Int
    let logProb: UnsafeBufferPointer<Float>
    let tagOf: UnsafeBufferPointer<UInt8>
    let isUserWord: UnsafeBufferPointer<Bool>
    let logTotal: Double
    /// The score of a piece that is not a word: log(1) − log(total), as in jieba.
    let unknownLogProb: Float

    /// Reads a blob; nil when it is not a valid trie.
    init?(blob: RawBlob) {
        var r = BlobReader(blob)
        guard let h = r.buffer(UInt64.self, count: 7), h[0] == Self.magic else { return nil }
        let codes = Int(h[2]), roots = Int(h[3]), slots = Int(h[4]), nodes = Int(h[5])
        guard slots > 0, slots & (slots - 1) == 0,
              let codeOf = r.buffer(UInt16.self, count: codes),
              let rootChildren = r.buffer(UInt32.self, count: roots),
              let edges = r.buffer(UInt64.self, count: slots),
              let logProb = r.buffer(Float.self, count: nodes),
              let tagOf = r.buffer(UInt8.self, count: nodes),
              let isUserWord = r.buffer(Bool.self, count: nodes) else { return nil }
        self.blob = blob
        self.codeOf = codeOf
        self.rootChildren = rootChildren
        self.edges = edges
        self.edgeMask = slots - 1
        self.logProb = logProb
        self.tagOf = tagOf
        self.isUserWord = isUserWord
        self.logTotal = Double(bitPattern: h[6])
        self.unknownLogProb = Float(-logTotal)
    }

    /// Lays out a builder's trie as a blob.
    static func serialize(_ d: TrieBuilder, key: UInt64) throws -> RawBlob {
        guard d.logProb.count < maxNodes else {
            throw ChineseTextError.invalidArgument("the dictionary is too large (\(d.logProb.count) trie nodes; at most \(maxNodes))")
        }
        var cap = 1024
        while Double(d.edgeCount) > Double(cap) * 0.35 { cap <<= 1 }
        var edges = [UInt64](repeating: 0, count: cap)
        let mask = cap - 1
        for i in 0..<d.edgeKeys.count where d.edgeKeys[i] != 0 {
            let k = d.edgeKeys[i]
            var slot = slot(k, mask)
            while edges[slot] != 0 { slot = (slot + 1) & mask }
            edges[slot] = k << 24 | UInt64(d.edgeValues[i])
        }
        var w = BlobWriter()
        w.add([magic, key, UInt64(d.codeOf.count), UInt64(d.rootChildren.count), UInt64(cap),
               UInt64(d.logProb.count), d.logTotal.bitPattern])
        w.add(d.codeOf)
        w.add(d.rootChildren)
        w.add(edges)
        w.add(d.logProb)
        w.add(d.tagOf)
        w.add(d.isUserWord)
        return w.finish()
    }

    static func build(_ d: TrieBuilder) throws -> FrozenTrie {
        guard let trie = FrozenTrie(blob: try serialize(d, key: 0)) else {
            throw ChineseTextError.invalidArgument("internal error: cannot lay out the dictionary")
        }
        return trie
    }

    @inline(__always)
    static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    /// The character code of a scalar value (0 = unknown character).
    @inline(__always)
    func code(_ scalar: UInt32) -> UInt16 {
        scalar < UInt32(codeOf.count) ? codeOf[Int(scalar)] : 0
    }

    /// The child of `node` along `code`, or 0.
    @inline(__always)
    func child(_ node: UInt32, _ code: UInt16) -> UInt32 {
        if node == 0 { return Int(code) < rootChildren.count ? rootChildren[Int(code)] : 0 }
        let key = (UInt64(node) << 16) | UInt64(code)
        var slot = FrozenTrie.slot(key, edgeMask)
        while true {
            let e = edges[slot]
            if e >> 24 == key { return UInt32(truncatingIfNeeded: e & 0xFF_FFFF) }
            if e == 0 { return 0 }
            slot = (slot + 1) & edgeMask
        }
    }

    @inline(__always)
    func isWord(_ node: UInt32) -> Bool { logProb[Int(node)] > -Float.infinity }

    /// The node of a whole string, or 0.
    func node(of word: String) -> UInt32 {
        var node: UInt32 = 0
        for s in word.unicodeScalars {
            let c = code(s.value)
            if c == 0 { return 0 }
            node = child(node, c)
            if node == 0 { return 0 }
        }
        return node
    }

    /// The node of a run of scalars, or 0: the same as `node(of:)` on their string.
    func node(of scalars: ArraySlice<Unicode.Scalar>) -> UInt32 {
        var node: UInt32 = 0
        for s in scalars {
            let c = code(s.value)
            if c == 0 { return 0 }
            node = child(node, c)
            if node == 0 { return 0 }
        }
        return node
    }
}
