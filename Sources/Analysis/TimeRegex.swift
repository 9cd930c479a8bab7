import Foundation

/// Thin wrapper over `NSRegularExpression` (ICU syntax, compatible with the Python `re` rules
/// used by JioNLP). Patterns are compiled once and kept in static tables.
/// Offsets returned to callers are Unicode-scalar offsets.
final class Rx: @unchecked Sendable {
    let re: NSRegularExpression
    let pattern: String

    init(_ pattern: String) {
        self.pattern = pattern
        do {
            re = try NSRegularExpression(pattern: pattern, options: [])
        } catch {
            fatalError("bad pattern \(pattern): \(error)")
        }
    }

    func search(_ s: String) -> RxMatch? {
        let ns = s as NSString
        guard let m = re.firstMatch(in: s, options: [], range: NSRange(location: 0, length: ns.length)) else { return nil }
        return RxMatch(ns: ns, result: m)
    }

    /// Text of the first match, or "" (JioNLP's `parse_pattern`).
    func find(_ s: String) -> String { search(s)?.text ?? "" }

    func matches(_ s: String) -> Bool { search(s) != nil }

    func findAll(_ s: String) -> [RxMatch] {
        let ns = s as NSString
        return re.matches(in: s, options: [], range: NSRange(location: 0, length: ns.length)).map { RxMatch(ns: ns, result: $0) }
    }

    /// Split like Python's `re.split` for patterns WITHOUT capturing groups.
    func split(_ s: String) -> [String] {
        let ns = s as NSString
        var out: [String] = []
        var last = 0
        for m in re.matches(in: s, options: [], range: NSRange(location: 0, length: ns.length)) {
            out.append(ns.substring(with: NSRange(location: last, length: m.range.location - last)))
            last = m.range.location + m.range.length
        }
        out.append(ns.substring(from: last))
        return out
    }

    func jSub(_ s: String, _ template: String = "", count: Int = 0) -> String {
        if count == 0 {
            let ns = s as NSString
            return re.stringByReplacingMatches(in: s, options: [], range: NSRange(location: 0, length: ns.length), withTemplate: NSRegularExpression.escapedTemplate(for: template))
        }
        var result = s
        for _ in 0..<count {
            guard let m = search(result) else { break }
            let ns = result as NSString
            result = ns.replacingCharacters(in: m.result.range, with: template)
        }
        return result
    }
}

struct RxMatch {
    let ns: NSString
    let result: NSTextCheckingResult

    var text: String { ns.substring(with: result.range) }

    func group(_ i: Int) -> String? {
        guard i < result.numberOfRanges else { return nil }
        let r = result.range(at: i)
        if r.location == NSNotFound { return nil }
        return ns.substring(with: r)
    }

    /// Start / end in Unicode scalars.
    var start: Int { (ns.substring(to: result.range.location) as String).unicodeScalars.count }
    var end: Int { start + text.unicodeScalars.count }
}

// MARK: - small string helpers (scalar based, like Python str indexing)

extension String {
    var jScalarCount: Int { unicodeScalars.count }

    func jSub(_ from: Int, _ to: Int? = nil) -> String {
        let arr = Array(unicodeScalars)
        let n = arr.count
        var a = from < 0 ? max(0, n + from) : min(from, n)
        var b = to.map { $0 < 0 ? max(0, n + $0) : min($0, n) } ?? n
        if b < a { b = a }
        a = min(a, n)
        var s = String.UnicodeScalarView()
        s.append(contentsOf: arr[a..<b])
        return String(s)
    }

    func jHas(_ x: String) -> Bool { self.range(of: x) != nil }

    /// Python `str.replace` (all occurrences, or the first `count`).
    func jRep(_ a: String, _ b: String, count: Int = 0) -> String {
        if count == 0 { return replacingOccurrences(of: a, with: b) }
        var s = self
        for _ in 0..<count {
            guard let r = s.range(of: a) else { break }
            s.replaceSubrange(r, with: b)
        }
        return s
    }

    func jOccurrences(_ x: String) -> Int { components(separatedBy: x).count - 1 }

    /// Scalar index of the first occurrence of `x`, or nil.
    func jScalarIndex(of x: String) -> Int? {
        guard let r = range(of: x) else { return nil }
        return self[startIndex..<r.lowerBound].unicodeScalars.count
    }

    var jLastChar: String { jSub(-1) }
    var jFirstChar: String { jSub(0, 1) }
}

/// Integer value of a string of (possibly full-width) decimal digits, like Python's `int()`.
func pyInt(_ s: String) -> Int? {
    var v = 0
    var any = false
    for u in s.unicodeScalars {
        if let d = decimalDigitValue(u) { v = v * 10 + d; any = true }
        else if u == " " { continue }
        else { return nil }
    }
    return any ? v : nil
}

func decimalDigitValue(_ u: Unicode.Scalar) -> Int? {
    if u.properties.numericType == .decimal, let nv = u.properties.numericValue { return Int(nv) }
    return nil
}

/// Python-like float(): accepts ASCII / full-width digits and one dot.
func pyFloat(_ s: String) -> Double? {
    var ascii = ""
    for u in s.unicodeScalars {
        if let d = decimalDigitValue(u) { ascii += String(d) }
        else if u == "." || u == "-" || u == "+" || u == "e" || u == "E" { ascii.unicodeScalars.append(u) }
        else { return nil }
    }
    return Double(ascii)
}
