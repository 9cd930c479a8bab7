import ChineseText

/// Near-duplicate detection: 64-bit SimHash (Charikar) over character 3-gram shingles, with
/// banding for candidate lookup and shingle-set resemblance to confirm a candidate.
///
/// The text is reduced to its letters: Han ideographs, digits and Latin letters (full-width
/// forms folded to ASCII, Latin lower-cased); whitespace, punctuation and everything else are
/// dropped, so that layout, quote styles and half/full-width punctuation do not matter. Every
/// run of three consecutive letters is a shingle, hashed with FNV-1a (64-bit) and the SplitMix64
/// finalizer so that all 64 bits are well mixed. Each distinct shingle votes once.
///
/// Measurements on the sample bodies (see `SimHashTests`): every pair of different sample
/// articles is 24–38 bits apart (Jaccard ≤ 0.16, containment ≤ 0.34 — the most similar pair is
/// 000 and 004, which share the paragraph on recruited universities but are different
/// articles); 91 simulated reprints (new headline line, a few changed characters, one paragraph
/// dropped) are 1–16 bits apart: 81 % within 8, 95 % within 12, Jaccard ≥ 0.56. SimHash
/// distance grows like 64·θ/π with the angle θ between the shingle sets, so dropping a tenth of
/// a text typically costs 5–9 bits; two unrelated texts differ in each bit with p ≈ 0.4–0.5.
public enum SimHash {
    /// Two fingerprints at most this many bits apart are near-duplicates. 8 keeps about 80 % of
    /// light reprints (a dropped paragraph) while unrelated texts land there with probability
    /// below 1.4e-6 per compared pair (p = 0.4 per bit; 2.8e-10 at p = 0.5). The four 16-bit
    /// bands find every pair within 3 bits (pigeonhole) but only about a third of the pairs 8
    /// bits apart; a store that wants them all can scan the fingerprints (XOR and popcount over
    /// 100,000 values takes well under a millisecond).
    public static let duplicateThreshold: Int = 8

    /// Number of bands of `bands(_:)`.
    public static let bandCount = 4

    /// A candidate pair whose shingle-set Jaccard resemblance is at least this is the same text
    /// edited: simulated reprints score ≥ 0.56, different sample articles ≤ 0.16.
    public static let linkResemblance: Double = 0.5

    /// A candidate pair in which at least this share of the shorter text's shingles occur in the
    /// longer one is an excerpt or a partial reprint (the 000/004 pair, which only shares a few
    /// paragraphs, is at 0.34).
    public static let linkContainment: Double = 0.7

    /// A fingerprint match is confirmed when the resemblance is at least this: real reprints
    /// within the threshold are far above it, chance fingerprint collisions (unrelated texts)
    /// far below (≈ 0.03).
    public static let confirmResemblance: Double = 0.2

    /// The texts need at least this many shingles for near-duplicate decisions: very short
    /// texts (a headline, a caption) collide too easily.
    public static let minimumShingles = 16

    // MARK: Fingerprints

    /// The 64-bit SimHash of `text` (0 for a text with fewer than three letters).
    public static func fingerprint(_ text: String) -> UInt64 {
        fingerprint(shingles: shingles(text))
    }

    /// The SimHash of a set of shingle hashes: bit `k` is set when more shingles have bit `k`
    /// set than not.
    public static func fingerprint(shingles: Set<UInt64>) -> UInt64 {
        if shingles.isEmpty { return 0 }
        var votes = [Int](repeating: 0, count: 64)
        for h in shingles {
            var x = h
            for k in 0..<64 {
                votes[k] += (x & 1) == 1 ? 1 : -1
                x >>= 1
            }
        }
        var result: UInt64 = 0
        for k in 0..<64 where votes[k] > 0 { result |= 1 << UInt64(k) }
        return result
    }

    /// Number of differing bits.
    public static func distance(_ a: UInt64, _ b: UInt64) -> Int {
        (a ^ b).nonzeroBitCount
    }

    /// The four 16-bit bands of `h`, each tagged with its band index in bits 16–17
    /// (`index << 16 | bits`), so that all bands can be stored in one indexed integer column
    /// and a lookup `band IN (…)` never matches band 0 of one article against band 1 of another.
    public static func bands(_ h: UInt64) -> [Int64] {
        (0..<bandCount).map { i in
            let bits = (h >> UInt64(16 * i)) & 0xFFFF
            return Int64(i) << 16 | Int64(bits)
        }
    }

