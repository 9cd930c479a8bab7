import Analysis
import ArgumentParser
import Foundation

struct TimeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "time",
        abstract: "Normalize a Chinese time expression (JioNLP's parse_time).",
        discussion: """
        Prints {"type": time_point|time_span|time_period|time_delta, "definition": accurate|blur, \
        "time": [start, end]} with times as YYYY-MM-DD HH:MM:SS, relative to --base (China time). \
        Without --base, a year the text does not settle stays open: 8月18日 → XXXX-08-18.

        Examples: kechuang time 今年3月 --base 2020-09-01;  kechuang time 十四五 --base 1598918400
        """
    )

    @Argument(help: "The time expression, e.g. 今年3月, 8月18日, 截至11月底, 上半年.")
    var text: String

    @Option(help: "The reference time: ISO 8601 in China time (2020-09-01 or 2020-09-01T10:00:00) or Unix seconds.")
    var base: String?

    func run() throws {
        var date: Date?
        if let base {
            guard let d = Self.parseBase(base) else {
                throw ValidationError("--base must be ISO 8601 (2020-09-01, 2020-09-01T10:00:00) or Unix seconds, not \(base)")
            }
            date = d
        }
        guard let result = TimeParser().parse(text, base: date) else {
            print("null")
            throw ExitCode(1)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(result), as: UTF8.self))
    }

    /// ISO 8601 date or date-time in Asia/Shanghai, or Unix seconds.
    static func parseBase(_ s: String) -> Date? {
        if let seconds = Double(s) { return Date(timeIntervalSince1970: seconds) }
        let digits = s.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard digits.count >= 3 else { return nil }
        var c = DateComponents()
        c.year = digits[0]; c.month = digits[1]; c.day = digits[2]
        c.hour = digits.count > 3 ? digits[3] : 0
        c.minute = digits.count > 4 ? digits[4] : 0
        c.second = digits.count > 5 ? digits[5] : 0
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600)!
        return calendar.date(from: c)
    }
}

struct MoneyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "money",
        abstract: "Normalize a Chinese money expression (JioNLP's parse_money).",
        discussion: "Prints {\"num\": \"82225.00\", \"case\": \"元\", \"definition\": \"accurate\"}. Example: kechuang money 296亿元"
    )

    @Argument(help: "The money expression, e.g. 296亿元, 5000萬元, 逾千亿元, 超100亿元.")
    var text: String

    func run() throws {
        guard let result = MoneyParser.parse(text) else {
            print("null")
            throw ExitCode(1)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(result), as: UTF8.self))
    }
}
