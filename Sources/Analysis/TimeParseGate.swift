/// A necessary condition, from the characters of a text alone, for `TimeParser.parse` to accept it.
///
/// Every way the parser accepts a text goes through a match of one of the decisive patterns
/// below: the analyst rules (十四五, 近年来), periods (每…), deltas (standard, legal and special
/// forms) and the point/span rule tables. They are matched on the text, on pieces of it (the
/// ends of a span, the text without 的), or on strings that add characters only after a
/// decisive pattern matched the text itself: a bare 月初 gets 本, a span's first end gets the
/// unit of its second end (timeSpanPointCompensation, timeSpanDeltaCompensation), 3月5 gets 日
/// (numMonthNum), and a blur hour is copied to the second end (blurHour). So when no decisive
/// pattern's `RxRequirement` holds for a text — nor, as requirements only ask for characters,
/// for any piece of it — the parser returns nil. (With `retFuture` the parser also prefixes
/// 明年, 下个月 …; the gate is not used then.)
enum TimeParseGate {
    static let decisive: [Rx] = TimeEngine.ymdTable.map(\.0) + TimeEngine.hmsTable.map(\.0) + [
        TimeParser.fiveYearPlan, TimeParser.recentYears, TimeParser.bareMonthPart,
        TimePatterns.periodTime,
        TimePatterns.standardDelta, TimePatterns.lawDelta, TimePatterns.specialTimeDelta,
        TimePatterns.timeSpanPointCompensation, TimePatterns.timeSpanDeltaCompensation, TimePatterns.numMonthNum,
    ]
    static let requirements: [RxRequirement] = decisive.map(\.requirement)

    /// False only when `TimeParser.parse` returns nil for `s` and for every piece of it.
    static func mayAccept(_ s: String) -> Bool {
        let bloom = ScalarBloom(s)
        return requirements.contains { $0.mayMatch(bloom) }
    }
}