    /// True when `a` and `b` are near-duplicates by fingerprint alone.
    public static func isNearDuplicate(_ a: UInt64, _ b: UInt64) -> Bool {
        distance(a, b) <= duplicateThreshold
    }

    // MARK: Shingles

    /// The distinct 3-letter shingles of `text`, hashed.
    public static func shingles(_ text: String) -> Set<UInt64> {
        let letters = self.letters(text)
        guard letters.count >= 3 else { return [] }
        var result = Set<UInt64>(minimumCapacity: letters.count)
        for i in 0...(letters.count - 3) {
            result.insert(hash(letters[i], letters[i + 1], letters[i + 2]))
        }
        return result
    }

    /// The Jaccard resemblance |A∩B| / |A∪B| of the shingle sets of `a` and `b`
    /// (1 for two texts without shingles).
    public static func resemblance(_ a: String, _ b: String) -> Double {
        resemblance(shingles(a), shingles(b))
    }

    /// The Jaccard resemblance of two shingle sets.
    public static func resemblance(_ a: Set<UInt64>, _ b: Set<UInt64>) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        let (small, large) = a.count <= b.count ? (a, b) : (b, a)
        var common = 0
        for h in small where large.contains(h) { common += 1 }
        let union = a.count + b.count - common
        return union == 0 ? 0 : Double(common) / Double(union)
    }

    /// The share of the smaller shingle set contained in the larger: 1 when one text is an
    /// excerpt of the other (0 when either is empty).
    public static func containment(_ a: String, _ b: String) -> Double {
        containment(shingles(a), shingles(b))
    }

    /// The share of the smaller shingle set contained in the larger.
    public static func containment(_ a: Set<UInt64>, _ b: Set<UInt64>) -> Double {
        if a.isEmpty || b.isEmpty { return 0 }
        let (small, large) = a.count <= b.count ? (a, b) : (b, a)
        var common = 0
        for h in small where large.contains(h) { common += 1 }
        return Double(common) / Double(small.count)
    }

    /// The recommended rule for linking two texts as the same content: fingerprints within the
    /// threshold and confirmed by a resemblance of at least `confirmResemblance`, or a
    /// resemblance of at least `linkResemblance`, or a containment of at least `linkContainment`.
    /// False when the shorter text has fewer than `minimumShingles` shingles.
    public static func sameContent(_ a: String, _ b: String) -> Bool {
        sameContent(shingles(a), shingles(b))
    }

    /// `sameContent` on shingle sets (compute a text's set once when comparing it to several).
    public static func sameContent(_ sa: Set<UInt64>, _ sb: Set<UInt64>) -> Bool {
        guard min(sa.count, sb.count) >= minimumShingles else { return false }
        let j = resemblance(sa, sb)
        if distance(fingerprint(shingles: sa), fingerprint(shingles: sb)) <= duplicateThreshold && j >= confirmResemblance {
            return true
        }
        return j >= linkResemblance || containment(sa, sb) >= linkContainment
    }

    // MARK: Letters and hashing

    /// The letters of `text` as scalar values: Han, digits (full-width folded), Latin letters
    /// (full-width folded, lower-cased).
    static func letters(_ text: String) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(text.unicodeScalars.count)
        for s in text.unicodeScalars {
            var v = s.value
            // Full-width ASCII forms → ASCII.
            if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 }
            if CharClass.isCJK(v) {
                out.append(v)
            } else if CharClass.isASCIIDigit(v) {
                out.append(v)
            } else if CharClass.isASCIILetter(v) {
                out.append(v | 0x20)
            } else if CharClass.isLatinLetter(v) {
                out.append(v)
            }
        }
        return out
    }

    /// FNV-1a over the 12 bytes of three scalar values, then the SplitMix64 finalizer.
    @inline(__always)
    static func hash(_ a: UInt32, _ b: UInt32, _ c: UInt32) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        @inline(__always) func feed(_ v: UInt32) {
            var x = v
            for _ in 0..<4 {
                h ^= UInt64(x & 0xFF)
                h = h &* 0x0000_0100_0000_01B3
                x >>= 8
            }
        }
        feed(a)
        feed(b)
        feed(c)
        return mix(h)
    }

    /// SplitMix64's finalizer: a bijective avalanche mixer.
    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
