/// Several prefixes (or suffixes) tested against one text, in order: which is the first that
/// `Scan.hasPrefix` (`Scan.hasSuffix`) accepts.
///
/// Testing them one by one decodes the text's first scalars again for every affix to see that
/// they are plain. Here the plain scalars at the start (end) of the text are counted once, up to
/// one more than the longest affix, and each affix then takes the same decision
/// `Scan.hasPrefix` takes: when the first min(count, affix length + 1) scalars are plain, the
/// bytes decide; otherwise `String.hasPrefix` (canonical equivalence) does. So the answer for
/// every affix, and with it the first one accepted, is the same. The affixes' bytes are kept
/// one after another in one array, so that the test walks plain memory.
struct AffixList: Sendable {
    let affixes: [Affix]
    private let cap: Int
    /// Affix k's bytes are flat[offsets[k]..<offsets[k + 1]].
    private let flat: [UInt8]
    private let offsets: [Int]
    /// Affix k is plain and has `scalarCounts[k]` scalars.
    private let plains: [Bool]
    private let scalarCounts: [Int]

    init(_ texts: [String]) {
        affixes = texts.map(Affix.init)
        cap = (affixes.map(\.scalarCount).max() ?? 0) + 1
        var flat: [UInt8] = [], offsets = [0]
        for a in affixes {
            flat += a.bytes
            offsets.append(flat.count)
        }
        self.flat = flat
        self.offsets = offsets
        plains = affixes.map(\.plain)
        scalarCounts = affixes.map(\.scalarCount)
    }

    /// The index of the first affix `s` starts with (`Scan.hasPrefix`), or nil.
    func firstPrefix(of s: String) -> Int? {
        firstMatch(of: s, suffix: false)
    }

    /// The index of the first affix `s` ends with (`Scan.hasSuffix`), or nil.
    func firstSuffix(of s: String) -> Int? {
        firstMatch(of: s, suffix: true)
    }

    /// How the scan of the affixes ended: an answer, or the first affix `String` must test.
    private enum Outcome { case found(Int?), slow(from: Int) }

    private func firstMatch(of s: String, suffix: Bool) -> Int? {
        let cap = self.cap
        let outcome: Outcome = Scan.withUTF8(s) { p in
            // The plain scalars at the start (end), counted up to `cap`; whether that is all of them.
            var plainCount = 0, sawNonPlain = false, reachedEnd = false
            if suffix {
                var end = p.count
                while end > 0 && plainCount < cap {
                    if !Scan.isPlain(Scan.decodeBack(p, &end)) { sawNonPlain = true; break }
                    plainCount += 1
                }
                reachedEnd = end <= 0
            } else {
                var i = 0
                while i < p.count && plainCount < cap {
                    if !Scan.isPlain(Scan.decode(p, &i)) { sawNonPlain = true; break }
                    plainCount += 1
                }
                reachedEnd = i >= p.count
            }
            let allPlain = !sawNonPlain && reachedEnd
            return flat.withUnsafeBufferPointer { f in
                offsets.withUnsafeBufferPointer { offs in
                    plains.withUnsafeBufferPointer { pl in
                        scalarCounts.withUnsafeBufferPointer { sc in
                            let n = p.count
                            for k in 0..<pl.count {
                                // The scalars `Scan.hasPrefix` checks: min(count, scalarCount + 1) from the start.
                                guard pl[k] && (plainCount >= sc[k] + 1 || allPlain) else { return .slow(from: k) }
                                let lo = offs[k], m = offs[k + 1] - lo
                                guard n >= m else { continue }
                                let base = suffix ? n - m : 0
                                var j = 0
                                while j < m && p[base + j] == f[lo + j] { j += 1 }
                                if j == m { return .found(k) }
                            }
                            return .found(nil)
                        }
                    }
                }
            }
        }
        switch outcome {
        case .found(let k):
            return k
        case .slow(let from):
            // Rare (text that is not plain at its start or end): each affix from here as
            // `Scan.hasPrefix` / `Scan.hasSuffix` tests it.
            for k in from..<affixes.count {
                if suffix ? Scan.hasSuffix(s, affixes[k]) : Scan.hasPrefix(s, affixes[k]) { return k }
            }
            return nil
        }
    }
}
