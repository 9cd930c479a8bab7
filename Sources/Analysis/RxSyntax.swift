/// The pieces of ICU pattern syntax that the pattern analyses (`RxPatternReader`, `RxFactors`,
/// `RxSimpleForm`) read alike: escapes and bracket classes. Each returns nil on syntax it does
/// not model, and the analyses then conclude nothing from the pattern.
enum RxSyntax {
    enum Escape: Equatable { case scalar(UInt32), decimal }

    /// The escape at `p[i]` (a backslash), `i` moved past it: `\d`, `\t`, `\n`, `\r`, `\uXXXX`
    /// or escaped punctuation; nil for letters and digits after the backslash (classes,
    /// anchors, references).
    static func escape(_ p: [Unicode.Scalar], _ i: inout Int) -> Escape? {
        guard i + 1 < p.count else { return nil }
        let e = p[i + 1]
        i += 2
        switch e {
        case "d": return .decimal
        case "t": return .scalar(0x09)
        case "n": return .scalar(0x0A)
        case "r": return .scalar(0x0D)
        case "u":
            guard i + 4 <= p.count else { return nil }
            var v: UInt32 = 0
            for k in i..<(i + 4) {
                guard let h = p[k].properties.isASCIIHexDigit ? UInt32(String(p[k]), radix: 16) : nil else { return nil }
                v = v * 16 + h
            }
            i += 4
            return .scalar(v)
        default:
            if e.properties.isAlphabetic || (e.value >= 0x30 && e.value <= 0x39) { return nil }
            return .scalar(e.value)
        }
    }

    /// A bracket class: negated or not, its members as scalar ranges, and whether it has `\d`.
    struct BracketClass {
        var negated = false
        var ranges: [ClosedRange<UInt32>] = []
        var decimal = false
    }

    /// The bracket class opening at `p[i]`, `i` moved past its `]`; nil for nested sets,
    /// `&&`/`--` operators, unmodelled escapes, reversed ranges or a missing `]`. A `]` first
    /// is a member, and so is a `-` before `]`.
    static func bracketClass(_ p: [Unicode.Scalar], _ i: inout Int) -> BracketClass? {
        i += 1
        var cls = BracketClass()
        if i < p.count && p[i] == "^" { cls.negated = true; i += 1 }
        var first = true
        while i < p.count {
            let c = p[i]
            if c == "]" && !first { break }
            first = false
            if c == "[" { return nil }
            if (c == "&" || c == "-") && i + 1 < p.count && p[i + 1] == c { return nil }
            var lo: UInt32
            if c == "\\" {
                switch escape(p, &i) {
                case nil: return nil
                case .decimal?: cls.decimal = true; continue
                case .scalar(let v)?: lo = v
                }
            } else {
                lo = c.value
                i += 1
            }
            if i + 1 < p.count && p[i] == "-" && p[i + 1] != "]" {
                i += 1
                var hi: UInt32
                if p[i] == "\\" {
                    guard case .scalar(let v)? = escape(p, &i) else { return nil }
                    hi = v
                } else {
                    hi = p[i].value
                    i += 1
                }
                guard hi >= lo else { return nil }
                cls.ranges.append(lo...hi)
            } else {
                cls.ranges.append(lo...lo)
            }
        }
        guard i < p.count, p[i] == "]" else { return nil }
        i += 1
        return cls
    }
}
