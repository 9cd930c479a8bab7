import Foundation

/// The field-record format of Kechuang's first samples (`Examples/seeds/000_*`): lines
/// `标题: …`, `链接: …`, `总结: …` (the body), `关键词: …`, `AI技术: …`, `行业: …` and
/// `重大事件摘要: …`, whose value may run over several lines until the next field.
public enum RecordReader {
    /// The field names, in the order the format writes them.
    public static let fields = ["标题", "链接", "总结", "关键词", "AI技术", "行业", "重大事件摘要"]
    /// Fields written by Kechuang's own record export, read back as well.
    public static let extraFields = ["来源", "作者", "发布时间", "正文"]

    /// All field names, as a set (for names that are not plain text, compared as `String`s).
    static let known = Set(fields + extraFields)

    /// The fields of a record, or nil when the text is not one (it must start with a known
    /// field and have at least two). Lines end at LF (a CR before it stays with the line, as
    /// `split(separator: "\n")` on characters leaves "\r\n" alone); a CR ending a line is dropped.
    /// Values are trimmed of Foundation's white space and newlines. Read straight from the text's
    /// UTF-8 (see `RecordLineScanner`).
    public static func fields(of text: String) -> [(name: String, value: String)]? {
        Scan.withUTF8(text) { RecordLineScanner.fields($0) }
    }

    /// `名称: 值` or `名称：值` at the start of a line (characters, `String` comparison): the
    /// slow path, for lines that are not plain text.
    static func fieldStart(_ line: Substring) -> (String, String)? {
        guard let colon = line.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
        let name = line[..<colon].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 8 else { return nil }
        return (name, String(line[line.index(after: colon)...]))
    }

    /// A raw document from a record: the body is 总结 (or 正文), title and link become metadata.
    static func parse(_ text: String, path: String) -> RawDocument? {
        guard let fields = fields(of: text) else { return nil }
        var values: [String: String] = [:]
        for (name, value) in fields where values[name] == nil { values[name] = value }
        var meta = DocumentMetadata()
        meta.title = values["标题"].flatMap { $0.isEmpty ? nil : $0 }
        meta.url = values["链接"].flatMap { $0.isEmpty ? nil : $0 }
        meta.source = values["来源"].flatMap { $0.isEmpty ? nil : $0 }
        meta.published = values["发布时间"].flatMap { $0.isEmpty ? nil : $0 }
        if let authors = values["作者"], !authors.isEmpty {
            meta.authors = authors.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" || $0 == " " }).map(String.init)
        }
        let body = values["正文"] ?? values["总结"] ?? ""
        return RawDocument(sourcePath: path, kind: .record, text: body, metadata: meta)
    }
}
