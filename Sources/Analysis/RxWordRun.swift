/// A pattern of the form `(w1|w2|…|wk|[class])+` — literal words and bracket classes, in any
/// order, repeated — matched by a scan over scalars instead of ICU.
///
/// The time-character rule of JioNLP has this form. Nothing follows the repetition, so a
/// backtracking matcher never goes back into it: each round takes the first alternative (in
/// pattern order) that matches at the current position, and the match ends where none does.
/// The leftmost match starts at the first position where some alternative matches. `findAll`
/// repeats that from the end of each match, as `NSRegularExpression.matches` does (no
/// empty match is possible). `RxWordRunTests` compares it with ICU on generated texts.
struct RxWordRun: Sendable {
    private enum Alternative: Sendable {
        case word([UInt32])
        case set(RxAlphabet)
    }

    private let alternatives: [Alternative]
    /// Every scalar some alternative can consume: no match crosses a scalar outside it.
    let alphabet: RxAlphabet

    /// Nil unless `pattern` has the form above with BMP scalars, plain (or escaped
    /// punctuation) words, and positive classes without `\d` or ranges wider than 256.
    init?(_ pattern: String) {
        let p = Array(pattern.unicodeScalars)
        guard p.count > 4, p[0] == "(", p[p.count - 2] == ")", p[p.count - 1] == "+" else { return nil }
        var alternatives: [Alternative] = []
        var alphabet = Set<UInt32>()
        var i = 1
        let end = p.count - 2
        while i < end {
            if p[i] == "[" {
                guard let cls = RxSyntax.bracketClass(p, &i), !cls.negated, !cls.decimal else { return nil }
                var members = Set<UInt32>()
                for r in cls.ranges {
                    guard r.count <= 256 else { return nil }
                    members.formUnion(r)
                }
                guard let set = RxAlphabet(members) else { return nil }
                alphabet.formUnion(members)
                alternatives.append(.set(set))
            } else {
                var word: [UInt32] = []
                while i < end && p[i] != "|" {
                    let c = p[i]
                    if c == "\\" {
                        guard case .scalar(let v)? = RxSyntax.escape(p, &i) else { return nil }
                        word.append(v)
                        continue
                    }
                    guard !"()[]{}?*+.^$".unicodeScalars.contains(c) else { return nil }
                    word.append(c.value)
                    i += 1
                }
                guard !word.isEmpty, word.allSatisfy({ $0 < 0x10000 }) else { return nil }
                alphabet.formUnion(word)
                alternatives.append(.word(word))
            }
            if i < end {
                guard p[i] == "|" else { return nil }
                i += 1
                guard i < end else { return nil }
            }
        }
        guard i == end, !alternatives.isEmpty, let all = RxAlphabet(alphabet) else { return nil }
        self.alternatives = alternatives
        self.alphabet = all
    }

    /// The length of the first alternative matching `s[j..<limit]` at `j`, or 0.
    @inline(__always) private func step(_ s: [Unicode.Scalar], _ j: Int, _ limit: Int) -> Int {
        for a in alternatives {
            switch a {
            case .set(let set):
                if set.contains(s[j].value) { return 1 }
            case .word(let w):
                guard j + w.count <= limit else { continue }
                var k = 0
                while k < w.count && s[j + k].value == w[k] { k += 1 }
                if k == w.count { return w.count }
            }
        }
        return 0
    }

    /// The matches inside `s[start..<end]`, as scalar offsets, left to right.
    func matches(_ s: [Unicode.Scalar], _ start: Int, _ end: Int, into out: inout [(Int, Int)]) {
        var p = start
        while p < end {
            var q = p
            while q < end {
                let n = step(s, q, end)
                if n == 0 { break }
                q += n
            }
            if q > p {
                out.append((p, q))
                p = q
            } else {
                p += 1
            }
        }
    }

    /// `Rx.findAll(_:minLength:alsoIn:runGate:)` of the same pattern on the text whose scalars
    /// are `s`: runs of alphabet scalars shorter than `minLength` without a scalar of `alsoIn`
    /// are not searched, nor runs `runGate` rejects.
    func findAll(_ s: [Unicode.Scalar], minLength: Int, alsoIn: Set<Unicode.Scalar> = [],
                 runGate: ((Int, Int) -> Bool)? = nil) -> [(Int, Int)] {
        var out: [(Int, Int)] = []
        var k = 0
        let n = s.count
        while k < n {
            guard alphabet.contains(s[k].value) else { k += 1; continue }
            let runStart = k
            var hasAlso = false
            while k < n && alphabet.contains(s[k].value) {
                if !hasAlso && !alsoIn.isEmpty && alsoIn.contains(s[k]) { hasAlso = true }
                k += 1
            }
            guard k - runStart >= minLength || hasAlso else { continue }
            if let runGate, !runGate(runStart, k) { continue }
            matches(s, runStart, k, into: &out)
        }
        return out
    }
}
