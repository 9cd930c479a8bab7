/// Characters a regular expression needs before it can match, read from its pattern.
///
/// `RxRequirement(pattern:)` derives, from the ICU pattern text, clauses of the form "the input
/// contains one of these scalars (or, for `\d`, any decimal digit)". Every match of the pattern
/// satisfies every clause, so an input that fails a clause provably has no match and the regex
/// engine need not run. The analysis is conservative: constructs it does not model (negated
/// or large classes, `.`, optional parts, negative look-arounds, back references) add no
/// clause, and a pattern it cannot read gets no requirement at all.
///
/// The input test uses a 256-bit Bloom signature of the input's scalars: a clause passes when
/// one of its scalars' bits is set (false positives only run the regex as before).
struct RxRequirement: Sendable {
    /// One clause: the input must contain one of `scalars`, or a decimal digit when `decimal`.
    struct Clause: Sendable, Equatable {
        var scalars: Set<UInt32>
        var decimal: Bool
    }

    /// The clauses, all required (empty: no requirement).
    let clauses: [Clause]
    private let masks: [ScalarBloom]

    init(clauses: [Clause]) {
        self.clauses = clauses
        masks = clauses.map { c in
            var m = ScalarBloom()
            for v in c.scalars { m.insert(v) }
            m.decimal = c.decimal
            return m
        }
    }

    /// The requirement of an ICU pattern (no requirement when the pattern uses syntax the
    /// reader does not model).
    init(pattern: String) {
        self.init(clauses: RxPatternReader.read(pattern)?.clauses ?? [])
    }

    var isEmpty: Bool { clauses.isEmpty }

    /// False only when `s` cannot contain a match.
    func mayMatch(_ s: String) -> Bool {
        if masks.isEmpty { return true }
        return mayMatch(ScalarBloom(s))
    }

    /// False only when the text whose signature is `sig` cannot contain a match.
    func mayMatch(_ sig: ScalarBloom) -> Bool {
        for m in masks where !sig.intersects(m) { return false }
        return true
    }
}
