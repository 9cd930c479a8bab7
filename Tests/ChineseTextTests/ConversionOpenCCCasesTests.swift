import Foundation
import Testing
import ChineseText

/// OpenCC's upstream traditional → simplified cases, read from `../shared/eval/opencc` when present
/// (the file is not part of the project; the test is skipped without it).
struct ConversionOpenCCCasesTests {
    struct Case: Decodable {
        let id: String
        let config: String
        let input: String
        let expected: String
    }

    static let casesURL: URL? = {
        var candidates: [URL] = []
        if let env = ProcessInfo.processInfo.environment["KECHUANG_SHARED"], !env.isEmpty {
            candidates.append(URL(fileURLWithPath: env))
        }
        let here = URL(fileURLWithPath: #filePath)
        // Tests/ChineseTextTests/<file> → project root → ../shared
        let root = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.deletingLastPathComponent().appendingPathComponent("shared"))
        candidates.append(URL(fileURLWithPath: "/work/shared"))
        for c in candidates {
            let url = c.appendingPathComponent("eval/opencc/to_simplified_cases.jsonl")
            if FileManager.default.fileExists(atPath: url.path) { return url }
        }
        return nil
    }()

    @Test(.enabled(if: casesURL != nil, "shared/eval/opencc/to_simplified_cases.jsonl not found"))
    func allUpstreamCasesPass() throws {
        let url = try #require(Self.casesURL)
        let text = try String(contentsOf: url, encoding: .utf8)
        let decoder = JSONDecoder()
        var converters: [String: ChineseConverter] = [:]
        var passed = 0, total = 0
        for line in text.split(separator: "\n") where !line.isEmpty {
            let c = try decoder.decode(Case.self, from: Data(line.utf8))
            let profile = try #require(ConversionProfile(rawValue: c.config), "unknown config \(c.config)")
            let converter = try converters[c.config] ?? ChineseConverter(profile: profile)
            converters[c.config] = converter
            total += 1
            let got = converter.convert(c.input)
            #expect(got == c.expected, "\(c.id) [\(c.config)] \(c.input)")
            if got == c.expected { passed += 1 }
        }
        #expect(total > 0)
        print("OpenCC cases: \(passed) of \(total) pass")
    }
}
