import ChineseText
import Foundation
import Testing
@testable import Analysis

/// The summarizer's bigram statistics (`SummaryBigrams`: one alphabet, two counting sorts)
/// against the computation they replace — each sentence's bigrams sorted on their own, all of
/// them sorted together, weights found by bisection — on generated bodies: the same content
/// scores to the last bit, the same overlaps, the same summaries.
@Suite("Summary bigrams")
struct SummaryBigramsTests {
    /// The former computation, kept as the reference.
    enum Reference {
        static func bigrams(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> [UInt64] {
            var out: [UInt64] = []
            var prev: UInt32 = 0
            for i in start..<end {
                let v = s[i].value
                let keep = (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
                if keep {
                    if prev != 0 { out.append(UInt64(prev) << 32 | UInt64(v)) }
                    prev = v
                } else {
                    prev = 0
                }
            }
            return out
        }

        static func distinctSorted(_ v: [UInt64]) -> [UInt64] {
            var out: [UInt64] = []
            for x in v.sorted() where out.last != x { out.append(x) }
            return out
        }

        static func similarity(_ a: [UInt64], _ b: [UInt64]) -> Double {
            guard !a.isEmpty, !b.isEmpty else { return 0 }
            return Double(Set(a).intersection(b).count) / Double(min(a.count, b.count))
        }

        /// Content scores and sorted distinct bigrams of each sentence.
        static func analyse(_ scalars: [Unicode.Scalar], _ spans: [(Int, Int)], title: String?) -> ([Double], [[UInt64]]) {
            let sorted = spans.map { distinctSorted(bigrams(scalars, $0.0, $0.1)) }
            var all: [UInt64] = []
            for g in sorted { all.append(contentsOf: g) }
            all.sort()
            var keys: [UInt64] = [], counts: [Double] = []
            var i = 0
            while i < all.count {
                var j = i + 1
                while j < all.count && all[j] == all[i] { j += 1 }
                keys.append(all[i]); counts.append(Double(j - i))
                i = j
            }
            let titleScalars = title.map { Array($0.unicodeScalars) } ?? []
            let titleGrams = Set(bigrams(titleScalars, 0, titleScalars.count))
            let content = sorted.map { g -> Double in
                guard !g.isEmpty else { return 0 }
                var s = 0.0
                for b in g {
                    var lo = 0, hi = keys.count
                    while lo < hi {
                        let mid = (lo + hi) / 2
                        if keys[mid] < b { lo = mid + 1 } else { hi = mid }
                    }
                    s += log(1 + counts[lo]) + (titleGrams.contains(b) ? 1 : 0)
                }
                return s / Double(g.count).squareRoot()
            }
            return (content, sorted)
        }

        static func summarize(_ body: String, title: String?, maxSentences: Int, maxCharacters: Int) -> String {
            let scalars = Array(body.unicodeScalars)
            let spans = EventExtractor.sentences(scalars)
            guard !spans.isEmpty else { return "" }
            let sentences = spans.map { SummarySentence(scalars, $0.0, $0.1) }
            let (content, sorted) = analyse(scalars, spans, title: title)
            var candidates: [(Int, Double)] = []
            for k in sentences.indices {
                let length = sentences[k].length
                if length < 16 && !sentences[k].endsWithFullStop { continue }
                var score = content[k] * (1 + 1.0 / Double(1 + candidates.count))
                if sentences[k].startsWithQuote { score *= 0.6 }
                if length > 150 { score *= 0.8 }
                candidates.append((k, score))
            }
            if candidates.isEmpty { candidates = sentences.indices.map { ($0, content[$0]) } }
            let maxScore = candidates.map(\.1).max() ?? 1
            var chosen: [Int] = []
            var total = 0
            while chosen.count < maxSentences {
                var best: (Int, Double)?
                for (k, score) in candidates where !chosen.contains(k) {
                    let overlap = chosen.map { similarity(sorted[$0], sorted[k]) }.max() ?? 0
                    let mmr = 0.7 * score / max(maxScore, 1e-9) - 0.3 * overlap
                    if overlap > 0.5 { continue }
                    if let b = best, !(mmr > b.1) { continue }
                    best = (k, mmr)
                }
                guard let (k, _) = best else { break }
                if !chosen.isEmpty && total + sentences[k].length > maxCharacters { break }
                chosen.append(k)
                total += sentences[k].length
                if chosen.count >= 2 && total > maxCharacters * 2 / 3 { break }
            }
            var v = String.UnicodeScalarView()
            for k in chosen.sorted() { v.append(contentsOf: scalars[sentences[k].start..<sentences[k].end]) }
            return String(v)
        }
    }

    /// Few ideographs (so that bigrams repeat across sentences), the ends of the kept ranges and
    /// their neighbours, digits and letters, punctuation that ends sentences or not, quotes,
    /// spaces, line breaks, combining marks, a supplementary ideograph.
    static let pieces: [String] = [
        "人", "工", "智", "能", "科", "技", "创", "新", "重", "庆", "大", "数", "据", "研", "究", "院",
        "一", "\u{9FFF}", "\u{4DFF}", "\u{A000}", "〇", "𠀀",
        "0", "9", "A", "Z", "a", "z", "/", ":", "@", "[", "`", "{", "5G", "AI",
        "。", "。", "！", "？", "；", "!", "?", "，", "、", "\n", " ", "“", "”", "\"", "e\u{301}", "\r\n",
    ]

    static func text(_ g: inout SplitMix, length: Int) -> String {
        var s = ""
        for _ in 0..<length { s += pieces[g.below(pieces.count)] }
        return s
    }

    @Test func contentAndOverlapsMatchTheReference() {
        var g = SplitMix(seed: 7)
        for round in 0..<300 {
            let body = Self.text(&g, length: 20 + g.below(round % 3 == 0 ? 2000 : 300))
            let title: String? = g.below(4) == 0 ? nil : Self.text(&g, length: g.below(30))
            let scalars = Array(body.unicodeScalars)
            let spans = EventExtractor.sentences(scalars)
            let grams = SummaryBigrams(scalars, spans.map { (start: $0.0, end: $0.1) }, title: title)
            let (content, sorted) = Reference.analyse(scalars, spans, title: title)
            #expect(grams.content.map(\.bitPattern) == content.map(\.bitPattern), "round \(round)")
            for a in spans.indices {
                for b in spans.indices where b >= a && b - a < 6 {
                    #expect(grams.similarity(a, b) == Reference.similarity(sorted[a], sorted[b]), "round \(round): \(a), \(b)")
                }
            }
        }
    }

    @Test func summariesMatchTheReference() {
        var g = SplitMix(seed: 11)
        for round in 0..<300 {
            var s = Summarizer()
            s.maxSentences = 2 + g.below(4)
            s.maxCharacters = 60 + g.below(300)
            let body = Self.text(&g, length: 20 + g.below(round % 3 == 0 ? 2000 : 400))
            let title: String? = g.below(4) == 0 ? nil : Self.text(&g, length: g.below(30))
            let expected = Reference.summarize(body, title: title, maxSentences: s.maxSentences, maxCharacters: s.maxCharacters)
            #expect(s.summarize(body, title: title) == expected, "round \(round)")
        }
    }

    @Test func summaryOfANewsBodyMatchesTheReference() throws {
        let body = SummarizerTests().body
        for title in [nil, "重庆携手北大在渝建设大数据研究院", "北京大学"] {
            let expected = Reference.summarize(body, title: title, maxSentences: 3, maxCharacters: 220)
            #expect(Summarizer().summarize(body, title: title) == expected)
        }
    }

    /// Bigram codes order as the bigrams do, one character's rank for each distinct character.
    @Test func alphabetRanksPreserveOrder() {
        var g = SplitMix(seed: 3)
        let text = Array(Self.text(&g, length: 3000).unicodeScalars)
        text.withUnsafeBufferPointer { s in
            BigramAlphabet.with(s, [(start: 0, end: s.count)]) { alphabet in
                let kept = Set(text.map(\.value).filter { BigramAlphabet.index($0) >= 0 }).sorted()
                #expect(alphabet.count == kept.count)
                for (rank, v) in kept.enumerated() {
                    #expect(alphabet.contains(BigramAlphabet.index(v)))
                    #expect(alphabet.rank(BigramAlphabet.index(v)) == rank)
                }
                #expect(!alphabet.contains(BigramAlphabet.index(0x4E01)) || kept.contains(0x4E01))
            }
        }
    }
}
