/// Literal factors of a regular expression: a set of short strings such that every match of
/// the pattern contains one of them (the prefilter of trigram code search, Cox 2012, over whole
/// factors instead of trigrams).
///
/// Strings are over symbols: a scalar value, or `digit` for any decimal digit (ICU `\d`,
/// general category Nd). Literal digits in a pattern are read as `digit` too, and the text is
/// read the same way, so the factors stay sound. The reader covers the ICU subset of the time
/// rules (groups, look-arounds, classes, escapes, anchors, greedy and lazy quantifiers); on
/// anything else it returns nil (no information).
struct RxFactors: Sendable {
    typealias Symbols = [UInt32]
    /// The symbol of every decimal digit.
    static let digit: UInt32 = 0xFFFF_FFFF
    /// Largest set of alternatives kept while reading.
    static let maxSet = 64

    /// Every match contains one of these (non-empty) strings.
    let factors: Set<Symbols>

    /// The factors of `pattern`, or nil when the pattern can match without any (e.g. it may
    /// match the empty string) or uses syntax the reader does not handle.
    static func of(_ pattern: String) -> RxFactors? {
        var r = Reader(Array(pattern.unicodeScalars))
        guard let node = r.alternation(), r.i == r.p.count, let f = node.required else { return nil }
        return RxFactors(factors: f)
    }

    /// The symbols a non-empty match of `pattern` can start and end with (nil: any), or nil
    /// when the reader does not handle the pattern.
    static func ends(of pattern: String) -> RxEnds? { analysis(of: pattern).ends }

    /// `of(_:)` and `ends(of:)` from one reading of the pattern.
    static func analysis(of pattern: String) -> (factors: RxFactors?, ends: RxEnds?) {
        var r = Reader(Array(pattern.unicodeScalars))
        guard let node = r.alternation(), r.i == r.p.count else { return (nil, nil) }
        return (node.required.map { RxFactors(factors: $0) }, RxEnds(first: node.first, last: node.last))
    }

    static func union(_ a: Set<UInt32>?, _ b: Set<UInt32>?) -> Set<UInt32>? {
        guard let a, let b else { return nil }
        return a.union(b)
    }

    /// The symbol of a text scalar.
    @inline(__always) static func symbol(_ u: Unicode.Scalar) -> UInt32 {
        ScalarBloom.isDecimal(u) ? digit : u.value
    }

    // MARK: - Reading

    /// What is known of a sub-expression.
    struct Node {
        /// Every string the node can match, when few (may contain the empty string).
        var exact: Set<Symbols>?
        /// Every match contains one of these non-empty strings (nil: no requirement known).
        var factors: Set<Symbols>?
        /// The node can match the empty string.
        var nullable = false
        /// Symbols a non-empty match can start / end with (nil: any).
        var first: Set<UInt32>? = []
        var last: Set<UInt32>? = []

        init(exact: Set<Symbols>?, factors: Set<Symbols>?, nullable: Bool, first: Set<UInt32>?, last: Set<UInt32>?) {
            self.exact = exact
            self.factors = factors
            self.nullable = nullable
            self.first = first
            self.last = last
        }

        /// One symbol out of `symbols` (nil: any).
        init(exact: Set<Symbols>?, symbols: Set<UInt32>?) {
            self.init(exact: exact, factors: nil, nullable: false, first: symbols, last: symbols)
        }

        /// The best requirement: the exact set when it has no empty string, or the factors.
        var required: Set<Symbols>? {
            if let e = exact, !e.contains([]) { return RxFactors.better(e, factors) }
            return factors
        }

        static let empty = Node(exact: [[]], factors: nil, nullable: true, first: [], last: [])
        static let unknown = Node(exact: nil, symbols: nil)
    }

    /// How likely a set is to be found in text (lower is more selective).
    static func cost(_ s: Set<Symbols>) -> Double {
        var total = 0.0
        for f in s {
            var p = 1.0
            for v in f { p *= v == digit ? 0.1 : (RxPatternReader.common.contains(v) ? 0.02 : 0.004) }
            total += p
        }
        return total
    }

    static func better(_ a: Set<Symbols>?, _ b: Set<Symbols>?) -> Set<Symbols>? {
        guard let a else { return b }
        guard let b else { return a }
        return cost(a) <= cost(b) ? a : b
    }

    static func cross(_ a: Set<Symbols>, _ b: Set<Symbols>) -> Set<Symbols>? {
        guard a.count * b.count <= maxSet else { return nil }
        var out = Set<Symbols>()
        for x in a { for y in b { out.insert(x + y) } }
        return out
    }

    struct Reader {
        let p: [Unicode.Scalar]
        var i = 0
        init(_ p: [Unicode.Scalar]) { self.p = p }

        mutating func alternation() -> Node? {
            guard var acc = sequence() else { return nil }
            while i < p.count && p[i] == "|" {
                i += 1
                guard let next = sequence() else { return nil }
                var exact: Set<Symbols>? = nil
                if let a = acc.exact, let b = next.exact, a.count + b.count <= RxFactors.maxSet { exact = a.union(b) }
                var factors: Set<Symbols>? = nil
                if let a = acc.required, let b = next.required { factors = a.union(b) }
                acc = Node(exact: exact, factors: factors, nullable: acc.nullable || next.nullable,
                           first: RxFactors.union(acc.first, next.first), last: RxFactors.union(acc.last, next.last))
            }
            return acc
        }

