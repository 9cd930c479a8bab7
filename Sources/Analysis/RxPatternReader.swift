/// A recursive-descent reader of the ICU regex subset used by the rule tables. It computes for
/// each sub-expression the clauses every match of it satisfies (`RxRequirement`), and collects
/// every scalar the pattern could consume (`RxAlphabet`). `read` returns nil on syntax it does
/// not model.
struct RxPatternReader {
    typealias Clause = RxRequirement.Clause
    /// Most clauses kept per sub-expression (the cheapest are kept; dropping clauses only
    /// weakens the requirement).
    static let maxClauses = 8
    /// Classes larger than this add no clause.
    static let maxClassSize = 96

    /// Ranges larger than this make the alphabet unbounded.
    static let maxAlphabetRange: UInt32 = 4096

    let p: [Unicode.Scalar]
    var i = 0
    /// Every scalar a match (or a look-around) could consume, unless `alphabetBounded` is false.
    var alphabet = Set<UInt32>()
    var alphabetBounded = true
    /// Whether the pattern uses `$`.
    var hasEndAnchor = false

    init(_ p: [Unicode.Scalar]) { self.p = p }

    /// What the reader learnt about a pattern.
    struct Result {
        /// Every match satisfies every clause.
        var clauses: [Clause]
        /// The scalars a match (or a look-around) can consume; nil when unbounded.
        var alphabet: Set<UInt32>?
        /// The fewest scalars a match consumes.
        var minLength: Int
        /// Whether the pattern uses `$`.
        var hasEndAnchor: Bool
    }

    /// What `pattern` requires; nil when the reader does not model its syntax.
    static func read(_ pattern: String) -> Result? {
        var reader = RxPatternReader(Array(pattern.unicodeScalars))
        guard let r = reader.readAlternation(), reader.i == reader.p.count else { return nil }
        return Result(clauses: r.clauses, alphabet: reader.alphabetBounded ? reader.alphabet : nil,
                      minLength: r.minLength, hasEndAnchor: reader.hasEndAnchor)
    }

    /// What a sub-expression requires of every match: clauses, and the fewest scalars it consumes.
    struct Info {
        var clauses: [Clause]
        var minLength: Int
    }

    /// Scalars so frequent in news text that a clause made of them filters little; clauses
    /// avoiding them are kept first. (Only a preference: it never changes what is required.)
    static let common: Set<UInt32> = Set(("的一是不了在人有这个们中来上大为和国地到以说时要就出会可也对生能而子得于着下自之年过发后作里用" +
        "道行所然家种事成方多经去法学如都同现当没动面起看定天分还进好小部其些主样理心本前开但因只从想实日者意无力与长把机十民第公此已工使" +
        "情明性知全三又关点正业外将两高间由问很最重并物手应向头文体相新二等产或制加月数五四六七八九百千万亿零〇").unicodeScalars.map(\.value))

    /// How little a clause filters: its size, with frequent scalars and `\d` counting more.
    static func cost(_ c: Clause) -> Int {
        var n = c.decimal ? 40 : 0
        for v in c.scalars { n += common.contains(v) ? 8 : 1 }
        return n
    }

    static func prune(_ cs: [Clause]) -> [Clause] {
        var out: [Clause] = []
        // Costs computed once per clause (the order is the same as sorting by `cost` directly).
        for (_, c) in cs.map({ (cost($0), $0) }).sorted(by: { $0.0 < $1.0 }) where !out.contains(c) {
            out.append(c)
            if out.count == maxClauses { break }
        }
        return out
    }

    /// a|b|c: a match satisfies one branch's clauses, so each clause of the result is a union
    /// of one clause from every branch.
    mutating func readAlternation() -> Info? {
        guard var acc = readSequence() else { return nil }
        while i < p.count && p[i] == "|" {
            i += 1
            guard let next = readSequence() else { return nil }
            var crossed: [Clause] = []
            for a in acc.clauses {
                for b in next.clauses { crossed.append(Clause(scalars: a.scalars.union(b.scalars), decimal: a.decimal || b.decimal)) }
            }
            acc = Info(clauses: Self.prune(crossed), minLength: min(acc.minLength, next.minLength))
        }
        return acc
    }

