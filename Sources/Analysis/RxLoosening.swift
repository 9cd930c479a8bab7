/// A looser form of an ICU pattern: the same pattern without anchors (`^`, `$`) and without
/// negative look-arounds (`(?!…)`, `(?<!…)`).
///
/// Every match of the original pattern in a text `q` is a match of the loosened pattern in any
/// text that contains `q`: the removed items only ever reject, a positive look-around that held
/// inside `q` still sees the same scalars, and the patterns that are loosened use no atomic
/// groups, possessive quantifiers or back references (which could turn an extra alternative
/// into a failure; `loosen` refuses them). So when the loosened pattern finds no match in a
/// text, the original matches no piece of it. `TimeParseGate` uses this to rule out whole
/// candidate runs.
enum RxLoosening {
    /// The loosened pattern, or nil when the pattern uses syntax this reading does not handle
    /// (then nothing may be concluded from it).
    static func loosen(_ pattern: String) -> String? {
        let p = Array(pattern.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < p.count {
            let c = p[i]
            switch c {
            case "\\":
                guard i + 1 < p.count else { return nil }
                let e = p[i + 1]
                // Back references, \Q…\E quoting and \G/\b/\B/\A/\Z/\z assertions are not handled.
                if (e.value >= 0x31 && e.value <= 0x39) || "QEGbBAZzk".unicodeScalars.contains(e) { return nil }
                out.append(c); out.append(e)
                i += 2
            case "[":
                guard let end = classEnd(p, i) else { return nil }
                out.append(contentsOf: p[i..<end])
                i = end
            case "^", "$":
                i += 1
            case "(":
                if i + 2 < p.count && p[i + 1] == "?" {
                    let k = p[i + 2]
                    if k == ">" { return nil }                            // atomic group
                    let negative = k == "!" || (k == "<" && i + 3 < p.count && p[i + 3] == "!")
                    if negative {
                        guard let end = groupEnd(p, i) else { return nil }
                        // A quantifier after the removed item would attach to the item before it.
                        if end < p.count && "?*+{".unicodeScalars.contains(p[end]) { return nil }
                        i = end
                        continue
                    }
                    if k != ":" && k != "=" && k != "<" { return nil }   // flags and other groups
                }
                out.append(c)
                i += 1
            case "+", "*", "?", "}":
                // A possessive quantifier (x++, x*+, x?+, x{n}+).
                if i + 1 < p.count && p[i + 1] == "+" && !(c == "?" && i > 0 && p[i - 1] == "(") { return nil }
                out.append(c)
                i += 1
            default:
                out.append(c)
                i += 1
            }
        }
        return String(out)
    }

    /// The index after the `]` closing the class that opens at `start`; nil for nested sets.
    static func classEnd(_ p: [Unicode.Scalar], _ start: Int) -> Int? {
        var i = start + 1
        if i < p.count && p[i] == "^" { i += 1 }
        var first = true
        while i < p.count {
            let c = p[i]
            if c == "]" && !first { return i + 1 }
            first = false
            if c == "[" { return nil }
            i += c == "\\" ? 2 : 1
        }
        return nil
    }

    /// The index after the `)` closing the group that opens at `start`.
    static func groupEnd(_ p: [Unicode.Scalar], _ start: Int) -> Int? {
        var depth = 0
        var i = start
        while i < p.count {
            switch p[i] {
            case "\\": i += 2; continue
            case "[":
                guard let end = classEnd(p, i) else { return nil }
                i = end; continue
            case "(": depth += 1
            case ")":
                depth -= 1
                if depth == 0 { return i + 1 }
            default: break
            }
            i += 1
        }
        return nil
    }
}
