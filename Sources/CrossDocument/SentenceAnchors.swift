/// Blocking keys for near-duplicates that SimHash bands miss: a bottom-k sketch of the
/// article's sentences. Two reprints share most sentences, so they very likely share one of
/// each other's k smallest sentence hashes, however many bits their fingerprints differ by;
/// two articles sharing no sentence never become candidates.
public enum SentenceAnchors {
    /// Anchors per article.
    public static let count = 3
    /// Sentences shorter than this (in letters) are ignored: datelines, headings, "记者 …".
    public static let minimumLetters = 12
    /// Tag bit that keeps anchors apart from SimHash band values in one index.
    static let tag: Int64 = 1 << 62

    /// The `count` smallest sentence hashes of `text`, tagged, ascending.
    public static func anchors(_ text: String) -> [Int64] {
        var hashes: [UInt64] = []
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var letters = 0
        func close() {
            if letters >= minimumLetters { hashes.append(mix(h)) }
            h = 0xcbf2_9ce4_8422_2325
            letters = 0
        }
        for s in text.unicodeScalars {
            let v = s.value
            switch v {
            case 0x3002, 0xFF01, 0xFF1F, 0x21, 0x3F, 0x0A, 0xFF1B, 0x3B:     // 。！？!?\n；;
                close()
            default:
                // Letters and digits only: punctuation and spaces do not change a sentence.
                let isLetter = (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x30 && v <= 0x39)
                    || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || (v >= 0xFF10 && v <= 0xFF19)
                guard isLetter else { continue }
                let folded = v >= 0xFF10 && v <= 0xFF19 ? v - 0xFF10 + 0x30 : v
                h = (h ^ UInt64(folded)) &* 0x0000_0100_0000_01B3
                letters += 1
            }
        }
        close()
        let smallest = Array(Set(hashes)).sorted().prefix(count)
        return smallest.map { Int64(bitPattern: $0 >> 2) | tag }
    }

    /// A 64-bit finalizer (MurmurHash3 fmix64).
    public static func mix(_ x0: UInt64) -> UInt64 {
        var x = x0
        x ^= x >> 33
        x = x &* 0xff51_afd7_ed55_8ccd
        x ^= x >> 33
        x = x &* 0xc4ce_b9fe_1a85_ec53
        x ^= x >> 33
        return x
    }
}
