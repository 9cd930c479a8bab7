/// `JSONBytes` ending in a `String`: the same JSON text, byte for byte, without decoding the
/// whole text again.
///
/// `jsonLine()` used to build bytes and then make the `String` with `String(decoding:as:)`,
/// which validates every byte (about a third of the writer's cost on Chinese text). Here the
/// structure, numbers and short strings still go through `JSONBytes` (`pending`), whose bytes
/// are decoded when a long string value comes — mostly ASCII, cheap to validate — while a long
/// string value (body, evidence, summary) is appended to `text` as the `String` it already is,
/// whole when it needs no escape, else as the slices between its escapes (whose escape
/// sequences go to `pending`). Appending a `String` or a `Substring` copies its UTF-8 bytes
/// (no normalization), and `pending` holds exactly what `JSONBytes` would have written, so
/// `text` ends with exactly the bytes of `JSONBytes`.
///
/// Slices: escaped bytes are ASCII (below 0x20, `"`, `\`), so every slice boundary is a scalar
/// boundary, which is all `String`'s range subscript needs (it does not round to `Character`
/// boundaries: a slice may end inside `\r\n` and keep its `\r`).
struct JSONText: JSONSink {
    private(set) var text: String = ""
    private var pending: JSONBytes

    /// String values at least this long (in UTF-8 bytes) are appended as strings.
    static let longString = 64

    init(capacity: Int = 0) {
        text.reserveCapacity(capacity)
        pending = JSONBytes(capacity: 1024)
    }

    /// The whole text.
    mutating func finish() -> String {
        flush()
        return text
    }

    private mutating func flush() {
        guard !pending.bytes.isEmpty else { return }
        text.append(String(decoding: pending.bytes, as: UTF8.self))
        pending.bytes.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    mutating func byte(_ b: UInt8) { pending.byte(b) }

    @inline(__always)
    mutating func key(_ o: JSONKeyOrder, _ k: Int) { pending.key(o, k) }

    mutating func string(_ s: String) {
        guard s.utf8.count >= Self.longString else { pending.string(s); return }
        let done: Void? = s.utf8.withContiguousStorageIfAvailable { appendLong(s, $0) }
        if done == nil { pending.string(s) }
    }

    /// `pending.string(s)` for a long `s` whose UTF-8 bytes are `u`.
    private mutating func appendLong(_ s: String, _ u: UnsafeBufferPointer<UInt8>) {
        let n = u.count
        pending.byte(0x22)
        var i = JSONEscapeScan.first(u, from: 0)
        if i == n {
            flush()
            text.append(s)
        } else {
            let utf8 = s.utf8
            var mark = 0
            while i < n {
                if i > mark {
                    flush()
                    let a = utf8.index(utf8.startIndex, offsetBy: mark)
                    let b = utf8.index(utf8.startIndex, offsetBy: i)
                    text.append(contentsOf: s[a..<b])
                }
                pending.escape(u[i])
                mark = i + 1
                i = JSONEscapeScan.first(u, from: mark)
            }
            if n > mark {
                flush()
                let a = utf8.index(utf8.startIndex, offsetBy: mark)
                text.append(contentsOf: s[a..<s.endIndex])
            }
        }
        pending.byte(0x22)
    }

    mutating func int(_ v: Int) { pending.int(v) }
    mutating func double(_ v: Double) { pending.double(v) }
    mutating func bool(_ v: Bool) { pending.bool(v) }

    mutating func strings(_ a: [String]) {
        pending.byte(0x5B)
        var first = true
        for s in a {
            if first { first = false } else { pending.byte(0x2C) }
            string(s)
        }
        pending.byte(0x5D)
    }
}
