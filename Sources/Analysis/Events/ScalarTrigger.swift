import ChineseText
/// `EventExtractor.trigger(in:)` for a simple sentence, read from the text's scalars.
///
/// In a sentence whose scalars are all simple (`ScalarText.isSimple`: each one a grapheme
/// cluster, none with a canonical decomposition), characters are scalars and Foundation's
/// substring tests are scalar-sequence tests. So every step of `trigger(in:)` — the hedge
/// prefixes, the parts found in order by their bytes, the four characters before the trigger,
/// the extension over at most eight characters up to a punctuation mark, the 16-character cap
/// on the label — can be taken on scalar offsets, and only the label becomes a `String`.
enum ScalarTrigger {
    /// Scalars of the strings `trigger(in:)` looks for, made once.
    static let hedges: [[Unicode.Scalar]] = EventExtractor.hedges.map { Array($0.unicodeScalars) }
    static let intentions: [[Unicode.Scalar]] = EventExtractor.intentions.map { Array($0.unicodeScalars) }
    static let parts: [[[Unicode.Scalar]]] = EventExtractor.triggers.map { $0.parts.map { Array($0.unicodeScalars) } }
    static let objects: [[Unicode.Scalar]] = EventExtractor.extensionObjects.map { Array($0.unicodeScalars) }
    static let stops: Set<Unicode.Scalar> = Set(EventExtractor.extensionStops.unicodeScalars)

    /// The trigger of the simple sentence `u[start..<end]`: kind, label and the trigger's scalar
    /// offset in the sentence.
    static func trigger(_ u: [Unicode.Scalar], _ start: Int, _ end: Int) -> (Event.Kind, String, Int)? {
        for h in hedges where occurs(h, u, at: start, end) { return nil }
        var present = ScalarBloom()
        for i in start..<end { present.insert(u[i].value) }
        for (k, t) in EventExtractor.triggers.enumerated() {
            if !present.containsAll(EventExtractor.triggerScalars[k]) { continue }
            var from = start
            var first = -1
            var last = -1
            var ok = true
            for p in parts[k] {
                guard let at = find(p, u, from: from, end) else { ok = false; break }
                if first < 0 { first = at }
                last = at + p.count
                from = last
            }
            guard ok, first >= 0 else { continue }
            let a = first
            var b = last
            let beforeStart = max(start, a - 4)
            if intentions.contains(where: { find($0, u, from: beforeStart, a) != nil }) { continue }
            // Extend a one-part trigger over the object it governs (签署战略合作协议 → 协议).
            if t.parts.count == 1 {
                var extended = b
                var count = 0
                var i = b
                while i < end {
                    if stops.contains(u[i]) || count >= 8 { break }
                    extended += 1
                    count += 1
                    if objects.contains(where: { endsWith($0, u, start, extended) }) {
                        b = extended
                        break
                    }
                    i += 1
                }
            }
            let labelEnd = min(b, a + 16)
            return (t.kind, ScalarString.make(u, a, labelEnd), a - start)
        }
        return nil
    }

    /// Whether `p` occurs in `u` at `at` (within `..<end`).
    @inline(__always)
    static func occurs(_ p: [Unicode.Scalar], _ u: [Unicode.Scalar], at: Int, _ end: Int) -> Bool {
        guard !p.isEmpty, at + p.count <= end else { return false }
        for k in 0..<p.count where u[at + k] != p[k] { return false }
        return true
    }

    /// Whether `u[start..<end]` ends with `p`.
    @inline(__always)
    static func endsWith(_ p: [Unicode.Scalar], _ u: [Unicode.Scalar], _ start: Int, _ end: Int) -> Bool {
        end - p.count >= start && occurs(p, u, at: end - p.count, end)
    }

    /// The first offset at or after `from` where `p` occurs inside `..<end`.
    @inline(__always)
    static func find(_ p: [Unicode.Scalar], _ u: [Unicode.Scalar], from: Int, _ end: Int) -> Int? {
        guard !p.isEmpty else { return nil }
        var i = from
        while i + p.count <= end {
            if u[i] == p[0] && occurs(p, u, at: i, end) { return i }
            i += 1
        }
        return nil
    }
}
