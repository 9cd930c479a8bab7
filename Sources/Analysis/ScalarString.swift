/// Strings made from a span of an array of scalars.
///
/// `String(String.UnicodeScalarView(scalars[a..<b]))` appends scalar by scalar, each append
/// going through the string's mutation path; encoding the span into the new string's UTF-8
/// storage in one pass gives the same string (same scalars, same order) much faster.
enum ScalarString {
    static func make(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
        guard start < end else { return "" }
        var bytes = 0
        for i in start..<end { bytes += UTF8.width(scalars[i]) }
        return String(unsafeUninitializedCapacity: bytes) { buffer in
            var o = 0
            for i in start..<end {
                let v = scalars[i].value
                switch v {
                case 0..<0x80:
                    buffer[o] = UInt8(v); o += 1
                case 0x80..<0x800:
                    buffer[o] = UInt8(0xC0 | (v >> 6)); buffer[o + 1] = UInt8(0x80 | (v & 0x3F)); o += 2
                case 0x800..<0x10000:
                    buffer[o] = UInt8(0xE0 | (v >> 12)); buffer[o + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
                    buffer[o + 2] = UInt8(0x80 | (v & 0x3F)); o += 3
                default:
                    buffer[o] = UInt8(0xF0 | (v >> 18)); buffer[o + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
                    buffer[o + 2] = UInt8(0x80 | ((v >> 6) & 0x3F)); buffer[o + 3] = UInt8(0x80 | (v & 0x3F)); o += 4
                }
            }
            return o
        }
    }

}
