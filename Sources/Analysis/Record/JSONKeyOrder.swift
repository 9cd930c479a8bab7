/// The keys of one JSON object, in the order they are written: declaration (`CodingKeys`)
/// order, with nil optionals left out as `encodeIfPresent` leaves them out.
///
/// (Foundation's `JSONEncoder` without `.sortedKeys` writes keys in the iteration order of a
/// dictionary, which depends on the process's hash seed, so the same record could come out
/// with its keys in another order in every run. A fixed order keeps output diffable.)
struct JSONKeyOrder: Sendable {
    /// The keys in `encode(to:)` order.
    let keys: [String]
    /// `"key":` as UTF-8, escaped as JSONEncoder escapes keys, per key.
    let quotedKeys: [[UInt8]]
    /// `quotedKeys` as strings (ASCII keys, so the bytes are the same), for `JSONText`.
    let quotedKeyText: [String]
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
        quotedKeyText = quotedKeys.map { String(decoding: $0, as: UTF8.self) }
        var table: [[UInt8]] = []
        for mask in 0..<(1 << optionalCount) {
            table.append(keys.indices.filter { bits[$0] < 0 || mask & (1 << bits[$0]) != 0 }.map { UInt8($0) })
        }
        orders = table
    }

    /// Key indices in output order when the optional keys of `mask` (bit per optional key, in
    /// key order) are present.
    @inline(__always)
    func order(_ mask: Int) -> [UInt8] { orders[mask] }
}
