import Foundation

/// A time expression found in running text.
public struct TimeMention: Sendable, Equatable {
    public var text: String
    /// Unicode-scalar offsets into the input.
    public var start: Int
    public var end: Int
    /// JioNLP type of the expression: time_point, time_span, time_delta, time_period.
    public var type: String
    public var parse: TimeParse?
}

/// JioNLP-compatible time extraction (`extract_time`): candidate runs of time characters are
/// searched for the longest left-most sub-string that the time parser accepts in strict mode.
/// With `base == nil`, detection uses the current time but `parse` is computed in open-year mode.
public struct TimeExtractor: Sendable {
    public var parser = TimeParser()

    public init() {}

    static let nonTimeStrings: Set<String> = ["一点", "0时", "一日", "黎明", "十分", "百分", "万分"]
    static let numPattern = Rx("[０-９0-9一二三四五六七八九十百千万]")
    static let fourNumYear = Rx(#"^[\d]{4}$"#)
    static let unitPattern = Rx("(多)?[万亿元]")
    static let singleCharTime: Set<String> = ["春", "夏", "秋", "冬"]
    static let singleCharTimeScalars: Set<Unicode.Scalar> = Set(singleCharTime.compactMap { $0.unicodeScalars.first })
    static let parenContent = Rx(#"[(（][^()（）]*[)）]"#)

    /// `scalars`, when given, are `text`'s Unicode scalars (`ScalarArray.of(text)`).
    public func extract(_ text: String, base: Date?, scalars: [Unicode.Scalar]? = nil) -> [TimeMention] {
        let detectBase = TimeBase(date: base ?? Date()).handler
        let chars = scalars ?? Array(text.unicodeScalars)
        var out: [TimeMention] = []
        for (candidate, cStart, cEnd) in candidates(chars) {
            // No piece of the candidate can parse (simplification maps simple text scalar by scalar).
            // Its run passed the precise test; the candidate may be shorter, so factors are looked up again.
            if !parser.retFuture && ScalarText.isSimple(candidate) && !TimeParseGate.mayAcceptPieces(chars, cStart, cEnd, factorsOnly: true) { continue }
            let cand = candidate.unicodeScalars.map { String($0) }
            var offsetEnd = 0
            var bias = 0
            while cStart + offsetEnd < cEnd {
                guard bias < cand.count, let (sub, result, off) = gridSearch(Array(cand[bias...]), handler: detectBase) else { break }
                offsetEnd = off.1
                if TimeExtractor.nonTimeStrings.contains(sub) { bias += off.1; continue }
                if TimeExtractor.fourNumYear.matches(sub) {
                    let back = cStart + bias + off.1
                    let after = String(String.UnicodeScalarView(chars[min(back, chars.count)..<min(back + 2, chars.count)]))
                    if TimeExtractor.unitPattern.matches(after) { bias += off.1; continue }
                }
                var parse: TimeParse? = result
                if base == nil { parse = parser.parseOpenYear(cleanForParse(sub), strict: true) }
                out.append(TimeMention(text: sub, start: cStart + bias + off.0, end: cStart + bias + off.1, type: result.type, parse: parse))
                bias += off.1
            }
        }
        return out
    }

    /// The candidate runs of time characters of the text whose scalars are `scalars`, except
    /// those in runs where no candidate could parse (`CandidateRunGate.time`).
    func candidates(_ scalars: [Unicode.Scalar]) -> [(String, Int, Int)] {
        var out: [(String, Int, Int)] = []
        let retFuture = parser.retFuture
        // A one-scalar candidate is kept only for 春夏秋冬: other runs of one scalar need no search.
        let found = TimePatterns.timeCharRun.find(scalars, minLength: 2, alsoIn: TimeExtractor.singleCharTimeScalars) { a, b in
            CandidateRunGate.time(scalars, a, b, retFuture: retFuture)
        }
        for (a, b) in found {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: scalars[a..<b])
            let t = String(v)
            if TimePatterns.fakePositiveTime.matches(t) { continue }
            if b - a > 1 || TimeExtractor.singleCharTime.contains(t) { out.append((t, a, b)) }
        }
        return out
    }

    func filter(_ s: [String]) -> Bool {
        guard let first = s.first, let last = s.last else { return false }
        if TimePatterns.fakeStart.matches(first) { return false }
        if TimePatterns.fakeEnd.matches(last) {
            let tail = s.suffix(2).joined()
            if tail != "夏至" && tail != "冬至" { return false }
        }
        let joined = s.joined()
        if joined != joined.trimmingCharacters(in: .whitespacesAndNewlines) { return false }
        if first == "的" || last == "的" { return false }
        if first == ")" || first == "）" || last == "(" || last == "（" { return false }
        return true
    }

    func cleanForParse(_ s: String) -> String {
        var t = s.jRep("的", "").jRep(" ", "")
        let parens = TimeExtractor.parenContent.findAll(t).map { $0.text }.joined()
        if parens.jHas("周") || parens.jHas("星期") { t = TimeExtractor.parenContent.jSub(t) }
        return t
    }

    func gridSearch(_ cand: [String], handler: TimeHandler) -> (String, TimeParse, (Int, Int))? {
        let length = min(cand.count, 35)
        let ends = TimeGridFilter(Array(cand.prefix(length)))
        for i in 0..<length {
            for j in 0..<i {
                let end = length - i + j + 1
                if !ends.accepts(j, end) { continue }
                let sub = Array(cand[j..<end])
                let forParse = cleanForParse(sub.joined())
                guard !forParse.isEmpty else { continue }
                if TimeExtractor.numPattern.matches(forParse.jFirstChar), j - 1 >= 0, TimeExtractor.numPattern.matches(cand[j - 1]) { continue }
                if TimeExtractor.numPattern.matches(forParse.jLastChar), end < length, TimeExtractor.numPattern.matches(cand[end]) { continue }
                if let r = parser.parse(forParse, handler: handler, strict: true) {
                    return (sub.joined(), r, (j, end))
                }
            }
        }
        return nil
    }
}
