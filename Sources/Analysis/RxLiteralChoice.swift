/// An alternation of literals matched at one position as ICU's backtracking engine matches it,
/// read from a pattern made only of literal scalars, groups `( … | … )`, `?` after a scalar or
/// a group, and `^` at the start of a branch.
///
/// At a position the engine tries the branches of an alternation in order, and the options of
/// a sequence `A B` in the order (option of A, then each option of B), `X?` trying `X` before
/// nothing. With nothing but literals the first option that matches is the match; so the
/// pattern is the ordered list of the literal strings it spells (`options`), and its match at
/// a position is the first of them found there. (`(大)?约(莫|合)?` → 大约莫, 大约合, 大约, 约莫,
/// 约合, 约.) A `^` branch matches only at the start of the searched text.
///
/// `MoneyExtractor`'s candidate and unit patterns are such alternations; tests compare the
/// matches with ICU's.
struct RxLiteralChoice: Sendable {
    struct Option: Sendable, Equatable {
        /// The branch began with `^`.
        var anchored: Bool
        var scalars: [UInt32]
    }

    /// Every literal the pattern spells, in the order the engine tries them.
    let options: [Option]
    /// `options` that begin with each scalar, in the same order (for the lookup at a position:
    /// options with another first scalar cannot match there).
    private let byFirst: [UInt32: [Option]]
    /// The first scalars of `options`.
    private let firsts: RxAlphabet

    /// Nil when the pattern has syntax beyond literals, groups, `?` and a leading `^`, an
    /// empty option, or a scalar outside the BMP.
    init?(_ pattern: String) {
        var reader = Reader(p: Array(pattern.unicodeScalars))
        guard let options = reader.alternation(), reader.i == reader.p.count,
              !options.contains(where: { $0.scalars.isEmpty }) else { return nil }
        self.options = options
        var byFirst: [UInt32: [Option]] = [:]
        for o in options { byFirst[o.scalars[0], default: []].append(o) }
        self.byFirst = byFirst
        guard let firsts = RxAlphabet(Set(byFirst.keys)) else { return nil }
        self.firsts = firsts
    }

    /// Scalar count of the first option that matches `u` at `at` and ends by `limit`, 0 when
    /// none does. `at == 0` is the start of the searched text (where `^` options may match).
    @inline(__always) func match(_ u: UnsafeBufferPointer<Unicode.Scalar>, at: Int, limit: Int) -> Int {
        guard at < limit, firsts.contains(u[at].value), let list = byFirst[u[at].value] else { return 0 }
        return Self.first(list, u, at: at, limit: limit)
    }

    private static func first(_ list: [Option], _ u: UnsafeBufferPointer<Unicode.Scalar>, at: Int, limit: Int) -> Int {
        for o in list where fits(o, u, at: at, limit: limit) { return o.scalars.count }
        return 0
    }

    /// The lengths of every option matching at `at` and ending by `limit`, in the engine's
    /// order (so that the match under any nearer limit is the first of them that fits).
    func matches(_ u: UnsafeBufferPointer<Unicode.Scalar>, at: Int, limit: Int) -> [Int] {
        guard at < limit, firsts.contains(u[at].value), let list = byFirst[u[at].value] else { return [] }
        return list.filter { Self.fits($0, u, at: at, limit: limit) }.map(\.scalars.count)
    }

    /// Whether option `o`, whose first scalar is `u[at]`, stands at `at` and ends by `limit`.
    @inline(__always) private static func fits(_ o: Option, _ u: UnsafeBufferPointer<Unicode.Scalar>, at: Int, limit: Int) -> Bool {
        if o.anchored && at != 0 { return false }
        let n = o.scalars.count
        guard at + n <= limit else { return false }
        var k = 1
        while k < n {
            if u[at + k].value != o.scalars[k] { return false }
            k += 1
        }
        return true
    }

    /// Expands the pattern into its ordered options.
    private struct Reader {
        let p: [Unicode.Scalar]
        var i = 0

        mutating func alternation() -> [Option]? {
            var out: [Option] = []
            while true {
                guard let s = sequence() else { return nil }
                out += s
                guard i < p.count, p[i] == "|" else { return out }
                i += 1
            }
        }

        mutating func sequence() -> [Option]? {
            var out = [Option(anchored: false, scalars: [])]
            if i < p.count && p[i] == "^" {
                out[0].anchored = true
                i += 1
            }
            while i < p.count && p[i] != "|" && p[i] != ")" {
                var atom: [Option]
                switch p[i] {
                case "(":
                    i += 1
                    guard i < p.count, p[i] != "?", let inner = alternation(), i < p.count, p[i] == ")" else { return nil }
                    i += 1
                    atom = inner
                case "[", "]", "{", "}", "\\", ".", "*", "+", "?", "^", "$":
                    return nil
                default:
                    guard p[i].value < 0x10000 else { return nil }
                    atom = [Option(anchored: false, scalars: [p[i].value])]
                    i += 1
                }
                if atom.contains(where: \.anchored) { return nil }
                if i < p.count && p[i] == "?" {
                    i += 1
                    atom.append(Option(anchored: false, scalars: []))
                }
                if i < p.count && (p[i] == "*" || p[i] == "+" || p[i] == "{") { return nil }
                var next: [Option] = []
                for a in out {
                    for b in atom { next.append(Option(anchored: a.anchored, scalars: a.scalars + b.scalars)) }
                }
                out = next
            }
            return out
        }
    }
}
