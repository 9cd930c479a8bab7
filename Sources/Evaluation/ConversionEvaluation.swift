import ChineseText
import Foundation

/// Runs conversion cases (`{"id","config","input","expected"}` per line) and counts passes.
public struct ConversionEvaluation: Sendable {
    public let total: Int
    public let passed: Int
    public let failures: [String]

    public static func run(casesPath: String) throws -> ConversionEvaluation {
        let lines = try EvalFiles.lines(casesPath)
        var converters: [ConversionProfile: ChineseConverter] = [:]
        var total = 0, passed = 0
        var failures: [String] = []
        for (k, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let obj = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let config = obj["config"] as? String, let input = obj["input"] as? String,
                  let expected = obj["expected"] as? String else {
                throw EvaluationError.invalidData(path: casesPath, line: k + 1, reason: "expected {\"config\",\"input\",\"expected\"}")
            }
            guard let profile = ConversionProfile(rawValue: config) else {
                throw EvaluationError.invalidData(path: casesPath, line: k + 1, reason: "unknown config \(config)")
            }
            let converter: ChineseConverter
            if let c = converters[profile] { converter = c } else {
                converter = try ChineseConverter(profile: profile)
                converters[profile] = converter
            }
            total += 1
            let got = converter.convert(input)
            if got == expected {
                passed += 1
            } else {
                failures.append("\(obj["id"] as? String ?? "line \(k + 1)") [\(config)] \(input)\n  expected: \(expected)\n  got:      \(got)")
            }
        }
        return ConversionEvaluation(total: total, passed: passed, failures: failures)
    }

    public var summary: String { "passed \(passed) of \(total)" }
    public var jsonLine: String { EvalFiles.json(["passed": passed, "total": total]) }
}
