/// One token of a byline (`MetadataParsing.personNames`), tested against the byline word lists
/// as `String` tests it — `hasPrefix`, `hasSuffix`, `==`, `count`, which compare characters
/// under canonical equivalence — but by bytes when the token is plain text.
///
/// Why the answers are the same: when every scalar of the token and of the word is plain
/// (`Scan.isPlain`: its own character and its own normal form), characters are scalars and
/// two plain strings are canonically equivalent exactly when their bytes are equal; so a prefix
/// (suffix) of characters is a prefix (suffix) of bytes, equality is byte equality, and the
/// character count is the scalar count. A token or word that is not plain takes `String`'s test.
struct BylineToken {
    let text: String
    /// Every scalar of `text` is plain.
    let plain: Bool

    init(_ text: String) {
        self.text = text
        plain = Scan.withUTF8(text) { p in
            var i = 0
            while i < p.count {
                if !Scan.isPlain(Scan.decode(p, &i)) { return false }
            }
            return true
        }
    }

    /// `text.count`.
    var count: Int { plain ? Scan.scalarCount(text) : text.count }

    /// `text.hasPrefix(word.text)`.
    func hasPrefix(_ word: Affix) -> Bool {
        guard plain && word.plain else { return text.hasPrefix(word.text) }
        return Scan.withUTF8(text) { p in
            word.bytes.withUnsafeBufferPointer { w in
                guard p.count >= w.count else { return false }
                for j in 0..<w.count where p[j] != w[j] { return false }
                return true
            }
        }
    }

    /// `text.hasSuffix(word.text)`.
    func hasSuffix(_ word: Affix) -> Bool {
        guard plain && word.plain else { return text.hasSuffix(word.text) }
        return Scan.withUTF8(text) { p in
            word.bytes.withUnsafeBufferPointer { w in
                let n = p.count, m = w.count
                guard n >= m else { return false }
                for j in 0..<m where p[n - m + j] != w[j] { return false }
                return true
            }
        }
    }

    /// `text == word.text`.
    func equals(_ word: Affix) -> Bool {
        guard plain && word.plain else { return text == word.text }
        return Scan.withUTF8(text) { p in
            word.bytes.withUnsafeBufferPointer { w in
                guard p.count == w.count else { return false }
                for j in 0..<w.count where p[j] != w[j] { return false }
                return true
            }
        }
    }

    func equalsAny(_ words: [Affix]) -> Bool { words.contains { equals($0) } }
    func hasAnyPrefix(_ words: [Affix]) -> Bool { words.contains { hasPrefix($0) } }
    func hasAnySuffix(_ words: [Affix]) -> Bool { words.contains { hasSuffix($0) } }
}

/// The word lists `MetadataParsing.personNames` tests tokens against, as `Affix`es (built once).
enum BylineWords {
    static let roleWords = MetadataParsing.roleWords.map(Affix.init)
    /// The role words of two characters or more, in order, with their character counts.
    static let longRoleWords: [(Affix, Int)] = MetadataParsing.roleWords.filter { $0.count >= 2 }.map { (Affix($0), $0.count) }
    /// Tokens ending with these are labels (重庆日报记者).
    static let labelEndings = ["记者", "通讯员", "实习生", "编辑", "摄影", "责编"].map(Affix.init)
    /// Labels after which names are editors, not authors.
    static let editorLabels = ["编辑", "责编", "审核", "校对", "监制", "统筹", "审校", "值班"].map(Affix.init)
    static let photo = Affix("摄")
}
