import ChineseText

/// A table of one-scalar substitutions (traditional → simplified characters) applied in one
/// pass, equal to replacing each pair in turn with Foundation when the text is simple in the
/// sense of `ScalarText` and no target is also a source (then the order of the pairs cannot
/// matter).
struct ScalarMap: Sendable {
    /// The pairs, in the order a sequential replacement would apply them.
    let pairs: [(String, String)]
    private let table: [UInt32: Unicode.Scalar]
    /// The sources (BMP scalars).
    private let sources: ScalarBitSet
    /// Every pair maps one simple BMP scalar to one scalar and no target is a source.
    let isSinglePass: Bool

    init(_ pairs: [(String, String)]) {
        self.pairs = pairs
        var table: [UInt32: Unicode.Scalar] = [:]
        var sources = ScalarBitSet()
        var ok = true
        for (a, b) in pairs {
            let au = Array(a.unicodeScalars), bu = Array(b.unicodeScalars)
            guard au.count == 1, bu.count == 1, au[0].value < 0x10000, ScalarText.isSimple(au[0].value) else { ok = false; continue }
            table[au[0].value] = bu[0]
            sources.insert(au[0])
        }
        for (_, b) in pairs {
            for u in b.unicodeScalars where table[u.value] != nil { ok = false }
        }
        self.table = table
        self.sources = sources
        isSinglePass = ok
    }

    @inline(__always) private func isSource(_ v: UInt32) -> Bool { sources.contains(value: v) }

    /// The target of `v` when it is a source, else `v` (for single-pass tables).
    @inline(__always) func map(_ v: UInt32) -> UInt32 {
        isSource(v) ? (table[v]?.value ?? v) : v
    }

    /// `s` with every source replaced by its target; nil when the one-pass result could differ
    /// from Foundation's sequential replacement (the caller then replaces pair by pair).
    func apply(_ s: String) -> String? {
        guard isSinglePass else { return nil }
        var any = false
        for u in s.unicodeScalars {
            guard ScalarText.isSimple(u.value) else { return nil }
            if isSource(u.value) { any = true }
        }
        guard any else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if isSource(u.value), let t = table[u.value] { out.append(t) } else { out.append(u) }
        }
        return String(out)
    }

    /// The scalars of `apply(s)` given the scalars `u` of `s`: the same test and the same
    /// one-scalar substitutions, without a `String` (nil when `apply` is nil; `u` itself when
    /// it has no source).
    func apply(_ u: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        guard isSinglePass else { return nil }
        var any = false
        for c in u {
            guard ScalarText.isSimple(c.value) else { return nil }
            if isSource(c.value) { any = true }
        }
        guard any else { return u }
        return u.map { c in isSource(c.value) ? (table[c.value] ?? c) : c }
    }
}
