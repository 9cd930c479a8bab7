/// A trie over folded Unicode scalars, matched leftmost-longest on word boundaries.
///
/// The root's children sit in a flat table indexed by scalar (BMP); deeper edges live in one
/// hash table keyed by `(node << 32) | scalar`. Each node may carry a payload (an index into
/// the owner's table of forms).
struct PhraseTrie: Sendable {
    private var rootChildren = [Int32](repeating: -1, count: 0x10000)
    private var rootOther: [UInt32: Int32] = [:]
    private var edges = EdgeTable()
    private(set) var payload: [Int32] = [-1]

    init() {}

    /// Inserts a folded key; returns the payload it replaced, or -1.
    @discardableResult
    mutating func insert(_ key: [UInt32], payload value: Int32) -> Int32 {
        precondition(!key.isEmpty)
        var node: Int32 = 0
        for c in key {
            var next = child(node, c)
            if next < 0 {
                next = Int32(payload.count)
                payload.append(-1)
                if node == 0 {
                    if c < 0x10000 { rootChildren[Int(c)] = next } else { rootOther[c] = next }
                } else {
                    edges.insert(UInt64(UInt32(node)) << 32 | UInt64(c), next)
                }
            }
            node = next
        }
        let old = payload[Int(node)]
        payload[Int(node)] = value
        return old
    }

    @inline(__always)
    func child(_ node: Int32, _ c: UInt32) -> Int32 {
        if node == 0 { return c < 0x10000 ? rootChildren[Int(c)] : (rootOther[c] ?? -1) }
        return edges.find(UInt64(UInt32(node)) << 32 | UInt64(c))
    }

    /// A match: scalar offsets and the payload of the form found.
    struct Match {
        var start: Int
        var end: Int
        var payload: Int32
    }

    /// Leftmost-longest, non-overlapping matches in `text`.
    ///
    /// Where a form begins or ends with a Latin letter or digit, it must be a whole word there
    /// (no letter or digit beside it, nor a decimal point inside a number: `5G` is not found in
    /// `5GHz` or `5.5G`, `AI` not in `MAIN`). Where it begins or ends with any other character,
    /// that position must be a word boundary (see `SegmentedText`).
    func matches(in text: SegmentedText) -> [Match] {
        var out: [Match] = []
        text.folded.withUnsafeBufferPointer { s in
            let n = s.count
            var i = 0
            while i < n {
                let c = s[i]
                let first = c < 0x10000 ? rootChildren[Int(c)] : (rootOther[c] ?? -1)
                if first < 0 || !Self.canStart(s, text, i) { i += 1; continue }
                var node = first
                var j = i + 1
                var bestEnd = -1
                var bestPayload: Int32 = -1
                while true {
                    let p = payload[Int(node)]
                    if p >= 0 && Self.canEnd(s, text, j) {
                        bestEnd = j
                        bestPayload = p
                    }
                    guard j < n else { break }
                    var d = s[j]
                    var step = 1
                    if d == 0x20 { // a run of white space reads as one space
                        while j + step < n && s[j + step] == 0x20 { step += 1 }
                        d = 0x20
                    }
                    let next = edges.find(UInt64(UInt32(node)) << 32 | UInt64(d))
                    if next < 0 { break }
                    node = next
                    j += step
                }
                if bestEnd > 0 {
                    out.append(Match(start: i, end: bestEnd, payload: bestPayload))
                    i = bestEnd
                } else {
                    i += 1
                }
            }
        }
        return out
    }

    @inline(__always)
    static func canStart(_ s: UnsafeBufferPointer<UInt32>, _ text: SegmentedText, _ i: Int) -> Bool {
        let c = s[i]
        guard Fold.isWordChar(c) else { return text.canBegin(at: i) }
        guard i > 0 else { return true }
        let p = s[i - 1]
        if Fold.isWordChar(p) { return false }
        // 5.5G: not a word start after a decimal point.
        if p == 0x2E && i >= 2 && Fold.isDigit(s[i - 2]) && Fold.isDigit(c) { return false }
        return true
    }

    @inline(__always)
    static func canEnd(_ s: UnsafeBufferPointer<UInt32>, _ text: SegmentedText, _ j: Int) -> Bool {
        let c = s[j - 1]
        guard Fold.isWordChar(c) else { return text.canFinish(at: j) }
        guard j < s.count else { return true }
        let nx = s[j]
        if Fold.isWordChar(nx) { return false }
        if nx == 0x2E && j + 1 < s.count && Fold.isDigit(c) && Fold.isDigit(s[j + 1]) { return false }
        return true
    }
}

/// An open-addressing hash table from packed edge keys to child nodes (linear probing, a
/// multiplicative hash): several times faster than `Dictionary` for this hot lookup.
struct EdgeTable: Sendable {
    private var keys = [UInt64](repeating: EdgeTable.empty, count: 16)
    private var values = [Int32](repeating: -1, count: 16)
    private var count = 0
    private var shift: UInt64 = 60 // 64 - log2(capacity)

    private static let empty = UInt64.max

    @inline(__always)
    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    @inline(__always)
    func find(_ key: UInt64) -> Int32 {
        let mask = keys.count - 1
        var i = slot(key)
        while true {
            let k = keys[i]
            if k == key { return values[i] }
            if k == Self.empty { return -1 }
            i = (i + 1) & mask
        }
    }

    mutating func insert(_ key: UInt64, _ value: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var i = slot(key)
        while keys[i] != Self.empty && keys[i] != key { i = (i + 1) & mask }
        if keys[i] == Self.empty { count += 1 }
        keys[i] = key
        values[i] = value
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: Self.empty, count: oldKeys.count * 2)
        values = [Int32](repeating: -1, count: oldKeys.count * 2)
        shift -= 1
        count = 0
        for (k, v) in zip(oldKeys, oldValues) where k != Self.empty { insert(k, v) }
    }
}
