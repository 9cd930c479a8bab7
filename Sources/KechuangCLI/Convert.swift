import ArgumentParser
import ChineseText
import Foundation

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert traditional Chinese to simplified, at phrase level.",
        discussion: """
        Profiles (as in OpenCC): t2s traditional → simplified; tw2s Taiwan standard characters; \
        tw2sp also Taiwan phrases (軟體 → 软件); hk2s Hong Kong characters; hk2sp also Hong Kong \
        phrases. auto (the default) detects the script and regional usage: simplified text is \
        left alone, and Taiwan or Hong Kong phrasing is rewritten only where the text shows it.
        """
    )

    @Option(help: "auto, t2s, tw2s, tw2sp, hk2s or hk2sp.")
    var config: String = "auto"

    @Flag(name: .customLong("detect"), help: "Print the detected script and the profile auto would use, instead of converting.")
    var detectOnly = false

    @Option(help: "The input encoding, when detection should not decide (utf-8, gbk, gb18030, big5).")
    var encoding: String?

    @Argument(help: "Files to convert; standard input when none.")
    var files: [String] = []

    func run() throws {
        guard let profile = ConversionProfile(rawValue: config) else {
            throw ValidationError("--config must be one of: \(ConversionProfile.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let converter: ChineseConverter
        do { converter = try ChineseConverter(profile: profile) } catch let error as ChineseTextError {
            throw ValidationError(error.description)
        }
        var out = Output()
        let failures = try Inputs.forEach(files, encoding: encoding) { input in
            let text = input.text
            if detectOnly {
                let report = ScriptDetector.detect(text)
                out.write("\(input.name)\tscript=\(report.script.rawValue)\tprofile=\(converter.resolvedProfile(for: text).rawValue)\n")
            } else {
                out.write(converter.convert(text))
            }
        }
        out.flush()
        if failures > 0 { throw ExitCode(1) }
    }
}
