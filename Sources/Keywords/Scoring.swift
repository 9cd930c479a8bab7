import ChineseText
import Foundation

extension KeywordExtractor {
    /// The document's candidates, scored, best first (`Candidate.ranksBefore`: ties go to the
    /// earlier first occurrence, then the longer one).
    func scored(_ s: UnsafeBufferPointer<UInt32>, titleEnd: Int, bodyTokens: [Token]? = nil) -> [Candidate] {
        scoredUnordered(s, titleEnd: titleEnd, bodyTokens: bodyTokens).sorted(by: Candidate.ranksBefore)
    }

    /// The document's candidates with their scores, in no particular order.
    func scoredUnordered(_ s: UnsafeBufferPointer<UInt32>, titleEnd: Int, bodyTokens: [Token]? = nil) -> [Candidate] {
        let (table, features) = candidates(s, titleEnd: titleEnd, bodyTokens: bodyTokens)
        var items = table.items
        let t = tuning
        guard let base = s.baseAddress else { return items }
        items.withUnsafeMutableBufferPointer { items in
        features.withUnsafeBufferPointer { f in
            for k in items.indices {
                let c = items[k]
                let first = Int(c.firstToken)
                let words = Int(c.words)
                var specificity: Float
                if words == 1 {
                    specificity = f[first].idf
                    let h = f[first].heads
                    if h > 0 { specificity /= 1 + t.headPenalty * log2(1 + Float(h)) }
                } else {
                    var sum: Float = 0
                    for q in first..<(first + words) { sum += f[q].idf }
                    specificity = sum / Float(words) * (1 + t.phraseBonus * Float(words - 1))
                    if c.count == 1 { specificity *= t.singletonPhraseFactor }
                }
                var score = c.weight * specificity
                // The candidate's hash is the one the lexicon is probed with.
                if tables.lexicon.entry(base + Int(c.start), Int(c.end - c.start), hash: c.hash) != nil { score *= t.domainBonus }
                items[k].score = score
            }
        }
        }
        return items
    }

    /// The best `count` candidates without near-duplicates (see `KeywordExtractor`, step 5).
    func select(_ ranked: some Sequence<Candidate>, _ s: UnsafeBufferPointer<UInt32>, count: Int) -> [Candidate] {
        let ratio = tuning.sameRatio
        var chosen: [Candidate] = []
        for c in ranked {
            if chosen.count >= count { break }
            var keep = true
            var replace: Int? = nil
            for (m, d) in chosen.enumerated() {
                if Self.contains(d, c, s) {
                    // c is inside a chosen phrase: the same thing, unless c also stands on its own.
                    if Float(d.count) >= ratio * Float(c.count) { keep = false; break }
                } else if Self.contains(c, d, s) {
                    // c extends a chosen word or phrase: the fuller name of the same thing
                    // replaces it; a rarer extension is a narrower topic and is left out.
                    if Float(c.count) >= ratio * Float(d.count) { replace = m } else { keep = false }
                    break
                }
            }
            guard keep else { continue }
            if let m = replace {
                var r = c
                r.score = chosen[m].score
                chosen[m] = r
                // The longer phrase may also contain other chosen items.
                chosen = chosen.enumerated().filter { $0.offset == m || !Self.contains(r, $0.element, s) }.map(\.element)
            } else {
                chosen.append(c)
            }
        }
        return chosen
    }

    /// Whether the text of `outer` is longer than and contains the text of `inner`.
    static func contains(_ outer: Candidate, _ inner: Candidate, _ s: UnsafeBufferPointer<UInt32>) -> Bool {
        let on = Int(outer.end - outer.start), inn = Int(inner.end - inner.start)
        guard on > inn else { return false }
        let os = Int(outer.start), ist = Int(inner.start)
        var p = 0
        while p + inn <= on {
            var same = true
            for q in 0..<inn where s[os + p + q] != s[ist + q] { same = false; break }
            if same { return true }
            p += 1
        }
        return false
    }
}
