/// Fast classifiers on Unicode scalar values (`UInt32`), shared by the normalizer and the segmenter.
///
/// All functions are `@inlinable` range checks without tables, so they can be used
/// in hot loops over `unicodeScalars` (`scalar.value`).
public enum CharClass {
    /// Han ideographs: CJK Unified Ideographs (U+4E00–U+9FFF), Extension A (U+3400–U+4DBF),
    /// the compatibility ideographs (U+F900–U+FAFF), all of planes 2 and 3
    /// (Extensions B–I and the compatibility supplement; both planes are reserved for ideographs),
    /// and U+3007 〇 (ideographic number zero).
    ///
    /// Not included: radicals (U+2E80–U+2FDF), U+3005 々, kana, CJK punctuation.
    @inlinable
    public static func isCJK(_ v: UInt32) -> Bool {
        if v < 0x3007 { return false }
        if v <= 0x9FFF { return v >= 0x4E00 || (v >= 0x3400 && v <= 0x4DBF) || v == 0x3007 }
        if v < 0xF900 { return false }
        if v <= 0xFAFF { return true }
        return v >= 0x20000 && v <= 0x3FFFF
    }

    /// Japanese kana and Bopomofo (U+3040–U+31FF) — not ideographs, but East Asian script context.
    @inlinable
    public static func isKanaOrBopomofo(_ v: UInt32) -> Bool {
        v >= 0x3040 && v <= 0x31FF
    }

    /// ASCII letters, full-width letters (Ａ–Ｚ, ａ–ｚ), and the letters of Latin-1 Supplement
    /// and Latin Extended-A/B (À–ɏ, without × and ÷).
    @inlinable
    public static func isLatinLetter(_ v: UInt32) -> Bool {
        if v < 0x80 { return (v | 0x20) &- 0x61 < 26 }
        if v < 0xC0 { return false }
        if v <= 0x24F { return v != 0xD7 && v != 0xF7 }
        if v >= 0xFF21 && v <= 0xFF5A { return v <= 0xFF3A || v >= 0xFF41 }
        return false
    }

    /// ASCII letters only.
    @inlinable
    public static func isASCIILetter(_ v: UInt32) -> Bool {
        (v | 0x20) &- 0x61 < 26
    }

    /// ASCII digits 0–9 and full-width digits ０–９.
    @inlinable
    public static func isDigit(_ v: UInt32) -> Bool {
        v &- 0x30 < 10 || v &- 0xFF10 < 10
    }

    /// ASCII digits 0–9 only.
    @inlinable
    public static func isASCIIDigit(_ v: UInt32) -> Bool {
        v &- 0x30 < 10
    }

    /// Punctuation used in Chinese text:
    /// - CJK Symbols and Punctuation: 、。〃 〈〉《》「」『』【】〒〓〔〕〖〗〘〙〚〛〜〝〞〟 〰 〽
    ///   (not U+3000 ideographic space, not 々〆〇, not the Hangzhou numerals);
    /// - full-width ！＂＇（），．：；？［］｛｝～｟｠ and half-width ｡｢｣､;
    /// - vertical and small forms (U+FE10–U+FE19, U+FE30–U+FE4F, U+FE50–U+FE6B);
    /// - general punctuation common in Chinese: — ― ‖ ‘ ’ “ ” ‥ … ‧ ·, ⸺ ⸻.
    @inlinable
    public static func isCJKPunctuation(_ v: UInt32) -> Bool {
        if v < 0x00B7 { return false }
        if v < 0x3001 {
            switch v {
            case 0x00B7, 0x2014, 0x2015, 0x2016, 0x2018, 0x2019, 0x201C, 0x201D,
                 0x2025, 0x2026, 0x2027, 0x2E3A, 0x2E3B:
                return true
            default:
                return false
            }
        }
        if v <= 0x303F {
            switch v {
            case 0x3001...0x3003, 0x3008...0x3011, 0x3014...0x301F, 0x3030, 0x303D:
                return true
            default:
                return false
            }
        }
        if v < 0xFE10 { return false }
        if v <= 0xFE6B { return v <= 0xFE19 || v >= 0xFE30 }
        if v < 0xFF01 || v > 0xFF64 { return false }
        switch v {
        case 0xFF01, 0xFF02, 0xFF07, 0xFF08, 0xFF09, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF1F,
             0xFF3B, 0xFF3D, 0xFF5B, 0xFF5D, 0xFF5E, 0xFF5F, 0xFF60, 0xFF61, 0xFF62, 0xFF63, 0xFF64:
            return true
        default:
            return false
        }
    }

    /// Full-width sentence-final punctuation: 。！？ and the half-width ｡ and small ﹒﹖﹗ forms
    /// (not ASCII . ! ?, not …).
    @inlinable
    public static func isSentenceEnd(_ v: UInt32) -> Bool {
        switch v {
        case 0x3002, 0xFF01, 0xFF1F, 0xFF61, 0xFE52, 0xFE56, 0xFE57:
            return true
        default:
            return false
        }
    }

    /// White space: ASCII space, tab, LF, VT, FF, CR, U+0085, no-break spaces (U+00A0, U+2007, U+202F),
    /// U+1680, the typographic spaces U+2000–U+200A, U+2028, U+2029, U+205F, and U+3000 ideographic space.
    /// Zero-width characters (U+200B etc.) are not white space.
    @inlinable
    public static func isWhitespace(_ v: UInt32) -> Bool {
        if v <= 0x20 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        if v < 0x85 { return false }
        if v < 0x1680 { return v == 0x85 || v == 0xA0 }
        switch v {
        case 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// Horizontal spaces only (white space without the line breaks LF, VT, FF, CR, U+0085, U+2028, U+2029).
    @inlinable
    public static func isHorizontalSpace(_ v: UInt32) -> Bool {
        if v <= 0x20 { return v == 0x20 || v == 0x09 }
        if v < 0xA0 { return false }
        if v == 0xA0 { return true }
        switch v {
        case 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// Invisible format characters removed by normalization: U+200B zero width space, U+200C ZWNJ,
    /// U+200D ZWJ, U+2060 word joiner, U+FEFF (BOM / zero width no-break space), U+00AD soft hyphen.
    @inlinable
    public static func isZeroWidth(_ v: UInt32) -> Bool {
        switch v {
        case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD:
            return true
        default:
            return false
        }
    }
}
