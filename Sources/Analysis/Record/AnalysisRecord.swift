import Foundation

/// The full record of one article, as `kechuang analyze` writes it: the clean article's fields
/// plus everything the analysis found. Plain data, so that every output format (JSON Lines,
/// the seed record format, Markdown) and the corpus store read the same thing.
public struct AnalysisRecord: Sendable, Equatable, Codable {
    // The clean article (see `kechuang clean`).
    public var sourcePath: String
    public var part: Int
    public var title: String?
    public var url: String?
    public var source: String?
    public var authors: [String]
    public var published: String?
    public var section: String?
    public var page: String?
    public var script: String
    public var body: String
    public var originalBody: String
    public var captions: [String]
    public var removed: [RemovedPiece]

    // The analysis.
    public var summary: String
    public var keywords: [String]
    public var technologies: [TechnologyCount]
    public var industries: [IndustryTag]
    public var entities: [EntityRecord]
    public var quantities: [Quantity]
    public var times: [TimeRecord]
    public var events: [Event]

    public struct RemovedPiece: Sendable, Equatable, Codable {
        public var rule: String
        public var text: String
        public init(rule: String, text: String) { self.rule = rule; self.text = text }
    }

    public struct TechnologyCount: Sendable, Equatable, Codable {
        public var term: String
        public var category: String
        public var count: Int
        public init(term: String, category: String, count: Int) { self.term = term; self.category = category; self.count = count }
    }

    public struct IndustryTag: Sendable, Equatable, Codable {
        public var name: String
        /// One of the nine categories of the 2018 strategic emerging industries classification, or "other".
        public var category: String
        public init(name: String, category: String) { self.name = name; self.category = category }
    }

    public struct Mention: Sendable, Equatable, Codable {
        public var text: String
        public var start: Int
        public var end: Int
        public init(text: String, start: Int, end: Int) { self.text = text; self.start = start; self.end = end }
    }

    public struct EntityRecord: Sendable, Equatable, Codable {
        public var name: String
        /// person, place or organization.
        public var type: String
        public var aliases: [String]
        public var role: String?
        /// For places: the province-level and prefecture-level division it belongs to.
        public var division: [String]?
        public var mentions: [Mention]
        public init(name: String, type: String, aliases: [String] = [], role: String? = nil, division: [String]? = nil, mentions: [Mention]) {
            self.name = name; self.type = type; self.aliases = aliases; self.role = role; self.division = division; self.mentions = mentions
        }
    }

    public struct TimeRecord: Sendable, Equatable, Codable {
        public var text: String
        public var start: Int
        public var end: Int
        public var type: String
        /// [start, end] normalized against the publication date (open year `XXXX` without one).
        public var time: [String]?
        public init(text: String, start: Int, end: Int, type: String, time: [String]?) {
            self.text = text; self.start = start; self.end = end; self.type = type; self.time = time
        }
    }

    public init(sourcePath: String, part: Int, title: String?, url: String?, source: String?, authors: [String],
                published: String?, section: String?, page: String?, script: String, body: String, originalBody: String,
                captions: [String], removed: [RemovedPiece], summary: String = "", keywords: [String] = [],
                technologies: [TechnologyCount] = [], industries: [IndustryTag] = [], entities: [EntityRecord] = [],
                quantities: [Quantity] = [], times: [TimeRecord] = [], events: [Event] = []) {
        self.sourcePath = sourcePath; self.part = part; self.title = title; self.url = url; self.source = source
        self.authors = authors; self.published = published; self.section = section; self.page = page
        self.script = script; self.body = body; self.originalBody = originalBody; self.captions = captions
        self.removed = removed; self.summary = summary; self.keywords = keywords; self.technologies = technologies
        self.industries = industries; self.entities = entities; self.quantities = quantities; self.times = times
        self.events = events
    }

    enum CodingKeys: String, CodingKey {
        case sourcePath = "source_path", part, title, url, source, authors, published, section, page, script, body
        case originalBody = "original_body", captions, removed, summary, keywords, technologies, industries, entities
        case quantities, times, events
    }
}
