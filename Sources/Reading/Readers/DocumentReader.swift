import ChineseText
import Foundation

/// Reads files and folders into raw documents, choosing the reader by extension and content:
/// HTML (`.html`, `.htm`, `.shtml`, `.xhtml`), JSON Lines (`.jsonl`, `.ndjson`), PDF (`.pdf`,
/// through `pdftotext`), field records in the seed format (a text file starting with `标题:`),
/// and plain text in any supported encoding.
public struct DocumentReader: Sendable {
    public init() {}

    /// Extensions read when walking a folder.
    public static let extensions: Set<String> = ["txt", "text", "md", "html", "htm", "shtml", "xhtml", "jsonl", "ndjson", "pdf"]

    /// The files named by `paths`: files as given, folders walked recursively (sorted, hidden
    /// entries skipped), `-` for standard input. A path that does not exist is an error naming it.
    public static func expand(_ paths: [String]) -> (files: [String], errors: [ReadingError]) {
        var files: [String] = []
        var errors: [ReadingError] = []
        let fm = FileManager.default
        for path in paths {
            if path == "-" { files.append(path); continue }
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                errors.append(.unreadable(path: path, reason: "no such file or folder"))
                continue
            }
            if !isDir.boolValue { files.append(path); continue }
            guard let walker = fm.enumerator(atPath: path) else {
                errors.append(.unreadable(path: path, reason: "cannot list the folder"))
                continue
            }
            var found: [String] = []
            while let rel = walker.nextObject() as? String {
                let name = (rel as NSString).lastPathComponent
                if name.hasPrefix(".") { walker.skipDescendants(); continue }
                let ext = (name as NSString).pathExtension.lowercased()
                if extensions.contains(ext) { found.append((path as NSString).appendingPathComponent(rel)) }
            }
            files.append(contentsOf: found.sorted())
        }
        return (files, errors)
    }

    /// Reads one file (or `-` for standard input) into one or more raw documents.
    /// JSON Lines give one document per line; a bad line is reported in the first document's
    /// warnings (with its line number) and skipped.
    public func read(path: String) throws -> [RawDocument] {
        let bytes: [UInt8]
        if path == "-" {
            bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        } else {
            let ext = (path as NSString).pathExtension.lowercased()
            if ext == "pdf" { return [try PDFReader.read(path: path)] }
            do { bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) } catch {
                throw ReadingError.unreadable(path: path, reason: (error as NSError).localizedFailureReason ?? error.localizedDescription)
            }
        }
        return try read(bytes: bytes, path: path)
    }

    /// Reads bytes whose format is told by the path's extension, else sniffed.
    public func read(bytes: [UInt8], path: String) throws -> [RawDocument] {
        let ext = (path as NSString).pathExtension.lowercased()
        switch ext {
        case "html", "htm", "shtml", "xhtml":
            return [try Self.html(bytes: bytes, path: path, url: nil)]
        case "jsonl", "ndjson":
            return try JSONLinesReader.read(bytes: bytes, path: path)
        default:
            if Self.looksLikeHTML(bytes) { return [try Self.html(bytes: bytes, path: path, url: nil)] }
            let decoded: DecodedText
            do { decoded = try TextDecoder.decode(bytes, path: path) } catch let error as ChineseTextError {
                throw ReadingError.decoding(error.description)
            }
            let warnings = decoded.warnings.map(\.description)
            if let record = RecordReader.parse(decoded.text, path: path) {
                var r = record
                r.warnings += warnings
                return [r]
            }
            return [RawDocument(sourcePath: path, kind: .text, text: decoded.text, warnings: warnings)]
        }
    }

    static func html(bytes: [UInt8], path: String, url: String?) throws -> RawDocument {
        let x = try HTMLExtractor.extract(bytes: bytes, path: path, url: url)
        return RawDocument(sourcePath: path, kind: .html, text: x.text, metadata: x.metadata, removed: x.removed, warnings: x.warnings)
    }

    /// Whether undeclared bytes start like an HTML document.
    static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        var i = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }
        while i < bytes.count && (bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09) { i += 1 }
        guard i < bytes.count, bytes[i] == 0x3C else { return false }
        let head = String(decoding: bytes[i..<min(bytes.count, i + 64)], as: UTF8.self).lowercased()
        return head.hasPrefix("<!doctype html") || head.hasPrefix("<html") || head.hasPrefix("<head") || head.hasPrefix("<meta")
            || head.hasPrefix("<!--") && String(decoding: bytes[i..<min(bytes.count, i + 2048)], as: UTF8.self).lowercased().contains("<html")
    }
}
