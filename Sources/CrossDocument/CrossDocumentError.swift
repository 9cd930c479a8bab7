/// Errors of the cross-document module.
public enum CrossDocumentError: Error, Sendable, CustomStringConvertible {
    case invalidDate(String)

    public var description: String {
        switch self {
        case .invalidDate(let s): return "not a date: \(s)"
        }
    }
}
