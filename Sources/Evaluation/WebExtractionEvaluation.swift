import Foundation
import Reading

/// Scores HTML main-text and metadata extraction against gold records.
///
/// Data: `pages/ID.html` (any charset) and `gold/ID.json` = `{"body", "author", "date"}`, where
/// "UNKNOWN" (any case), an empty string, or a date with no year in it means "absent". Every gold
/// file must have its page; pages without gold are ignored.
///
/// Scores (all means over pages, in [0, 1]):
/// * body F1 — bag-of-characters F1 between the extracted text and the gold body. White space
///   (the Unicode White_Space characters: U+0009–000D, U+0020, U+0085, U+00A0, U+1680,
///   U+2000–200A, U+2028, U+2029, U+202F, U+205F, U+3000) is removed from both; each side is
///   then a multiset of Unicode scalars; overlap = Σ over scalars of min(count in extracted,
///   count in gold); precision = overlap / |extracted|, recall = overlap / |gold|,
///   F1 = 2PR / (P + R). Both empty: 1. Exactly one empty: 0.
/// * author accuracy — gold absent: correct iff nothing is predicted. Otherwise correct iff the
///   predicted authors (joined with spaces) equal the gold after removing white space and the
///   separators 、,，;；/ from both, or both split at white space and those separators give the
///   same multiset of names (order ignored).
/// * date accuracy — both sides are read as their digit groups: year (4 digits), month, day,
///   hour, minute (seconds are ignored). Gold absent: correct iff nothing is predicted.
///   Otherwise every component the gold has, up to the minute, must be present and equal in the
///   prediction: day precision when the gold has no time, minute precision when it has one,
///   month or year precision for gold like "1998-3" or "2018".
public struct WebExtractionEvaluation: Sendable {
    public struct Page: Sendable {
        public var id: String
        public var bodyPrecision: Double
        public var bodyRecall: Double
        public var bodyF1: Double
        public var authorCorrect: Bool
        public var dateCorrect: Bool
        public var goldAuthor: String
        public var goldDate: String
        /// The extraction (body, authors, published).
        public var body: String
        public var authors: [String]
        public var published: String?
        public var warnings: [String]
    }

    public let pages: [Page]
    public let seconds: Double
    /// Bytes of HTML read.
    public let bytes: Int

    public var bodyF1: Double { mean(pages.map(\.bodyF1)) }
    public var bodyPrecision: Double { mean(pages.map(\.bodyPrecision)) }
    public var bodyRecall: Double { mean(pages.map(\.bodyRecall)) }
    public var authorAccuracy: Double { mean(pages.map { $0.authorCorrect ? 1 : 0 }) }
    public var dateAccuracy: Double { mean(pages.map { $0.dateCorrect ? 1 : 0 }) }

    /// Body F1 below which a page is listed among the failures.
    public static let bodyFailureThreshold = 0.9

    public static func run(pagesDirectory: String, goldDirectory: String) throws -> WebExtractionEvaluation {
        let fm = FileManager.default
        let goldFiles: [String]
        do {
            goldFiles = try fm.contentsOfDirectory(atPath: goldDirectory).filter { $0.hasSuffix(".json") }.sorted()
        } catch {
            throw EvaluationError.unreadable(path: goldDirectory, reason: error.localizedDescription)
        }
        var pages: [Page] = []
        var seconds = 0.0
        var bytes = 0
        for file in goldFiles {
            let id = String(file.dropLast(5))
            let goldPath = (goldDirectory as NSString).appendingPathComponent(file)
            let pagePath = (pagesDirectory as NSString).appendingPathComponent(id + ".html")
            let gold = try readGold(goldPath)
            let html: [UInt8]
            do {
                html = [UInt8](try Data(contentsOf: URL(fileURLWithPath: pagePath)))
            } catch {
                throw EvaluationError.unreadable(path: pagePath, reason: error.localizedDescription)
            }
            bytes += html.count
            let started = Date()
            let extraction: HTMLExtraction
            do {
                extraction = try HTMLExtractor.extract(bytes: html, path: pagePath)
            } catch {
                throw EvaluationError.unreadable(path: pagePath, reason: "\(error)")
            }
            seconds += Date().timeIntervalSince(started)
            let (p, r, f) = bodyScore(extracted: extraction.text, gold: gold.body)
            pages.append(Page(
                id: id, bodyPrecision: p, bodyRecall: r, bodyF1: f,
                authorCorrect: authorMatches(predicted: extraction.metadata.authors, gold: gold.author),
                dateCorrect: dateMatches(predicted: extraction.metadata.published, gold: gold.date),
                goldAuthor: gold.author, goldDate: gold.date, body: extraction.text,
                authors: extraction.metadata.authors, published: extraction.metadata.published,
                warnings: extraction.warnings))
        }
        return WebExtractionEvaluation(pages: pages, seconds: seconds, bytes: bytes)
    }

