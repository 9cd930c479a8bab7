import Foundation

/// The one error type of the Analysis module.
///
/// Parsers in this module report "not a time / not a money expression" by returning `nil`
/// from their public entry points; `AnalysisError` is what their internal rule functions throw
/// (mirroring JioNLP's `ValueError`) and what callers see from the throwing helpers.
public enum AnalysisError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input string cannot be interpreted by the rule that was tried.
    case illegal(String)
    /// The reference time (time base) lacks a field the expression needs (e.g. "3小时后" without an hour).
    case insufficientBase(String)

    public var description: String {
        switch self {
        case .illegal(let s): return "illegal expression: \(s)"
        case .insufficientBase(let s): return "insufficient time base: \(s)"
        }
    }
}