    /// A concatenation: every item's clauses hold.
    mutating func readSequence() -> Info? {
        var acc = Info(clauses: [], minLength: 0)
        while i < p.count && p[i] != "|" && p[i] != ")" {
            guard let (atom, canRepeat) = readAtom() else { return nil }
            var item = atom
            if canRepeat {
                guard let min = readQuantifier() else { return nil }
                item = min == 0 ? Info(clauses: [], minLength: 0) : Info(clauses: atom.clauses, minLength: Swift.min(atom.minLength * min, 1 << 20))
            }
            acc.clauses.append(contentsOf: item.clauses)
            acc.minLength = Swift.min(acc.minLength + item.minLength, 1 << 20)
        }
        acc.clauses = Self.prune(acc.clauses)
        return acc
    }

    /// Minimum repetition of the quantifier at `i` (1 when there is none); nil on bad syntax.
    mutating func readQuantifier() -> Int? {
        guard i < p.count else { return 1 }
        var min = 1
        switch p[i] {
        case "?", "*": min = 0; i += 1
        case "+": i += 1
        case "{":
            var j = i + 1
            var digits = ""
            while j < p.count, p[j].value >= 0x30, p[j].value <= 0x39 { digits.unicodeScalars.append(p[j]); j += 1 }
            guard let n = Int(digits), j < p.count else { return nil }
            while j < p.count && p[j] != "}" {
                guard p[j] == "," || (p[j].value >= 0x30 && p[j].value <= 0x39) else { return nil }
                j += 1
            }
            guard j < p.count else { return nil }
            min = n
            i = j + 1
        default: return 1
        }
        // Lazy / possessive modifiers do not change what must be matched.
        if i < p.count && (p[i] == "?" || p[i] == "+") { i += 1 }
        return min
    }

    /// One atom and whether a quantifier may follow it.
    mutating func readAtom() -> (Info, Bool)? {
        let c = p[i]
        func one(_ clause: Clause?) -> Info { Info(clauses: clause.map { [$0] } ?? [], minLength: 1) }
        switch c {
        case "(":
            i += 1
            var kind = 0 // 0 group, 1 positive look-around, 2 negative look-around
            if i < p.count && p[i] == "?" {
                guard i + 1 < p.count else { return nil }
                switch p[i + 1] {
                case ":": i += 2
                case "=": i += 2; kind = 1
                case "!": i += 2; kind = 2
                case "<":
                    guard i + 2 < p.count else { return nil }
                    if p[i + 2] == "=" { i += 3; kind = 1 } else if p[i + 2] == "!" { i += 3; kind = 2 } else { return nil }
                default: return nil
                }
            }
            guard let inner = readAlternation(), i < p.count, p[i] == ")" else { return nil }
            i += 1
            switch kind {
            case 0: return (inner, true)
            case 1: return (Info(clauses: inner.clauses, minLength: 0), true)
            default: return (Info(clauses: [], minLength: 0), true)
            }
        case "[":
            guard let cls = readClass() else { return nil }
            return (one(cls), true)
        case ".":
            alphabetBounded = false
            i += 1
            return (one(nil), true)
        case "^", "$":
            if c == "$" { hasEndAnchor = true }
            i += 1
            return (Info(clauses: [], minLength: 0), false)
        case "\\":
            guard let e = readEscape() else { return nil }
            switch e {
            case .scalar(let v):
                alphabet.insert(v)
                return (one(Clause(scalars: [v], decimal: false)), true)
            case .decimal:
                alphabetBounded = false
                return (one(Clause(scalars: [], decimal: true)), true)
            }
        case "?", "*", "+", "{", ")", "]":
            return nil
        default:
            i += 1
            alphabet.insert(c.value)
            return (one(Clause(scalars: [c.value], decimal: false)), true)
        }
    }

    /// The escape at `i` (a backslash); nil for escapes the reader does not model.
    mutating func readEscape() -> RxSyntax.Escape? { RxSyntax.escape(p, &i) }

    /// A bracket class: its clause, nil inside the outer optional when it adds none (negated or
    /// large); the outer nil on syntax the reader does not model.
    mutating func readClass() -> Clause?? {
        guard let cls = RxSyntax.bracketClass(p, &i) else { return nil }
        let negated = cls.negated, decimal = cls.decimal
        var members = Set<UInt32>()
        var huge = false
        for r in cls.ranges {
            if r.upperBound - r.lowerBound >= Self.maxAlphabetRange { huge = true } else { for v in r { members.insert(v) } }
        }
        if negated || huge || decimal { alphabetBounded = false } else { alphabet.formUnion(members) }
        if negated || huge || members.count > Self.maxClassSize { return .some(nil) }
        return .some(Clause(scalars: members, decimal: decimal))
    }
}
