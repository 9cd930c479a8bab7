/// Decoding scalars of valid UTF-8 (a `String`'s bytes) in place, forwards and backwards,
/// without bounds or validity checks beyond what valid UTF-8 needs.
public enum UTF8Scan {
    /// Decodes the scalar at `i` of valid UTF-8 and moves `i` past it.
    @inlinable @inline(__always)
    public static func decode(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> UInt32 {
        let b0 = UInt32(p[i])
        if b0 < 0x80 { i += 1; return b0 }
        if b0 < 0xE0 {
            let v = (b0 & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F)
            i += 2
            return v
        }
        if b0 < 0xF0 {
            let v = (b0 & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F)
            i += 3
            return v
        }
        let v = (b0 & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6 | UInt32(p[i + 3] & 0x3F)
        i += 4
        return v
    }

    /// Decodes the scalar ending at `end` (exclusive) of valid UTF-8 and moves `end` to its start.
    @inlinable @inline(__always)
    public static func decodeBack(_ p: UnsafeBufferPointer<UInt8>, _ end: inout Int) -> UInt32 {
        var k = end - 1
        while p[k] & 0xC0 == 0x80 { k -= 1 }
        var j = k
        let v = decode(p, &j)
        end = k
        return v
    }
}
