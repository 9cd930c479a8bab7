/// The matches of `MoneyExtractor.charPattern` found by a scan of scalars instead of ICU:
/// what `charPattern.findAll(t, minLength: 2, runGate:)` returns for the text `t` whose scalars
/// are given, with the same calls of the gate.
///
/// The pattern is `(?!(N))(W|[C])+`: a first scalar not in `N`, then a greedy repetition of
/// one of the literal words `W` or one scalar of the class `C`. At each repetition the engine
/// takes the first branch that matches (`RxLiteralChoice` lists the words in the order it
/// tries them, the class coming last); since nothing follows the repetition, the repetition
/// ending can never fail, so the engine never goes back on a choice: the match is the chain
/// of first matching branches, as long as it goes. A position where the first branch fails
/// or `N` forbids a start yields no match, and the search moves one scalar on; after a match
/// it resumes at its end. `^` matches only at the start of the searched text.
///
/// Runs: like `Rx.findAll(_:minLength:alsoIn:runGate:)`, the runs of the pattern's alphabet
/// of at least two scalars are offered to the gate in text order, and only runs it keeps are
/// scanned (no branch consumes a scalar outside the alphabet, so no match crosses a run). That
/// `findAll` first asks the pattern's requirement and may then skip every run; a skipped run
/// has no match, and the callers' gates only record runs, so their results do not depend on it.
enum MoneyCandidates {
    static let choice: RxLiteralChoice = RxLiteralChoice(MoneyExtractor.candidateWords)!
    static let classScalars: RxAlphabet = RxScalarClass.bits(MoneyExtractor.candidateClass)!
    static let notFirst: Set<UInt32> = Set(MoneyExtractor.candidateNotFirst.split(separator: "|").map { $0.unicodeScalars.first!.value })
    static let alphabet: RxAlphabet = MoneyExtractor.charPattern.alphabet!

    /// The matches, as scalar ranges, in text order.
    static func find(_ u: [Unicode.Scalar], runGate: (Int, Int) -> Bool) -> [(start: Int, end: Int)] {
        var out: [(start: Int, end: Int)] = []
        let alphabet = Self.alphabet
        u.withUnsafeBufferPointer { b in
            let n = b.count
            var i = 0
            while i < n {
                guard alphabet.contains(b[i].value) else { i += 1; continue }
                var e = i + 1
                while e < n && alphabet.contains(b[e].value) { e += 1 }
                if e - i >= 2 && runGate(i, e) { scan(b, i, e, into: &out) }
                i = e
            }
        }
        return out
    }

    /// The matches inside the run `a..<b`.
    static func scan(_ u: UnsafeBufferPointer<Unicode.Scalar>, _ a: Int, _ b: Int, into out: inout [(start: Int, end: Int)]) {
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
    @inline(__always) static func step(_ u: UnsafeBufferPointer<Unicode.Scalar>, _ q: Int, _ limit: Int) -> Int {
        let k = choice.match(u, at: q, limit: limit)
        if k > 0 { return k }
        return classScalars.contains(u[q].value) ? 1 : 0
    }
}
