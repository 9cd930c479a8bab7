/// Scalars that Unicode normalization leaves alone wherever they stand.
///
/// Swift compares and hashes `String`s by canonical equivalence (their NFC forms), so a
/// `Set<String>` lookup may match a word spelled with other scalars (a CJK compatibility
/// ideograph such as U+F900 equals U+8C48; `e` + U+0301 equals `é`). A scalar-keyed lookup
/// (`ScalarTable`) is exact only when both spellings are already in NFC and nothing in them can
/// compose or reorder: then canonical equivalence is plain scalar equality.
///
/// The ranges below are a conservative subset of the scalars with NFC_Quick_Check = Yes and
/// canonical combining class 0 (so they never change, never reorder and never combine with a
/// neighbour). A word made only of such scalars, compared with keys made only of such scalars,
/// gives the same answer by scalars as by `String`. Anything else takes the `String` path.
///
/// None of these scalars is a grapheme extender, a prepended or spacing mark, a joiner or a
/// regional indicator either, so in a safe string every scalar is its own `Character` except a
/// CR LF pair: `hasPrefix`/`hasSuffix` with a CJK literal is a scalar comparison.
enum NFCSafety {
    @inline(__always) static func isSafe(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x300 { return true }                              // ASCII, Latin-1, Latin Extended-A/B
        if v >= 0x4E00 && v <= 0x9FFF { return true }             // CJK Unified Ideographs
        if v >= 0x3400 && v <= 0x4DBF { return true }             // Extension A
        if v >= 0x3000 && v <= 0x3029 { return true }             // CJK punctuation (not the tone marks 302A–302F)
        if v >= 0x3030 && v <= 0x303F { return true }
        if v >= 0xFF01 && v <= 0xFF9D { return true }             // full- and half-width forms (compatibility only),
        if v >= 0xFFA0 && v <= 0xFFEF { return true }             // not the sound marks FF9E–FF9F (grapheme extenders)
        if v >= 0x2010 && v <= 0x2027 { return true }             // dashes, quotes, bullets, ellipsis
        if v >= 0x2030 && v <= 0x205E { return true }             // per mille, primes, …
        if v >= 0x20000 && v <= 0x2F7FF { return true }           // Extensions B–F (not the compatibility supplement)
        return false
    }

    /// Whether every scalar of `s` is safe.
    static func isSafe(_ s: String) -> Bool { s.unicodeScalars.allSatisfy { isSafe($0) } }
}
