/// Patterns simple enough to answer "is there a match?" without the regex engine, read from
/// the pattern text:
/// - a single bracket class, unanchored (`[０-９0-9一二三]`, `[一-龥]`): some scalar is in it;
/// - `^(lit|lit|…)$` with plain literals: the text is one of them;
/// - `^[class]{n}$`: the text is n scalars of the class.
///
/// ICU matches scalar by scalar (no canonical equivalence), so the literal and class tests
/// compare scalars. ICU's `$` (without the multiline flag) also matches before a line
/// terminator that ends the input, so the anchored forms allow one there.
enum RxSimpleForm: Sendable {
    case anyScalar(RxScalarClass)
    case wholeLiteral(Set<[UInt32]>)
    case wholeRepeat(RxScalarClass, Int)

    /// The simple form of `pattern`, or nil when it has none.
    static func of(_ pattern: String) -> RxSimpleForm? {
        let p = Array(pattern.unicodeScalars)
        if p.first == "[", let (cls, end) = RxScalarClass.read(p, 0), end == p.count { return .anyScalar(cls) }
        guard p.count >= 4, p.first == "^", p.last == "$" else { return nil }
        let body = Array(p[1..<(p.count - 1)])
        if body.first == "[", let (cls, end) = RxScalarClass.read(body, 0), end < body.count, body[end] == "{", body.last == "}" {
            var n = 0
            for u in body[(end + 1)..<(body.count - 1)] {
                guard u.value >= 0x30 && u.value <= 0x39 else { return nil }
                n = n * 10 + Int(u.value - 0x30)
            }
            return n > 0 ? .wholeRepeat(cls, n) : nil
        }
        guard body.first == "(", body.last == ")" else { return nil }
        var literals = Set<[UInt32]>()
        var current: [UInt32] = []
        for u in body[1..<(body.count - 1)] {
            if u == "|" { literals.insert(current); current = []; continue }
            // Only plain literal scalars: no syntax, no escapes.
            if "\\[](){}?*+.^$|".unicodeScalars.contains(u) { return nil }
            current.append(u.value)
        }
        literals.insert(current)
        return literals.contains([]) ? nil : .wholeLiteral(literals)
    }

    /// Whether the regex finds a match in `s`.
    func matches(_ s: String) -> Bool {
        switch self {
        case .anyScalar(let cls):
            for u in s.unicodeScalars where cls.contains(u) { return true }
            return false
        case .wholeLiteral(let set):
            var v: [UInt32] = []
            for u in s.unicodeScalars { v.append(u.value) }
            if set.contains(v) { return true }
            return Self.droppingFinalTerminator(v).map { set.contains($0) } ?? false
        case .wholeRepeat(let cls, let n):
            var v: [Unicode.Scalar] = []
            for u in s.unicodeScalars { v.append(u) }
            if let w = Self.droppingFinalTerminator(v.map(\.value)) { v = w.compactMap(Unicode.Scalar.init) }
            return v.count == n && v.allSatisfy(cls.contains)
        }
    }

    /// `v` without its final line terminator (\n, \r\n, \r, U+0085, U+2028, U+2029), or nil.
    static func droppingFinalTerminator(_ v: [UInt32]) -> [UInt32]? {
        guard let last = v.last else { return nil }
        if last == 0x0A {
            if v.count >= 2 && v[v.count - 2] == 0x0D { return Array(v.dropLast(2)) }
            return Array(v.dropLast())
        }
        if [0x0D, 0x85, 0x2028, 0x2029, 0x0B, 0x0C].contains(last) { return Array(v.dropLast()) }
        return nil
    }
}

/// The scalars of one ICU bracket class of literal scalars, ranges and `\d`.
struct RxScalarClass: Sendable {
    var scalars: Set<UInt32> = []
    var ranges: [ClosedRange<UInt32>] = []
    var decimal = false

    func contains(_ u: Unicode.Scalar) -> Bool {
        if scalars.contains(u.value) { return true }
        for r in ranges where r.contains(u.value) { return true }
        return decimal && u.properties.generalCategory == .decimalNumber
    }

    /// The class that opens at `p[start]` and the index after it; nil for negated classes and
    /// for what `RxSyntax.bracketClass` does not read.
    static func read(_ p: [Unicode.Scalar], _ start: Int) -> (RxScalarClass, Int)? {
        var i = start
        guard let c = RxSyntax.bracketClass(p, &i), !c.negated else { return nil }
        var cls = RxScalarClass()
        cls.decimal = c.decimal
        for r in c.ranges {
            if r.lowerBound == r.upperBound { cls.scalars.insert(r.lowerBound) } else { cls.ranges.append(r) }
        }
        return (cls, i)
    }
}

extension RxScalarClass {
    /// The members of the bracket class that is the whole of `pattern`, as a bitmap; nil when
    /// the class is negated, has `\d`, leaves the BMP or is not all of `pattern`.
    static func bits(_ pattern: String) -> RxAlphabet? {
        let p = Array(pattern.unicodeScalars)
        guard p.first == "[", let (cls, end) = read(p, 0), end == p.count, !cls.decimal else { return nil }
        var members = cls.scalars
        for r in cls.ranges { members.formUnion(r) }
        return RxAlphabet(members)
    }
}
