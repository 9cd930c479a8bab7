/// A numeric claim: a figure an article states about something, in a form that can be compared
/// with the same figure stated by another article.
///
/// 截至目前，我市已累计签约引进世界知名高校11所，国内“双一流”建设高校20所 gives two claims,
/// `重庆市|签约引进世界知名高校|所` = 11 and `重庆市|国内双一流建设高校|所` = 20; a reprint
/// saying 重庆市…国内“双一流”建设高校18所 gives the same second key with 18.
public struct Claim: Sendable, Equatable, Codable {
    /// The resolved place or organization the figure is about (重庆市 for 我市), nil when the
    /// sentence names none.
    public var subject: String?
    /// The normalized phrase naming what is counted (签约引进世界知名高校, 孵化科技型企业).
    public var indicator: String
    /// The quantity's unit: 所, 家, 元, % …
    public var unit: String
    /// The quantity's kind: count, money or percent.
    public var kind: String
    public var value: Double
    /// exact, lower, upper or approximate. A count written with 余 or 多 (800余名) is a lower bound.
    public var bound: String
    /// The quantity as written (20所, 约296亿元).
    public var text: String
    /// The sentence that states it.
    public var sentence: String
    /// Unicode-scalar offsets of the quantity in the record's body.
    public var start: Int
    public var end: Int

    /// What the figure is about, `subject|indicator|unit` (subject empty when unknown): two
    /// claims with the same key state the same figure.
    public var key: String { "\(subject ?? "")|\(indicator)|\(unit)" }

    public init(subject: String?, indicator: String, unit: String, kind: String, value: Double, bound: String,
                text: String, sentence: String, start: Int, end: Int) {
        self.subject = subject
        self.indicator = indicator
        self.unit = unit
        self.kind = kind
        self.value = value
        self.bound = bound
        self.text = text
        self.sentence = sentence
        self.start = start
        self.end = end
    }
}
