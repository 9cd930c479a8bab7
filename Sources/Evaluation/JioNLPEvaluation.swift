import Analysis
import Foundation

/// JioNLP's parse_time / parse_money / extract_time / extract_money cases
/// (`{"func","args","kwargs","expected"}` per line), compared as JioNLP's own tests do.
public struct JioNLPEvaluation: Sendable {
    public struct Result: Sendable {
        public let passed: Int
        public let total: Int
        public let failures: [String]
        public var rate: Double { total == 0 ? 0 : Double(passed) / Double(total) }
    }

    public let timeParser: Result
    public let moneyParser: Result
    public let timeExtractor: Result
    public let moneyExtractor: Result

    /// Runs every file present in `directory` (a missing file gives an empty result).
    public static func run(directory: String) -> JioNLPEvaluation {
        let d = EvalData(dir: directory)
        func result(_ r: (Int, Int, [String])) -> Result { Result(passed: r.0, total: r.1, failures: r.2) }
        return JioNLPEvaluation(timeParser: result(d.runTimeParser()), moneyParser: result(d.runMoneyParser()),
                                timeExtractor: result(d.runTimeExtractor()), moneyExtractor: result(d.runMoneyExtractor()))
    }

    public var summary: String {
        [("parse_time", timeParser), ("parse_money", moneyParser), ("extract_time", timeExtractor), ("extract_money", moneyExtractor)]
            .map { "\($0.0): \($0.1.passed) of \($0.1.total)" }.joined(separator: "\n")
    }
}

struct EvalData {
    let dir: String

    func lines(_ file: String) -> [[String: Any]] {
        guard let data = FileManager.default.contents(atPath: dir + "/" + file),
              let text = String(data: data, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }
    }

    static func timeBase(_ v: Any?) -> TimeBase {
        switch v {
        case let n as NSNumber:
            return TimeBase(date: Date(timeIntervalSince1970: n.doubleValue))
        case let arr as [Any]:
            let ints = arr.compactMap { ($0 as? NSNumber)?.intValue }
            func at(_ i: Int) -> Int? { i < ints.count ? ints[i] : nil }
            return TimeBase(year: at(0), month: at(1), day: at(2), hour: at(3), minute: at(4), second: at(5))
        case let d as [String: Any]:
            if let iso = d["__datetime__"] as? String {
                let parts = iso.split(whereSeparator: { "-T:".contains($0) }).compactMap { Int($0) }
                return TimeBase(year: parts[0], month: parts[1], day: parts[2], hour: parts[3], minute: parts[4], second: parts[5])
            }
            func g(_ k: String) -> Int? { (d[k] as? NSNumber)?.intValue }
            return TimeBase(year: g("year"), month: g("month"), day: g("day"), hour: g("hour"), minute: g("minute"), second: g("second"))
        default:
            return TimeBase(date: Date())
        }
    }

    static func deltaDict(_ v: Any?) -> [String: Double]? {
        guard let d = v as? [String: Any] else { return nil }
        var out: [String: Double] = [:]
        for (k, x) in d {
            if let n = x as? NSNumber { out[k] = n.doubleValue }
        }
        return out
    }

    static func strings(_ v: Any?) -> [String]? { v as? [String] }

    /// Compare a parse_time expectation with our result; returns nil on success or a reason.
    static func compareTime(_ exp: [String: Any], _ got: TimeParse?) -> String? {
        guard let got = got else { return "nil result" }
        guard (exp["type"] as? String) == got.type else { return "type \(got.type)" }
        guard (exp["definition"] as? String) == got.definition else { return "definition \(got.definition)" }
        let t = exp["time"]
        switch got.type {
        case "time_delta":
            if let arr = t as? [Any] {
                let e = arr.compactMap { deltaDict($0) }
                return e == (got.deltaRange ?? []) ? nil : "deltaRange \(String(describing: got.deltaRange))"
            }
            return deltaDict(t) == got.delta ? nil : "delta \(String(describing: got.delta))"
        case "time_period":
            guard let d = t as? [String: Any], let p = got.period else { return "period missing" }
            guard deltaDict(d["delta"]) == p.delta else { return "period delta \(p.delta)" }
            if d["point"] is NSNull || d["point"] == nil { return p.point == nil ? nil : "point should be nil" }
            guard let pt = d["point"] as? [String: Any], let gp = p.point else { return "point missing" }
            guard (pt["string"] as? String) == gp.string else { return "point string \(gp.string)" }
            if let multi = pt["time"] as? [[String]] { return multi == (gp.times ?? []) ? nil : "point times \(String(describing: gp.times))" }
            return strings(pt["time"]) == gp.time ? nil : "point time \(String(describing: gp.time))"
        default:
            return strings(t) == got.time ? nil : "time \(String(describing: got.time))"
        }
    }