        mutating func sequence() -> Node? {
            var acc = Node.empty
            while i < p.count && p[i] != "|" && p[i] != ")" {
                guard let atom = atom() else { return nil }
                guard let item = quantified(atom) else { return nil }
                var exact: Set<Symbols>? = nil
                if let a = acc.exact, let b = item.exact { exact = RxFactors.cross(a, b) }
                acc = Node(exact: exact, factors: RxFactors.better(acc.required, item.required),
                           nullable: acc.nullable && item.nullable,
                           first: acc.nullable ? RxFactors.union(acc.first, item.first) : acc.first,
                           last: item.nullable ? RxFactors.union(item.last, acc.last) : item.last)
            }
            return acc
        }

        /// The quantifier after an atom, applied.
        mutating func quantified(_ atom: Node) -> Node? {
            guard i < p.count else { return atom }
            var lo = 1, hi: Int? = 1
            switch p[i] {
            case "?": lo = 0; hi = 1; i += 1
            case "*": lo = 0; hi = nil; i += 1
            case "+": lo = 1; hi = nil; i += 1
            case "{":
                var j = i + 1
                func number() -> Int? {
                    var v = 0, any = false
                    while j < p.count, p[j].value >= 0x30, p[j].value <= 0x39 { v = v * 10 + Int(p[j].value - 0x30); j += 1; any = true }
                    return any ? v : nil
                }
                guard let n = number(), j < p.count else { return nil }
                lo = n; hi = n
                if p[j] == "," {
                    j += 1
                    hi = number()
                }
                guard j < p.count, p[j] == "}" else { return nil }
                i = j + 1
            default: return atom
            }
            if i < p.count && p[i] == "?" { i += 1 }          // lazy
            else if i < p.count && p[i] == "+" { return nil }  // possessive
            var exact: Set<Symbols>? = nil
            if let e = atom.exact, let hi, hi <= 4 {
                var all = Set<Symbols>()
                if lo == 0 { all.insert([]) }
                var power: Set<Symbols> = [[]]
                var complete = true
                if hi >= 1 {
                    for k in 1...hi {
                        guard let next = RxFactors.cross(power, e) else { complete = false; break }
                        power = next
                        if k >= lo { all.formUnion(next) }
                    }
                }
                if complete && all.count <= RxFactors.maxSet { exact = all }
            }
            return Node(exact: exact, factors: lo >= 1 ? atom.required : nil, nullable: lo == 0 || atom.nullable,
                        first: atom.first, last: atom.last)
        }

        mutating func atom() -> Node? {
            let c = p[i]
            switch c {
            case "(":
                i += 1
                var lookaround = false
                if i < p.count && p[i] == "?" {
                    guard i + 1 < p.count else { return nil }
                    switch p[i + 1] {
                    case ":": i += 2
                    case "=", "!": i += 2; lookaround = true
                    case "<":
                        guard i + 2 < p.count, p[i + 2] == "=" || p[i + 2] == "!" else { return nil }
                        i += 3; lookaround = true
                    default: return nil
                    }
                }
                guard let inner = alternation(), i < p.count, p[i] == ")" else { return nil }
                i += 1
                return lookaround ? .empty : inner
            case "[":
                return bracket()
            case ".":
                i += 1
                return .unknown
            case "^", "$":
                i += 1
                return .empty
            case "\\":
                guard let v = escape() else { return nil }
                return Node(exact: [[v]], symbols: [v])
            case "?", "*", "+", "{", ")", "]", "|":
                return nil
            default:
                i += 1
                return Node(exact: [[Self.sym(c.value)]], symbols: [Self.sym(c.value)])
            }
        }

        static func sym(_ v: UInt32) -> UInt32 {
            guard let u = Unicode.Scalar(v) else { return v }
            return RxFactors.symbol(u)
        }

        /// A single-symbol escape; nil for escapes that are not one symbol.
        mutating func escape() -> UInt32? {
            switch RxSyntax.escape(p, &i) {
            case nil: return nil
            case .decimal?: return RxFactors.digit
            case .scalar(let v)?: return Self.sym(v)
            }
        }

        /// A bracket class: its members as one-symbol strings (unknown when negated or large).
        mutating func bracket() -> Node? {
            guard let cls = RxSyntax.bracketClass(p, &i) else { return nil }
            let negated = cls.negated
            var members = Set<UInt32>()
            var large = false
            if cls.decimal { members.insert(RxFactors.digit) }
            for r in cls.ranges {
                if r.upperBound - r.lowerBound > 512 { large = true } else { for v in r { members.insert(Self.sym(v)) } }
            }
            if negated || large || members.count > RxFactors.maxSet { return .unknown }
            return Node(exact: Set(members.map { [$0] }), symbols: members)
        }
    }
}

/// The first and last symbols of the non-empty matches of a pattern (`RxFactors.ends(of:)`):
/// a text whose first or last scalar is not among them is not one whole match.
struct RxEnds: Sendable {
    let first: Set<UInt32>?
    let last: Set<UInt32>?

    /// False only when no match of the pattern can be all of `s` (non-empty).
    func mayMatchWhole(_ s: String) -> Bool {
        guard let f = s.unicodeScalars.first, let l = s.unicodeScalars.last else { return true }
        if let first, !first.contains(RxFactors.symbol(f)) { return false }
        if let last, !last.contains(RxFactors.symbol(l)) { return false }
        return true
    }
}
