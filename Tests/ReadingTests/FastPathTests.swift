import ChineseText
import Foundation
import Testing
@testable import Reading

/// The fast paths of reading and cleaning against the code they replaced (kept here as
/// references), on edge cases where characters, normal forms or Foundation could differ from
/// scalars and bytes.
@Suite("Fast paths")
struct FastPathTests {
    // MARK: References (the former implementations)

    /// `RecordReader.fields(of:)` as it was: characters, `Substring`s and Foundation trimming.
    static func referenceFields(of text: String) -> [(name: String, value: String)]? {
        var result: [(String, String)] = []
        let known = Set(RecordReader.fields + RecordReader.extraFields)
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if let (name, value) = RecordReader.fieldStart(line), known.contains(name) {
                result.append((name, value))
            } else if result.isEmpty {
                if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
                return nil
            } else {
                result[result.count - 1].1 += "\n" + line
            }
        }
        guard result.count >= 2 else { return nil }
        return result.map { (name: $0.0, value: $0.1.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// `Junction.wordScore` as it was: strings built per candidate word.
    static func referenceWordScore(_ left: String, _ right: String) -> Double {
        guard let seg = Shared.segmenter else { return 0 }
        var l: [Unicode.Scalar] = []
        for c in left.unicodeScalars.reversed() {
            if Scan.isSpace(c) && l.isEmpty { continue }
            guard Scan.isCJK(c), l.count < 4 else { break }
            l.append(c)
        }
        l.reverse()
        var r: [Unicode.Scalar] = []
        for c in right.unicodeScalars {
            if Scan.isSpace(c) && r.isEmpty { continue }
            guard Scan.isCJK(c), r.count < 4 else { break }
            r.append(c)
        }
        guard !l.isEmpty, !r.isEmpty else { return 0 }
        var best = 0.0
        for a in 1...min(3, l.count) {
            for b in 1...min(3, r.count) where a + b <= 5 {
                let word = Scan.string(l.suffix(a) + r.prefix(b))
                if seg.isWord(word) { best = max(best, a + b >= 4 ? 2 : a + b == 3 ? 1.5 : 1) }
            }
        }
        return best
    }

    /// `Junction.subjectVerbScore` as it was: whole `cut`s.
    static func referenceSubjectVerbScore(_ left: String, _ right: String) -> Double {
        guard let seg = Shared.segmenter else { return 0 }
        guard let last = seg.cut(left).last, let first = seg.cut(right).first else { return 0 }
        guard Scan.cjkCount(last) >= 2, seg.dictionaryTag(of: first) == "v", Scan.cjkCount(first) >= 2 else { return 0 }
        let tag = seg.dictionaryTag(of: last)
        return tag == nil || tag!.hasPrefix("n") ? 0.5 : 0
    }

    /// `RepeatedPhraseRule.firstRepeat` by definition.
    static func referenceFirstRepeat(_ a: [Unicode.Scalar]) -> Int? {
        let n = a.count
        var i = 0
        while i + 6 <= n {
            var L = 3
            while L <= 40 && i + 2 * L <= n {
                if a[i..<(i + L)].elementsEqual(a[(i + L)..<(i + 2 * L)]) { return i }
                L += 1
            }
            i += 1
        }
        return nil
    }

    static func same(_ a: [(name: String, value: String)]?, _ b: [(name: String, value: String)]?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return a.count == b.count && zip(a, b).allSatisfy {
            Array($0.name.unicodeScalars) == Array($1.name.unicodeScalars) && Array($0.value.unicodeScalars) == Array($1.value.unicodeScalars)
        }
    }

    // MARK: Foundation trimming

    @Test("FoundationTrim's sets are CharacterSet.whitespaces and .whitespacesAndNewlines")
    func trimSets() {
        for v in UInt32(0)...0x10FFFF {
            guard let s = Unicode.Scalar(v) else { continue }
            #expect(FoundationTrim.isWhitespace(v) == CharacterSet.whitespaces.contains(s), "U+\(String(v, radix: 16))")
            #expect(FoundationTrim.isWhitespaceOrNewline(v) == CharacterSet.whitespacesAndNewlines.contains(s), "U+\(String(v, radix: 16))")
        }
    }

    @Test("trimming on bytes keeps the scalars Foundation keeps")
    func trimming() {
        let cases = ["", " ", " \u{301}a ", "\u{200B}x\u{200B}", "\r\n a \r\n", "\u{3000}标题\u{3000}", "\u{85}\u{2028}正文\u{2029}\t",
                     "a\u{20}\u{301}", "😀 ", " \u{1F3FB}", "\u{A0}\u{1680}\u{202F}\u{205F}x\u{2000}\u{200A}"]
        for c in cases {
            #expect(Array(FoundationTrim.trimmingWhitespaceAndNewlines(c).unicodeScalars)
                    == Array(c.trimmingCharacters(in: .whitespacesAndNewlines).unicodeScalars), "\(c.debugDescription)")
        }
    }

    // MARK: Records

    @Test("record fields on bytes equal the character-based reading")
    func recordFields() throws {
        var cases = [
            "标题: T\n链接: http://x\n总结: 第一段\n重大事件摘要: 1. A\n\n2. B\n",
            "今天天气很好。\n标题: 不是记录",
            "", "\n", "标题: 只有一个", "\n \t\n\u{3000}\n标题：全角冒号\n链接：http://a\n",
            "标题: A\r\n链接: B\r\n总结: C\r\n",                 // CRLF: one line, one field
            "标题: A\r\n链接: B\n总结: C\r",                     // a final CR is dropped
            "标题: A\n链接: B\r\r\n总结: C\n",
            "标题:\u{301} A\n链接: B\n",                          // a combining mark makes ":" another character
            "标\u{301}题: A\n链接: B\n",
            "\u{F9D1}题: A\n链接: B\n",                          // a compatibility ideograph in a name
            "标题\u{200B}: A\n链接:\u{200B} B \u{200B}\n",        // U+200B is Foundation white space
            "\t标题\t: A\n 链接 : B\n",
            "一二三四五六七八九: A\n标题: B\n链接: C\n",           // a name of nine characters
            "标题: A\n正文: 第一行\n第二行: 不是字段\n\n发布时间: 2020-01-01\n作者: 张三，李四\n",
            "\u{0600}标题: A\n链接: B\n",                         // a prepended concatenation mark
            "标题: 😀👍🏽\n链接: e\u{301}\n总结: \u{1100}\u{1161}\n",
            "AI技术: 计算机视觉\n行业: 制造\n",
            "ＡＩ技术: x\n标题: y\n",
            "标题: A\n\u{85}\n链接: B\u{2028}C\n",
        ]
        for n in 0..<5 { cases.append(try Samples.text(n)) }
        for c in cases {
            #expect(Self.same(RecordReader.fields(of: c), Self.referenceFields(of: c)), "\(c.prefix(60).debugDescription)")
        }
    }

    // MARK: Junctions

    @Test("junction scores from per-line summaries equal the string versions")
    func junctions() throws {
        var lines: [String] = ["", " ", "人工智", "能融通发展。", "如今，成都人", "工智能产业", "成都市经信局", "提供的数据显示", " 新一代 ", "AI芯片", "芯片AI"]
        for n in 0..<5 {
            for l in try Samples.text(n).split(separator: "\n") where l.unicodeScalars.count <= 16 { lines.append(String(l)) }
        }
        lines = Array(lines.prefix(90))
        var evidence = JunctionEvidence(texts: lines)
        defer { evidence.release() }
        for i in lines.indices {
            for j in lines.indices where (i * 7 + j) % 3 == 0 {
                #expect(Junction.wordScore(lines[i], lines[j]) == Self.referenceWordScore(lines[i], lines[j]))
                #expect(evidence.wordScore(i, j) == Self.referenceWordScore(lines[i], lines[j]))
                #expect(evidence.subjectVerbScore(i, j) == Self.referenceSubjectVerbScore(lines[i], lines[j]))
                #expect(Junction.subjectVerbScore(lines[i], lines[j]) == Self.referenceSubjectVerbScore(lines[i], lines[j]))
            }
        }
    }

    // MARK: Scans

    @Test("firstRepeat equals its definition")
    func firstRepeat() throws {
        var texts = ["", "abcabc", "人工智能人工智能", "的的的的的的的的的的的的", "我们的我们的我们的", String(repeating: "科技创新，", count: 12)]
        for n in 0..<5 { texts.append(try Samples.text(n)) }
        // Pieces of every length up to 44 repeated at places near the 45-scalar boundary.
        for L in 1...44 {
            let piece = String((0..<L).map { Character(Unicode.Scalar(0x4E00 + UInt32($0 * 7 % 50))!) })
            texts.append(piece + piece)
            texts.append(String(repeating: "零", count: 40) + piece + piece + "尾")
        }
        for t in texts {
            let a = Array(t.unicodeScalars)
            #expect(RepeatedPhraseRule.firstRepeat(a) == Self.referenceFirstRepeat(a), "\(t.prefix(30))")
        }
    }

    @Test("NeedleSet with its prefix filter answers as Foundation's contains")
    func needles() throws {
        let sets: [[String]] = [["关于我们", "联系我们", "版权声明"], ["ab", "人工"], ["http", "www.", ".com", ".cn"], ["图片来源", "ICP备", "e\u{301}x"]]
        var texts = ["", "关于", "关于我们", "xx关于我们", "ICP备12345678号", "www", "WWW.A.CN", "e\u{301}xample", "人\u{301}工", "a关于我们\u{301}"]
        for n in 0..<5 { texts += try Samples.text(n).split(separator: "\n").map { String($0) } }
        for words in sets {
            let set = NeedleSet(words)
            for t in texts {
                #expect(set.matches(t) == words.contains { t.contains($0) }, "\(words) in \(t.prefix(30))")
                #expect(set.matchesIgnoringASCIICase(t) == words.contains { t.lowercased().contains($0) })
            }
        }
    }

    @Test("containsSpace equals unicodeScalars.contains(where: isSpace)")
    func containsSpace() {
        for t in ["", "a", "人工智能", "人工 智能", "a\u{3000}b", "\u{2028}", "\u{85}", "x\u{A0}", "\u{FEFF}", "😀 "] {
            #expect(Scan.containsSpace(t) == t.unicodeScalars.contains(where: Scan.isSpace))
        }
    }
}
