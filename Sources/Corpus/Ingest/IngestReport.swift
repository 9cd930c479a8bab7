/// What an ingest run did.
public struct IngestReport: Sendable, Equatable {
    /// Input files found.
    public var files = 0
    /// Files whose content was already stored under the same path (nothing to do).
    public var unchanged = 0
    /// Files whose content was already stored under another path (linked, not analysed again).
    public var sameContent = 0
    /// Files stored before with other content (the old version was replaced).
    public var updated = 0
    /// Files new to the corpus.
    public var added = 0
    /// Articles analysed and stored.
    public var articles = 0
    /// Errors, each naming its file; they did not stop the batch.
    public var errors: [String] = []
    /// Warnings from reading (encoding repairs, skipped JSON lines, …).
    public var warnings: [String] = []
    /// Wall-clock seconds spent reading and analysing (in parallel) and writing.
    public var analysisSeconds = 0.0
    public var writeSeconds = 0.0
    /// Seconds of the cross-document step (part of writing).
    public var linkSeconds = 0.0

    public init() {}
}

/// Progress of an ingest run, reported after each file.
public struct IngestProgress: Sendable {
    public var done: Int
    public var total: Int
    public var path: String
}
