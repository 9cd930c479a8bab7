import Foundation

/// The one error type of the `ChineseText` module.
///
/// Data errors carry the file and, where it applies, the line (1-based) or byte offset,
/// so that a user can find the bad input.
public enum ChineseTextError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file looks like binary data (NUL bytes, control characters), not text.
    case binaryFile(path: String)
    /// The file could not be read at all.
    case unreadable(path: String, reason: String)
    /// A declared encoding is not one this module can decode.
    case unsupportedEncoding(name: String, path: String)
    /// A dictionary or data file has a malformed line.
    case invalidData(path: String, line: Int, reason: String)
    /// A bundled resource is missing (a broken installation).
    case missingResource(name: String, searched: [String])
    /// An option value is not recognized.
    case invalidArgument(String)

    public var description: String {
        switch self {
        case .binaryFile(let path):
            return "\(path): looks like a binary file, not text; skipped"
        case .unreadable(let path, let reason):
            return "\(path): cannot read: \(reason)"
        case .unsupportedEncoding(let name, let path):
            return "\(path): unsupported encoding '\(name)' (supported: UTF-8, UTF-16, GB18030/GBK/GB2312, Big5)"
        case .invalidData(let path, let line, let reason):
            return "\(path):\(line): \(reason)"
        case .missingResource(let name, let searched):
            return "missing resource '\(name)' (looked in: \(searched.joined(separator: ", "))); set KECHUANG_DATA to the data folder"
        case .invalidArgument(let message):
            return message
        }
    }
}
