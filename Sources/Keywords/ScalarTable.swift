import ChineseText
/// A read-only map from words (sequences of Unicode scalars) to a `Float` value and a `UInt16`
/// side value, looked up straight from a scalar buffer: no `String` per lookup.
///
/// Open addressing with linear probing; each slot packs the entry number and 32 bits of the
/// key's hash, so a probe touches one cache line and keys are compared only on a hash match.
/// Keys are stored back to back in one scalar array. The arrays live in a `RawBlob` (an owned
/// allocation, or the memory-mapped compiled cache).
final class ScalarTable: @unchecked Sendable {
    private let blob: RawBlob
    /// (hash tag << 32) | (entry + 1) per slot; 0 is an empty slot.
    private let slots: UnsafeBufferPointer<UInt64>
    private let mask: Int
    private let keyStart: UnsafeBufferPointer<UInt32>
    private let keyLength: UnsafeBufferPointer<UInt16>
    private let side: UnsafeBufferPointer<UInt16>
    private let values: UnsafeBufferPointer<Float>
    private let scalars: UnsafeBufferPointer<UInt32>

    var count: Int { values.count }

    /// Reads a table written by `Builder.write(to:)`; nil when the blob is malformed.
    init?(reader r: inout BlobReader) {
        guard let slotCount = r.value(), let entries = r.value(), let scalarCount = r.value(),
              slotCount > 0, slotCount & (slotCount - 1) == 0, slotCount < 1 << 40, entries < slotCount,
              scalarCount < 1 << 40,
              let slots = r.buffer(UInt64.self, count: Int(slotCount)),
              let keyStart = r.buffer(UInt32.self, count: Int(entries)),
              let keyLength = r.buffer(UInt16.self, count: Int(entries)),
              let side = r.buffer(UInt16.self, count: Int(entries)),
              let values = r.buffer(Float.self, count: Int(entries)),
              let scalars = r.buffer(UInt32.self, count: Int(scalarCount)) else { return nil }
        // Every index must stay inside the arrays (the blob may be a file from the cache).
        for k in 0..<Int(entries) where Int(keyStart[k]) + Int(keyLength[k]) > Int(scalarCount) { return nil }
        for slot in slots where slot & 0xFFFF_FFFF > entries { return nil }
        self.blob = r.blob
        self.slots = slots
        self.mask = Int(slotCount) - 1
        self.keyStart = keyStart
        self.keyLength = keyLength
        self.side = side
        self.values = values
        self.scalars = scalars
    }

    /// The hash of a key: `finish(extend(hashSeed, s, count))`.
    @inline(__always)
    static func hash(_ s: UnsafePointer<UInt32>, _ count: Int) -> UInt64 {
        finish(extend(hashSeed, s, count))
    }

    /// The hash state of the empty key (FNV-1a's offset basis).
    static let hashSeed: UInt64 = 0xCBF2_9CE4_8422_2325

    /// The state after the scalars `s[0..<count]` more (FNV-1a, one scalar at a time): the
    /// state of a key is that of any prefix extended by the rest, so a caller growing a span
    /// token by token hashes each scalar once.
    @inline(__always)
    static func extend(_ state: UInt64, _ s: UnsafePointer<UInt32>, _ count: Int) -> UInt64 {
        var h = state
        for i in 0..<count { h = (h ^ UInt64(s[i])) &* 0x100_0000_01B3 }
        return h
    }

