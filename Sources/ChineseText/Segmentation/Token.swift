/// A word found by the segmenter: a span of the input in Unicode-scalar offsets, with its
/// part-of-speech tag.
public struct Token: Sendable, Hashable {
    /// Offset of the first scalar, counted in Unicode scalars from the start of the input.
    public var start: Int
    /// Offset one past the last scalar.
    public var end: Int
    /// The tag's byte (see `POSTag`).
    public var tagIndex: UInt8

    public init(start: Int, end: Int, tagIndex: UInt8) {
        self.start = start
        self.end = end
        self.tagIndex = tagIndex
    }

    /// The part-of-speech tag (`n`, `v`, `ns`, `m` for numbers, `t` for times, `eng` for Latin
    /// words, `w` for punctuation, `url`, `x` for unknown).
    public var tag: String { POSTag.name(tagIndex) }

    /// Length in Unicode scalars.
    public var length: Int { end - start }
}

/// How words are emitted.
public enum SegmentationMode: String, Sendable, CaseIterable {
    /// The most likely segmentation.
    case `default`
    /// The default segmentation plus, before each long word, the dictionary words inside it
    /// (for building a search index: 中国科学院 also yields 中国, 科学, 学院, 科学院).
    case search
}
