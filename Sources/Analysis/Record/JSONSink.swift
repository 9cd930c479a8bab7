/// What `RecordJSONWriter` writes into: `JSONBytes` (UTF-8 bytes, the reference) or `JSONText`
/// (a `String` built directly, so `jsonLine()` needs no UTF-8 validation pass). Both format
/// every value as `JSONEncoder` with `[.withoutEscapingSlashes]` does, so the same calls give the
/// same bytes; `RecordJSONTests` compares them.
protocol JSONSink {
    /// One ASCII byte of structure (`{ } [ ] ,`).
    mutating func byte(_ b: UInt8)
    /// `"key":` of key `k` of `o`.
    mutating func key(_ o: JSONKeyOrder, _ k: Int)
    mutating func string(_ s: String)
    mutating func strings(_ a: [String])
    mutating func int(_ v: Int)
    mutating func double(_ v: Double)
    mutating func bool(_ v: Bool)
}

extension JSONBytes: JSONSink {
    @inline(__always)
    mutating func key(_ o: JSONKeyOrder, _ k: Int) { raw(o.quotedKeys[k]) }
}
