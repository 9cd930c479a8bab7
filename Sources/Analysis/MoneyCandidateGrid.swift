import ChineseText

/// `MoneyExtractor.gridSearch` and `MoneyExtractor.filter` for one candidate, over the scalars
/// of the searched text instead of a `String` per sub-string and a regex per test.
///
/// A candidate is a match of `charPattern`, so its scalars are in the pattern's alphabet:
/// all BMP and simple in the sense of `ScalarText`, with no line terminator. On such text each
/// test of `filter` is a question about scalars:
/// - `"，,".jHas(s.jFirstChar)`: the first scalar is ， or , (a byte search for one whole
///   scalar finds only that scalar); likewise the last;
/// - `numOnly` (`^[…]+$`): every scalar is in its class (`$` before a final line terminator
///   does not arise);
/// - `qianWanYiYuan`: a scalar of [k千仟w万萬亿], then 元, then an ASCII digit;
/// - `unitPattern.search`: the leftmost position where one of its literal options
///   (`RxLiteralChoice`) fits inside the sub-string, taking the first option in the engine's
///   order; the match has the sub-string's length only when it starts the sub-string and
///   ends it;
/// - `spanSeg` (`[-~—－～]+`): whether a dash scalar occurs, and how many maximal runs of them
///   there are (`findAll` counts those);
/// - `jHas("k")`, `jHas("w")`: the scalar occurs.
/// The context test (`金额` or `钱` in the 5 scalars around the candidate) is a scalar search
/// when the context is simple, else `jHas` on its `String` as before. The sub-strings are
/// visited in `gridSearch`'s order and only those the filter keeps are turned into a `String`
/// (without spaces, as `gridSearch` passes them) for `MoneyCore.parse`.
struct MoneyCandidateGrid {
    static let unitChoice: RxLiteralChoice = RxLiteralChoice(MoneyExtractor.unitWords)!
    static let numOnlyClass: RxAlphabet = RxScalarClass.bits(MoneyExtractor.numOnlyClass)!

    /// Normalized scalars of the searched text.
    let u: [Unicode.Scalar]
    /// The candidate `u[start..<end]`.
    let start: Int
    let end: Int
    /// For each scalar of the candidate, the lengths of the unit options matching there inside
    /// the candidate, in the engine's order.
    private var units: [[Int]]
    private var contextAnswer: Bool?

    init(_ u: [Unicode.Scalar], _ start: Int, _ end: Int) {
        self.u = u
        self.start = start
        self.end = end
        units = u.withUnsafeBufferPointer { b in (start..<end).map { Self.unitChoice.matches(b, at: $0, limit: end) } }
    }

    /// `kuaiMaoJiaoFen.findAll(s).count == 1 && !s.jHas("元") && !s.jHas("钱")` for the
    /// candidate `s`: `MoneyExtractor` skips such candidates.
    var isLoneSmallUnit: Bool {
        var small = 0
        for k in start..<end {
            switch u[k] {
            case "分", "角", "毛", "块": small += 1
            case "元", "钱": return false
            default: break
            }
        }
        return small == 1
    }

    /// `context.jHas("金额") || context.jHas("钱")` for the context of the candidate.
    private mutating func contextHasMoneyWord() -> Bool {
        if let contextAnswer { return contextAnswer }
        let lo = max(0, start - 5), hi = min(u.count, end + 5)
        var answer: Bool?
        var simple = true
        var found = false
        for k in lo..<hi {
            let v = u[k].value
            if !ScalarText.isSimple(v) { simple = false; break }
            if u[k] == "钱" || (u[k] == "金" && k + 1 < hi && u[k + 1] == "额") { found = true }
        }
        if simple { answer = found }
        let result = answer ?? {
            let context = ScalarString.make(u, lo, hi)
            return context.jHas("金额") || context.jHas("钱")
        }()
        contextAnswer = result
        return result
    }

    /// `MoneyExtractor.filter` of the sub-string `u[a..<b]` (absolute offsets, inside the
    /// candidate, at least one scalar) with the candidate's context.
    mutating func keeps(_ a: Int, _ b: Int) -> Bool {
        let first = u[a], last = u[b - 1]
        if first == "，" || first == "," || last == "，" || last == "," { return false }
        var numOnly = true
        for k in a..<b where !Self.numOnlyClass.contains(u[k].value) { numOnly = false; break }
        if numOnly { return contextHasMoneyWord() }
        if b - a >= 3 {
            for k in a..<(b - 2) where u[k + 1] == "元" {
                switch u[k] {
                case "k", "千", "仟", "w", "万", "萬", "亿":
                    if u[k + 2].value >= 0x30 && u[k + 2].value <= 0x39 { return false }
                default: break
                }
            }
        }
        // The leftmost unit match inside the sub-string.
        for p in a..<b {
            for n in units[p - start] where p + n <= b {
                return !(p == a && p + n == b)
            }
        }
        var runs = 0, inRun = false, kw = false
        for k in a..<b {
            switch u[k] {
            case "-", "~", "—", "－", "～":
                if !inRun { runs += 1; inRun = true }
            case "k", "w":
                kw = true
                inRun = false
            default:
                inRun = false
            }
        }
        return runs == 1 && kw
    }

    /// `MoneyExtractor.gridSearch` of the candidate's scalars from `bias` on: the first
    /// sub-string (longest first, then leftmost) that `keeps` and that parses, with its
    /// offsets relative to `start + bias`.
    mutating func search(from bias: Int) -> (MoneyParse, Int, Int)? {
        let base = start + bias
        let length = end - base
        for i in 0..<length {
            for j in 0..<i {
                let e = length - i + j + 1
                guard keeps(base + j, base + e) else { continue }
                var s = String.UnicodeScalarView()
                for k in (base + j)..<(base + e) where u[k] != " " { s.append(u[k]) }
                if let r = try? MoneyCore.parse(String(s)) { return (r, j, e) }
            }
        }
        return nil
    }

    /// Whether `u[a..<b]` is one of `MoneyExtractor.nonMoney`.
    func isNonMoney(_ a: Int, _ b: Int) -> Bool {
        MoneyExtractor.nonMoney.contains(ScalarString.make(u, a, b))
    }
}
