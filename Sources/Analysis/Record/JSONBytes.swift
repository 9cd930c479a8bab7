/// A JSON text built as UTF-8 bytes, formatted exactly as Foundation's `JSONEncoder` formats
/// values with `outputFormatting = [.withoutEscapingSlashes]` (no spaces, no pretty printing).
///
/// - Strings: `"` and `\` are backslash-escaped; U+0008, U+000C, U+000A, U+000D and U+0009 are
///   written `\b \f \n \r \t`; other scalars below U+0020 as `\u00xx` with lowercase hex.
///   Everything else — `/`, DEL, U+2028/U+2029, any non-ASCII scalar — is copied as UTF-8.
/// - Integers: their decimal `description`.
/// - Doubles: `description` without a trailing `.0` (`1e+16`, `0.1`, `296`); callers must not
///   pass a NaN or an infinity (JSONEncoder throws for those; see `isEncodable`).
struct JSONBytes {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    @inline(__always)
    mutating func byte(_ b: UInt8) { bytes.append(b) }

    @inline(__always)
    mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    @inline(__always)
    mutating func raw(_ b: [UInt8]) { bytes.append(contentsOf: b) }

    /// The bytes that replace `b` inside a string literal, or nil when `b` is copied as is.
    /// Only bytes below 0x20, `"` and `\` are escaped, so multi-byte UTF-8 sequences (all bytes
    /// ≥ 0x80) are always copied whole.
    @inline(__always)
    static func needsEscape(_ b: UInt8) -> Bool { b < 0x20 || b == 0x22 || b == 0x5C }

    mutating func string(_ s: String) {
        bytes.append(0x22)
        if let done: Void = s.utf8.withContiguousStorageIfAvailable({ appendEscaped($0) }) {
            _ = done
        } else {
            var copy = s
            copy.withUTF8 { appendEscaped($0) }
        }
        bytes.append(0x22)
    }

    /// `u` with the bytes of `needsEscape` escaped; `JSONEscapeScan` finds them a word at a
    /// time (the same indices as a byte loop).
    private mutating func appendEscaped(_ u: UnsafeBufferPointer<UInt8>) {
        let n = u.count
        var mark = 0
        var i = JSONEscapeScan.first(u, from: 0)
        while i < n {
            if i > mark { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[mark..<i])) }
            escape(u[i])
            mark = i + 1
            i = JSONEscapeScan.first(u, from: mark)
        }
        if n > mark { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[mark..<n])) }
    }

    /// The escape sequence of a byte `b` for which `needsEscape(b)`.
    mutating func escape(_ b: UInt8) {
        bytes.append(0x5C)
        switch b {
        case 0x22: bytes.append(0x22)
        case 0x5C: bytes.append(0x5C)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            bytes.append(UInt8(ascii: "u"))
            bytes.append(UInt8(ascii: "0"))
            bytes.append(UInt8(ascii: "0"))
            bytes.append(Self.hex(b >> 4))
            bytes.append(Self.hex(b & 0xF))
        }
    }

    @inline(__always)
    private static func hex(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : 0x61 + v - 10 }

    mutating func int(_ v: Int) {
        if v < 0 {
            // Int.min has no positive counterpart; negative offsets do not occur in records.
            bytes.append(contentsOf: String(v).utf8)
            return
        }
        if v < 10 { bytes.append(0x30 + UInt8(v)); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        var x = v
        withUnsafeMutableBytes(of: &digits) { d in
            while x > 0 {
                d[19 - n] = 0x30 + UInt8(x % 10)
                x /= 10
                n += 1
            }
            bytes.append(contentsOf: d[(20 - n)...])
        }
    }

    /// False for the values JSONEncoder refuses (NaN, ±infinity).
    static func isEncodable(_ v: Double) -> Bool { v.isFinite }

    mutating func double(_ v: Double) {
        var s = v.description
        if s.hasSuffix(".0") { s.removeLast(2) }
        bytes.append(contentsOf: s.utf8)
    }

    mutating func bool(_ v: Bool) {
        if v { raw("true") } else { raw("false") }
    }

    /// An array of strings: `["a","b"]`, `[]` when empty.
    mutating func strings(_ a: [String]) {
        bytes.append(0x5B)
        for (k, s) in a.enumerated() {
            if k > 0 { bytes.append(0x2C) }
            string(s)
        }
        bytes.append(0x5D)
    }
}
