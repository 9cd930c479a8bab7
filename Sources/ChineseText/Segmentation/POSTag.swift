/// Part-of-speech tags: jieba's (ICTCLAS-style) set plus Kechuang's token classes.
///
/// Tags are stored as one byte; `POSTag.name(_:)` gives the string. A tag string not in the
/// table reads as `x` (unknown).
public enum POSTag {
    /// Index 0 is the unknown tag `x`.
    public static let names: [String] = [
        "x",
        "a", "ad", "ag", "an", "b", "bg", "c", "d", "df", "dg", "e", "eng", "f", "g", "h", "i", "j", "k", "l",
        "m", "mg", "mq", "n", "ng", "nr", "nrfg", "nrt", "ns", "nt", "nz", "o", "p", "q", "qe", "qg", "r", "rg", "rr", "rz",
        "s", "t", "tg", "u", "ud", "ug", "uj", "ul", "uv", "uz", "v", "vd", "vg", "vi", "vn", "vq", "y", "yg", "z", "zg",
        // Kechuang's own classes.
        "w",    // punctuation
        "url",  // URL or e-mail address
    ]

    static let table: [String: UInt8] = {
        var t: [String: UInt8] = [:]
        for (i, n) in names.enumerated() { t[n] = UInt8(i) }
        return t
    }()

    /// The byte for a tag name (`x` when unknown).
    public static func index(of name: String) -> UInt8 { table[name] ?? 0 }

    /// Tag names packed into integers (up to 8 bytes), for parsing without strings.
    static let packedTable: [UInt64: UInt8] = {
        var t: [UInt64: UInt8] = [:]
        for (i, n) in names.enumerated() {
            var bytes = Array(n.utf8)
            t[bytes.withUnsafeMutableBufferPointer { pack(UnsafeBufferPointer($0)) }] = UInt8(i)
        }
        return t
    }()

    @inline(__always)
    static func pack(_ utf8: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard utf8.count <= 8 else { return 0 }
        var key: UInt64 = 0
        for b in utf8 { key = key << 8 | UInt64(b) }
        return key
    }

    static func index(utf8: UnsafeBufferPointer<UInt8>) -> UInt8 {
        packedTable[pack(utf8)] ?? 0
    }

    /// The tag name for a byte.
    public static func name(_ index: UInt8) -> String {
        Int(index) < names.count ? names[Int(index)] : "x"
    }

    static let x: UInt8 = 0
    static let m = index(of: "m")
    static let t = index(of: "t")
    static let eng = index(of: "eng")
    static let w = index(of: "w")
    static let url = index(of: "url")
    static let nr = index(of: "nr")
}