    static func readGold(_ path: String) throws -> (body: String, author: String, date: String) {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw EvaluationError.unreadable(path: path, reason: error.localizedDescription)
        }
        guard let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw EvaluationError.invalidData(path: path, line: 1, reason: "expected {\"body\",\"author\",\"date\"}")
        }
        func field(_ k: String) -> String {
            if let s = obj[k] as? String { return s }
            if let n = obj[k] as? NSNumber { return n.stringValue }
            return ""
        }
        return (field("body"), field("author"), field("date"))
    }

    // MARK: Scoring (mirrored exactly by scripts/peers_extraction.py)

    /// Unicode White_Space.
    static func isWhiteSpace(_ v: UInt32) -> Bool {
        switch v {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Bag-of-characters precision, recall and F1 (see the type's documentation).
    public static func bodyScore(extracted: String, gold: String) -> (precision: Double, recall: Double, f1: Double) {
        var counts: [UInt32: Int] = [:]
        var goldCount = 0
        for u in gold.unicodeScalars where !isWhiteSpace(u.value) {
            counts[u.value, default: 0] += 1
            goldCount += 1
        }
        var predictedCount = 0
        var overlap = 0
        for u in extracted.unicodeScalars where !isWhiteSpace(u.value) {
            predictedCount += 1
            if let c = counts[u.value], c > 0 {
                counts[u.value] = c - 1
                overlap += 1
            }
        }
        if goldCount == 0 && predictedCount == 0 { return (1, 1, 1) }
        if goldCount == 0 || predictedCount == 0 { return (0, 0, 0) }
        let p = Double(overlap) / Double(predictedCount)
        let r = Double(overlap) / Double(goldCount)
        return (p, r, p + r > 0 ? 2 * p * r / (p + r) : 0)
    }

    static let nameSeparators: Set<UInt32> = Set("、,，;；/".unicodeScalars.map(\.value))

    static func isAbsent(_ gold: String) -> Bool {
        let t = gold.unicodeScalars.filter { !isWhiteSpace($0.value) }
        return t.isEmpty || String(String.UnicodeScalarView(t)).uppercased() == "UNKNOWN"
    }

    static func nameTokens(_ s: String) -> [String] {
        var tokens: [String] = []
        var cur = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if isWhiteSpace(u.value) || nameSeparators.contains(u.value) {
                if !cur.isEmpty { tokens.append(String(cur)); cur = String.UnicodeScalarView() }
            } else {
                cur.append(u)
            }
        }
        if !cur.isEmpty { tokens.append(String(cur)) }
        return tokens
    }

    public static func authorMatches(predicted: [String], gold: String) -> Bool {
        let predictedText = predicted.joined(separator: " ")
        let p = nameTokens(predictedText)
        if isAbsent(gold) { return p.isEmpty }
        let g = nameTokens(gold)
        if p.isEmpty { return false }
        return p.joined() == g.joined() || p.sorted() == g.sorted()
    }

    /// Digit groups: [year, month, day, hour, minute, second …]; empty unless the first group
    /// has four digits.
    static func dateParts(_ s: String) -> [Int] {
        var groups: [Int] = []
        var cur = 0, len = 0
        var firstLength = 0
        for u in s.unicodeScalars {
            if u.value >= 0x30 && u.value <= 0x39 {
                cur = cur &* 10 &+ Int(u.value - 0x30)
                len += 1
            } else if len > 0 {
                if groups.isEmpty { firstLength = len }
                groups.append(cur)
                cur = 0
                len = 0
            }
        }
        if len > 0 {
            if groups.isEmpty { firstLength = len }
            groups.append(cur)
        }
        return firstLength == 4 ? groups : []
    }

    public static func dateMatches(predicted: String?, gold: String) -> Bool {
        let g = Array(dateParts(gold).prefix(5))
        let p = dateParts(predicted ?? "")
        if g.isEmpty { return p.isEmpty }
        guard p.count >= g.count else { return false }
        return Array(p.prefix(g.count)) == g
    }

    // MARK: Reports

    public func failures(limit: Int = .max) -> [String] {
        var lines: [String] = []
        for page in pages where page.bodyF1 < Self.bodyFailureThreshold || !page.authorCorrect || !page.dateCorrect {
            if lines.count >= limit { break }
            var parts = ["\(page.id)"]
            if page.bodyF1 < Self.bodyFailureThreshold {
                parts.append("body F1 \(formatted(page.bodyF1)) (P \(formatted(page.bodyPrecision)) R \(formatted(page.bodyRecall)))")
            }
            if !page.authorCorrect {
                parts.append("author \(page.authors.isEmpty ? "-" : page.authors.joined(separator: " ")) ≠ gold \(page.goldAuthor)")
            }
            if !page.dateCorrect { parts.append("date \(page.published ?? "-") ≠ gold \(page.goldDate)") }
            lines.append(parts.joined(separator: "  "))
        }
        return lines
    }

    public var summary: String {
        let mb = Double(bytes) / 1_048_576
        let speed = seconds > 0 ? String(format: "  (%.1f MB/s, %.0f pages/s)", mb / seconds, Double(pages.count) / seconds) : ""
        return "pages \(pages.count)  body F1 \(formatted(bodyF1)) (P \(formatted(bodyPrecision)) R \(formatted(bodyRecall)))"
            + "  author accuracy \(formatted(authorAccuracy))  date accuracy \(formatted(dateAccuracy))" + speed
    }

    public var jsonLine: String {
        EvalFiles.json([
            "pages": pages.count, "body_f1": bodyF1, "body_precision": bodyPrecision, "body_recall": bodyRecall,
            "author_accuracy": authorAccuracy, "date_accuracy": dateAccuracy, "seconds": seconds,
        ])
    }

    private func mean(_ xs: [Double]) -> Double { xs.isEmpty ? 0 : xs.reduce(0, +) / Double(xs.count) }
}
