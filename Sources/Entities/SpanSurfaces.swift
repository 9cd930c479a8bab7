/// The distinct surfaces of a text's spans: spans with the same scalars share one surface id,
/// its `String` (made once) and everything the resolver derives from it.
///
/// Surfaces are compared scalar by scalar, so only spans with identical scalars share an id;
/// a `String` made from identical scalars is the same `String` value, so a per-surface result
/// of a function of the `String` is the result for every span of that surface. (Canonically
/// equivalent spellings with other scalars get separate ids; callers that keyed results by
/// `String` keep that `String` key for the first span of each id.)
struct SpanSurfaces {
    /// Per span, its surface id (ids are dense, in order of first span).
    let of: [Int32]
    /// Per surface, the range of its first span.
    let starts: [Int]
    let ends: [Int]
    /// Per surface, its text.
    let texts: [String]

    var count: Int { texts.count }

    init(_ spans: [RawSpan], _ view: TextView) {
        var of = [Int32](repeating: 0, count: spans.count)
        var starts: [Int] = [], ends: [Int] = [], texts: [String] = []
        starts.reserveCapacity(spans.count)
        ends.reserveCapacity(spans.count)
        texts.reserveCapacity(spans.count)
        var seen = FirstOccurrence(count: spans.count)
        let sc = view.scalars
        for (k, s) in spans.enumerated() {
            let h = FirstOccurrence.hash(sc, s.start, s.end)
            if let p = seen.firstOrInsert(Int32(texts.count), hash: h, sameText: { id in
                let a = starts[Int(id)], n = ends[Int(id)] - a
                guard n == s.end - s.start else { return false }
                var q = 0
                while q < n && sc[a + q] == sc[s.start + q] { q += 1 }
                return q == n
            }) {
                of[k] = p
                continue
            }
            of[k] = Int32(texts.count)
            starts.append(s.start)
            ends.append(s.end)
            texts.append(view.string(s.start, s.end))
        }
        self.of = of
        self.starts = starts
        self.ends = ends
        self.texts = texts
    }
}