    /// The hash of a key from its state: MurmurHash3's finalizer, so that every input bit
    /// reaches the bits used for the slot.
    @inline(__always)
    static func finish(_ state: UInt64) -> UInt64 {
        var h = state
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 33)
    }

    /// The entry of the word `s[start..<end]`, or nil.
    @inline(__always)
    func entry(_ s: UnsafeBufferPointer<UInt32>, _ start: Int, _ end: Int) -> Int? {
        let n = end - start
        guard n > 0, n <= Int(UInt16.max), let base = s.baseAddress else { return nil }
        return entry(base + start, n, hash: Self.hash(base + start, n))
    }

    /// The entry of the word `p[0..<n]` (n ≥ 1) whose `hash(p, n)` is `h`, or nil.
    @inline(__always)
    func entry(_ p: UnsafePointer<UInt32>, _ n: Int, hash h: UInt64) -> Int? {
        guard n <= Int(UInt16.max) else { return nil }
        let tag = h & 0xFFFF_FFFF_0000_0000
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let slot = slots[i]
            if slot == 0 { return nil }
            if slot & 0xFFFF_FFFF_0000_0000 == tag {
                let k = Int(slot & 0xFFFF_FFFF) - 1
                if Int(keyLength[k]) == n {
                    let ks = Int(keyStart[k])
                    var same = true
                    for j in 0..<n where scalars[ks + j] != p[j] { same = false; break }
                    if same { return k }
                }
            }
            i = (i + 1) & mask
        }
    }

    @inline(__always) func value(at entry: Int) -> Float { values[entry] }
    @inline(__always) func sideValue(at entry: Int) -> UInt16 { side[entry] }

    /// The value of the word `s[start..<end]`, or nil.
    @inline(__always)
    func value(_ s: UnsafeBufferPointer<UInt32>, _ start: Int, _ end: Int) -> Float? {
        entry(s, start, end).map { values[$0] }
    }

    /// The value of a word given as a string (tests and tools; allocates).
    func value(_ word: String) -> Float? {
        let a = word.unicodeScalars.map(\.value)
        return a.withUnsafeBufferPointer { value($0, 0, $0.count) }
    }

    /// Builds a table; a key added twice keeps the last value (as a Python dict would).
    struct Builder {
        private var slots: [UInt64] = []
        private var mask = 0
        private(set) var keyStart: [UInt32] = []
        private(set) var keyLength: [UInt16] = []
        var side: [UInt16] = []
        private(set) var values: [Float] = []
        private(set) var scalars: [UInt32] = []
        /// Start of the key being appended.
        private var pendingStart = 0

        init(expectedCount: Int = 64, expectedScalars: Int = 256) {
            var capacity = 16
            while capacity * 3 < expectedCount * 5 { capacity <<= 1 }
            slots = [UInt64](repeating: 0, count: capacity)
            mask = capacity - 1
            keyStart.reserveCapacity(expectedCount)
            keyLength.reserveCapacity(expectedCount)
            values.reserveCapacity(expectedCount)
            scalars.reserveCapacity(expectedScalars)
        }

        var count: Int { values.count }

        /// Appends one scalar of the key being built (see `commitKey`).
        @inline(__always)
        mutating func appendScalar(_ s: UInt32) { scalars.append(s) }

        /// Discards the scalars appended since the last committed key.
        mutating func discardPending() {
            scalars.removeLast(scalars.count - pendingStart)
        }

        /// Makes the scalars appended since the last committed key a key with `value`.
        mutating func commitKey(value: Float) {
            let start = pendingStart
            let n = scalars.count - start
            guard n > 0, n <= Int(UInt16.max) else { discardPending(); return }
            if (values.count + 1) * 5 > slots.count * 3 { grow() }
            let newSlotEntry = UInt64(values.count + 1)
            let starts = keyStart, lengths = keyLength, mask = self.mask
            let found: Int? = scalars.withUnsafeBufferPointer { keys in
                let h = ScalarTable.hash(keys.baseAddress! + start, n)
                let tag = h & 0xFFFF_FFFF_0000_0000
                return slots.withUnsafeMutableBufferPointer { slots -> Int? in
                    var i = Int(truncatingIfNeeded: h) & mask
                    while true {
                        let slot = slots[i]
                        if slot == 0 { break }
                        if slot & 0xFFFF_FFFF_0000_0000 == tag {
                            let k = Int(slot & 0xFFFF_FFFF) - 1
                            if Int(lengths[k]) == n {
                                let ks = Int(starts[k])
                                var same = true
                                for j in 0..<n where keys[ks + j] != keys[start + j] { same = false; break }
                                if same { return k }
                            }
                        }
                        i = (i + 1) & mask
                    }
                    slots[i] = tag | newSlotEntry
                    return nil
                }
            }
            if let k = found {
                values[k] = value
                scalars.removeLast(n)
                return
            }
            keyStart.append(UInt32(start))
            keyLength.append(UInt16(n))
            values.append(value)
            pendingStart = scalars.count
        }

        /// Adds a word given as a string.
        mutating func add(_ word: String, value: Float) {
            for s in word.unicodeScalars { scalars.append(s.value) }
            commitKey(value: value)
        }

        /// The entry of the key `p[0..<n]`, or nil.
        func entry(_ p: UnsafePointer<UInt32>, _ n: Int) -> Int? {
            let h = ScalarTable.hash(p, n)
            let tag = h & 0xFFFF_FFFF_0000_0000
            var i = Int(truncatingIfNeeded: h) & mask
            while true {
                let slot = slots[i]
                if slot == 0 { return nil }
                if slot & 0xFFFF_FFFF_0000_0000 == tag {
                    let k = Int(slot & 0xFFFF_FFFF) - 1
                    if Int(keyLength[k]) == n {
                        let ks = Int(keyStart[k])
                        var same = true
                        for j in 0..<n where scalars[ks + j] != p[j] { same = false; break }
                        if same { return k }
                    }
                }
                i = (i + 1) & mask
            }
        }

        private mutating func grow() {
            let capacity = slots.count * 2
            var slots = [UInt64](repeating: 0, count: capacity)
            let mask = capacity - 1
            // Re-place every entry by its hash (recomputed: the slot only keeps the high half).
            scalars.withUnsafeBufferPointer { keys in
                for k in 0..<values.count {
                    let h = ScalarTable.hash(keys.baseAddress! + Int(keyStart[k]), Int(keyLength[k]))
                    var i = Int(truncatingIfNeeded: h) & mask
                    while slots[i] != 0 { i = (i + 1) & mask }
                    slots[i] = (h & 0xFFFF_FFFF_0000_0000) | UInt64(k + 1)
                }
            }
            self.slots = slots
            self.mask = mask
        }

        /// Appends the table (its sizes, then its arrays) to a blob being written.
        func write(to w: inout BlobWriter) {
            w.add(UInt64(slots.count))
            w.add(UInt64(values.count))
            w.add(UInt64(scalars.count))
            w.add(slots)
            w.add(keyStart)
            w.add(keyLength)
            w.add(side.count == values.count ? side : [UInt16](repeating: 0, count: values.count))
            w.add(values)
            w.add(scalars)
        }

        func build() -> ScalarTable {
            var w = BlobWriter()
            write(to: &w)
            var r = BlobReader(w.finish())
            return ScalarTable(reader: &r)!
        }
    }
}
