import Foundation

/// The field-record format of Kechuang's first samples (`Examples/seeds/000_*`): lines
/// `标题: …`, `链接: …`, `总结: …` (the body), `关键词: …`, `AI技术: …`, `行业: …` and
/// `重大事件摘要: …`, whose value may run over several lines until the next field.
public enum RecordReader {
    /// The field names, in the order the format writes them.
    public static let fields = ["标题", "链接", "总结", "关键词", "AI技术", "行业", "重大事件摘要"]
    /// Fields written by Kechuang's own record export, read back as well.
    public static let extraFields = ["来源", "作者", "发布时间", "正文"]

    /// The fields of a record, or nil when the text is not one (it must start with a known
    /// field and have at least two).
    public static func fields(of text: String) -> [(name: String, value: String)]? {
        var result: [(String, String)] = []
        let known = Set(fields + extraFields)
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if let (name, value) = fieldStart(line), known.contains(name) {
                result.append((name, value))
            } else if result.isEmpty {
                if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
                return nil
            } else {
                result[result.count - 1].1 += "\n" + line
            }
        }
        guard result.count >= 2 else { return nil }
        return result.map { (name: $0.0, value: $0.1.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// `名称: 值` or `名称：值` at the start of a line.
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
