import Foundation

/// JSON Lines: one object per line, `{"url", "title", "html" | "text" | "content" | "body",
/// "published" | "date", "source", "author" | "authors", …}`. A line that is not such an
/// object is reported with its line number and skipped; blank lines are skipped quietly.
public enum JSONLinesReader {
    public static func read(bytes: [UInt8], path: String) throws -> [RawDocument] {
        var documents: [RawDocument] = []
        var warnings: [String] = []
        var lineNo = 0
        var start = 0
        let n = bytes.count
        while start <= n {
            var end = start
            while end < n && bytes[end] != 0x0A { end += 1 }
            lineNo += 1
            defer { start = end + 1 }
            let line = bytes[start..<end]
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                if end >= n { break }
                continue
            }
            do {
                documents.append(try document(Data(line), path: path, line: lineNo))
            } catch let error as ReadingError {
                warnings.append(error.description)
            }
            if end >= n { break }
        }
        if documents.isEmpty {
            if let first = warnings.first { throw ReadingError.unsupportedFormat(path: path, reason: "no readable JSON line (\(first))") }
            return []
        }
        documents[0].warnings += warnings
        return documents
    }

    static func document(_ data: Data, path: String, line: Int) throws -> RawDocument {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch {
            throw ReadingError.invalidLine(path: path, line: line, reason: "not valid JSON")
        }
        guard let obj = object as? [String: Any] else {
            throw ReadingError.invalidLine(path: path, line: line, reason: "expected a JSON object")
        }
        func string(_ keys: String...) -> String? {
            for k in keys { if let s = obj[k] as? String, !s.isEmpty { return s } }
            return nil
        }
        let name = "\(path):\(line)"
        var meta = DocumentMetadata(title: string("title"), url: string("url", "link"), source: string("source", "site"),
                                    published: string("published", "date", "publish_time", "pubdate"))
        if let authors = obj["authors"] as? [String] {
            meta.authors = authors
        } else if let author = string("author") {
            meta.authors = author.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" }).map { $0.trimmingCharacters(in: .whitespaces) }
        }
        if let html = string("html") {
            var doc = try DocumentReader.html(bytes: Array(html.utf8), path: name, url: meta.url)
            doc.kind = .jsonLines
            doc.metadata = { var m = meta; m.fill(from: doc.metadata); return m }()
            return doc
        }
        guard let text = string("text", "content", "body") else {
            throw ReadingError.invalidLine(path: path, line: line, reason: "the object has no \"html\" or \"text\" field")
        }
        return RawDocument(sourcePath: name, kind: .jsonLines, text: text, metadata: meta)
    }
}
