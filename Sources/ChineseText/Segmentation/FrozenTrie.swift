/// An immutable snapshot of a `WordDictionary` in raw buffers, read by the segmenter's hot loop
/// without bounds or exclusivity checks. All reads are guarded by the sizes recorded here.
final class FrozenTrie: @unchecked Sendable {
    let codeOf: UnsafeMutableBufferPointer<UInt16>
    let rootChildren: UnsafeMutableBufferPointer<UInt32>
    let edgeKeys: UnsafeMutableBufferPointer<UInt64>
    let edgeValues: UnsafeMutableBufferPointer<UInt32>
    let edgeMask: Int
    let logProb: UnsafeMutableBufferPointer<Float>
    let tagOf: UnsafeMutableBufferPointer<UInt8>
    let isUserWord: UnsafeMutableBufferPointer<Bool>
    let logTotal: Double
    /// The score of a piece that is not a word: log(1) − log(total), as in jieba.
    let unknownLogProb: Float

    init(_ d: TrieBuilder) {
        func copy<T>(_ a: [T]) -> UnsafeMutableBufferPointer<T> {
            let p = UnsafeMutableBufferPointer<T>.allocate(capacity: max(a.count, 1))
            _ = p.initialize(from: a)
            return p
        }
        codeOf = copy(d.codeOf)
        rootChildren = copy(d.rootChildren)
        // Re-pack the edges at a load factor of at most 0.6.
        var cap = 1024
        while Double(d.edgeCount) > Double(cap) * 0.6 { cap <<= 1 }
        let keys = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: cap)
        keys.initialize(repeating: 0)
        let values = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: cap)
        values.initialize(repeating: 0)
        let mask = cap - 1
        for i in 0..<d.edgeKeys.count where d.edgeKeys[i] != 0 {
            let key = d.edgeKeys[i]
            var slot = FrozenTrie.slot(key, mask)
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = d.edgeValues[i]
        }
        edgeKeys = keys
        edgeValues = values
        edgeMask = mask
        logProb = copy(d.logProb)
        tagOf = copy(d.tagOf)
        isUserWord = copy(d.isUserWord)
        logTotal = d.logTotal
        unknownLogProb = Float(-d.logTotal)
    }

    deinit {
        codeOf.deallocate(); rootChildren.deallocate(); edgeKeys.deallocate(); edgeValues.deallocate()
        logProb.deallocate(); tagOf.deallocate(); isUserWord.deallocate()
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
            let k = edgeKeys[slot]
            if k == key { return edgeValues[slot] }
            if k == 0 { return 0 }
            slot = (slot + 1) & edgeMask
        }
    }

    @inline(__always)
    func isWord(_ node: UInt32) -> Bool { logProb[Int(node)] > -Float.infinity }
}
