import Foundation
import Testing
@testable import Analysis

/// The direct JSON writer must produce JSONEncoder's bytes (same escaping, number formatting
/// and key order) for every record.
@Suite("Record JSON writer")
struct RecordJSONTests {
    static let awkward = [
        "", "plain", "quote \" and backslash \\", "slash / and //", "tab\tnewline\ncr\rff\u{0C}bs\u{08}",
        "nul \u{0} unit \u{1F} esc \u{1B} del \u{7F}", "line sep \u{2028} para sep \u{2029}",
        "emoji 😀 👩‍👩‍👧 flag 🇨🇳", "中文，标点。“引号”《书名》", "e\u{301} combining", "\u{FEFF}bom",
    ]

    static func quantity(_ v: Double, _ k: Int) -> Quantity {
        Quantity(text: awkward[k % awkward.count], kind: .money, value: v, unit: "元", bound: k % 2 == 0 ? .exact : .lower,
                 start: k, end: k + 3)
    }

    /// Event `m` of record `k`: the four low bits of `m` choose which optionals are present.
    static func event(_ k: Int, _ m: Int) -> Event {
        let s = { (i: Int) -> String in awkward[(k + i) % awkward.count] }
        let kinds = Event.Kind.allCases
        let kind: Event.Kind = kinds[(k + m) % kinds.count]
        let date: String? = m & 1 != 0 ? "2020-08-18" : nil
        let dateText: String? = m & 2 != 0 ? s(m + 1) : nil
        let parties: [String] = m % 3 == 0 ? [] : [s(m + 2)]
        let place: String? = m & 4 != 0 ? s(m + 3) : nil
        let amount: Quantity? = m & 8 != 0 ? quantity(Double(m) * 1.5, m) : nil
        return Event(type: kind, label: s(m), date: date, dateText: dateText, parties: parties, place: place,
                     amount: amount, summary: s(m + 4), evidence: s(m + 5), start: m, end: m + 10)
    }

    static func record(_ k: Int) -> AnalysisRecord {
        let s = { (i: Int) in awkward[(k + i) % awkward.count] }
        let opt = { (i: Int) -> String? in (k >> i) & 1 == 1 ? s(i) : nil }
        var r = AnalysisRecord(
            sourcePath: s(0), part: k, title: opt(0), url: opt(1), source: opt(2), authors: k % 3 == 0 ? [] : [s(1), s(2)],
            published: opt(3), section: opt(4), page: opt(5), script: "simplified", body: s(3), originalBody: s(4),
            captions: k % 2 == 0 ? [] : [s(5)], removed: k % 4 == 0 ? [] : [.init(rule: s(6), text: s(7))])
        r.summary = s(8)
        r.keywords = k % 5 == 0 ? [] : [s(9), s(10)]
        r.technologies = [.init(term: s(1), category: s(2), count: k * 7)]
        r.industries = k % 2 == 0 ? [] : [.init(name: s(3), category: s(4))]
        r.entities = [
            .init(name: s(5), type: "organization", aliases: [], role: opt(6), division: (k >> 7) & 1 == 1 ? [s(1), ""] : nil,
                  mentions: [.init(text: s(6), start: 0, end: 123_456_789)]),
            .init(name: s(2), type: "place", aliases: [s(3)], role: s(4), division: [], mentions: []),
        ]
        r.quantities = [quantity(29_600_000_000, k), quantity(0.1, k + 1), quantity(1e16, k + 2), quantity(-2.5, k + 3),
                        quantity(123.456, k + 4), quantity(5e-324, k + 5)]
        r.times = [.init(text: s(7), start: 1, end: 2, type: "time_point", time: (k >> 1) & 1 == 1 ? ["2020-08-18 00:00:00", s(8)] : nil)]
        r.events = (0..<16).map { event(k, $0) }
        return r
    }

