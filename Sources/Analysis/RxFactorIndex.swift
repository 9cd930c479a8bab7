import ChineseText

/// Which of several patterns' `RxFactors` occur in a text, found in one pass over the text
/// with a trie of all factors.
struct RxFactorIndex: Sendable {
    /// A set of pattern indices (at most 128 patterns).
    struct Mask: Sendable, Equatable {
        var lo: UInt64 = 0, hi: UInt64 = 0
        mutating func insert(_ k: Int) { if k < 64 { lo |= 1 << UInt64(k) } else { hi |= 1 << UInt64(k - 64) } }
        func contains(_ k: Int) -> Bool { k < 64 ? lo & (1 << UInt64(k)) != 0 : hi & (1 << UInt64(k - 64)) != 0 }
        mutating func formUnion(_ o: Mask) { lo |= o.lo; hi |= o.hi }
    }

    private var children: [[UInt32: Int32]] = [[:]]
    /// The scalars that start some factor (the digit symbol is `startsWithDigit`), to skip
    /// most start positions without a dictionary lookup: no factor starts anywhere else.
    private var starts = ScalarBitSet()
    private var startsWithDigit = false

    @inline(__always) private func mayStart(_ v: UInt32) -> Bool {
        v == RxFactors.digit ? startsWithDigit : starts.contains(value: v)
    }
    private var terminal: [Mask] = [Mask()]
    /// Patterns without factors: always candidates.
    private(set) var always = Mask()
    let count: Int

    /// `factors[k]` is pattern k's factors, nil when it has none.
    init(_ factors: [RxFactors?]) {
        precondition(factors.count <= 128, "at most 128 patterns")
        count = factors.count
        for (k, f) in factors.enumerated() {
            guard let f else { always.insert(k); continue }
            for word in f.factors {
                if let v = word.first {
                    if v == RxFactors.digit { startsWithDigit = true } else { starts.insert(value: v) }
                }
                var node = 0
                for v in word {
                    if let next = children[node][v] { node = Int(next); continue }
                    children.append([:])
                    terminal.append(Mask())
                    let next = children.count - 1
                    children[node][v] = Int32(next)
                    node = next
                }
                terminal[node].insert(k)
            }
        }
    }

    /// The patterns that may match `s`: those with a factor in `s`, and those without factors.
    func candidates(_ s: String) -> Mask {
        var symbols: [UInt32] = []
        symbols.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars { symbols.append(RxFactors.symbol(u)) }
        return candidates(symbols: symbols)
    }

    /// `candidates` for a text given as its symbols (`RxFactors.symbol`).
    func candidates(symbols: [UInt32]) -> Mask {
        var found = always
        for start in symbols.indices where mayStart(symbols[start]) {
            var node = 0
            var k = start
            while k < symbols.count, let next = children[node][symbols[k]] {
                node = Int(next)
                found.formUnion(terminal[node])
                k += 1
            }
        }
        return found
    }
}
