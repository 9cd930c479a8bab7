/// The kind of a named entity.
public enum EntityType: String, Sendable, Hashable, CaseIterable, Codable {
    case person
    case place
    case organization

    /// The People's Daily / MSRA tag: PER, LOC, ORG.
    public var bioTag: String {
        switch self {
        case .person: return "PER"
        case .place: return "LOC"
        case .organization: return "ORG"
        }
    }
}

/// One occurrence of an entity: its surface text and its span in Unicode-scalar offsets.
public struct EntityMention: Sendable, Hashable, Codable {
    public var text: String
    /// Offset of the first scalar, counted in Unicode scalars from the start of the input.
    public var start: Int
    /// Offset one past the last scalar.
    public var end: Int

    public init(text: String, start: Int, end: Int) {
        self.text = text
        self.start = start
        self.end = end
    }
}

/// Where a Chinese place sits in the administrative divisions (JioNLP's table).
///
/// For a province-level municipality the prefecture is the municipality itself
/// (綦江区 → 重庆市, 重庆市, 綦江区). A township (level 4) carries its county.
public struct PlaceDivision: Sendable, Hashable, Codable {
    /// 1 province, 2 prefecture, 3 county, 4 township.
    public var level: Int
    public var province: String
    public var prefecture: String?
    public var county: String?
    /// The six-digit division code of the place itself, or of its county for a township.
    public var code: String

    public init(level: Int, province: String, prefecture: String?, county: String?, code: String) {
        self.level = level
        self.province = province
        self.prefecture = prefecture
        self.county = county
        self.code = code
    }
}

/// A person, place or organization found in a text, with all its mentions grouped.
public struct Entity: Sendable, Hashable, Codable {
    /// The canonical name (北京大学 for 北大, 重庆市 for 重庆 and 我市, 重庆市人民政府 for
    /// 重庆市政府).
    public var name: String
    public var type: EntityType
    /// The distinct surface forms seen, in order of first appearance.
    public var aliases: [String]
    /// Every occurrence, in text order.
    public var mentions: [EntityMention]
    /// A person's role or title as written next to the name (市长 for 市长唐良智).
    public var role: String?
    /// For a Chinese place: its province, prefecture and county.
    public var division: PlaceDivision?

    public init(name: String, type: EntityType, aliases: [String], mentions: [EntityMention],
                role: String? = nil, division: PlaceDivision? = nil) {
        self.name = name
        self.type = type
        self.aliases = aliases
        self.mentions = mentions
        self.role = role
        self.division = division
    }
}

/// What the caller knows about the article.
public struct EntityContext: Sendable, Hashable {
    /// The city the article is about (重庆 or 重庆市): 我市/本市/全市 and 市科技局 resolve to it.
    /// When nil, the recognizer infers it: the most mentioned prefecture-level city or
    /// province-level municipality in the text.
    public var cityOfArticle: String?

    public init(cityOfArticle: String? = nil) {
        self.cityOfArticle = cityOfArticle
    }
}

/// A name span as a named-entity tagger reports it (no grouping, no deictic references such as
/// 我市): what `NEREvaluation` scores.
public struct EntitySpan: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var type: EntityType

    public init(start: Int, end: Int, type: EntityType) {
        self.start = start
        self.end = end
        self.type = type
    }
}

/// The one error type of the `Entities` module.
public enum EntityError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A bundled resource is missing (a broken installation).
    case missingResource(name: String)
    /// A resource file has a malformed line (1-based).
    case invalidData(file: String, line: Int, reason: String)
    /// The segmenter could not be loaded.
    case segmenterUnavailable(String)
    /// A file given to the recognizer or the evaluation could not be read.
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .missingResource(let name):
            return "missing Entities resource '\(name)' (broken installation)"
        case .invalidData(let file, let line, let reason):
            return "\(file):\(line): \(reason)"
        case .segmenterUnavailable(let reason):
            return "the segmenter could not be loaded: \(reason)"
        case .unreadable(let path, let reason):
            return "\(path): cannot read: \(reason)"
        }
    }
}
