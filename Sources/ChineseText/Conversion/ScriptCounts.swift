/// The character counts `ScriptDetector` decides the script from, and a way to take them
/// straight from a text's UTF-8.
///
/// `ScriptDetector.detect(_:)` and `ChineseConverter.convert(_:)` (auto profile) used to decode
/// every text into a scalar array, apply the compatibility-ideograph normalization to it and
/// count flags over the array. Counting needs neither the array nor a second pass: each scalar
/// is decoded from the UTF-8, mapped through the same normalization (a scalar-for-scalar map, the
/// `ScalarCodec.normalize` fast path) and looked up in the same flag table, so the counts — and
/// with them the script — are the same numbers. Only traditional or mixed text goes on to the
/// vocabulary evidence, which needs the scalars; callers take the full path for those.
struct ScriptCounts {
    var t = 0, sim = 0, han = 0, twV = 0, hkV = 0, notTwV = 0, notHkV = 0

    init() {}

    @inline(__always)
    mutating func add(_ f: UInt8) {
        add(f, times: 1)
    }

    /// Counts `times` characters with the flags `f`.
    @inline(__always)
    mutating func add(_ f: UInt8, times: Int) {
        if f & ScriptTables.han != 0 { han += times }
        if f & ScriptTables.traditionalOnly != 0 { t += times }
        if f & ScriptTables.simplifiedOnly != 0 { sim += times }
        if f & ScriptTables.taiwanVariant != 0 { twV += times }
        if f & ScriptTables.hongKongVariant != 0 { hkV += times }
        if f & ScriptTables.notTaiwanVariant != 0 { notTwV += times }
        if f & ScriptTables.notHongKongVariant != 0 { notHkV += times }
    }

    /// The script these counts show (see `ScriptDetector`).
    var script: Script {
        if t == 0 && sim == 0 { return .none }
        if Double(sim) <= ScriptDetector.noiseFraction * Double(t + sim) { return .traditional }
        if Double(t) <= ScriptDetector.noiseFraction * Double(t + sim) { return .simplified }
        return .mixed
    }

    /// The counts of `text` after `normalization`, read from its UTF-8; nil when the
    /// normalization is not a scalar-for-scalar map (then only the full path applies it).
    ///
    /// Characters are counted by their flags first (a histogram of the 128 flag values), then
    /// the histogram is added up: the same sums in another order.
    init?(utf8Of text: String, tables: ScriptTables, normalization: PrefixDictionary?) {
        if let norm = normalization, !(norm.singleScalarKeys && norm.singleScalarValues) { return nil }
        let lowest = normalization?.lowestFirstScalar ?? UInt32.max
        // The BMP flags with the normalization folded in, when they are at hand for these tables.
        let folded = NormalizedScriptFlags.shared.flatMap {
            $0.tables === tables && $0.normalization === normalization ? $0 : nil
        }
        var counts = ScriptCounts()
        var s = text
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 256) { hist in
            hist.initialize(repeating: 0)
            s.withUTF8 { p in
                (folded?.bmp ?? tables.bmp).withUnsafeBufferPointer { bmp in
                    let n = p.count
                    var i = 0
                    while i < n {
                        var c = UTF8Scan.decode(p, &i)
                        if c < 0x10000 && folded != nil {
                            hist[Int(bmp[Int(c)])] += 1
                            continue
                        }
                        if c >= lowest, let norm = normalization, let e = norm.singleEntry(c) {
                            c = norm.valuePool[Int(norm.valueStart[Int(e)])]
                        }
                        let f: UInt8 = c < 0x10000 ? tables.bmp[Int(c)] : tables.astralFlags(c)
                        hist[Int(f)] += 1
                    }
                }
            }
            for f in 1..<256 where hist[f] != 0 { counts.add(UInt8(f), times: hist[f]) }
        }
        self = counts
    }
}

/// The script flags of every BMP scalar after the compatibility-ideograph normalization
/// (`flags(normalize(c))`), built once for the store's tables and dictionary, so that counting a
/// BMP scalar is one load. Built from the same `singleEntry` lookup and flag tables the
/// per-scalar path uses, so it holds the same flags.
final class NormalizedScriptFlags: Sendable {
    let tables: ScriptTables
    let normalization: PrefixDictionary?
    let bmp: [UInt8]

    static let shared: NormalizedScriptFlags? = {
        let store = ConversionStore.shared
        guard let tables = try? store.scriptTables(),
              let norm = try? store.dictionary(ConversionStore.Name.compatibility),
              norm.singleScalarKeys && norm.singleScalarValues else { return nil }
        return NormalizedScriptFlags(tables: tables, normalization: norm)
    }()

    init(tables: ScriptTables, normalization: PrefixDictionary) {
        self.tables = tables
        self.normalization = normalization
        var bmp = tables.bmp
        // Only keys have an entry: the BMP keys are the scalars the normalization changes.
        for k in 0..<normalization.entryCount {
            let key = normalization.keys[k]
            guard key.count == 1, key[0] < 0x10000 else { continue }
            let c = key[0]
            if let e = normalization.singleEntry(c) {
                let v = normalization.valuePool[Int(normalization.valueStart[Int(e)])]
                bmp[Int(c)] = v < 0x10000 ? tables.bmp[Int(v)] : tables.astralFlags(v)
            }
        }
        self.bmp = bmp
    }
}
