import CrossDocument

/// Filter facets indexed next to the text, in a third FTS5 column (`tags`), so that filters
/// are intersections of posting lists instead of a lookup per match: event types, publication
/// months, entities, technologies, industries and their categories. Each tag is one token of
/// lower-case ASCII letters only (digits and other characters encoded as letters), which the
/// tokenizer keeps whole.
enum FilterTags {
    static func eventType(_ t: String) -> String { "xty" + letters(t) }
    /// `2020-03` → month tag.
    static func month(_ yyyymm: String) -> String { "xmo" + letters(yyyymm) }
    static func entity(_ id: Int64) -> String { "xen" + letters(String(id)) }
    static func technology(_ term: String) -> String { "xte" + hashLetters(term.lowercased()) }
    static func industry(_ name: String) -> String { "xin" + hashLetters(name) }

    /// The tags of an article.
    static func tags(eventTypes: [String], published: String?, entityIds: [Int64], technologies: [String], industries: [String]) -> String {
        var out = Set<String>()
        for t in eventTypes { out.insert(eventType(t)) }
        if let p = published, p.utf8.count >= 7 { out.insert(month(String(p.prefix(7)))) }
        for e in entityIds { out.insert(entity(e)) }
        for t in technologies { out.insert(technology(t)) }
        for i in industries { out.insert(industry(i)) }
        return out.sorted().joined(separator: " ")
    }

    /// Months from `from` to `to` inclusive (YYYY-MM), at most `limit`; nil when the range is
    /// wider (the day filter alone is then used).
    static func months(from: String, to: String, limit: Int = 240) -> [String]? {
        guard let (fy, fm) = yearMonth(from), let (ty, tm) = yearMonth(to), (fy, fm) <= (ty, tm) else { return nil }
        var out: [String] = []
        var (y, m) = (fy, fm)
        while (y, m) <= (ty, tm) {
            out.append(String(format: "%04d-%02d", y, m))
            if out.count > limit { return nil }
            m += 1
            if m > 12 { m = 1; y += 1 }
        }
        return out
    }

    static func yearMonth(_ day: String) -> (Int, Int)? {
        let parts = day.split(separator: "-")
        guard parts.count >= 2, let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m) else { return nil }
        return (y, m)
    }

    /// a–z letters for a string of ASCII letters, digits and '-' / '_' (others hashed).
    static func letters(_ s: String) -> String {
        var out = ""
        for u in s.utf8 {
            switch u {
            case 0x61...0x7A: out.unicodeScalars.append(Unicode.Scalar(u))
            case 0x41...0x5A: out.unicodeScalars.append(Unicode.Scalar(u + 0x20))
            case 0x30...0x39: out.unicodeScalars.append(Unicode.Scalar(0x61 + (u - 0x30)))   // 0-9 → a-j
            default: continue
            }
        }
        return out
    }

    /// 16 letters a–p from a 64-bit hash of `s`.
    static func hashLetters(_ s: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for u in s.utf8 { h = (h ^ UInt64(u)) &* 0x0000_0100_0000_01B3 }
        h = SentenceAnchors.mix(h)
        var out = ""
        for k in 0..<16 { out.unicodeScalars.append(Unicode.Scalar(UInt8(0x61 + Int((h >> (4 * UInt64(k))) & 0xF)))) }
        return out
    }
}
