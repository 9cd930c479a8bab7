/// A set of words looked up by the UTF-8 bytes of a piece of a line, answering what
/// `Set<String>.contains` answers without making a `String` and hashing it.
///
/// `String` equality is canonical equivalence. When every scalar of the piece is plain
/// (`Scan.isPlain`: its own character and its own normal form) and so is every word, both are in
/// normal form and are equal exactly when their bytes are; the words are compared byte for byte
/// (grouped by length). A piece that is not plain is made into a `String` and looked up in the
/// `Set<String>` as before.
struct PlainWordSet: Sendable {
    let set: Set<String>
    /// All words are plain (else the `Set` always decides).
    private let plain: Bool
    /// The words' bytes by byte length: words of length L are flat[L] split every L bytes.
    private let byLength: [[UInt8]]

    init(_ set: Set<String>) {
        self.set = set
        plain = set.allSatisfy { $0.unicodeScalars.allSatisfy { Scan.isPlain($0.value) } }
        let maxLength = set.map(\.utf8.count).max() ?? 0
        var byLength = [[UInt8]](repeating: [], count: maxLength + 1)
        for w in set.sorted() { byLength[w.utf8.count] += Array(w.utf8) }
        self.byLength = byLength
    }

    /// `set.contains(String(decoding: piece, as: UTF8.self))` for a piece of valid UTF-8.
    func contains(_ piece: UnsafeBufferPointer<UInt8>) -> Bool {
        if plain && Self.isPlain(piece) {
            let m = piece.count
            guard m < byLength.count else { return false }
            return byLength[m].withUnsafeBufferPointer { flat in
                var start = 0
                while start < flat.count {
                    var j = 0
                    while j < m && flat[start + j] == piece[j] { j += 1 }
                    if j == m { return true }
                    start += m
                }
                return false
            }
        }
        return set.contains(String(decoding: piece, as: UTF8.self))
    }

    private static func isPlain(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < p.count {
            if !Scan.isPlain(Scan.decode(p, &i)) { return false }
        }
        return true
    }
}