    /// The direct writer and JSONEncoder give the same JSON value with the same formatting
    /// (same length); only the key order differs (JSONEncoder's follows its hash seed).
    static func expectSame(_ r: AnalysisRecord, _ note: String = "") throws {
        let mine = try r.jsonLine(), reference = try r.encodedLine()
        let a = try JSONSerialization.jsonObject(with: Data(mine.utf8)) as? NSDictionary
        let b = try JSONSerialization.jsonObject(with: Data(reference.utf8)) as? NSDictionary
        #expect(a != nil && a == b, "\(note)")
        #expect(mine.utf8.count == reference.utf8.count, "\(note)")
        #expect(try r.jsonLineBytes() == Array((mine + "\n").utf8), "\(note)")
    }

    /// Keys come out in declaration order, the same in every run.
    @Test func keysInDeclarationOrder() throws {
        let line = try Self.record(255).jsonLine()
        func position(_ key: String) -> Int { line.range(of: "\"" + key + "\":").map { line.distance(from: line.startIndex, to: $0.lowerBound) } ?? -1 }
        let top = ["source_path", "part", "title", "url", "authors", "body", "summary", "keywords", "entities", "quantities", "times", "events"]
        let positions = top.map(position)
        #expect(positions.allSatisfy { $0 >= 0 })
        #expect(positions == positions.sorted())
        #expect(line.hasPrefix(#"{"source_path":"#))
        let event = ["\"type\":", "\"label\":", "\"parties\":", "\"summary\":", "\"evidence\":"]
        if let e = line.range(of: #""events":["#) {
            let tail = String(line[e.upperBound...])
            let p = event.map { tail.range(of: $0).map { tail.distance(from: tail.startIndex, to: $0.lowerBound) } ?? -1 }
            #expect(p.allSatisfy { $0 >= 0 } && p == p.sorted())
        }
    }

    static func encoded<T: Encodable>(_ v: T) throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.withoutEscapingSlashes]
        return String(decoding: try e.encode(v), as: UTF8.self)
    }

    @Test func sameBytesAsJSONEncoder() throws {
        // Every combination of the record's optional fields and of the nested optionals.
        for k in 0..<256 { try Self.expectSame(Self.record(k), "record \(k)") }
    }

    @Test func stringsAsJSONEncoder() throws {
        var all = Self.awkward
        all.append(String(decoding: (0..<0x80).map { UInt8($0) }, as: UTF8.self))
        for s in all {
            var w = JSONBytes()
            w.string(s)
            #expect(String(decoding: w.bytes, as: UTF8.self) == (try Self.encoded(s)))
        }
    }

    @Test func numbersAsJSONEncoder() throws {
        for v in [0, 1, -1, 0.1, 1.5, 296, 29_600_000_000, 1e15, 1e16, 1e21, 123.456, 5e-324, -0.0, 1.7976931348623157e308, 0.01] {
            var w = JSONBytes()
            w.double(v)
            #expect(String(decoding: w.bytes, as: UTF8.self) == (try Self.encoded(v)), "\(v)")
        }
        for v in [0, 7, 9, 10, 99, 100, 123_456_789, Int.max, -1, Int.min] {
            var w = JSONBytes()
            w.int(v)
            #expect(String(decoding: w.bytes, as: UTF8.self) == (try Self.encoded(v)), "\(v)")
        }
    }

    @Test func escapes() {
        var w = JSONBytes()
        w.string("a\"b\\c/d\u{0}\u{1F}\u{08}\u{0C}\n\r\t\u{2028}😀")
        #expect(String(decoding: w.bytes, as: UTF8.self) == #""a\"b\\c/d\u0000\u001f\b\f\n\r\t"# + "\u{2028}😀\"")
    }

    @Test func emptyRecordAndNilOptionals() throws {
        let r = AnalysisRecord(sourcePath: "", part: 0, title: nil, url: nil, source: nil, authors: [], published: nil,
                               section: nil, page: nil, script: "", body: "", originalBody: "", captions: [], removed: [])
        try Self.expectSame(r)
        #expect(try !r.jsonLine().contains("title"))
        #expect(try r.jsonLine().contains(#""captions":[]"#))
    }

    @Test func nonFiniteFallsBackToTheEncoder() {
        var r = Self.record(1)
        r.quantities.append(Self.quantity(.infinity, 0))
        #expect(throws: EncodingError.self) { try r.jsonLine() }
    }
}
