/// `String`s made from runs of scalars without the generic
/// `String.UnicodeScalarView.append(contentsOf:)` path (thousands of instructions per call).
///
/// `make` writes the scalars' UTF-8 encoding straight into the new string's storage: a valid
/// scalar's UTF-8 encoding decodes back to that scalar, so the `String` holds exactly the given
/// scalars, as one built with `String.UnicodeScalarView` does (the same value, the same
/// scalars, the same bytes).
public enum ScalarString {
    public static func make(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var capacity = 0
        for s in scalars { capacity += UTF8.width(s) }
        return String(unsafeUninitializedCapacity: capacity) { bytes in
            var i = 0
            for s in scalars {
                let v = s.value
                if v < 0x80 {
                    bytes[i] = UInt8(v); i += 1
                } else if v < 0x800 {
                    bytes[i] = UInt8(0xC0 | (v >> 6))
                    bytes[i + 1] = UInt8(0x80 | (v & 0x3F)); i += 2
                } else if v < 0x10000 {
                    bytes[i] = UInt8(0xE0 | (v >> 12))
                    bytes[i + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
                    bytes[i + 2] = UInt8(0x80 | (v & 0x3F)); i += 3
                } else {
                    bytes[i] = UInt8(0xF0 | (v >> 18))
                    bytes[i + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
                    bytes[i + 2] = UInt8(0x80 | ((v >> 6) & 0x3F))
                    bytes[i + 3] = UInt8(0x80 | (v & 0x3F)); i += 4
                }
            }
            return i
        }
    }

    /// `make(scalars[start..<end])`.
    @inline(__always)
    public static func make(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
        start < end ? make(scalars[start..<end]) : ""
    }
}
