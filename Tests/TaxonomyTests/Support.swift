import Foundation
@testable import Taxonomy

/// The user's sample documents, copied into Fixtures so that the tests are self-contained.
enum Seeds {
    static func url(_ prefix: String) -> URL {
        let dir = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
        let name = try! FileManager.default.contentsOfDirectory(atPath: dir.path).first { $0.hasPrefix(prefix) }!
        return dir.appendingPathComponent(name)
    }

    static func text(_ prefix: String) -> String {
        try! String(contentsOf: url(prefix), encoding: .utf8)
    }

    /// A field record's body: the text after "总结:" up to the next field ("关键词:").
    static func recordBody(_ prefix: String) -> String {
        let text = text(prefix)
        let start = text.range(of: "总结:")!.upperBound
        var body = text[start...]
        if let end = body.range(of: "\n关键词:") { body = body[..<end.lowerBound] }
        return String(body)
    }
}

/// Temporary files for user-file tests, removed at deinit.
final class TempDir {
    let url: URL
    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("taxonomy-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    func write(_ name: String, _ text: String) -> URL {
        let f = url.appendingPathComponent(name)
        try! text.write(to: f, atomically: true, encoding: .utf8)
        return f
    }
    deinit { try? FileManager.default.removeItem(at: url) }
}

extension Array where Element == TechnologyMention {
    func named(_ term: String) -> TechnologyMention? { first { $0.term == term } }
    var terms: Set<String> { Set(map(\.term)) }
}

extension Array where Element == IndustryMention {
    func named(_ name: String) -> IndustryMention? { first { $0.name == name } }
}

let technologyHeader = "term\tcanonical\tcategory\taliases\tindustry_code\n"
