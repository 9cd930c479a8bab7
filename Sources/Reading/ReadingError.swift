/// The one error type of the `Reading` module. Data errors name the file and, where it
/// applies, the line (1-based).
public enum ReadingError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case unsupportedFormat(path: String, reason: String)
    case invalidLine(path: String, line: Int, reason: String)
    case toolMissing(path: String, tool: String, install: String)
    case noArticle(path: String)
    /// A decoding error from `ChineseText` (its message already names the file).
    case decoding(String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): cannot read: \(reason)"
        case .unsupportedFormat(let path, let reason): return "\(path): \(reason)"
        case .invalidLine(let path, let line, let reason): return "\(path):\(line): \(reason)"
        case .toolMissing(let path, let tool, let install):
            return "\(path): reading this needs `\(tool)`, which is not installed (\(install))"
        case .noArticle(let path): return "\(path): no article text found"
        case .decoding(let message): return message
        }
    }
}
