import ChineseText

/// The text as the rules see it: its scalars, and per distinct word (the `Tok.word` slot,
/// shared by every occurrence of the same scalars) whether the segmenter's dictionary has it.
///
/// A word's `String` is made only when a rule asks for it (`text`, `string`): most words are
/// never asked. It is made from the word's scalars (`ScalarString.make`), so it is the same
/// `String` as the text's own characters there.
///
/// Dictionary membership is a trie walk with cache misses; most words are never asked about, so
/// it is computed when a rule first asks (`inDictionary`) and then kept for every occurrence.
/// It is a function of the word's scalars alone, so when it is computed does not change it.
struct TextView {
    let scalars: [Unicode.Scalar]
    let words: DocumentWords

    @inline(__always) subscript(_ k: Int) -> Unicode.Scalar { scalars[k] }
    @inline(__always) subscript(_ r: Range<Int>) -> ArraySlice<Unicode.Scalar> { scalars[r] }
    var count: Int { scalars.count }

    /// The scalars `lo..<hi` as a `String`.
    @inline(__always) func string(_ lo: Int, _ hi: Int) -> String { ScalarString.make(scalars[lo..<hi]) }

    /// The word's text.
    @inline(__always) func text(_ t: Tok) -> String { string(t.start, t.end) }

    /// `segmenter.isWord` of the word: whether the dictionary has it (else the HMM or a unit
    /// rule made it).
    @inline(__always) func inDictionary(_ t: Tok) -> Bool { words.inDictionary(t, scalars) }
}

/// Dictionary membership of the distinct words of one text (see `TextView`), by word slot.
/// Used by one call on one thread.
final class DocumentWords {
    /// Per word: 0 not yet known, 1 not in the dictionary, 2 in it.
    private var known: [UInt8]
    /// Per word: 0 not yet known, 1 no, 2 yes (`Spotter.acceptableDictionaryOrganization`).
    private var acceptable: [UInt8]
    let segmenter: Segmenter

    /// Room for `capacity` distinct words (slots `0..<capacity`).
    init(segmenter: Segmenter, capacity: Int) {
        self.segmenter = segmenter
        known = [UInt8](repeating: 0, count: capacity)
        acceptable = [UInt8](repeating: 0, count: capacity)
    }

    /// `compute()`, a function of the word's scalars, computed for the first occurrence asked.
    func acceptableOrganization(_ t: Tok, _ compute: () -> Bool) -> Bool {
        let w = Int(t.word)
        let k = acceptable[w]
        if k != 0 { return k == 2 }
        let yes = compute()
        acceptable[w] = yes ? 2 : 1
        return yes
    }

    func inDictionary(_ t: Tok, _ scalars: [Unicode.Scalar]) -> Bool {
        let w = Int(t.word)
        let k = known[w]
        if k != 0 { return k == 2 }
        let yes = segmenter.isWord(scalars: scalars[t.start..<t.end])
        known[w] = yes ? 2 : 1
        return yes
    }
}
