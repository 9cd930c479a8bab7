/// Finds the next byte a JSON string value must escape (`JSONBytes.needsEscape`: below 0x20,
/// `"` or `\`), eight bytes at a time.
///
/// For a 64-bit word `x`, `(x - 0x20…20) & ~x & 0x80…80` is non-zero exactly when some byte of
/// `x` is below 0x20, and `(y - 0x01…01) & ~y & 0x80…80` with `y = x ^ 0x22…22` (or `0x5C…5C`)
/// exactly when some byte equals 0x22 (0x5C) — a borrow can only mark more bytes above a byte
/// that really matches, never make a word without one test non-zero. A word that tests
/// non-zero is checked byte by byte, so the answer is always that of the plain byte loop: the
/// first index `i >= from` with `needsEscape(u[i])`, or `u.count`.
enum JSONEscapeScan {
    static func first(_ u: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let n = u.count
        var i = start
        if let base = u.baseAddress {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let high: UInt64 = 0x8080_8080_8080_8080
            while i + 8 <= n {
                let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let control = (x &- ones &* 0x20) & ~x & high
                let q = x ^ (ones &* 0x22)
                let quote = (q &- ones) & ~q & high
                let b = x ^ (ones &* 0x5C)
                let backslash = (b &- ones) & ~b & high
                if control | quote | backslash != 0 {
                    for k in i..<(i + 8) where JSONBytes.needsEscape(u[k]) { return k }
                }
                i += 8
            }
        }
        while i < n {
            if JSONBytes.needsEscape(u[i]) { return i }
            i += 1
        }
        return n
    }
}
