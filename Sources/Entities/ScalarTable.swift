/// A hash table from scalar sequences to dense ids (0, 1, 2, … in insertion order), looked up
/// by a range of a scalar array, so that a word or a suffix of it is found without building a
/// `String`.
///
/// Keys are compared scalar by scalar, which is exact: a hash collision never makes two
/// different keys equal. (A `String` key also matches canonically equivalent spellings; callers
/// only use this table where scalar equality and `String` equality agree, see `NFCSafety`.)
struct ScalarTable: Sendable {
    /// Key `k` is `pool[keyStart[k]..<keyStart[k + 1]]`.
    private var pool: [UInt32] = []
    private var keyStart: [Int32] = [0]
    private var keyHash: [UInt64] = []
    /// Open addressing, linear probing, at most half full: 0 for an empty slot, else the key's
    /// hash in the high 32 bits and its id + 1 in the low 32, so that a probe usually settles
    /// on one slot read (most lookups are of words that are no key).
    private var slots = [UInt64](repeating: 0, count: 16)
    /// One bit per key's hash (four bits per slot): a clear bit proves the key absent from a
    /// bitmap small enough to stay in cache, where the slot array would cost a cache miss.
    private var filter = [UInt64](repeating: 0, count: 1)

    init() {}

    /// The number of keys.
    var count: Int { keyHash.count }

    @inline(__always) private static func mix(_ h: UInt64, _ v: UInt32) -> UInt64 {
        (h ^ UInt64(v)) &* 0x0000_0100_0000_01B3
    }

    @inline(__always) private static func finish(_ h: UInt64) -> UInt64 {
        var x = h
        x ^= x >> 33
        x = x &* 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        return x
    }

    private static func hash<C: Collection>(_ key: C) -> UInt64 where C.Element == UInt32 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for v in key { h = mix(h, v) }
        return finish(h)
    }

    /// The id of `key`, inserting it if it is new.
    @discardableResult
    mutating func insert(_ key: some Sequence<Unicode.Scalar>) -> Int32 {
        let values = key.map(\.value)
        let h = Self.hash(values)
        if let found = find(values[...], hash: h) { return found }
        if (count + 1) * 2 > slots.count { grow() }
        let id = Int32(count)
        pool.append(contentsOf: values)
        keyStart.append(Int32(pool.count))
        keyHash.append(h)
        place(id, hash: h)
        return id
    }

    private mutating func grow() {
        slots = [UInt64](repeating: 0, count: slots.count * 2)
        filter = [UInt64](repeating: 0, count: max(1, slots.count * 4 / 64))
        for id in 0..<count { place(Int32(id), hash: keyHash[id]) }
    }

    /// The filter bit of a hash.
    @inline(__always) private func filterBit(_ h: UInt64) -> Int {
        Int(truncatingIfNeeded: h >> 20) & (filter.count * 64 - 1)
    }

    @inline(__always) private static func tag(_ h: UInt64) -> UInt64 { h & 0xFFFF_FFFF_0000_0000 }

    private mutating func place(_ id: Int32, hash h: UInt64) {
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: h) & mask
        while slots[s] != 0 { s = (s + 1) & mask }
        slots[s] = Self.tag(h) | UInt64(UInt32(id) + 1)
        let f = filterBit(h)
        filter[f >> 6] |= 1 << UInt64(f & 63)
    }

    private func find(_ key: ArraySlice<UInt32>, hash h: UInt64) -> Int32? {
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: h) & mask
        while true {
            let e = slots[s]
            if e == 0 { return nil }
            if Self.tag(e) == Self.tag(h) {
                let id = Int(truncatingIfNeeded: e & 0xFFFF_FFFF) - 1
                let a = Int(keyStart[id]), b = Int(keyStart[id + 1])
                if b - a == key.count && pool[a..<b].elementsEqual(key) { return Int32(id) }
            }
            s = (s + 1) & mask
        }
    }

    /// The id of the key `scalars[lo..<hi]`, or -1.
    func id(_ scalars: [Unicode.Scalar], _ lo: Int, _ hi: Int) -> Int32 {
        guard lo >= 0, lo <= hi, hi <= scalars.count else { return -1 }
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for k in lo..<hi { h = Self.mix(h, scalars[k].value) }
        h = Self.finish(h)
        let f = filterBit(h)
        if filter[f >> 6] & (1 << UInt64(f & 63)) == 0 { return -1 }
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: h) & mask
        let n = hi - lo
        while true {
            let e = slots[s]
            if e == 0 { return -1 }
            if Self.tag(e) == Self.tag(h) {
                let id = Int(truncatingIfNeeded: e & 0xFFFF_FFFF) - 1
                let a = Int(keyStart[id]), b = Int(keyStart[id + 1])
                if b - a == n {
                    var k = 0
                    while k < n && pool[a + k] == scalars[lo + k].value { k += 1 }
                    if k == n { return Int32(id) }
                }
            }
            s = (s + 1) & mask
        }
    }

    /// The id of `key`, or -1.
    func id(_ key: String) -> Int32 {
        let v = key.unicodeScalars.map(\.value)
        return find(v[...], hash: Self.hash(v)) ?? -1
    }
}
