/// Several prefixes (or suffixes) tested against one text, in order: which is the first that
/// `Scan.hasPrefix` (`Scan.hasSuffix`) accepts.
///
/// Testing them one by one decodes the text's first scalars again for every affix to see that
/// they are plain. Here the plain scalars at the start (end) of the text are counted once, up to
/// one more than the longest affix, and each affix then takes the same decision
/// `Scan.hasPrefix` takes: when the first min(count, affix length + 1) scalars are plain, the
/// bytes decide; otherwise `String.hasPrefix` (canonical equivalence) does. So the answer for
/// every affix, and with it the first one accepted, is the same.
struct AffixList: Sendable {
    let affixes: [Affix]
    private let cap: Int

    init(_ texts: [String]) {
        affixes = texts.map(Affix.init)
        cap = (affixes.map(\.scalarCount).max() ?? 0) + 1
    }

    /// The index of the first affix `s` starts with (`Scan.hasPrefix`), or nil.
    func firstPrefix(of s: String) -> Int? {
        let (plainCount, allPlain): (Int, Bool) = Scan.withUTF8(s) { p in
            var i = 0, k = 0
            while i < p.count && k < cap {
                if !Scan.isPlain(Scan.decode(p, &i)) { return (k, false) }
                k += 1
            }
            return (k, i >= p.count)
        }
        for (n, a) in affixes.enumerated() {
            // The scalars `Scan.hasPrefix` checks: min(count, scalarCount + 1) from the start.
            if a.plain && (plainCount >= a.scalarCount + 1 || allPlain) {
                let m = a.bytes.count
                let same: Bool = Scan.withUTF8(s) { p in
                    guard p.count >= m else { return false }
                    return a.bytes.withUnsafeBufferPointer { b in
                        var j = 0
                        while j < m && p[j] == b[j] { j += 1 }
                        return j == m
                    }
                }
                if same { return n }
            } else if s.hasPrefix(a.text) {
                return n
            }
        }
        return nil
    }

    /// The index of the first affix `s` ends with (`Scan.hasSuffix`), or nil.
    func firstSuffix(of s: String) -> Int? {
        let (plainCount, allPlain): (Int, Bool) = Scan.withUTF8(s) { p in
            var end = p.count, k = 0
            while end > 0 && k < cap {
                if !Scan.isPlain(Scan.decodeBack(p, &end)) { return (k, false) }
                k += 1
            }
            return (k, end <= 0)
        }
        for (n, a) in affixes.enumerated() {
            if a.plain && (plainCount >= a.scalarCount + 1 || allPlain) {
                let m = a.bytes.count
                let same: Bool = Scan.withUTF8(s) { p in
                    let len = p.count
                    guard len >= m else { return false }
                    return a.bytes.withUnsafeBufferPointer { b in
                        var j = 0
                        while j < m && p[len - m + j] == b[j] { j += 1 }
                        return j == m
                    }
                }
                if same { return n }
            } else if s.hasSuffix(a.text) {
                return n
            }
        }
        return nil
    }
}
