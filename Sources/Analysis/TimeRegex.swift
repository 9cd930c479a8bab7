import Foundation

/// Thin wrapper over `NSRegularExpression` (ICU syntax, compatible with the Python `re` rules
/// used by JioNLP). Patterns are compiled once and kept in static tables.
/// Offsets returned to callers are Unicode-scalar offsets.
/// Each pattern carries an `RxRequirement`: inputs that lack the characters every match needs
/// are answered without running the regex engine.
final class Rx: @unchecked Sendable {
    let re: NSRegularExpression
    let pattern: String
    let requirement: RxRequirement
    /// The scalars a match can consume, for patterns that can be searched run by run
    /// (`findAll(_:minLength:alsoIn:)`): bounded alphabet, no `$`, no empty match.
    let alphabet: RxAlphabet?
    /// How to answer `matches` without the engine, for the simplest patterns.
    let simpleForm: RxSimpleForm?

    init(_ pattern: String) {
        self.pattern = pattern
        let read = RxPatternReader.read(pattern)
        requirement = RxRequirement(clauses: read?.clauses ?? [])
        simpleForm = RxSimpleForm.of(pattern)
        if let read, read.minLength >= 1, !read.hasEndAnchor {
            alphabet = RxAlphabet(read.alphabet)
        } else {
            alphabet = nil
        }
        do {
            re = try NSRegularExpression(pattern: pattern, options: [])
        } catch {
            fatalError("bad pattern \(pattern): \(error)")
        }
    }

    /// A pattern whose requirement is already known (a loosened form of another pattern has
    /// the same one: what was removed adds no clause). It is not searched run by run.
    init(_ pattern: String, requirement: RxRequirement) {
        self.pattern = pattern
        self.requirement = requirement
        alphabet = nil
        simpleForm = RxSimpleForm.of(pattern)
        do {
            re = try NSRegularExpression(pattern: pattern, options: [])
        } catch {
            fatalError("bad pattern \(pattern): \(error)")
        }
    }

    /// False only when `s` provably contains no match.
    @inline(__always) func mayMatch(_ s: String) -> Bool { requirement.mayMatch(s) }

    func search(_ s: String) -> RxMatch? {
        guard mayMatch(s) else { return nil }
        return engineSearch(s)
    }

    /// `find` for callers that try many patterns on one text; `bloom` is `ScalarBloom(s)`.
    func find(_ s: String, bloom: ScalarBloom) -> String {
        guard requirement.mayMatch(bloom) else { return "" }
        return engineSearch(s)?.text ?? ""
    }

    private func engineSearch(_ s: String) -> RxMatch? {
        let ns = s as NSString
        guard let m = re.firstMatch(in: s, options: [], range: NSRange(location: 0, length: ns.length)) else { return nil }
        return RxMatch(ns: ns, result: m)
    }

    /// Text of the first match, or "" (JioNLP's `parse_pattern`).
    func find(_ s: String) -> String { search(s)?.text ?? "" }

    func matches(_ s: String) -> Bool {
        if let simpleForm { return simpleForm.matches(s) }
        return search(s) != nil
    }

    /// `matches` for callers that try many patterns on one text; `bloom` is `ScalarBloom(s)`.
    func matches(_ s: String, bloom: ScalarBloom) -> Bool {
        if let simpleForm { return simpleForm.matches(s) }
        return requirement.mayMatch(bloom) && engineSearch(s) != nil
    }

    func findAll(_ s: String) -> [RxMatch] {
        guard mayMatch(s) else { return [] }
        let ns = s as NSString
        let results = re.matches(in: s, options: [], range: NSRange(location: 0, length: ns.length))
        // Scalar offsets of the (ordered, non-overlapping) matches in one pass over the text.
        var scalars = s.unicodeScalars.makeIterator()
        var utf16 = 0, scalar = 0
        func scalarOffset(ofUTF16 target: Int) -> Int {
            while utf16 < target, let u = scalars.next() {
                utf16 += u.utf16.count
                scalar += 1
            }
            return scalar
        }
        var out: [RxMatch] = []
        out.reserveCapacity(results.count)
        var ordered = true
        for r in results {
            if ordered && r.range.location >= utf16 {
                let start = scalarOffset(ofUTF16: r.range.location)
                if utf16 == r.range.location {
                    let end = scalarOffset(ofUTF16: r.range.location + r.range.length)
                    if utf16 == r.range.location + r.range.length {
                        out.append(RxMatch(ns: ns, result: r, offsets: (start, end)))
                        continue
                    }
                }
                // A bound inside a surrogate pair: leave the rest to the per-match computation.
                ordered = false
            }
            out.append(RxMatch(ns: ns, result: r))
        }
        return out
    }

