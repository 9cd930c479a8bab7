import Foundation

/// PDF through poppler's `pdftotext -layout` when it is installed.
public enum PDFReader {
    public static func read(path: String) throws -> RawDocument {
        guard let tool = findTool("pdftotext") else {
            throw ReadingError.toolMissing(path: path, tool: "pdftotext", install: "install poppler-utils, e.g. `apt-get install poppler-utils`")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-enc", "UTF-8", path, "-"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch {
            throw ReadingError.unreadable(path: path, reason: "cannot run pdftotext: \(error.localizedDescription)")
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw ReadingError.unreadable(path: path, reason: "pdftotext failed: \(message.isEmpty ? "exit \(process.terminationStatus)" : message)")
        }
        // Pages are separated by form feeds: keep them as blank lines.
        let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\u{0C}", with: "\n\n")
        return RawDocument(sourcePath: path, kind: .pdf, text: text)
    }

    static func findTool(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
