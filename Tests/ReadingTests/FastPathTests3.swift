import Testing
@testable import ChineseText
@testable import Reading

/// Fast paths of the third reading pass against the code they replace.
struct FastPathTests3 {
    /// `keyParts` by appending (the reference the fast version is tested against).
    static func keyPartsByAppending(_ s: String) -> RepeatedParagraphRule.KeyParts {
        Scan.withUTF8(s) { p in
            var key: [Unicode.Scalar] = []
            key.reserveCapacity(p.count / 2 + 1)
            var clauses: [Range<Int>] = [], sentences: [Range<Int>] = []
            var clauseStart = 0, sentenceStart = 0
            var inEnd = false  // in the run of end marks and closing quotes that ends a sentence
            var tail = false  // characters after the last sentence end
            var i = 0
            while i < p.count {
                let v = Scan.decode(p, &i)
                let c = Unicode.Scalar(v).unsafelyUnwrapped
                let terminal = Scan.isTerminal(c)
                if terminal || Scan.isClauseSeparator(c) {
                    if key.count > clauseStart { clauses.append(clauseStart..<key.count) }
                    clauseStart = key.count
                }
                if inEnd {
                    if terminal || Scan.isClosing(c) { continue }
                    inEnd = false
                }
                if terminal {
                    sentences.append(sentenceStart..<key.count)
                    sentenceStart = key.count
                    inEnd = true
                    tail = false
                    continue
                }
                tail = true
                Scan.appendKey(v, to: &key)
            }
            if key.count > clauseStart { clauses.append(clauseStart..<key.count) }
            if tail { sentences.append(sentenceStart..<key.count) }
            return RepeatedParagraphRule.KeyParts(key: key, clauses: clauses, sentences: sentences)
        }
    }


    /// Texts with many repeats and near-repeats: a small alphabet, punctuation, letters, digits.
    static func generated(_ count: Int, seed: UInt64) -> [String] {
        var state = seed
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        let alphabet: [Unicode.Scalar] = ["人", "工", "智", "能", "，", "。", "！", "”", "A", "b", "7", " ", "、", "？", "；", "科", "技"]
        var out: [String] = []
        for _ in 0..<count {
            let n = Int(next() % 160)
            var v = String.UnicodeScalarView()
            let width = 1 + Int(next() % UInt64(alphabet.count))
            while v.count < n {
                // Sometimes copy a piece of what is there (loops), else a random scalar.
                if v.count > 3 && next() % 5 == 0 {
                    let a = Array(v)
                    let len = 1 + Int(next() % UInt64(min(a.count, 45)))
                    let from = Int(next() % UInt64(a.count - len + 1))
                    v.append(contentsOf: a[from..<(from + len)])
                } else {
                    v.append(alphabet[Int(next() % UInt64(width))])
                }
            }
            out.append(String(v))
        }
        return out
    }

    @Test("AdjacentRepeatFinder equals the definition on generated texts")
    func adjacentRepeats() throws {
        var texts = Self.generated(3000, seed: 42)
        for n in 0..<5 { texts += try Samples.text(n).split(separator: "\n").map(String.init) }
        for t in texts {
            let a = Array(t.unicodeScalars)
            #expect(AdjacentRepeatFinder.first(in: a) == FastPathTests.referenceFirstRepeat(a), "\(t.prefix(40))")
        }
    }

    @Test("keyParts equals appending key characters one by one")
    func keyParts() throws {
        var texts = Self.generated(2000, seed: 7) + ["", "。", "“你好。”他说。", "ABC，def。Ｘ１２３", "e\u{301}x。"]
        for n in 0..<5 { texts += try Samples.text(n).split(separator: "\n").map(String.init) }
        for t in texts {
            let fast = RepeatedParagraphRule.keyParts(t), slow = Self.keyPartsByAppending(t)
            #expect(fast.key == slow.key && fast.clauses == slow.clauses && fast.sentences == slow.sentences, "\(t.prefix(40))")
        }
    }

    @Test("KeyIndex answers as searching the keys one by one")
    func keyIndex() {
        let texts = Self.generated(400, seed: 99)
        var index = KeyIndex(expected: 16)
        var keys: [[Unicode.Scalar]] = []
        for t in texts {
            let k = Scan.key(t)
            // Random keys, and pieces of the keys so far (found) and of the next one (maybe not).
            var needles = Self.generated(5, seed: UInt64(keys.count) &+ 5).map { Scan.key($0) }
            for source in [keys.last ?? [], k] where source.count >= 2 {
                let from = (keys.count * 7) % (source.count - 1)
                needles.append(Array(source[from..<min(source.count, from + 2 + keys.count % 9)]))
            }
            for needle in needles {
                guard needle.count >= 2 else { continue }
                let slow = keys.contains { key in
                    key.count >= needle.count && (0...(key.count - needle.count)).contains { key[$0..<($0 + needle.count)].elementsEqual(needle) }
                }
                #expect(index.contains(needle[...]) == slow)
            }
            index.append(k)
            keys.append(k)
        }
    }

    @Test("convertDetectingScript equals ScriptDetector.detect and convert")
    func scriptOnce() throws {
        let converter = try ChineseConverter(profile: .auto)
        var texts = ["", "abc", "人工智能", "軟體與網路的發展，資訊產業這樣說。", "这是简体，這是繁體，兩種都有。", "後來這個產業發展",
                     "香港特區政府發言人説，綫路會在下週恢復。", "１２３ＡＢＣ", "e\u{301}x 體"]
        texts += Self.generated(200, seed: 3)
        for n in 0..<5 { texts.append(try Samples.text(n)) }
        for t in texts {
            let both = converter.convertDetectingScript(t)
            if t.isEmpty { #expect(both == nil); continue }
            #expect(both?.script == ScriptDetector.detect(t).script, "\(t.prefix(30))")
            #expect(both.map { Array($0.text.unicodeScalars) } == Array(converter.convert(t).unicodeScalars), "\(t.prefix(30))")
        }
        #expect(try ChineseConverter(profile: .t2s).convertDetectingScript("體") == nil)
    }
}
