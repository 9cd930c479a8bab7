/// A pattern of the form `(?!(N))(W|[C])+` — a first scalar not in `N` (optional), then a
/// greedy repetition of one of the literal words `W` (an `RxLiteralChoice`) or one scalar of
/// the class `C` — matched by a scan of scalars instead of ICU. JioNLP's time-character rule
/// (`(现在|开始|…|[102年月日…])+`) and money-character rule have this form.
///
/// At each repetition the engine takes the first branch that matches (`RxLiteralChoice` lists
/// the words in the order it tries them, the class coming last). Nothing follows the
/// repetition, so its end can never fail and the engine never goes back on a choice: the match
/// is the chain of first matching branches, as long as it goes. A position where no branch
/// matches, or that `N` forbids as a start, yields no match and the search moves one scalar
/// on; after a match it resumes at its end. A `^` word matches only at the start of the text.
///
/// Runs: like `Rx.findAll(_:minLength:alsoIn:runGate:)`, the runs of the pattern's alphabet
/// (at least `minLength` scalars long, or holding a scalar of `alsoIn`) are offered to the gate
/// in text order, and only runs it keeps are scanned; no branch consumes a scalar outside the
/// alphabet, so no match crosses a run. `RxChoiceRunTests` and `MoneyCandidatesTests` compare
/// the matches with ICU's.
struct RxChoiceRun: Sendable {
    let choice: RxLiteralChoice
    let classScalars: RxAlphabet
    let notFirst: Set<UInt32>
    /// The whole pattern's alphabet (`Rx.alphabet` of `pattern`).
    let alphabet: RxAlphabet

    /// The pattern spelled by the parts.
    static func pattern(notFirst: String?, words: String, class cls: String) -> String {
        (notFirst.map { "(?!(" + $0 + "))" } ?? "") + "(" + words + "|" + cls + ")+"
    }

    /// `notFirst`: single scalars separated by `|`; `words`: what `RxLiteralChoice` reads;
    /// `cls`: one bracket class. Nil when a part is not of that form or `alphabet` is nil.
    init?(notFirst: String?, words: String, class cls: String, alphabet: RxAlphabet?) {
        guard let choice = RxLiteralChoice(words), let classScalars = RxScalarClass.bits(cls), let alphabet else { return nil }
        var forbidden = Set<UInt32>()
        for piece in notFirst?.split(separator: "|") ?? [] {
            let u = Array(piece.unicodeScalars)
            guard u.count == 1 else { return nil }
            forbidden.insert(u[0].value)
        }
        self.choice = choice
        self.classScalars = classScalars
        self.notFirst = forbidden
        self.alphabet = alphabet
    }

    /// The matches in the runs the gate keeps, as scalar ranges, in text order.
    func find(_ u: [Unicode.Scalar], minLength: Int, alsoIn: Set<Unicode.Scalar> = [],
              runGate: (Int, Int) -> Bool) -> [(start: Int, end: Int)] {
        var out: [(start: Int, end: Int)] = []
        u.withUnsafeBufferPointer { b in
            let n = b.count
            var i = 0
            while i < n {
                guard alphabet.contains(b[i].value) else { i += 1; continue }
                var e = i
                var hasAlso = false
                while e < n && alphabet.contains(b[e].value) {
                    if !hasAlso && !alsoIn.isEmpty && alsoIn.contains(b[e]) { hasAlso = true }
                    e += 1
                }
                if (e - i >= minLength || hasAlso) && runGate(i, e) { scan(b, i, e, into: &out) }
                i = e
            }
        }
        return out
    }

    /// The matches inside the run `a..<b`.
    func scan(_ u: UnsafeBufferPointer<Unicode.Scalar>, _ a: Int, _ b: Int, into out: inout [(start: Int, end: Int)]) {
        var p = a
        while p < b {
            guard !notFirst.contains(u[p].value) else { p += 1; continue }
            var q = p
            while q < b {
                let k = step(u, q, b)
                if k == 0 { break }
                q += k
            }
            if q > p {
                out.append((p, q))
                p = q
            } else {
                p += 1
            }
        }
    }

    /// Scalars one repetition consumes at `q`: the first word that matches, else one scalar of
    /// the class, else 0.
    @inline(__always) func step(_ u: UnsafeBufferPointer<Unicode.Scalar>, _ q: Int, _ limit: Int) -> Int {
        let k = choice.match(u, at: q, limit: limit)
        if k > 0 { return k }
        return classScalars.contains(u[q].value) ? 1 : 0
    }
}
