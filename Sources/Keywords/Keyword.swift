import Foundation

/// A keyphrase of a document and its score (higher is more central; comparable within one
/// document only).
public struct Keyword: Sendable, Equatable, Codable, CustomStringConvertible {
    public var text: String
    public var score: Double

    public init(text: String, score: Double) {
        self.text = text
        self.score = score
    }

    public var description: String { "\(text) (\(String(format: "%.3f", score)))" }
}
