/// When two numeric claims about the same thing contradict each other.
///
/// Each claim stands for a range of values its wording allows:
/// - `exact` 20所 → [20, 20] (with a relative tolerance of 1e-9 for decimals);
/// - `lower` 逾千亿, 30%以上, and counts written with 余/多 (800余名) → [v, ∞);
/// - `upper` 近百亿, 不到10万 → (−∞, v];
/// - `approximate` 约296亿, 5年左右 → [0.9 v, 1.1 v] (±10 %).
///
/// Two claims with the same key disagree when their ranges do not overlap. Figures of
/// articles published more than 31 days apart are not compared: cumulative counts grow.
public enum ConflictRule {
    /// Figures published more than this many days apart are not compared.
    public static let maximumDaysApart = 31
    /// Half-width of the range an approximate figure allows, relative to its value.
    public static let approximateTolerance = 0.10

    /// True when `a` and `b` are about the same thing (same key, kind and unit) and their values
    /// cannot both be true given their bounds.
    public static func disagree(_ a: Claim, _ b: Claim) -> Bool {
        guard a.key == b.key, a.kind == b.kind, a.unit == b.unit else { return false }
        let ra = range(of: a), rb = range(of: b)
        return !(ra.lower <= rb.upper && rb.lower <= ra.upper)
    }

    /// The closed range of values `claim` allows.
    public static func range(of claim: Claim) -> (lower: Double, upper: Double) {
        let v = claim.value
        let slack = max(abs(v) * 1e-9, 1e-9)
        switch effectiveBound(claim) {
        case "lower": return (v - slack, .infinity)
        case "upper": return (-.infinity, v + slack)
        case "approximate":
            let d = abs(v) * approximateTolerance
            return (v - d - slack, v + d + slack)
        default: return (v - slack, v + slack)
        }
    }

    /// The bound as the comparison uses it: an "approximate" figure written with 余 or 多 right
    /// after the number (800余名, 20多家) means "more than", so it is a lower bound.
    static func effectiveBound(_ claim: Claim) -> String {
        if claim.bound == "approximate" && ClaimExtractor.hasMoreThanSuffix(claim.text) { return "lower" }
        return claim.bound
    }

    /// False when both publication dates are known and more than `maximumDaysApart` days apart.
    /// Dates are read from their first ten characters (`2020-08-19`, also `2020-08-19T10:00:00`
    /// or `2020-08-19 10:00`); a month (`2020-08`) counts as its first day; a date that cannot be
    /// read counts as unknown.
    public static func comparable(publishedA: String?, publishedB: String?) -> Bool {
        guard let a = publishedA.flatMap(dayNumber), let b = publishedB.flatMap(dayNumber) else { return true }
        return abs(a - b) <= maximumDaysApart
    }

    /// Days since 1970-01-01 of a `YYYY-MM-DD` or `YYYY-MM` prefix, nil when it is not a date.
    static func dayNumber(_ text: String) -> Int? {
        guard let d = DateValue.parsePoint(String(text.prefix(10))), let y = d.year, let m = d.month else { return nil }
        return DateValue.days(year: y, month: m, day: d.day ?? 1)
    }
}
