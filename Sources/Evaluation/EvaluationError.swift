/// The one error type of the `Evaluation` module.
public enum EvaluationError: Error, CustomStringConvertible, Sendable {
    case unreadable(path: String, reason: String)
    case invalidData(path: String, line: Int, reason: String)
    case mismatch(String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): cannot read: \(reason)"
        case .invalidData(let path, let line, let reason): return "\(path):\(line): \(reason)"
        case .mismatch(let message): return message
        }
    }
}

import Foundation

enum EvalFiles {
    static func lines(_ path: String) throws -> [String] {
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            // Split the bytes: a String would treat "\r\n" as one character.
            var lines = data.split(separator: 0x0A, omittingEmptySubsequences: false).map { line -> String in
                let trimmed = line.last == 0x0D ? line.dropLast() : line
                return String(decoding: trimmed, as: UTF8.self)
            }
            if lines.last == "" { lines.removeLast() }
            return lines
        } catch {
            throw EvaluationError.unreadable(path: path, reason: error.localizedDescription)
        }
    }

    static func json(_ value: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]),
              let s = String(data: data, encoding: .utf8) else { return "{}" }
        return s
    }
}

func formatted(_ x: Double) -> String { String(format: "%.4f", x) }
