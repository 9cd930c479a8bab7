/// An ordered list of words looked up in an array of scalars: the first word of the list whose
/// scalars stand at a position (or end at it) is the match, as a loop over the words comparing
/// their `unicodeScalars` would find, with each word's scalars decoded once and a bitmap of
/// first (last) scalars answering most positions without looking at any word.
struct ScalarWordList<Value>: @unchecked Sendable {
    let words: [(text: String, scalars: [Unicode.Scalar], value: Value)]
    private let firsts: RxAlphabet
    private let lasts: RxAlphabet

    /// Words must be non-empty and in the BMP.
    init(_ words: [(String, Value)]) {
        self.words = words.map { ($0.0, Array($0.0.unicodeScalars), $0.1) }
        firsts = RxAlphabet(Set(self.words.map { $0.scalars.first!.value }))!
        lasts = RxAlphabet(Set(self.words.map { $0.scalars.last!.value }))!
    }

    /// The first word whose scalars are those of `s` from `at`, and its scalar count.
    @inline(__always) func match(_ s: [Unicode.Scalar], at: Int) -> (text: String, value: Value, count: Int)? {
        guard at < s.count, firsts.contains(s[at].value) else { return nil }
        outer: for w in words {
            let n = w.scalars.count
            guard at + n <= s.count else { continue }
            for k in 0..<n where s[at + k] != w.scalars[k] { continue outer }
            return (w.text, w.value, n)
        }
        return nil
    }

    /// The first word whose scalars end just before `at` in `s`, and its scalar count.
    @inline(__always) func match(_ s: [Unicode.Scalar], endingAt at: Int) -> (text: String, value: Value, count: Int)? {
        guard at > 0, at <= s.count, lasts.contains(s[at - 1].value) else { return nil }
        outer: for w in words {
            let n = w.scalars.count
            guard at - n >= 0 else { continue }
            for k in 0..<n where s[at - n + k] != w.scalars[k] { continue outer }
            return (w.text, w.value, n)
        }
        return nil
    }
}
