import ChineseText
import Foundation
import Testing
@testable import Analysis

/// `JSONText` (the `String`-building writer behind `jsonLine()`) must give the bytes of
/// `JSONBytes` (the byte writer, itself checked against JSONEncoder) for the same calls.
@Suite("JSON text writer")
struct JSONTextTests {
    static func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    /// Strings with escapes at every offset around the eight-byte words of `JSONEscapeScan`,
    /// next to multi-byte scalars and inside clusters (`\r\n`, combining marks).
    static var strings: [String] {
        var all = RecordJSONTests.awkward
        all.append(String(decoding: (0..<0x80).map { UInt8($0) }, as: UTF8.self))
        for esc in ["\n", "\"", "\\", "\u{0}", "\u{1F}", "\r\n", "\t"] {
            for k in 0..<20 {
                all.append(String(repeating: "a", count: k) + esc + String(repeating: "中", count: k % 5))
                all.append(String(repeating: "中", count: k) + esc + "e\u{301}" + esc)
            }
        }
        all.append("\u{301}\n\u{301}")
        all.append(String(repeating: "第一段。\n第二段“引号”\\", count: 50))
        // Long values (appended as strings) with escapes at the ends and in the middle.
        let long = String(repeating: "科创板e\u{301}", count: 12)
        for esc in ["", "\n", "\r\n", "\"", "\u{1}"] {
            all += [esc + long, long + esc, long + esc + long, esc + long + esc + esc + long + esc]
        }
        return all
    }

    @Test func stringsAsBytes() {
        for s in Self.strings {
            var b = JSONBytes()
            b.string(s)
            var t = JSONText()
            t.string(s)
            #expect(Self.bytes(t.finish()) == b.bytes, "\(s.debugDescription)")
        }
        var b = JSONBytes(), t = JSONText()
        b.strings(Self.strings)
        t.strings(Self.strings)
        #expect(Self.bytes(t.finish()) == b.bytes)
    }

    @Test func numbersAsBytes() {
        for v in [0, 1, -1, 0.1, 1.5, 296, 29_600_000_000, 1e15, 1e16, 1e21, 123.456, 5e-324, -0.0, 0.01] {
            var b = JSONBytes(), t = JSONText()
            b.double(v)
            t.double(v)
            #expect(Self.bytes(t.finish()) == b.bytes, "\(v)")
        }
        for v in [0, 7, 9, 10, 99, 100, 123_456_789, Int.max, -1, Int.min] {
            var b = JSONBytes(), t = JSONText()
            b.int(v)
            t.int(v)
            #expect(Self.bytes(t.finish()) == b.bytes, "\(v)")
        }
        for v in [true, false] {
            var b = JSONBytes(), t = JSONText()
            b.bool(v)
            t.bool(v)
            #expect(Self.bytes(t.finish()) == b.bytes)
        }
    }

    @Test func recordsAsBytes() throws {
        for k in 0..<256 {
            let r = RecordJSONTests.record(k)
            #expect(Self.bytes(RecordJSONWriter.text(r)) == RecordJSONWriter.write(r), "record \(k)")
            #expect(Self.bytes(try r.jsonLine()) == RecordJSONWriter.write(r), "record \(k)")
        }
    }

    /// The word-at-a-time scan finds what the byte loop finds, from every start.
    @Test func escapeScanAsByteLoop() {
        var rng = SystemRandomNumberGenerator()
        let interesting: [UInt8] = [0x00, 0x08, 0x0A, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0xA2, 0xDC, 0xE4, 0xFF]
        for round in 0..<2000 {
            let n = round % 40
            let u: [UInt8] = (0..<n).map { _ in
                Int.random(in: 0..<4, using: &rng) == 0 ? interesting.randomElement(using: &rng) ?? 0 : UInt8.random(in: 0x80...0xFF, using: &rng)
            }
            u.withUnsafeBufferPointer { p in
                for start in 0...n {
                    let expected = (start..<n).first { JSONBytes.needsEscape(u[$0]) } ?? n
                    #expect(JSONEscapeScan.first(p, from: start) == expected)
                }
            }
        }
    }
}

/// `ScalarArray.of` is `Array(text.unicodeScalars)`.
@Suite("Scalar array")
struct ScalarArrayTests {
    @Test func asUnicodeScalars() {
        var all = RecordJSONTests.awkward
        all += ["", "a", "é", "中", "😀", "\u{10FFFF}", "ab\u{7FF}\u{800}\u{FFFF}\u{10000}", String(repeating: "科创板𠀀e\u{301}\r\n", count: 40)]
        for s in all {
            #expect(ScalarArray.of(s) == Array(s.unicodeScalars), "\(s.debugDescription)")
            let sub = String(s.dropFirst())
            #expect(ScalarArray.of(sub) == Array(sub.unicodeScalars))
        }
        let bridged = NSString(string: "桥接 bridged 字符串") as String
        #expect(ScalarArray.of(bridged) == Array(bridged.unicodeScalars))
    }

    /// The summarizer's and the money search's strings from scalars: `ScalarString.make` joined
    /// with `+=` equals the old `String.UnicodeScalarView` build, byte for byte.
    @Test func joinedSlicesAsScalarView() {
        let u = ScalarArray.of("第一句。e\u{301}第二句\r\n第三句😀。")
        let spans = [(0, 4), (4, 6), (6, 11), (11, u.count)]
        var old = String.UnicodeScalarView()
        for (a, b) in spans { old.append(contentsOf: u[a..<b]) }
        var new = ""
        for (a, b) in spans { new += MoneyExtractor.slice(u, a, b) }
        #expect(Array(new.utf8) == Array(String(old).utf8))
        #expect(MoneyExtractor.slice(u, 3, 2) == "")
    }
}

/// `ClauseMarks` answers as the string searches and the Unicode property it replaces.
@Suite("Clause marks")
struct ClauseMarksTests {
    @Test func asStringSearchAndProperty() {
        let probes: [UInt32] = Array(0..<0x3100) + Array(0x4DF0..<0x4E10) + Array(0x9FF0..<0xA010) + Array(0xFE00..<0x10000) + [0x1F600, 0x10FFFF]
        for v in probes {
            guard let u = Unicode.Scalar(v) else { continue }
            #expect(ClauseMarks.isComma(u) == "，,；;".unicodeScalars.contains(u))
            #expect(ClauseMarks.isStop(u) == "，,；;。！？".unicodeScalars.contains(u))
            #expect(ClauseMarks.isWhitespace(u) == u.properties.isWhitespace)
        }
    }
}
