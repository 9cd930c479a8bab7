import Foundation

/// The one error type of the `Keywords` module.
public enum KeywordError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A data file (the IDF table, a lexicon, an evaluation file) could not be read.
    case unreadable(path: String, reason: String)
    /// A data file has a malformed line (1-based).
    case invalidData(path: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "\(path): cannot read: \(reason)"
        case .invalidData(let path, let line, let reason):
            return "\(path):\(line): \(reason)"
        }
    }
}
