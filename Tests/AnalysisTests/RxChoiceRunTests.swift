import Foundation
import Testing
@testable import Analysis

/// `RxChoiceRun` against ICU (`Rx.findAll`) on generated texts.
@Suite("RxChoiceRun: the same matches as ICU")
struct RxChoiceRunTests {
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

    func compare(notFirst: String? = nil, words: String, class cls: String, _ pieces: [String], seed: UInt64,
                 alsoIn: Set<Unicode.Scalar> = []) {
        let pattern = RxChoiceRun.pattern(notFirst: notFirst, words: words, class: cls)
        let rx = Rx(pattern)
        guard let run = RxChoiceRun(notFirst: notFirst, words: words, class: cls, alphabet: rx.alphabet) else {
            Issue.record("\(pattern) not read")
            return
        }
        for text in Self.texts(pieces, count: 3000, seed: seed) {
            let scalars = Array(text.unicodeScalars)
            // Every match, as one run.
            var whole: [(start: Int, end: Int)] = []
            scalars.withUnsafeBufferPointer { run.scan($0, 0, scalars.count, into: &whole) }
            let icu = rx.findAll(text).map { ($0.start, $0.end) }
            #expect(whole.map { [$0.start, $0.end] } == icu.map { [$0.0, $0.1] }, "\(pattern) on \(text)")
            // Run by run, with a gate that rejects some runs.
            let gate = { (a: Int, b: Int) in (a * 7 + b * 3) % 5 != 0 }
            let mine = run.find(scalars, minLength: 2, alsoIn: alsoIn, runGate: gate)
            let theirs = rx.findAll(text, minLength: 2, alsoIn: alsoIn, runGate: gate).map { ($0.start, $0.end) }
            #expect(mine.map { [$0.start, $0.end] } == theirs.map { [$0.0, $0.1] }, "\(pattern) runs on \(text)")
        }
    }

    @Test func timeCharacters() {
        #expect(TimePatterns.timeCharRun.alphabet.contains(0x5E74))   // 年
        #expect(TimeRuleStrings.timeCharString.hasPrefix("(现在|开始|黎明|"))
        #expect(TimeRuleStrings.timeCharString.hasSuffix("许左右的这本])+"))
        let pieces = ["现在", "现", "在", "开始", "冬至", "冬", "至", "立春", "立", "年", "月", "1", "9", "世纪", "的",
                      "（", "）", "(", "、", ",", "，", "—", "-", "~", ":", "·", " ", "工作日", "甲", "乙", "春", "x", "😀"]
        compare(words: TimeRuleStrings.timeCharWords, class: TimeRuleStrings.timeCharClass, pieces, seed: 3,
                alsoIn: TimeExtractor.singleCharTimeScalars)
    }

    /// Word order matters: the first word that matches is taken, before the class.
    @Test func alternativeOrder() {
        compare(words: "ab|cad|c", class: "[a-c]", ["a", "b", "c", "d", "ab", "cad", "x"], seed: 5)
        compare(words: "c|cad|(a)?b", class: "[a-d]", ["a", "b", "c", "d", "ab", "cad", "x"], seed: 6)
        compare(notFirst: "x|y", words: "x-y|yy", class: #"[\-zy]"#, ["x", "y", "-", "z", "x-y", "q"], seed: 7)
    }

    @Test func otherFormsAreNotRead() {
        #expect(RxChoiceRun(notFirst: nil, words: "ab", class: "[^a]", alphabet: RxAlphabet([0x61])) == nil)
        #expect(RxChoiceRun(notFirst: nil, words: "ab", class: #"[\d]"#, alphabet: RxAlphabet([0x61])) == nil)
        #expect(RxChoiceRun(notFirst: nil, words: "a.b", class: "[a]", alphabet: RxAlphabet([0x61])) == nil)
        #expect(RxChoiceRun(notFirst: "ab", words: "ab", class: "[a]", alphabet: RxAlphabet([0x61])) == nil)
    }
}

