import ChineseText

/// One clean article: what `kechuang clean` writes, one JSON object per article.
public struct Article: Sendable, Codable, Equatable {
    /// The file it came from (or `<stdin>`, or `file:line` for JSON Lines).
    public var sourcePath: String
    /// The article's index within its file (0-based; a newspaper page gives several).
    public var part: Int
    public var title: String?
    public var url: String?
    /// The publisher or newspaper (来源).
    public var source: String?
    /// People only: a site name in the author slot (促进网) is not an author.
    public var authors: [String]
    /// ISO 8601: `2020-12-25T09:23:35`, or a date alone when no time is given (`2020-12-17`).
    public var published: String?
    /// Breadcrumb or section (智慧政务 > 行业要闻).
    public var section: String?
    /// The newspaper page (版), when known.
    public var page: String?
    /// The script of the original text.
    public var script: Script
    /// Clean body in simplified Chinese, paragraphs separated by "\n".
    public var body: String
    /// Clean body in the original script.
    public var originalBody: String
    /// Photo captions, kept apart from the body.
    public var captions: [String]
    /// Every piece removed by cleaning, with the rule that removed it.
    public var removed: [Removal]

    public init(sourcePath: String, part: Int = 0, title: String? = nil, url: String? = nil, source: String? = nil,
                authors: [String] = [], published: String? = nil, section: String? = nil, page: String? = nil,
                script: Script = .simplified, body: String = "", originalBody: String = "",
                captions: [String] = [], removed: [Removal] = []) {
        self.sourcePath = sourcePath
        self.part = part
        self.title = title
        self.url = url
        self.source = source
        self.authors = authors
        self.published = published
        self.section = section
        self.page = page
        self.script = script
        self.body = body
        self.originalBody = originalBody
        self.captions = captions
        self.removed = removed
    }

    enum CodingKeys: String, CodingKey {
        case sourcePath = "source_path", part, title, url, source, authors, published, section, page, script, body
        case originalBody = "original_body", captions, removed
    }
}

/// A piece of text that cleaning removed, and why.
public struct Removal: Sendable, Codable, Equatable, Hashable {
    /// The rule's name, e.g. `navigation`, `copyright`, `photo-credit`, `repeated-phrase`.
    public var rule: String
    public var text: String

    public init(rule: String, text: String) {
        self.rule = rule
        self.text = text
    }
}

/// Metadata found before or during cleaning (HTML `<meta>`, JSON-LD, a record's fields, a
/// JSON Lines object, a byline). Later sources fill only what earlier ones left empty.
public struct DocumentMetadata: Sendable, Codable, Equatable {
    public var title: String?
    public var url: String?
    public var source: String?
    public var authors: [String] = []
    public var published: String?
    public var section: String?
    public var page: String?

    public init(title: String? = nil, url: String? = nil, source: String? = nil, authors: [String] = [],
                published: String? = nil, section: String? = nil, page: String? = nil) {
        self.title = title
        self.url = url
        self.source = source
        self.authors = authors
        self.published = published
        self.section = section
        self.page = page
    }

    /// Fills the empty fields of `self` from `other`.
    public mutating func fill(from other: DocumentMetadata) {
        if title?.isEmpty ?? true { title = other.title }
        if url?.isEmpty ?? true { url = other.url }
        if source?.isEmpty ?? true { source = other.source }
        if authors.isEmpty { authors = other.authors }
        if published?.isEmpty ?? true { published = other.published }
        if section?.isEmpty ?? true { section = other.section }
        if page?.isEmpty ?? true { page = other.page }
    }
}

/// A document as read, before cleaning: its text (one paragraph or layout line per line) and
/// whatever metadata the format itself gave.
public struct RawDocument: Sendable {
    public enum Kind: String, Sendable, Codable { case text, html, record, jsonLines, pdf }

    public var sourcePath: String
    public var kind: Kind
    public var text: String
    public var metadata: DocumentMetadata
    /// Pieces already removed while reading (e.g. HTML navigation), with their rules.
    public var removed: [Removal]
    /// Warnings for the user (decoding problems, skipped lines), each naming the file.
    public var warnings: [String]

    public init(sourcePath: String, kind: Kind, text: String, metadata: DocumentMetadata = DocumentMetadata(),
                removed: [Removal] = [], warnings: [String] = []) {
        self.sourcePath = sourcePath
        self.kind = kind
        self.text = text
        self.metadata = metadata
        self.removed = removed
        self.warnings = warnings
    }
}
