import Analysis
import Foundation
import GRDB

/// Export formats.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// One JSON object per article: the analysis record plus `id`, `duplicate_of` and `story_ids`.
    case jsonl
    /// One row per article, UTF-8 with a byte-order mark and CRLF line ends so that Excel shows
    /// Chinese; lists joined with "；".
    case csv
    /// A readable Markdown section per article.
    case markdown
    /// The field-record format of the samples (标题:, 链接:, 总结:, …), articles separated by a blank line.
    case record
}

extension CorpusStore {
    /// Writes every article (original and reprints, in ingest order) to `sink` in `format`.
    /// Streams from the database, so memory stays flat for large corpora.
    public func export(_ format: ExportFormat, sink: (String) throws -> Void) throws {
        if format == .csv { try sink("\u{FEFF}" + CSV.row(CSV.header)) }
        let decoder = JSONDecoder()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        try read { db in
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT a.id, a.duplicate_of, a.record, a.body,
                       (SELECT group_concat(DISTINCT e.story_id) FROM event e WHERE e.article_id = a.id) AS stories
                FROM article a ORDER BY a.id
                """)
            while let row = try cursor.next() {
                let id: Int64 = row["id"]
                let dup: Int64? = row["duplicate_of"]
                let json: String = row["record"]
                let stories = ((row["stories"] as String?) ?? "").split(separator: ",").compactMap { Int64($0) }.sorted()
                guard var record = try? decoder.decode(AnalysisRecord.self, from: Data(json.utf8)) else {
                    throw CorpusError.database(path: path, message: "article \(id): stored record cannot be read")
                }
                record.body = row["body"]
                if record.originalBody.isEmpty { record.originalBody = record.body }
                switch format {
                case .jsonl:
                    let full = String(decoding: try encoder.encode(record), as: UTF8.self)
                    let storyList = "[" + stories.map(String.init).joined(separator: ",") + "]"
                    let head = "{\"id\":\(id),\"duplicate_of\":\(dup.map(String.init) ?? "null"),\"story_ids\":\(storyList),"
                    try sink(head + full.dropFirst() + "\n")
                case .csv: try sink(CSV.row(CSV.fields(id: id, duplicateOf: dup, record: record)))
                case .markdown: try sink(record.markdown())
                case .record: try sink(record.recordText() + "\n")
                }
            }
        }
    }
}

/// CSV for spreadsheets (RFC 4180 quoting).
enum CSV {
    static let header = ["id", "published", "title", "source", "authors", "url", "source_path", "duplicate_of", "keywords",
                         "technologies", "industries", "organizations", "places", "people", "events", "summary"]

    static func fields(id: Int64, duplicateOf: Int64?, record r: AnalysisRecord) -> [String] {
        func names(_ type: String) -> String { r.entities.filter { $0.type == type }.map(\.name).joined(separator: "；") }
        let events = r.events.map { "\($0.date ?? "日期不详") [\(AnalysisRecord.eventTypeNames[$0.type] ?? $0.type.rawValue)] \($0.summary)" }
        let technologies: String = r.technologies.map { "\($0.term)(\($0.count))" }.joined(separator: "；")
        let industries: String = r.industries.map { "\($0.name)(\($0.category))" }.joined(separator: "；")
        var row: [String] = [String(id), r.published ?? "", r.title ?? "", r.source ?? ""]
        row.append(r.authors.joined(separator: "；"))
        row.append(r.url ?? "")
        row.append(r.sourcePath)
        row.append(duplicateOf.map { String($0) } ?? "")
        row.append(r.keywords.joined(separator: "；"))
        row += [technologies, industries, names("organization"), names("place"), names("person")]
        row += [events.joined(separator: "；"), r.summary]
        return row
    }

    static func row(_ fields: [String]) -> String {
        fields.map(quote).joined(separator: ",") + "\r\n"
    }

    static func quote(_ s0: String) -> String {
        // A cell starting with = + @ would be read by a spreadsheet as a formula.
        var s = s0
        if let first = s0.utf8.first, first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "@") {
            s = "'" + s0
        }
        let needs = s.utf8.contains { (b: UInt8) -> Bool in b == 0x2C || b == 0x22 || b == 0x0A || b == 0x0D }
        guard needs else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
