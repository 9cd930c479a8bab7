import Foundation

/// `TimeExtractor.filter` for every sub-range of one candidate, from flags computed once per
/// piece. The filter looks only at a range's first piece, its last piece and, for a last piece
/// the fake-end pattern rejects, the two last pieces (夏至, 冬至 stay); a candidate's pieces are
/// single scalars of the time-character class, so the joined range differs from its trimmed
/// form exactly when its first or last piece is white space.
struct TimeGridFilter {
    /// The piece may start a range.
    private var startOK: [Bool]
    /// The piece may end a range of one piece, or of several when `fakeEnd` rejects it unless
    /// the piece before forms 夏至 or 冬至 with it (`endOKAfterPrevious`).
    private var endOK: [Bool]
    private var endOKAfterPrevious: [Bool]

    init(_ pieces: [String]) {
        let n = pieces.count
        startOK = [Bool](repeating: false, count: n)
        endOK = [Bool](repeating: false, count: n)
        endOKAfterPrevious = [Bool](repeating: false, count: n)
        for k in 0..<n {
            let p = pieces[k]
            let blank = Self.isBlank(p)
            startOK[k] = !blank && !TimePatterns.fakeStart.matches(p) && p != "的" && p != ")" && p != "）"
            let plainEnd = !blank && p != "的" && p != "(" && p != "（"
            if TimePatterns.fakeEnd.matches(p) {
                endOK[k] = false
                let tail = k > 0 ? pieces[k - 1] + p : p
                endOKAfterPrevious[k] = plainEnd && (tail == "夏至" || tail == "冬至")
            } else {
                endOK[k] = plainEnd
                endOKAfterPrevious[k] = plainEnd
            }
        }
    }

    /// `p != p.trimmingCharacters(in: .whitespacesAndNewlines)`; for one scalar, whether it is
    /// white space or a newline.
    static func isBlank(_ p: String) -> Bool {
        var it = p.unicodeScalars.makeIterator()
        if let u = it.next(), it.next() == nil { return CharacterSet.whitespacesAndNewlines.contains(u) }
        return p != p.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether `TimeExtractor.filter` accepts `pieces[start..<end]`.
    func accepts(_ start: Int, _ end: Int) -> Bool {
        guard start < end, start >= 0, end <= startOK.count else { return false }
        guard startOK[start] else { return false }
        return end - start >= 2 ? endOKAfterPrevious[end - 1] : endOK[end - 1]
    }
}
