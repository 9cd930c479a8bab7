import ChineseText

/// The text as the rules see it: its scalars, and per distinct word (the `Tok.word` slot,
/// shared by every occurrence of the same scalars) its `String` and whether the segmenter's
/// dictionary has it.
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

    /// The word's text.
    @inline(__always) func text(_ t: Tok) -> String { words.texts[Int(t.word)] }

    /// `segmenter.isWord` of the word: whether the dictionary has it (else the HMM or a unit
    /// rule made it).
    @inline(__always) func inDictionary(_ t: Tok) -> Bool { words.inDictionary(t, scalars) }
}

/// The distinct words of one text (see `TextView`). Used by one call on one thread.
final class DocumentWords {
    private(set) var texts: [String] = []
    /// Per word: 0 not yet known, 1 not in the dictionary, 2 in it.
    private var known: [UInt8] = []
    let segmenter: Segmenter

    init(segmenter: Segmenter, capacity: Int) {
        self.segmenter = segmenter
        texts.reserveCapacity(capacity)
        known.reserveCapacity(capacity)
    }

    /// A new distinct word; its slot.
    func add(_ text: String) -> Int32 {
        texts.append(text)
        known.append(0)
        return Int32(texts.count - 1)
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
