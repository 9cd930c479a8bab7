import ChineseText

/// A necessary condition for `EventExtractor.trigger(in:)` to find a trigger, checked on the
/// scalars of a sentence before the sentence's `String` is made.
///
/// Every trigger has a part of two or more scalars (its longest part), and a trigger matches
/// only when all its parts occur. In simple text (`ScalarText.isSimple` for every scalar)
/// `trigger(in:)` finds parts by their bytes, so that part's first two scalars occur next to each
/// other in the sentence. A simple sentence without any of these key bigrams therefore has no
/// trigger; a sentence with a scalar that is not simple always passes (Foundation then matches
/// parts under canonical equivalence, which a scalar test cannot predict).
enum TriggerGate {
    /// The key bigram of each trigger, `first << 32 | second`.
    static let bigrams: Set<UInt64> = Set(EventExtractor.triggers.compactMap { t -> UInt64? in
        guard let part = t.parts.max(by: { $0.unicodeScalars.count < $1.unicodeScalars.count }) else { return nil }
        let u = Array(part.unicodeScalars)
        guard u.count >= 2 else { return nil }
        return UInt64(u[0].value) << 32 | UInt64(u[1].value)
    })

    /// Whether every trigger has a key bigram (else the gate must let every sentence through).
    static let complete: Bool = EventExtractor.triggers.allSatisfy { t in t.parts.contains { $0.unicodeScalars.count >= 2 } }

    /// The first scalars of the key bigrams.
    static let firstScalars = ScalarBitSet(values: bigrams.map { UInt32(truncatingIfNeeded: $0 >> 32) })

    /// What the gate knows of a sentence.
    enum Verdict {
        /// Simple, without a key bigram: no trigger.
        case noTrigger
        /// Simple, with a key bigram: `ScalarTrigger` decides.
        case simple
        /// Has a scalar that is not simple: `EventExtractor.trigger(in:)` decides.
        case complex
    }

    static func check(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> Verdict {
        var found = !complete
        var i = start
        while i < end {
            let v = scalars[i].value
            if !ScalarText.isSimple(v) { return .complex }
            if !found && i + 1 < end && firstScalars.contains(value: v)
                && bigrams.contains(UInt64(v) << 32 | UInt64(scalars[i + 1].value)) {
                found = true
            }
            i += 1
        }
        return found ? .simple : .noTrigger
    }
}
