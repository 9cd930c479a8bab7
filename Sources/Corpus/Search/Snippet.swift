/// A passage of an article around the first match, with the matches in 【】 (like FTS5's
/// snippet(), without segmenting the whole article again).
enum Snippet {
    /// Characters of context before the first match and in the whole passage.
    static let before = 16
    static let length = 60

    static func make(_ body: String, terms: [String]) -> String? {
        let text = Array(body.unicodeScalars)
        let needles = terms.map { Array($0.unicodeScalars) }.filter { !$0.isEmpty }
        guard !needles.isEmpty else { return nil }
        // The first match of the rarest term in this article (芯片 rather than 重庆 for 重庆 芯片).
        var firstAt = Array(repeating: -1, count: needles.count)
        var counts = Array(repeating: 0, count: needles.count)
        for i in 0..<text.count {
            for (k, n) in needles.enumerated() where matches(text, i, n) {
                counts[k] += 1
                if firstAt[k] < 0 { firstAt[k] = i }
            }
        }
        guard let best = needles.indices.filter({ counts[$0] > 0 }).min(by: { counts[$0] < counts[$1] }) else { return nil }
        let hit = firstAt[best]
        var start = max(0, hit - before)
        // Start after a sentence end if there is one in the context.
        for k in stride(from: hit - 1, through: start, by: -1) where k >= 0 && "。！？\n".unicodeScalars.contains(text[k]) {
            start = k + 1
            break
        }
        let end = min(text.count, start + length)
        var out = String.UnicodeScalarView()
        if start > 0 { out.append(contentsOf: "…".unicodeScalars) }
        var p = start
        while p < end {
            if let n = needles.first(where: { matches(text, p, $0) }) {
                out.append(contentsOf: "【".unicodeScalars)
                out.append(contentsOf: text[p..<min(text.count, p + n.count)])
                out.append(contentsOf: "】".unicodeScalars)
                p += n.count
            } else {
                out.append(text[p] == "\n" ? " " : text[p])
                p += 1
            }
        }
        if p < text.count { out.append(contentsOf: "…".unicodeScalars) }
        return String(out)
    }

    static func matches(_ text: [Unicode.Scalar], _ at: Int, _ needle: [Unicode.Scalar]) -> Bool {
        guard at + needle.count <= text.count else { return false }
        for k in 0..<needle.count where text[at + k] != needle[k] { return false }
        return true
    }
}
