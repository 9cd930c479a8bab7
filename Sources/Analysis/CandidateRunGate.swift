/// Run-level gates for the candidate searches of money and time extraction.
///
/// `MoneyExtractor` and `TimeExtractor` find candidates with a regex run by run
/// (`Rx.findAll(_:minLength:alsoIn:runGate:)`), then try every sub-string of each candidate.
/// A candidate and all its sub-strings lie inside one run, and every test below only asks
/// whether characters are present, so a run that fails a gate has no candidate whose search
/// could produce a mention: the regex need not run on it. Each gate is false only then.
enum CandidateRunGate {
    /// Money: a sub-string `s` of a candidate is kept by `MoneyExtractor.filter` only when
    /// `numOnly` matches it and its context (5 scalars either side of the candidate) has 金额 or
    /// 钱, or `unitPattern` matches it, or `spanSeg` matches it and it has `k` or `w`. So a run
    /// needs 钱 or 金额 within 5 scalars of it, or one of `unitScalars`, or one of
    /// `-~—－～` together with `k` or `w`. `scalars` are those of the normalized text. (A
    /// context with a scalar that is not simple always passes: `jHas` then uses Foundation.)
    static func money(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> Bool {
        let n = scalars.count
        let lo = max(0, start - 5), hi = min(n, end + 5)
        var k = lo
        while k < hi {
            let v = scalars[k].value
            // Outside simple text `jHas` falls back to Foundation's canonical matching.
            if !ScalarText.isSimple(v) { return true }
            if v == 0x94B1 { return true }                                             // 钱
            if v == 0x91D1 && k + 1 < hi && scalars[k + 1].value == 0x989D { return true } // 金额
            k += 1
        }
        var span = false, kw = false
        for q in start..<end {
            let v = scalars[q].value
            if unitScalars.contains(v) { return true }
            switch v {
            case 0x2D, 0x7E, 0x2014, 0xFF0D, 0xFF5E: span = true   // - ~ — － ～
            case 0x6B, 0x77: kw = true                               // k w
            default: break
            }
        }
        return span && kw
    }

    /// A scalar of every match of `MoneyExtractor.unitPattern`, one per alternative:
    /// (分|角|毛|块|元)钱?, …币, 圆(整)?, 英镑, 美(金|分|刀), 马克, 法郎, 卢布, 泰铢, 元…, …元,
    /// 越(南)?盾, 雷亚尔. (The pattern's `RxRequirement` has no clause for this alternation.)
    static let unitScalars: Set<UInt32> = Set("分角毛块元币圆镑美马法卢泰盾雷".unicodeScalars.map(\.value))

    /// Time: `TimeExtractor.extract` skips a candidate when the parser does not look into the
    /// future (`retFuture` false), the candidate is simple text and
    /// `TimeParseGate.mayAcceptPieces(ofRun:)` rules out every sub-string of it. A candidate
    /// is a sub-string of its run and a sub-string of simple text is simple, so when the same
    /// test rules out the run, it rules out every candidate in it.
    static func time(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int, retFuture: Bool) -> Bool {
        if retFuture { return true }
        for k in start..<end where !ScalarText.isSimple(scalars[k].value) { return true }
        return TimeParseGate.mayAcceptPieces(scalars, start, end)
    }
}
