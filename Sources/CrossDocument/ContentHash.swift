/// Exact-content identity: SHA-256 (FIPS 180-4), written here so the module has no dependency.
///
/// The corpus store keys articles by the hash of their clean body, so that ingesting the same
/// text twice is a no-op. Contiguous input (arrays, the UTF-8 of native strings) is read in
/// place, 64 bytes at a time; other collections are copied into an array once.
public enum ContentHash {
    /// The SHA-256 digest of `data` as 64 lower-case hexadecimal digits.
    public static func sha256Hex(_ data: some Collection<UInt8>) -> String {
        hex(sha256(data))
    }

    /// The SHA-256 digest of the UTF-8 bytes of `text`, as 64 lower-case hexadecimal digits.
    public static func sha256Hex(_ text: String) -> String {
        sha256Hex(text.utf8)
    }

    /// The 32-byte SHA-256 digest of `data`.
    public static func sha256(_ data: some Collection<UInt8>) -> [UInt8] {
        // Contiguous bytes (arrays, native strings' UTF-8) are read in place; others copied once.
        if let digest = data.withContiguousStorageIfAvailable({ sha256(buffer: $0) }) { return digest }
        let bytes = Array(data)
        return bytes.withUnsafeBufferPointer { sha256(buffer: $0) }
    }

    /// The digest of the bytes of `buffer`.
    static func sha256(buffer: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var state = SHA256State()
        let count = buffer.count
        var offset = 0
        while offset + 64 <= count {
            state.compress(UnsafeBufferPointer(rebasing: buffer[offset..<(offset + 64)]))
            offset += 64
        }
        // The tail, 0x80, zeros, then the bit length big-endian: one or two final blocks.
        var tail = [UInt8](repeating: 0, count: count - offset + 9 <= 64 ? 64 : 128)
        for k in offset..<count { tail[k - offset] = buffer[k] }
        tail[count - offset] = 0x80
        let bits = UInt64(count) &* 8
        for k in 0..<8 { tail[tail.count - 8 + k] = UInt8(truncatingIfNeeded: bits >> (56 - 8 * UInt64(k))) }
        tail.withUnsafeBufferPointer { t in
            state.compress(UnsafeBufferPointer(rebasing: t[0..<64]))
            if t.count == 128 { state.compress(UnsafeBufferPointer(rebasing: t[64..<128])) }
        }

        var digest: [UInt8] = []
        digest.reserveCapacity(32)
        for word in state.h {
            for shift in stride(from: 24, through: 0, by: -8) { digest.append(UInt8(truncatingIfNeeded: word >> UInt32(shift))) }
        }
        return digest
    }

    /// Lower-case hexadecimal of `bytes`.
    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// The eight working words of SHA-256 and the compression function.
struct SHA256State {
    var h: [UInt32] = [
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
    ]
    /// The message schedule, reused across blocks.
    private var w = [UInt32](repeating: 0, count: 64)

    static let k: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    @inline(__always)
    static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }

    /// Mixes one 64-byte block into the state.
    mutating func compress(_ block: UnsafeBufferPointer<UInt8>) {
        w.withUnsafeMutableBufferPointer { w in
            Self.k.withUnsafeBufferPointer { k in
                for t in 0..<16 {
                    let b = 4 * t
                    w[t] = UInt32(block[b]) << 24 | UInt32(block[b + 1]) << 16 | UInt32(block[b + 2]) << 8 | UInt32(block[b + 3])
                }
                for t in 16..<64 {
                    let s0 = Self.rotr(w[t - 15], 7) ^ Self.rotr(w[t - 15], 18) ^ (w[t - 15] >> 3)
                    let s1 = Self.rotr(w[t - 2], 17) ^ Self.rotr(w[t - 2], 19) ^ (w[t - 2] >> 10)
                    w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
                }
                var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7]
                for t in 0..<64 {
                    let s1 = Self.rotr(e, 6) ^ Self.rotr(e, 11) ^ Self.rotr(e, 25)
                    let ch = (e & f) ^ (~e & g)
                    let t1 = hh &+ s1 &+ ch &+ k[t] &+ w[t]
                    let s0 = Self.rotr(a, 2) ^ Self.rotr(a, 13) ^ Self.rotr(a, 22)
                    let maj = (a & b) ^ (a & c) ^ (b & c)
                    let t2 = s0 &+ maj
                    hh = g; g = f; f = e; e = d &+ t1
                    d = c; c = b; b = a; a = t1 &+ t2
                }
                h[0] &+= a; h[1] &+= b; h[2] &+= c; h[3] &+= d
                h[4] &+= e; h[5] &+= f; h[6] &+= g; h[7] &+= hh
            }
        }
    }
}