    func runTimeParser() -> (Int, Int, [String]) {
        var ok = 0, n = 0
        var failures: [String] = []
        for row in lines("time_parser.jsonl") {
            guard let args = row["args"] as? [Any], let text = args.first as? String,
                  let exp = row["expected"] as? [String: Any] else { continue }
            let kw = row["kwargs"] as? [String: Any] ?? [:]
            n += 1
            var parser = TimeParser()
            if let f = kw["ret_future"] as? Bool { parser.retFuture = f }
            if let p = kw["period_results_num"] as? NSNumber { parser.periodResultsNum = p.intValue }
            let got = parser.parse(text, timeBase: Self.timeBase(kw["time_base"]))
            if let why = Self.compareTime(exp, got) {
                failures.append("\(text) | \(why) | expected \(exp)")
            } else { ok += 1 }
        }
        return (ok, n, failures)
    }

    func runMoneyParser() -> (Int, Int, [String]) {
        var ok = 0, n = 0
        var failures: [String] = []
        for row in lines("money_parser.jsonl") {
            guard let args = row["args"] as? [Any], let text = args.first as? String,
                  let exp = row["expected"] as? [String: Any] else { continue }
            n += 1
            let got = MoneyParser.parse(text)
            var expNum: String?, expEnd: String?
            if let s = exp["num"] as? String { expNum = s } else if let a = exp["num"] as? [String] { expNum = a.first; expEnd = a.last }
            if let g = got, g.num == expNum, g.numEnd == expEnd, g.currency == (exp["case"] as? String), g.definition == (exp["definition"] as? String) {
                ok += 1
            } else {
                failures.append("\(text) | got \(String(describing: got)) | expected \(exp)")
            }
        }
        return (ok, n, failures)
    }

    func runExtractor(_ file: String, _ f: (String, [String: Any]) -> [(String, Int, Int, String)]) -> (Int, Int, [String]) {
        var ok = 0, n = 0
        var failures: [String] = []
        for row in lines(file) {
            guard let args = row["args"] as? [Any], let text = args.first as? String,
                  let exp = row["expected"] as? [[String: Any]] else { continue }
            n += 1
            let got = f(text, row["kwargs"] as? [String: Any] ?? [:])
            let e: [(String, Int, Int, String)] = exp.map {
                let off = ($0["offset"] as? [NSNumber])?.map { $0.intValue } ?? [0, 0]
                return ($0["text"] as? String ?? "", off[0], off[1], $0["type"] as? String ?? "")
            }
            if e.count == got.count && zip(e, got).allSatisfy({ $0 == $1 }) { ok += 1 }
            else { failures.append("\(text) | got \(got) | expected \(e)") }
        }
        return (ok, n, failures)
    }

    func runTimeExtractor() -> (Int, Int, [String]) {
        runExtractor("time_extractor.jsonl") { text, kw in
            var base: Date? = nil
            if let n = kw["time_base"] as? NSNumber { base = Date(timeIntervalSince1970: n.doubleValue) }
            return TimeExtractor().extract(text, base: base ?? Date()).map { ($0.text, $0.start, $0.end, $0.type) }
        }
    }

    func runMoneyExtractor() -> (Int, Int, [String]) {
        runExtractor("money_extractor.jsonl") { text, _ in
            MoneyExtractor.extract(text).map { ($0.text, $0.start, $0.end, "money") }
        }
    }
}
