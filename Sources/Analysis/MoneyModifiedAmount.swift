/// `MoneyCore.parse` of a plain amount after one leading modifier: 约296亿元, 达到4252亿元,
/// 超100亿元, 高达5000万元, the commonest money text after the plain amount itself.
///
/// The text is `M N`, where `M` is one of `definitions`' keys and `N` is text that
/// `MoneyCore.plainYuan` reads (`<ASCII digits>[.<digits>][十百千万亿…]元`). Along the general
/// path such text meets:
/// - no traditional character (`normalizeTraditional`), no numeral pair (`expandSequential`:
///   `M` has no numeral and `N` only ASCII digits and unit characters);
/// - no span: 从, 起, dashes and 至 followed by anything but 少 are absent, and every 到 of the
///   modifiers follows 达 or 不, which `(?<![达不])到` excludes, so `splitSpan` gives no first
///   part and `parseSingle` takes the whole text;
/// - no punctuation or parenthesis (`cleansing`);
/// - `definition`: the modifier pattern matches `M` as a whole (it is one of its alternatives,
///   chosen leftmost-first as by the pattern itself) and nothing in `N` (no modifier has a digit,
///   unit character or 元), so the definition is that of `M` alone and `N` remains;
/// - then `N` goes the way `plainYuan` describes, with that definition instead of "accurate"
///   (no 多 余 几 数 in `N`, so `accuracy` keeps it).
/// The definitions are computed once by `MoneyCore.definition` itself; a test checks every
/// modifier against `MoneyCore.parseGeneral`.
enum MoneyModifiedAmount {
    /// Modifiers of the fast path and their definitions ("accurate" for 达 and 达到: JioNLP's
    /// definition patterns do not list them).
    static let definitions: [String: String] = {
        var d: [String: String] = [:]
        for m in modifiers {
            if let (rest, def) = try? MoneyCore.definition(m), rest.isEmpty { d[m] = def }
        }
        return d
    }()

    static let modifiers = [
        "近", "将近", "约", "大约", "大概", "至少", "不到", "不足", "不超过", "逾", "高于",
        "达", "高达", "达到", "超过", "超", "低于", "仅", "只有",
    ]

    /// Scalars that can occur in a modifier of `modifiers`.
    static let modifierScalars: Set<UInt32> = Set(modifiers.flatMap { $0.unicodeScalars.map(\.value) })

    static func parse(_ text: String) -> MoneyParse? {
        let u = text.unicodeScalars
        var split = u.startIndex
        var count = 0
        while split != u.endIndex, modifierScalars.contains(u[split].value) {
            split = u.index(after: split)
            count += 1
        }
        guard count > 0, count <= 3, split != u.endIndex else { return nil }
        let m = String(u[u.startIndex..<split])
        guard let def = definitions[m], let plain = MoneyCore.plainYuan(String(u[split...])) else { return nil }
        return MoneyParse(num: plain.num, currency: plain.currency, definition: def, numEnd: plain.numEnd)
    }
}
