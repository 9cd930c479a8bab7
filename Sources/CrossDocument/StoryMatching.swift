/// Rules for grouping events reported by several articles into one story.
///
/// The store keeps, per story, its type, its accumulated date (`moreSpecific` of all its
/// events' dates) and the union of its events' parties, and merges an incoming event into the
/// first story for which `sameStory` holds. Every rule here is symmetric except `moreSpecific`
/// (which keeps its first argument on a tie).
public enum StoryMatcher {
    /// True when two event dates (`2020-08-18`, `XXXX-08-18`, `2020-03`, `XXXX`, `2020`,
    /// intervals `2020-01/2020-06`) may denote the same time:
    /// - nil (no date) and unreadable dates are compatible with anything;
    /// - an open year `XXXX` matches any year (only months and days are compared);
    /// - a year contains its months and days, a month its days;
    /// - intervals are compatible when they overlap;
    /// - otherwise two days must be equal.
    public static func datesCompatible(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b, let da = EventDate.parse(a), let db = EventDate.parse(b) else { return true }
        return da.overlaps(db)
    }

    /// The more specific of two compatible dates: a known year over `XXXX`, a day over a month,
    /// a month over a year, a point over an interval, a narrower interval over a wider one.
    /// When one gives the year and the other the day (`2020` and `XXXX-08-18`), the two are
    /// combined (`2020-08-18`). Nil when both are nil; the other when one is nil or unreadable;
    /// `a` when they are incompatible or equally specific.
    public static func moreSpecific(_ a: String?, _ b: String?) -> String? {
        guard let a else { return b }
        guard let b else { return a }
        guard let da = EventDate.parse(a) else { return EventDate.parse(b) == nil ? a : b }
        guard let db = EventDate.parse(b) else { return a }
        guard da.overlaps(db) else { return a }
        if !da.isInterval && !db.isInterval {
            let p = da.start, q = db.start
            let finer = q.precision > p.precision ? q : p
            let combined = DateValue(year: p.year ?? q.year, month: finer.month, day: finer.day)
            return combined.text
        }
        // An interval on either side: prefer a known year, then the narrower.
        let ka = !da.hasOpenYear, kb = !db.hasOpenYear
        if ka != kb { return ka ? a : b }
        return db.width < da.width ? b : a
    }

    /// True when two party lists name the same participants: at least min(2, min(|a|, |b|))
    /// names in common (each list counted without repetitions). Never true when either list is
    /// empty: an event without parties cannot be told apart from any other.
    public static func partiesMatch(_ a: [String], _ b: [String]) -> Bool {
        partiesMatch(a, b, needing: 1)
    }

    /// `partiesMatch` with at least `minimum` shared names (capped by the shorter list's 2).
    /// Collective nouns that the entity recognizer may take for organizations (科研院所,
    /// 联合体) are not names and never count.
    public static func partiesMatch(_ a: [String], _ b: [String], needing minimum: Int) -> Bool {
        let sa = Set(a.filter { !$0.isEmpty && !genericParties.contains($0) })
        let sb = Set(b.filter { !$0.isEmpty && !genericParties.contains($0) })
        guard !sa.isEmpty, !sb.isEmpty else { return false }
        let needed = max(minimum, min(2, min(sa.count, sb.count)))
        return sa.intersection(sb).count >= needed
    }

    /// Words for groups of organizations, not one party.
    public static let genericParties: Set<String> = [
        "科研院所", "联合体", "高校", "企业", "科研机构", "研究院所", "院所", "高等院校", "高新区", "园区", "政府", "部门",
        "高精尖", "高水平",
    ]

    /// True when an event (type, date, parties) belongs to a story (its type, accumulated date
    /// and union of parties): same type, compatible dates and matching parties.
    public static func sameStory(type: String, date: String?, parties: [String],
                                 storyType: String, storyDate: String?, storyParties: [String]) -> Bool {
        // Without a date on either side only two shared parties tie a report to a story: one
        // common party of two undated events (科学技术部 approving two things) is not enough.
        type == storyType && datesCompatible(date, storyDate)
            && partiesMatch(parties, storyParties, needing: date == nil || storyDate == nil ? 2 : 1)
    }

    /// The union of two party lists, in order of first appearance, each name once.
    public static func unionParties(_ a: [String], _ b: [String]) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for p in a + b where !p.isEmpty && seen.insert(p).inserted { out.append(p) }
        return out
    }
}
