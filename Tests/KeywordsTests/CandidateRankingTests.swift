import ChineseText
import Foundation
import Testing
@testable import Keywords

/// The keyword extractor's fast paths against what they replace: the heap ranking against
/// sorting every candidate, hashes grown token by token against hashing each span, the UTF-8
/// decoding of the document against `unicodeScalars`.
@Suite("Candidate ranking")
struct CandidateRankingTests {
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static func candidate(start: Int, end: Int, score: Float) -> Candidate {
        Candidate(start: Int32(start), end: Int32(end), firstToken: 0, words: 1, count: 1, weight: 1,
                  firstSentence: 0, hash: 0, score: score)
    }

    /// Many ties of score and of start, negative scores, both zeros, infinities.
    @Test func heapGivesTheSortedOrder() {
        var g = Generator(state: 5)
        let scores: [Float] = [0, -0.0, 1, 1.5, 2.25, 13.9, -3, .infinity, -.infinity, 1e-30, 7, 7.000001]
        for round in 0..<200 {
            var spans = Set<[Int]>()
            let n = g.below(round % 10 == 0 ? 2000 : 60)
            while spans.count < n {
                let start = g.below(300)
                spans.insert([start, start + 1 + g.below(8)])
            }
            let items = spans.sorted { $0.lexicographicallyPrecedes($1) }.map {
                Self.candidate(start: $0[0], end: $0[1], score: g.below(3) == 0 ? Float(g.below(1000)) / 7 : scores[g.below(scores.count)])
            }
            let expected = items.sorted(by: Candidate.ranksBefore).map { [$0.start, $0.end] }
            #expect(CandidateRanking(items).map { [$0.start, $0.end] } == expected, "round \(round)")
        }
    }

    @Test func nanScoresFallBackToTheSort() {
        let items = [Self.candidate(start: 0, end: 2, score: 1), Self.candidate(start: 3, end: 4, score: .nan),
                     Self.candidate(start: 5, end: 6, score: 2)]
        let expected = items.sorted(by: Candidate.ranksBefore).map(\.start)
        #expect(CandidateRanking(items).map(\.start) == expected)
    }

    @Test func hashesGrowByExtension() {
        var g = Generator(state: 9)
        for _ in 0..<200 {
            let scalars = (0..<(1 + g.below(20))).map { _ in UInt32(g.below(3) == 0 ? 0x20 + g.below(90) : 0x4E00 + g.below(40)) }
            scalars.withUnsafeBufferPointer { s in
                let cut = g.below(s.count + 1)
                let grown = ScalarTable.extend(ScalarTable.extend(ScalarTable.hashSeed, s.baseAddress!, cut),
                                               s.baseAddress! + cut, s.count - cut)
                #expect(ScalarTable.finish(grown) == ScalarTable.hash(s.baseAddress!, s.count))
            }
        }
    }

    @Test func documentScalarsAreTheUnicodeScalars() {
        let texts = ["", "a", "科技创新 AI\n", "é\u{301}𠀀😀\r\n。", Samples.body1,
                     // A bridged string, whose bytes may not be contiguous.
                     String(NSString(string: "西部科技𠀀创新 \u{301}"))]
        for text in texts {
            let out = [UInt32](unsafeUninitializedCapacity: text.utf8.count) { buffer, count in
                var w = 0
                KeywordExtractor.write(text, to: buffer, at: &w)
                count = w
            }
            #expect(out == text.unicodeScalars.map(\.value))
        }
    }

    /// The whole extractor: candidates counted with grown hashes carry the hash of their text,
    /// and the selection read from the heap is the selection read from the full sort.
    @Test func extractorSelectionMatchesTheFullSort() throws {
        let extractor = try KeywordExtractor(segmenter: try Segmenter.standard())
        var g = Generator(state: 13)
        let words = ["人工智能", "大数据", "重庆", "科学城", "硅光芯片", "集成电路", "深度学习", "deep learning", "5G",
                     "试验区", "创新", "发展", "建设", "的", "和", "。", "，", "\n", "2020年", "3.5", "研究院", "质量控制", "故障诊断"]
        var documents = [(Samples.title1, Samples.body1), (Samples.title2, Samples.body2), ("", Samples.generic)]
        for _ in 0..<40 {
            var body = ""
            for _ in 0..<(20 + g.below(300)) { body += words[g.below(words.count)] }
            documents.append((g.below(2) == 0 ? "" : words[g.below(words.count)] + words[g.below(words.count)], body))
        }
        for (title, body) in documents {
            var scalars = title.unicodeScalars.map(\.value)
            let titleEnd = scalars.count
            if titleEnd > 0 { scalars.append(0x0A) }
            scalars += body.unicodeScalars.map(\.value)
            scalars.withUnsafeBufferPointer { s in
                let (table, _) = extractor.candidates(s, titleEnd: titleEnd)
                for c in table.items {
                    #expect(c.hash == ScalarTable.hash(s.baseAddress! + Int(c.start), Int(c.end - c.start)))
                }
                let unordered = extractor.scoredUnordered(s, titleEnd: titleEnd)
                for count in [1, 3, 8, 30] {
                    let viaSort = extractor.select(extractor.scored(s, titleEnd: titleEnd), s, count: count)
                    let viaHeap = extractor.select(CandidateRanking(unordered), s, count: count)
                    #expect(viaHeap.map { [$0.start, $0.end] } == viaSort.map { [$0.start, $0.end] })
                    #expect(viaHeap.map(\.score) == viaSort.map(\.score))
                }
            }
        }
    }
}
