/// A necessary condition for `TimeParser.parse` to accept a text, cheap beside the parse.
///
/// Every way the parser accepts a text goes through a match of one of the decisive patterns
/// below: the analyst rules (十四五, 近年来), periods (每…), deltas (standard, legal and special
/// forms) and the point/span rule tables. They are matched on the text, on pieces of it (the
/// ends of a span, the text without 的), or on strings that add characters only after a
/// decisive pattern matched the text itself: a bare 月初 gets 本, a span's first end gets the
/// unit of its second end (timeSpanPointCompensation, timeSpanDeltaCompensation), 3月5 gets 日
/// (numMonthNum), and a blur hour is copied to the second end (blurHour). So the parser
/// returns nil for a text when no decisive pattern matches any piece of it, which two tests
/// establish, the cheap one first:
/// - the characters: no decisive pattern's `RxRequirement` holds for the text (requirements
///   only ask for characters, so they fail for every piece too);
/// - the loosened patterns (`RxLoosening`: anchors and negative look-arounds removed) find no
///   match in the text nor in the text without 的. A match of a decisive pattern in a piece is
///   a match of its loosened form in the whole.
/// (With `retFuture` the parser also prefixes 明年, 下个月 …; the gate is not used then.)
enum TimeParseGate {
    static let decisive: [Rx] = TimeEngine.ymdTable.map(\.0) + TimeEngine.hmsTable.map(\.0) + [
        TimeParser.fiveYearPlan, TimeParser.recentYears, TimeParser.bareMonthPart,
        TimePatterns.periodTime,
        TimePatterns.standardDelta, TimePatterns.lawDelta, TimePatterns.specialTimeDelta,
        TimePatterns.timeSpanPointCompensation, TimePatterns.timeSpanDeltaCompensation, TimePatterns.numMonthNum,
    ]
    static let requirements: [RxRequirement] = decisive.map(\.requirement)
    /// The decisive patterns loosened; nil when one of them cannot be (then only the
    /// character test is used).
    static let loosened: [Rx]? = {
        var out: [Rx] = []
        for p in decisive {
            guard let l = RxLoosening.loosen(p.pattern) else { return nil }
            out.append(Rx(l, requirement: p.requirement))
        }
        return out
    }()

    /// The literal factors of the loosened patterns, to run only those that may match.
    static let factorIndex: RxFactorIndex? = loosened.map { RxFactorIndex($0.map { RxFactors.of($0.pattern) }) }

    /// False only when `TimeParser.parse` returns nil for `s` (trimmed and simplified).
    static func mayAccept(_ s: String) -> Bool {
        // A date of the commonest shapes inside: some piece parses (a yes is always safe).
        if TimeShapes.containsShape(s.unicodeScalars) { return true }
        let bloom = ScalarBloom(s)
        guard requirements.contains(where: { $0.mayMatch(bloom) }) else { return false }
        guard let loosened, let factorIndex else { return true }
        if anyMatch(loosened, factorIndex, s, bloom) { return true }
        guard s.jHas("的") else { return false }
        let t = s.jRep("的", "")
        return anyMatch(loosened, factorIndex, t, ScalarBloom(t))
    }

    /// Whether a loosened pattern among `candidates` (default: those whose factors occur in
    /// `s`) matches `s`, whose signature is `bloom`.
    private static func anyMatch(_ patterns: [Rx], _ index: RxFactorIndex, _ s: String, _ bloom: ScalarBloom,
                                 candidates known: RxFactorIndex.Mask? = nil) -> Bool {
        let candidates = known ?? index.candidates(s)
        for k in patterns.indices where candidates.contains(k) {
            if patterns[k].matches(s, bloom: bloom) { return true }
        }
        return false
    }

    /// False only when no sub-string of `run` (simple text), after `TimeExtractor.cleanForParse`
    /// and the parser's trimming and simplification, is accepted by `TimeParser.parse`.
    ///
    /// Cleaning removes 的 and spaces, and parenthesized weekdays. Without parentheses in the
    /// run, a cleaned sub-string is a sub-string of the run without 的 and spaces, so the
    /// loosened patterns are searched there once. With parentheses only the character test is
    /// used (it holds for every piece either way).
    static func mayAcceptPieces(ofRun run: String) -> Bool {
        let simplified = TimeParser.simplify(run)
        if run.jHas("(") || run.jHas("（") {
            let bloom = ScalarBloom(simplified)
            return requirements.contains { $0.mayMatch(bloom) }
        }
        return mayAccept(simplified.jRep("的", "").jRep(" ", ""))
    }

    /// `mayAcceptPieces(ofRun:)` for the run `scalars[start..<end]` of simple text. The run is
    /// first read as factor symbols, simplified and without 的 and spaces: when no loosened
    /// pattern has a factor there, none can match, without building a string. With
    /// `factorsOnly`, that is the whole test (the caller searches again).
    static func mayAcceptPieces(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int, factorsOnly: Bool = false) -> Bool {
        let map = TimeParser.traditionalMap
        guard let factorIndex, map.isSinglePass else { return mayAcceptPieces(ofRun: string(scalars, start, end)) }
        var symbols: [UInt32] = []
        symbols.reserveCapacity(end - start)
        for k in start..<end {
            let v = scalars[k].value
            switch v {
            case 0x28, 0xFF08: return mayAcceptPieces(ofRun: string(scalars, start, end))   // ( （
            case 0x7684, 0x20: continue                                                     // 的, space
            default:
                let m = map.map(v)
                symbols.append(Unicode.Scalar(m).map(RxFactors.symbol) ?? m)
            }
        }
        let candidates = factorIndex.candidates(symbols: symbols)
        if candidates == RxFactorIndex.Mask() { return false }
        if factorsOnly { return true }
        if TimeShapes.containsShape(scalars[start..<end]) { return true }
        // What `mayAcceptPieces(ofRun:)` tests, on the cleaned run built here once: the run has
        // no parentheses, so that is `mayAccept` of it, which has no 的 left; the candidate
        // patterns are those whose factors were just found in the same symbols.
        guard let loosened else { return mayAcceptPieces(ofRun: string(scalars, start, end)) }
        var cleaned = String.UnicodeScalarView()
        for k in start..<end {
            let v = scalars[k].value
            if v == 0x7684 || v == 0x20 { continue }
            cleaned.append(Unicode.Scalar(map.map(v)) ?? scalars[k])
        }
        let t = String(cleaned)
        let bloom = ScalarBloom(t)
        guard requirements.contains(where: { $0.mayMatch(bloom) }) else { return false }
        return anyMatch(loosened, factorIndex, t, bloom, candidates: candidates)
    }

    private static func string(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
        var run = String.UnicodeScalarView()
        run.append(contentsOf: scalars[start..<end])
        return String(run)
    }
}
