import ChineseText
import Foundation

/// The money mentions of one whole text with the runs of `MoneyExtractor.charPattern` its
/// search kept, so that the mentions of a sentence of that text can be read off them
/// (`MoneySentences`) instead of searching the sentence again.
///
/// `QuantityExtractor.extractWithMoney` returns it; `EventExtractor.extract(_:…money:)` takes it
/// back for the same text.
public struct MoneyScan: Sendable {
    /// The text.
    let text: String
    /// Scalars of `MoneyCore.normalizeTraditional(text)`.
    let normalized: [Unicode.Scalar]
    /// `MoneyExtractor.extract(text)`: ordered by start.
    let mentions: [MoneyMention]
    /// The runs that passed `CandidateRunGate.money` and were searched, in text order.
    let searched: [(Int, Int)]
    /// The text is simple (`ScalarText`) and the traditional map is single-pass, so the
    /// normalized form of any sentence of it is the slice of `normalized` at the same offsets.
    let simple: Bool

    /// Mentions of the searched run starting at `start` (none when the gate rejected it).
    func mentions(ofRunAt start: Int) -> [MoneyMention] {
        guard let run = searched.first(where: { $0.0 == start }) else { return [] }
        return mentions.filter { $0.start >= run.0 && $0.start < run.1 }
    }
}

extension MoneyScan {
    /// Whether this is the scan of `text`: the same UTF-8 bytes (not merely an equal `String`,
    /// which would allow canonically equivalent text with other offsets).
    func isScan(of text: String) -> Bool {
        var a = self.text, b = text
        guard a.utf8.count == b.utf8.count else { return false }
        a.makeContiguousUTF8()
        b.makeContiguousUTF8()
        let same: Bool?? = a.utf8.withContiguousStorageIfAvailable { pa in
            b.utf8.withContiguousStorageIfAvailable { pb in
                guard let x = pa.baseAddress, let y = pb.baseAddress else { return pa.count == pb.count }
                return memcmp(x, y, pa.count) == 0
            }
        }
        return (same ?? nil) ?? a.utf8.elementsEqual(b.utf8)
    }
}

/// `MoneyExtractor.extract(sentence)` for a sentence `text[s..<e]` of a scanned text, reusing
/// the text's results run by run.
///
/// The search looks at runs of the candidate pattern's alphabet one at a time. A run of the
/// sentence gives the same candidates and mentions as in the whole text when:
/// - it is a whole run of the text (the scalars either side are not in the alphabet, or are
///   the text's ends), so its scalars are the same;
/// - `^` cannot tell them apart: the run does not start the sentence unless the sentence
///   starts the text (the search reads the scalar before a run, and `^` matches only at the
///   start of the searched string);
/// - the context the gate and `filter` read (5 scalars either side of the run and of each
///   candidate in it, clipped to the searched string) answers the same: the windows clipped
///   to the text and to the sentence are equal, or the text's window has no 钱, 金 or 额, so
///   that 钱 and 金额 are absent from every window of both (the text being simple, `jHas` is a
///   scalar search).
/// Such runs are not searched again: their mentions are those the whole-text scan found in
/// them (none when its gate rejected them, which the same context decides alike), shifted to
/// the sentence. The other runs are searched as `extract` would. `extract` lists mentions by
/// start (runs and candidates in order, a candidate's mentions left to right), so sorting the
/// union by start gives its order.
enum MoneySentences {
    static func mentions(_ sentence: String, in scan: MoneyScan, from s: Int, to e: Int) -> [MoneyMention] {
        guard scan.simple, e <= scan.normalized.count, s >= 0, s <= e,
              let alphabet = MoneyExtractor.charPattern.alphabet else { return MoneyExtractor.extract(sentence) }
        let original = ScalarArray.of(sentence)
        let (scalars, _) = MoneyExtractor.normalizedScalars(sentence, original)
        guard scalars.count == e - s else { return MoneyExtractor.extract(sentence) }
        let u = scan.normalized
        let n = u.count
        var reused: [Int] = []
        func reusable(_ a: Int, _ b: Int) -> Bool {
            if a > 0 && alphabet.contains(u[a - 1].value) { return false }
            if b < n && alphabet.contains(u[b].value) { return false }
            if a == s && s != 0 { return false }
            let lt = max(0, a - 5), ht = min(n, b + 5)
            if lt == max(s, a - 5) && ht == min(e, b + 5) { return true }
            for k in lt..<ht {
                switch u[k].value {
                case 0x94B1, 0x91D1, 0x989D: return false   // 钱 金 额
                default: continue
                }
            }
            return true
        }
        var searched: [(Int, Int)] = []
        var out = MoneyExtractor.mentions(sentence, original: original, normalized: scalars, skip: { a, b in
            guard reusable(a + s, b + s) else { return false }
            reused.append(a + s)
            return true
        }, searched: &searched)
        guard !reused.isEmpty else { return out }
        for a in reused {
            for m in scan.mentions(ofRunAt: a) {
                out.append(MoneyMention(text: m.text, start: m.start - s, end: m.end - s, parse: m.parse))
            }
        }
        out.sort { $0.start < $1.start }
        return out
    }
}
