import Foundation

/// The one error type of the `Taxonomy` module.
///
/// Data errors name the file and the line (1-based) so that a user can find the bad row.
public enum TaxonomyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A data file has a malformed or contradictory line.
    case invalidData(path: String, line: Int, reason: String)
    /// A data file could not be read (missing, unreadable, not UTF-8).
    case unreadable(path: String, reason: String)
    /// A bundled resource is missing (a broken installation).
    case missingResource(name: String)
    /// The segmenter of `ChineseText` could not be loaded (its data is missing or broken).
    case segmenterUnavailable(reason: String)

    public var description: String {
        switch self {
        case .invalidData(let path, let line, let reason):
            return "\(path):\(line): \(reason)"
        case .unreadable(let path, let reason):
            return "\(path): cannot read: \(reason)"
        case .missingResource(let name):
            return "missing bundled resource '\(name)' (broken installation)"
        case .segmenterUnavailable(let reason):
            return "the segmenter could not be loaded: \(reason)"
        }
    }

    /// The file the error is about, if any.
    public var path: String? {
        switch self {
        case .invalidData(let path, _, _), .unreadable(let path, _): return path
        case .missingResource, .segmenterUnavailable: return nil
        }
    }

    /// The 1-based line the error is about, if any.
    public var line: Int? {
        if case .invalidData(_, let line, _) = self { return line }
        return nil
    }
}
