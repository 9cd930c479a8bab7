/// The order in which Foundation's `JSONEncoder` (without `.sortedKeys`) writes the keys of
/// one keyed container.
///
/// `JSONEncoder` collects a keyed container's values in a `[String: …]` dictionary — created
/// empty, given `reserveCapacity(4)`, filled with one insertion per encoded key in `encode(to:)`
/// order, then copied by `mapValues` — and writes the dictionary in its iteration order. That
/// order depends only on the keys, their insertion order and the table's growth, plus the hash
/// seed: fixed under `SWIFT_DETERMINISTIC_HASHING`, per table otherwise (any order is then as
/// good as JSONEncoder's, which changes from object to object).
///
/// So the order is reproduced by building exactly such a dictionary once per set of present
/// keys (an optional encoded with `encodeIfPresent` is absent when nil) and remembering how it
/// iterates. All subsets of the optional keys are computed up front (a record has six
/// optionals: 64 tiny dictionaries, once per process).
struct JSONKeyOrder: Sendable {
    /// The keys in `encode(to:)` order.
    let keys: [String]
    /// `"key":` as UTF-8, escaped as JSONEncoder escapes keys, per key.
    let quotedKeys: [[UInt8]]
    /// For each key, its bit in the presence mask, or -1 for a key that is always present.
    let optionalBit: [Int]
    /// Key indices in output order, indexed by the presence mask of the optional keys.
    let orders: [[UInt8]]

    /// `keys` in encode order; `optional` names those encoded with `encodeIfPresent`.
    init(_ keys: [String], optional: Set<String> = []) {
        self.keys = keys
        var bits: [Int] = []
        var optionalCount = 0
        for k in keys {
            if optional.contains(k) { bits.append(optionalCount); optionalCount += 1 } else { bits.append(-1) }
        }
        optionalBit = bits
        quotedKeys = keys.map { k in
            var w = JSONBytes()
            w.string(k)
            w.byte(UInt8(ascii: ":"))
            return w.bytes
        }
        var table: [[UInt8]] = []
        for mask in 0..<(1 << optionalCount) {
            let present = keys.indices.filter { bits[$0] < 0 || mask & (1 << bits[$0]) != 0 }
            table.append(Self.encoderOrder(present.map { keys[$0] }).map { name in
                UInt8(keys.firstIndex(of: name) ?? 0)
            })
        }
        orders = table
    }

    /// Key indices in output order when the optional keys of `mask` (bit per optional key, in
    /// key order) are present.
    @inline(__always)
    func order(_ mask: Int) -> [UInt8] { orders[mask] }

    /// The iteration order of a dictionary built the way `JSONEncoder` builds a keyed container.
    static func encoderOrder(_ keysInEncodeOrder: [String]) -> [String] {
        var dict: [String: Int] = [:]
        dict.reserveCapacity(4)
        for (i, k) in keysInEncodeOrder.enumerated() { dict[k] = i }
        return dict.mapValues { $0 }.map(\.key)
    }
}
