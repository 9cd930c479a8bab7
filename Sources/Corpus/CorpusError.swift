import Foundation

/// Errors of the corpus store.
public enum CorpusError: Error, Sendable, CustomStringConvertible {
    /// The database file could not be opened or migrated.
    case database(path: String, message: String)
    /// A file could not be read or analysed during ingest.
    case input(path: String, message: String)
    /// A query or filter the user gave is invalid.
    case invalidQuery(String)

    public var description: String {
        switch self {
        case .database(let path, let message): return "\(path): \(message)"
        case .input(let path, let message): return "\(path): \(message)"
        case .invalidQuery(let message): return "invalid query: \(message)"
        }
    }
}
