import Foundation
import Testing
@testable import ChineseText

@Suite("Foundation's white space without Foundation")
struct FoundationWhitespaceTests {
    /// Membership equals CharacterSet's for every BMP scalar and a few beyond.
    @Test func membership() {
        let ws = CharacterSet.whitespaces, wn = CharacterSet.whitespacesAndNewlines
        for v in UInt32(0)...0x10FFF {
            guard let u = Unicode.Scalar(v) else { continue }
            #expect(FoundationWhitespace.isWhitespace(v) == ws.contains(u), "\(v)")
            #expect(FoundationWhitespace.isWhitespaceOrNewline(v) == wn.contains(u), "\(v)")
        }
    }

    /// Trimming gives Foundation's result.
    @Test func trimming() {
        for s in ["", " ", "  \n", "\u{3000}今年3月\u{3000}", "\t8月18日\r\n", "a b", "\u{200B}x\u{200B}", " e\u{301} ",
                  "\u{2028}😀\u{2029}", "\u{85}x", "x", "\u{A0}\u{A0}"] {
            #expect(FoundationWhitespace.trimmingWhitespaceAndNewlines(s) == s.trimmingCharacters(in: .whitespacesAndNewlines),
                    "\(s.debugDescription)")
            #expect(Array(FoundationWhitespace.trimmingWhitespaceAndNewlines(s).unicodeScalars)
                    == Array(s.trimmingCharacters(in: .whitespacesAndNewlines).unicodeScalars))
        }
    }
}
