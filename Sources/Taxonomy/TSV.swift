import Foundation

/// A parsed row of a data file: its fields and where it came from.
struct TSVRow: Sendable {
    var fields: [String]
    var path: String
    var line: Int

    func error(_ reason: String) -> TaxonomyError {
        .invalidData(path: path, line: line, reason: reason)
    }
}

/// Reads the project's tab-separated data files.
///
/// - UTF-8 (a BOM is skipped); `\n` or `\r\n` line ends.
/// - Blank lines and lines whose first non-blank character is `#` are ignored.
/// - The first other line is the header and must name the expected columns.
/// - Each row must have exactly as many tab-separated fields as the header (trailing empty
///   fields must still be written as tabs). Fields are trimmed of spaces.
enum TSV {
    static func read(_ url: URL, columns: [String]) throws -> [TSVRow] {
        let path = url.path
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw TaxonomyError.unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw TaxonomyError.unreadable(path: path, reason: "not valid UTF-8")
        }
        return try parse(text, path: path, columns: columns)
    }

    static func parse(_ text: String, path: String, columns: [String]) throws -> [TSVRow] {
        var rows: [TSVRow] = []
        var sawHeader = false
        var lineNumber = 0
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        for rawLine in body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            lineNumber += 1
            let line = rawLine
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if !sawHeader {
                let expected = columns.joined(separator: "\t")
                guard fields.map({ $0.lowercased() }) == columns else {
                    throw TaxonomyError.invalidData(
                        path: path, line: lineNumber,
                        reason: "expected the header line '\(expected.replacingOccurrences(of: "\t", with: "<TAB>"))', found '\(trimmed)'")
                }
                sawHeader = true
                continue
            }
            guard fields.count == columns.count else {
                throw TaxonomyError.invalidData(
                    path: path, line: lineNumber,
                    reason: "expected \(columns.count) tab-separated columns (\(columns.joined(separator: ", "))), found \(fields.count)")
            }
            rows.append(TSVRow(fields: fields, path: path, line: lineNumber))
        }
        guard sawHeader else {
            throw TaxonomyError.invalidData(path: path, line: max(lineNumber, 1),
                                            reason: "no header line (expected '\(columns.joined(separator: "<TAB>"))')")
        }
        return rows
    }

    /// Splits a `|`-separated list, dropping empty items.
    static func list(_ field: String) -> [String] {
        field.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
