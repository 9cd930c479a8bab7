import ChineseText
import GRDB
import GRDBSQLite

/// The FTS5 tokenizer `kechuang`: Chinese words from our segmenter instead of SQLite's
/// character classes (which index a run of Han characters as one token, so 重庆 would never
/// match 重庆市科学技术局).
///
/// Documents are indexed with the default segmentation, and each long word also yields the
/// dictionary words inside it at the same position (FTS5 "colocated" tokens): 重庆市 is indexed
/// as 重庆市 and 重庆, 中国科学院 as 中国科学院, 中国, 科学, 学院, 科学院. Queries use the default
/// segmentation only, so a query word matches the word itself and every longer word that
/// contains it as a dictionary word, and a query phrase matches consecutive positions.
/// Latin letters are folded to lower case; punctuation and spaces are not indexed.
final class SegmenterTokenizer: FTS5CustomTokenizer {
    static let name = "kechuang"
    /// Changes whenever tokens change (the index is then rebuilt when a store opens).
    static let version = "2"

    private let segmenter: Segmenter

    init(db: Database, arguments: [String]) throws {
        do { segmenter = try Segmenter.standard() } catch {
            throw DatabaseError(resultCode: .SQLITE_ERROR, message: "kechuang tokenizer: \(error)")
        }
    }

    func tokenize(context: UnsafeMutableRawPointer?, tokenization: FTS5Tokenization,
                  pText: UnsafePointer<CChar>?, nText: CInt,
                  tokenCallback: @escaping FTS5TokenCallback) -> CInt {
        guard let pText, nText > 0 else { return SQLITE_OK }
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(pText).assumingMemoryBound(to: UInt8.self), count: Int(nText))
        let isQuery = tokenization.contains(.query)
        let (scalars, byteOffsets) = Self.decode(bytes)
        let tokens = segmenter.tokenize(scalars: scalars, mode: isQuery ? .default : .search, hmm: true)
        var emitted: [(token: Token, colocated: Bool)] = []
        emitted.reserveCapacity(tokens.count)
        Self.order(tokens, scalars: scalars, into: &emitted)
        var text: [UInt8] = []
        for (token, colocated) in emitted {
            text.removeAll(keepingCapacity: true)
            for i in token.start..<token.end { Self.appendFolded(scalars[i], to: &text) }
            guard !text.isEmpty else { continue }
            let rc = text.withUnsafeBufferPointer { t in
                t.baseAddress!.withMemoryRebound(to: CChar.self, capacity: t.count) { p in
                    tokenCallback(context, colocated ? FTS5_TOKEN_COLOCATED : 0, p, CInt(t.count),
                                  CInt(byteOffsets[token.start]), CInt(byteOffsets[token.end]))
                }
            }
            if rc != SQLITE_OK { return rc }
        }
        return SQLITE_OK
    }

    /// Puts each long word before the sub-words the search mode emitted for it (they come just
    /// before it and lie inside it), marking those as colocated; drops punctuation and spaces.
    static func order(_ tokens: [Token], scalars: [UInt32], into out: inout [(token: Token, colocated: Bool)]) {
        // Backwards, a word that lies inside the current head is one of its sub-words.
        var groups: [(head: Token, inside: [Token])] = []
        for t in tokens.reversed() {
            guard isIndexable(t, scalars) else { continue }
            if let last = groups.last, t.start >= last.head.start, t.end <= last.head.end,
               (t.end - t.start) < (last.head.end - last.head.start) {
                groups[groups.count - 1].inside.append(t)
            } else {
                groups.append((t, []))
            }
        }
        for g in groups.reversed() {
            out.append((g.head, false))
            for s in g.inside.reversed() { out.append((s, true)) }
        }
    }

    /// Whether a token carries a letter or digit (punctuation and spaces are not indexed).
    static func isIndexable(_ t: Token, _ scalars: [UInt32]) -> Bool {
        for i in t.start..<t.end {
            let v = scalars[i]
            if CharClass.isCJK(v) || CharClass.isDigit(v) || CharClass.isLatinLetter(v) { return true }
        }
        return false
    }

    /// UTF-8 → scalars, with the byte offset of each scalar (and one past the end).
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> ([UInt32], [Int]) {
        var scalars: [UInt32] = []
        var offsets: [Int] = []
        scalars.reserveCapacity(bytes.count / 2)
        offsets.reserveCapacity(bytes.count / 2 + 1)
        var i = 0
        let n = bytes.count
        while i < n {
            let b0 = UInt32(bytes[i])
            var v: UInt32 = 0xFFFD
            var len = 1
            if b0 < 0x80 { v = b0 }
            else if b0 & 0xE0 == 0xC0, i + 1 < n { v = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F); len = 2 }
            else if b0 & 0xF0 == 0xE0, i + 2 < n {
                v = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F); len = 3
            } else if b0 & 0xF8 == 0xF0, i + 3 < n {
                v = (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F); len = 4
            }
            scalars.append(v)
            offsets.append(i)
            i += len
        }
        offsets.append(n)
        return (scalars, offsets)
    }

    /// Appends the UTF-8 of a scalar, with ASCII and full-width Latin letters and digits folded
    /// to ASCII lower case.
    static func appendFolded(_ v0: UInt32, to out: inout [UInt8]) {
        var v = v0
        if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 }           // full-width ASCII
        if v >= 0x41 && v <= 0x5A { v += 0x20 }
        guard let s = Unicode.Scalar(v) else { return }
        if CharClass.isWhitespace(v) { return }
        UTF8.encode(s) { out.append($0) }
    }
}
