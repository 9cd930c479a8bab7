/// `Array(text.unicodeScalars)` in one pass over the text's UTF-8 bytes.
///
/// A `String`'s UTF-8 is valid, and decoding valid UTF-8 gives exactly the scalars of
/// `text.unicodeScalars`, in order. (`Array(text.unicodeScalars)` first counts the scalars in a
/// pass of its own, then copies them generically; this loop writes each scalar once into a
/// buffer of the byte count.) Every read stays inside the byte buffer; should the bytes not be
/// contiguous or not decode (they always do), the scalars come from `text.unicodeScalars`.
public enum ScalarArray {
    public static func of(_ text: String) -> [Unicode.Scalar] {
        let decoded = text.utf8.withContiguousStorageIfAvailable { decode($0) } ?? nil
        return decoded ?? Array(text.unicodeScalars)
    }

    /// The scalars of valid UTF-8; nil for bytes that do not decode.
    public static func decode(_ b: UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar]? {
        let n = b.count
        var valid = true
        let out = [Unicode.Scalar](unsafeUninitializedCapacity: n) { buffer, initialized in
            var i = 0, c = 0
            while i < n {
                let b0 = UInt32(b[i])
                var v: UInt32
                if b0 < 0x80 {
                    v = b0
                    i += 1
                } else if b0 & 0xF0 == 0xE0 {
                    guard i + 3 <= n else { valid = false; break }
                    v = (b0 & 0x0F) << 12 | (UInt32(b[i + 1]) & 0x3F) << 6 | (UInt32(b[i + 2]) & 0x3F)
                    i += 3
                } else if b0 & 0xE0 == 0xC0 {
                    guard i + 2 <= n else { valid = false; break }
                    v = (b0 & 0x1F) << 6 | (UInt32(b[i + 1]) & 0x3F)
                    i += 2
                } else if b0 & 0xF8 == 0xF0 {
                    guard i + 4 <= n else { valid = false; break }
                    v = (b0 & 0x07) << 18 | (UInt32(b[i + 1]) & 0x3F) << 12 | (UInt32(b[i + 2]) & 0x3F) << 6 | (UInt32(b[i + 3]) & 0x3F)
                    i += 4
                } else {
                    valid = false
                    break
                }
                guard let s = Unicode.Scalar(v) else { valid = false; break }
                buffer.initializeElement(at: c, to: s)
                c += 1
            }
            initialized = c
        }
        return valid ? out : nil
    }
}