    /// The matches of `findAll(s)`, except matches shorter than `minLength` scalars that lie in
    /// a run of the pattern's alphabet shorter than `minLength` without a scalar of `alsoIn`.
    ///
    /// The engine runs only on the other runs of alphabet scalars, each given with the scalar
    /// before it. No match consumes a scalar outside the alphabet, so none crosses a run's
    /// bounds; look-arounds, whose literals are in the alphabet too, cannot match across them
    /// either; `^` cannot match at the leading non-alphabet scalar since no match consumes it or
    /// is empty; and there is no `$`. So within a run the search finds what it finds over the
    /// whole text, reading only the run.
    ///
    /// `runGate`, when given, receives the scalar offsets `start..<end` of each run about to be
    /// searched; a run it rejects is not searched and contributes no match. Callers pass a gate
    /// that is false only when no match inside the run could matter to them.
    func findAll(_ s: String, minLength: Int, alsoIn: Set<Unicode.Scalar> = [],
                 runGate: ((Int, Int) -> Bool)? = nil) -> [RxMatch] {
        guard let alphabet, minLength > 1 else {
            guard let runGate else { return findAll(s) }
            return findAll(s).filter { runGate($0.start, $0.end) }
        }
        guard mayMatch(s) else { return [] }
        let ns = s as NSString
        var out: [RxMatch] = []
        var utf16 = 0
        var scalar = 0
        var runStart16 = 0, runStartScalar = 0, runLength = 0
        var runHasAlso = false
        func searchRun() {
            guard runLength >= minLength || runHasAlso else { return }
            if let runGate, !runGate(runStartScalar, runStartScalar + runLength) { return }
            let from = runStart16 > 0 ? runStart16 - 1 : 0
            let range = NSRange(location: from, length: utf16 - from)
            for r in re.matches(in: s, options: [], range: range) {
                // Alphabet scalars are in the BMP: one UTF-16 unit each.
                let start = runStartScalar + (r.range.location - runStart16)
                out.append(RxMatch(ns: ns, result: r, offsets: (start, start + r.range.length)))
            }
        }
        for u in s.unicodeScalars {
            if alphabet.contains(u.value) {
                if runLength == 0 { runStart16 = utf16; runStartScalar = scalar; runHasAlso = false }
                runLength += 1
                if !runHasAlso && !alsoIn.isEmpty && alsoIn.contains(u) { runHasAlso = true }
            } else {
                searchRun()
                runLength = 0
                runHasAlso = false
            }
            utf16 += u.utf16.count
            scalar += 1
        }
        searchRun()
        return out
    }

    /// Split like Python's `re.split` for patterns WITHOUT capturing groups.
    func split(_ s: String) -> [String] {
        guard mayMatch(s) else { return [s] }
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
            guard mayMatch(s) else { return s }
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
    /// Scalar offsets when the caller computed them (`findAll`).
    private let offsets: (start: Int, end: Int)?

    init(ns: NSString, result: NSTextCheckingResult, offsets: (Int, Int)? = nil) {
        self.ns = ns
        self.result = result
        self.offsets = offsets.map { (start: $0.0, end: $0.1) }
    }

    var text: String { ns.substring(with: result.range) }

    func group(_ i: Int) -> String? {
        guard i < result.numberOfRanges else { return nil }
        let r = result.range(at: i)
        if r.location == NSNotFound { return nil }
        return ns.substring(with: r)
    }

    /// Start / end in Unicode scalars.
    var start: Int { offsets?.start ?? (ns.substring(to: result.range.location) as String).unicodeScalars.count }
    var end: Int { offsets?.end ?? start + text.unicodeScalars.count }
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

    // The helpers below answer from UTF-8 bytes when `ScalarText` shows that agrees with
    // Foundation, and ask Foundation otherwise.

    func jHas(_ x: String) -> Bool {
        if let r = ScalarText.contains(self, x) { return r }
        return self.range(of: x) != nil
    }

    /// Python `str.replace` (all occurrences, or the first `count`).
    func jRep(_ a: String, _ b: String, count: Int = 0) -> String {
        if count == 0 {
            if let r = ScalarText.replacing(self, a, with: b) { return r }
            return replacingOccurrences(of: a, with: b)
        }
        var s = self
        for _ in 0..<count {
            switch ScalarText.replacingFirst(s, a, with: b) {
            case .some(.some(let r)): s = r
            case .some(.none): return s
            case .none:
                guard let r = s.range(of: a) else { return s }
                s.replaceSubrange(r, with: b)
            }
        }
        return s
    }

    func jOccurrences(_ x: String) -> Int {
        if let n = ScalarText.occurrences(self, x) { return n }
        return components(separatedBy: x).count - 1
    }

    /// Scalar index of the first occurrence of `x`, or nil.
    func jScalarIndex(of x: String) -> Int? {
        if let r = ScalarText.scalarIndex(self, of: x) { return r }
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
