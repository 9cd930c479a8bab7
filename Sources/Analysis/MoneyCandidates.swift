/// The matches of `MoneyExtractor.charPattern` found by a scan of scalars instead of ICU:
/// what `charPattern.findAll(t, minLength: 2, runGate:)` returns for the text `t` whose scalars
/// are given, with the same calls of the gate.
///
/// The pattern is `(?!(N))(W|[C])+`, scanned by `RxChoiceRun` (whose notes say why the scan
/// finds ICU's matches); runs of at least two scalars are offered to the gate. ICU's `findAll`
/// first asks the pattern's requirement and may then skip every run; a skipped run has no
/// match, and the callers' gates only record runs, so their results do not depend on it.
enum MoneyCandidates {
    static let run = RxChoiceRun(notFirst: MoneyExtractor.candidateNotFirst, words: MoneyExtractor.candidateWords,
                                 class: MoneyExtractor.candidateClass, alphabet: MoneyExtractor.charPattern.alphabet)!
    static var choice: RxLiteralChoice { run.choice }
    static var classScalars: RxAlphabet { run.classScalars }

    /// The matches, as scalar ranges, in text order.
    static func find(_ u: [Unicode.Scalar], runGate: (Int, Int) -> Bool) -> [(start: Int, end: Int)] {
        run.find(u, minLength: 2, runGate: runGate)
    }
}
