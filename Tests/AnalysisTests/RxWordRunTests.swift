import Foundation
import Testing
@testable import Analysis

/// `RxWordRun` against ICU (`Rx.findAll`) on generated texts.
@Suite("RxWordRun: the same matches as ICU")
struct RxWordRunTests {
    /// Texts over `alphabet` (words count as one pick) with scalars outside it mixed in.
    static func texts(_ pieces: [String], count: Int, seed: UInt64) -> [String] {
        var rng = SplitMix(seed: seed)
        var out: [String] = []
        for _ in 0..<count {
            let n = Int(rng.next() % 14)
            out.append((0..<n).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined())
        }
        return out
    }

    func compare(_ pattern: String, _ pieces: [String], seed: UInt64, alsoIn: Set<Unicode.Scalar> = []) {
        guard let run = RxWordRun(pattern) else {
            Issue.record("\(pattern) not read")
            return
        }
        let rx = Rx(pattern)
        for text in Self.texts(pieces, count: 3000, seed: seed) {
            let scalars = Array(text.unicodeScalars)
            // Every match, no runs.
            var whole: [(Int, Int)] = []
            run.matches(scalars, 0, scalars.count, into: &whole)
            let icu = rx.findAll(text).map { ($0.start, $0.end) }
            #expect(whole.map { [$0.0, $0.1] } == icu.map { [$0.0, $0.1] }, "\(pattern) on \(text)")
            // Run by run, with a gate that rejects some runs.
            let gate = { (a: Int, b: Int) in (a * 7 + b * 3) % 5 != 0 }
            let mine = run.findAll(scalars, minLength: 2, alsoIn: alsoIn, runGate: gate)
            let theirs = rx.findAll(text, minLength: 2, alsoIn: alsoIn, runGate: gate).map { ($0.start, $0.end) }
            #expect(mine.map { [$0.0, $0.1] } == theirs.map { [$0.0, $0.1] }, "\(pattern) runs on \(text)")
        }
    }

    @Test func timeCharacters() {
        #expect(TimePatterns.timeCharRun != nil)
        let pieces = ["现在", "现", "在", "开始", "冬至", "冬", "至", "立春", "立", "年", "月", "1", "9", "世纪", "的",
                      "（", "）", "(", "、", ",", "，", "—", "-", "~", ":", "·", " ", "工作日", "甲", "乙", "春", "x", "😀"]
        compare(TimeRuleStrings.timeCharString, pieces, seed: 3, alsoIn: TimeExtractor.singleCharTimeScalars)
    }

    /// Alternation order matters: a word after a class that covers its first scalar never
    /// matches there; a word before it does.
    @Test func alternativeOrder() {
        compare("(ab|[a-c]|cad)+", ["a", "b", "c", "d", "ab", "cad", "x"], seed: 5)
        compare("([a-c]|ab|cad)+", ["a", "b", "c", "d", "ab", "cad", "x"], seed: 6)
        compare(#"(x\-y|[\-z]|yy)+"#, ["x", "y", "-", "z", "x-y", "q"], seed: 7)
    }

    @Test func otherFormsAreNotRead() {
        #expect(RxWordRun("(ab|[^a])+") == nil)
        #expect(RxWordRun(#"(ab|[\d])+"#) == nil)
        #expect(RxWordRun("(a(b)|c)+") == nil)
        #expect(RxWordRun("(ab|c)*") == nil)
        #expect(RxWordRun("(ab|c.)+") == nil)
    }
}
