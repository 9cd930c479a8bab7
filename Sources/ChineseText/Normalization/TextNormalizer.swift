/// Text normalization for Chinese news text, with a map back to the original.
///
/// # Rules (each belongs to one option; `.standard` enables all)
///
/// `.lineEndings`
/// - CR LF and lone CR become LF; VT, FF, U+0085 NEL, U+2028 and U+2029 also become LF.
///
/// `.zeroWidth`
/// - Removed: U+200B zero width space, U+200C ZWNJ, U+200D ZWJ, U+2060 word joiner,
///   U+FEFF (BOM / zero width no-break space), U+00AD soft hyphen.
///
/// `.controlCharacters`
/// - Removed: C0 controls other than TAB, LF, VT, FF, CR; DEL; C1 controls other than U+0085.
///
/// `.fullWidthToHalfWidth`
/// - Full-width letters, digits and symbols become ASCII: ５Ｇ → 5G, ＡＩ → AI, １２．５％ → 12.5%,
///   ＃＄％＆＊＋－／＜＝＞＠［＼］＾＿｀｛｜｝＂＇ → ASCII; ～ (U+FF5E) → ~ (ranges like 3～5 become 3~5).
/// - Full-width Chinese punctuation stays: ！（），：；？ — except ，：；right after a digit and
///   before a digit (spaces skipped), which become ASCII (１，０００ → 1,000; １０：３０ → 10:30).
/// - ． (U+FF0E) becomes "." and then follows the full stop rule of `.punctuation`.
/// - Half-width CJK punctuation becomes full-width: ｡ → 。, ｢ → 「, ｣ → 」, ､ → 、.
/// - Vertical and small presentation forms become the ordinary full-width marks:
///   ︐﹐ → ，, ︑﹑ → 、, ︒ → 。, ︓﹕ → ：, ︔﹔ → ；, ︕﹗ → ！, ︖﹖ → ？, ︗︘ → 〖〗, ︙ → …,
///   ﹙﹚ → （）, ﹒ → ． (then as ．).
/// - Full-width currency and signs become their normal forms: ￠￡￢￣￤￥￦ → ¢£¬¯¦¥₩.
/// - Not changed: U+2014 — and other dashes, … , “ ” ‘ ’, half-width katakana.
///
/// `.punctuation` (in the Chinese direction, so that sentence splitting works on either form)
/// - Context: L = the last character written before the mark (spaces skipped; start of line = none),
///   R = the next character after it (spaces and zero-width characters skipped; end of line = none).
///   "Chinese" means an ideograph, kana/bopomofo, 々, or CJK punctuation (`CharClass`).
/// - ASCII , ; : ? ! become ，；：？！ when L is Chinese, or when R is Chinese and L is not a Latin
///   letter. So 3.14, 1,000, 10:30, http://x.y and "a, b" keep ASCII; 中国,美国 → 中国，美国;
///   据报道:Apple → 据报道：Apple; 增长5%,达到 → 增长5%，达到.
/// - ASCII ( becomes （ when L or R is Chinese; ) becomes ） when its matching ( was (or is) （,
///   or — without a matching ( on the line — when L or R is Chinese.
/// - ASCII . becomes 。 only when L is Chinese and R is Chinese or the end of the line/text
///   (so 3.14, example.com, 2.0, ... stay).
///
/// `.spaces`
/// - TAB, U+3000 ideographic space, no-break spaces (U+00A0, U+202F, U+2007) and the other
///   Unicode spaces (U+1680, U+2000–U+200A, U+205F) become an ordinary space; a run of spaces
///   becomes one space.
/// - A run is removed entirely: at the start or end of a line (lines are trimmed); next to
///   full-width CJK punctuation (、。「」，： …, U+3001–U+303F, U+FE10–U+FE6B, U+FF01–U+FF64);
///   and when it has no ordinary space or TAB (only U+3000 / no-break spaces …) and lies between
///   two Chinese characters (张　三 → 张三).
/// - Newlines are kept (empty lines too).
///
/// Every output scalar records the index of the original scalar it came from (`sourceIndex`);
/// a space that replaces a run, and the LF that replaces CR LF, point to the first scalar of the run.
/// Normalizing twice gives the same text as normalizing once.
public struct NormalizationOptions: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Full-width ASCII variants to ASCII (keeping Chinese punctuation), half-width CJK punctuation to full width.
    public static let fullWidthToHalfWidth = NormalizationOptions(rawValue: 1 << 0)
    /// Unicode spaces and tabs to one ordinary space; trims lines; removes spaces next to CJK punctuation.
    public static let spaces = NormalizationOptions(rawValue: 1 << 1)
    /// Removes zero-width characters.
    public static let zeroWidth = NormalizationOptions(rawValue: 1 << 2)
    /// ASCII punctuation in Chinese context to Chinese punctuation.
    public static let punctuation = NormalizationOptions(rawValue: 1 << 3)
    /// CR LF, CR and other line separators to LF.
    public static let lineEndings = NormalizationOptions(rawValue: 1 << 4)
    /// Removes control characters.
    public static let controlCharacters = NormalizationOptions(rawValue: 1 << 5)

    /// All rules.
    public static let standard: NormalizationOptions = [
        .fullWidthToHalfWidth, .spaces, .zeroWidth, .punctuation, .lineEndings, .controlCharacters,
    ]
}

/// Normalized text and, for each of its Unicode scalars, where it came from in the original.
public struct NormalizedText: Sendable {
    public let text: String
    /// For each Unicode scalar of `text`, the index (in Unicode scalars) of the original scalar it
    /// came from; `sourceIndex.count == text.unicodeScalars.count`; non-decreasing.
    public let sourceIndex: [Int32]
    /// Number of Unicode scalars of the original text.
    public let originalScalarCount: Int

    public init(text: String, sourceIndex: [Int32], originalScalarCount: Int) {
        self.text = text
        self.sourceIndex = sourceIndex
        self.originalScalarCount = originalScalarCount
    }

    /// Maps a range of scalar offsets in `text` to a range of scalar offsets in the original:
    /// from the source of its first scalar to the source of its last scalar + 1.
    /// An empty range maps to an empty range at the source of the scalar at its position
    /// (or at the end of the original). Out-of-bounds ranges are clamped.
    public func originalRange(ofScalarRange range: Range<Int>) -> Range<Int> {
        let count = sourceIndex.count
        let lower = min(max(range.lowerBound, 0), count)
        let upper = min(max(range.upperBound, lower), count)
        func start(_ k: Int) -> Int { k < count ? Int(sourceIndex[k]) : originalScalarCount }
        if lower == upper {
            let s = start(lower)
            return s..<s
        }
        let s = Int(sourceIndex[lower])
        let e = Int(sourceIndex[upper - 1]) + 1
        return s..<max(e, s)
    }
}

public enum TextNormalizer {
    /// Normalize `text` (see `NormalizationOptions` for the rules).
    public static func normalize(_ text: String, options: NormalizationOptions = .standard) -> NormalizedText {
        var input = text
        return input.withUTF8 { utf8 in
            NormalizerEngine.run(utf8, options: options)
        }
    }
}

// MARK: - Implementation

/// Context classes for the punctuation and space rules.
private enum NormalizerContext: UInt8 {
    case none  // start/end of line or text
    case cjk
    case latin
    case digit
    case other
}

private enum NormalizerEngine {
    /// Bytes of ASCII punctuation that may grow to 3 bytes: , ; : ? ! ( ) .
    @inline(__always)
    static func mayGrow(_ b: UInt8) -> Bool {
        switch b {
        case 0x2C, 0x3B, 0x3A, 0x3F, 0x21, 0x28, 0x29, 0x2E: return true
        default: return false
        }
    }

    static func run(_ input: UnsafeBufferPointer<UInt8>, options: NormalizationOptions) -> NormalizedText {
        let n = input.count
        guard n > 0, let base = input.baseAddress else {
            return NormalizedText(text: "", sourceIndex: [], originalScalarCount: 0)
        }
        // One pass for the number of scalars and the output bound.
        var continuation = 0
        var growing = 0
        let raw = UnsafeRawPointer(base)
        var k = 0
        // Bytes that may grow are counted generously: all of 0x21–0x2F and 0x3A–0x3F.
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func atLeast(_ x7: UInt64, _ lo: UInt64) -> UInt64 { (x7 &+ (0x80 &- lo) &* ones) & high }
        while k &+ 8 <= n {
            let w = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)
            continuation &+= (w & ~(w << 1) & high).nonzeroBitCount
            let x7 = w & ~high
            let punct = (atLeast(x7, 0x21) & ~atLeast(x7, 0x30)) | (atLeast(x7, 0x3A) & ~atLeast(x7, 0x40))
            growing &+= (punct & ~w & high).nonzeroBitCount
            k &+= 8
        }
        while k < n {
            let b = base[k]
            if b & 0xC0 == 0x80 { continuation &+= 1 }
            if mayGrow(b) { growing &+= 1 }
            k &+= 1
        }
        let scalarCount = n - continuation
        let capacity = n + 2 * growing + 8

        var text = ""
        let map = [Int32](unsafeUninitializedCapacity: scalarCount) { mapBuffer, mapCount in
            mapCount = 0
            text = String(unsafeUninitializedCapacity: capacity) { out in
                guard let outBase = out.baseAddress, let mapBase = mapBuffer.baseAddress else { return 0 }
                let state = State(input: base, n: n, out: outBase, map: mapBase, options: options)
                state.process()
                mapCount = state.m
                return state.o
            }
        }
        return NormalizedText(text: text, sourceIndex: map, originalScalarCount: scalarCount)
    }

    final class State {
        let p: UnsafePointer<UInt8>
        let n: Int
        let out: UnsafeMutablePointer<UInt8>
        let mapOut: UnsafeMutablePointer<Int32>
        let fullWidth: Bool
        let spaces: Bool
        let zeroWidth: Bool
        let punctuation: Bool
        let lineEndings: Bool
        let controls: Bool

        /// Output bytes written.
        var o = 0
        /// Output scalars written.
        var m = 0
        /// Class of the last written scalar that is not a space.
        var lastClass = NormalizerContext.none
        /// The last written scalar (0 at the start).
        var lastEmitted: UInt32 = 0
        /// Nothing but spaces written since the start of the text or the last line break.
        var atLineStart = true
        /// Parenthesis stack: bit k = whether the (k+1)-th open parenthesis is full-width.
        var parenBits: UInt64 = 0
        var parenDepth = 0

        init(input: UnsafePointer<UInt8>, n: Int, out: UnsafeMutablePointer<UInt8>, map: UnsafeMutablePointer<Int32>,
             options: NormalizationOptions) {
            self.p = input
            self.n = n
            self.out = out
            self.mapOut = map
            fullWidth = options.contains(.fullWidthToHalfWidth)
            spaces = options.contains(.spaces)
            zeroWidth = options.contains(.zeroWidth)
            punctuation = options.contains(.punctuation)
            lineEndings = options.contains(.lineEndings)
            controls = options.contains(.controlCharacters)
        }

        // MARK: Scalars

        /// Decodes the scalar at byte `j` (input is valid UTF-8): value and length.
        @inline(__always)
        func scalar(at j: Int) -> (UInt32, Int) {
            let b0 = UInt32(p[j])
            if b0 < 0x80 { return (b0, 1) }
            if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(p[j &+ 1]) & 0x3F, 2) }
            if b0 < 0xF0 {
                return ((b0 & 0x0F) << 12 | (UInt32(p[j &+ 1]) & 0x3F) << 6 | UInt32(p[j &+ 2]) & 0x3F, 3)
            }
            return ((b0 & 0x07) << 18 | (UInt32(p[j &+ 1]) & 0x3F) << 12 | (UInt32(p[j &+ 2]) & 0x3F) << 6
                        | UInt32(p[j &+ 3]) & 0x3F, 4)
        }

        @inline(__always)
        static func ctx(_ v: UInt32) -> NormalizerContext {
            if v < 0x80 {
                if CharClass.isASCIILetter(v) { return .latin }
                if CharClass.isASCIIDigit(v) { return .digit }
                if v == 0x0A || v == 0x0D || v == 0x0B || v == 0x0C { return .none }
                return .other
            }
            if v >= 0xFF01 && v <= 0xFF5E {
                // Classify full-width forms like what they become, so that the context is the
                // same before and after normalization.
                switch v {
                case 0xFF01, 0xFF08, 0xFF09, 0xFF0C, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF0E: return .cjk
                default: return ctx(v - 0xFEE0)
                }
            }
            if CharClass.isCJK(v) || CharClass.isCJKPunctuation(v) || CharClass.isKanaOrBopomofo(v) || v == 0x3005 {
                return .cjk
            }
            if CharClass.isLatinLetter(v) { return .latin }
            if v == 0x85 || v == 0x2028 || v == 0x2029 { return .none }
            return .other
        }

        /// Punctuation the rules convert between ASCII and full-width forms; skipped when looking
        /// for the right-hand context, so that the context does not change by normalizing.
        @inline(__always)
        static func isConvertible(_ v: UInt32) -> Bool {
            switch v {
            case 0x2C, 0x3B, 0x3A, 0x3F, 0x21, 0x28, 0x29, 0x2E,
                 0xFF0C, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01, 0xFF08, 0xFF09, 0xFF0E, 0x3002,
                 0xFE10, 0xFE12, 0xFE13, 0xFE14, 0xFE15, 0xFE16,
                 0xFE50, 0xFE52, 0xFE54, 0xFE55, 0xFE56, 0xFE57, 0xFE59, 0xFE5A:
                return true
            default:
                return false
            }
        }

        /// The ordinary full-width form of a vertical (U+FE10–U+FE19) or small (U+FE50–U+FE5A)
        /// punctuation form, or 0.
        @inline(__always)
        static func presentationFormAlias(_ v: UInt32) -> UInt32 {
            switch v {
            case 0xFE10, 0xFE50: return 0xFF0C  // ，
            case 0xFE11, 0xFE51: return 0x3001  // 、
            case 0xFE12: return 0x3002          // 。
            case 0xFE52: return 0xFF0E          // ．
            case 0xFE13, 0xFE55: return 0xFF1A  // ：
            case 0xFE14, 0xFE54: return 0xFF1B  // ；
            case 0xFE15, 0xFE57: return 0xFF01  // ！
            case 0xFE16, 0xFE56: return 0xFF1F  // ？
            case 0xFE17: return 0x3016          // 〖
            case 0xFE18: return 0x3017          // 〗
            case 0xFE19: return 0x2026          // …
            case 0xFE59: return 0xFF08          // （
            case 0xFE5A: return 0xFF09          // ）
            default: return 0
            }
        }

        /// Ideographs, kana, 々 — the "Chinese character" a full stop must be followed by.
        @inline(__always)
        static func isIdeographLike(_ v: UInt32) -> Bool {
            CharClass.isCJK(v) || CharClass.isKanaOrBopomofo(v) || v == 0x3005
        }

        /// Full-width CJK punctuation next to which spaces are dropped.
        @inline(__always)
        static func isFullWidthPunctuation(_ v: UInt32) -> Bool {
            v >= 0x3001 && CharClass.isCJKPunctuation(v) && !(v >= 0xFF5E && v <= 0xFF60)
        }

        @inline(__always)
        func isLineBreak(_ v: UInt32) -> Bool {
            if v == 0x0A || v == 0x0D { return true }
            guard lineEndings else { return false }
            return v == 0x0B || v == 0x0C || v == 0x85 || v == 0x2028 || v == 0x2029
        }

        @inline(__always)
        func isSpace(_ v: UInt32) -> Bool {
            spaces && CharClass.isHorizontalSpace(v)
        }

        @inline(__always)
        func isDropped(_ v: UInt32) -> Bool {
            if zeroWidth && CharClass.isZeroWidth(v) { return true }
            if controls {
                if v < 0x20 { return !(v == 0x09 || v == 0x0A || v == 0x0B || v == 0x0C || v == 0x0D) }
                if v >= 0x7F && v <= 0x9F { return v != 0x85 }
            }
            return false
        }

        /// Class of the next character from byte `start` on, skipping spaces, removed characters
        /// and convertible punctuation.
        func nextClass(from start: Int) -> NormalizerContext {
            var j = start
            while j < n {
                let (v, len) = scalar(at: j)
                if CharClass.isHorizontalSpace(v) || isDropped(v) || Self.isConvertible(v) {
                    j &+= len
                    continue
                }
                return Self.ctx(v)
            }
            return .none
        }

        /// Whether the next character from byte `start` on (skipping spaces and removed characters)
        /// is an ideograph, a line break or the end of the text.
        func nextEndsSentence(from start: Int) -> Bool {
            var j = start
            while j < n {
                let (v, len) = scalar(at: j)
                if CharClass.isHorizontalSpace(v) || isDropped(v) {
                    j &+= len
                    continue
                }
                return Self.isIdeographLike(v) || Self.ctx(v) == .none
            }
            return true
        }

        /// Whether the next character from byte `start` on (skipping spaces and removed characters) is a digit.
        func nextIsDigit(from start: Int) -> Bool {
            var j = start
            while j < n {
                let (v, len) = scalar(at: j)
                if CharClass.isHorizontalSpace(v) || isDropped(v) {
                    j &+= len
                    continue
                }
                return CharClass.isDigit(v)
            }
            return false
        }

        /// What a non-space, non-line-break scalar `v` (ending at byte `next`) becomes; 0 = removed.
        /// `adjacent` = nothing (no space) between it and `lastEmitted`.
        func map(_ original: UInt32, next: Int, adjacent: Bool) -> UInt32 {
            var v = original
            if fullWidth && v >= 0xFE10 && v <= 0xFE5A {
                let alias = Self.presentationFormAlias(v)
                if alias != 0 { v = alias }
            }
            if v < 0x80 {
                if punctuation {
                    switch v {
                    case 0x2C, 0x3B, 0x3A, 0x3F, 0x21:  // , ; : ? !
                        if lastClass == .cjk { return v + 0xFEE0 }
                        if lastClass != .latin && nextClass(from: next) == .cjk { return v + 0xFEE0 }
                        return v
                    case 0x28:  // (
                        if lastClass == .cjk || nextClass(from: next) == .cjk { return 0xFF08 }
                        return v
                    case 0x29:  // )
                        if parenDepth > 0 && parenDepth <= 64 {
                            return parenBits & (1 << UInt64(parenDepth - 1)) != 0 ? 0xFF09 : v
                        }
                        if lastClass == .cjk || nextClass(from: next) == .cjk { return 0xFF09 }
                        return v
                    case 0x2E:  // .
                        return fullStop(next: next)
                    default:
                        break
                    }
                }
                if isDropped(v) { return 0 }
                return v
            }
            if v >= 0xFF01 && v <= 0xFF64 {
                guard fullWidth else { return v }
                switch v {
                case 0xFF01, 0xFF08, 0xFF09, 0xFF1F:
                    return v
                case 0xFF0C, 0xFF1A, 0xFF1B:
                    if adjacent && CharClass.isDigit(lastEmitted) && nextIsDigit(from: next) { return v - 0xFEE0 }
                    return v
                case 0xFF0E:
                    return punctuation ? fullStop(next: next) : 0x2E
                case 0xFF61: return 0x3002
                case 0xFF62: return 0x300C
                case 0xFF63: return 0x300D
                case 0xFF64: return 0x3001
                default:
                    return v <= 0xFF5E ? v - 0xFEE0 : v
                }
            }
            if v >= 0xFFE0 && v <= 0xFFE6 && fullWidth {
                switch v {
                case 0xFFE0: return 0xA2
                case 0xFFE1: return 0xA3
                case 0xFFE2: return 0xAC
                case 0xFFE3: return 0xAF
                case 0xFFE4: return 0xA6
                case 0xFFE5: return 0xA5
                default: return 0x20A9
                }
            }
            if isDropped(v) { return 0 }
            return v
        }

        @inline(__always)
        func fullStop(next: Int) -> UInt32 {
            lastClass == .cjk && nextEndsSentence(from: next) ? 0x3002 : 0x2E
        }

        // MARK: Output

        @inline(__always)
        func emit(_ v: UInt32, source: Int32) {
            ByteDecoders.put(v, out, &o)
            mapOut[m] = source
            m &+= 1
            lastEmitted = v
        }

        /// Copies the scalar's original bytes (when it is unchanged).
        @inline(__always)
        func copy(_ j: Int, _ len: Int, _ v: UInt32, source: Int32) {
            var k = 0
            while k < len {
                out[o &+ k] = p[j &+ k]
                k &+= 1
            }
            o &+= len
            mapOut[m] = source
            m &+= 1
            lastEmitted = v
        }

        @inline(__always)
        func lineBreak() {
            lastClass = .none
            atLineStart = true
            parenDepth = 0
            parenBits = 0
        }

        // MARK: Main loop

        func process() {
            var j = 0
            var index: Int32 = 0
            while j < n {
                let (v, len) = scalar(at: j)
                // Fast paths: ideographs and ASCII letters/digits are never changed.
                if v >= 0x3400 && CharClass.isCJK(v) {
                    copy(j, len, v, source: index)
                    lastClass = .cjk
                    atLineStart = false
                    j &+= len
                    index &+= 1
                    continue
                }
                if v < 0x80 && (CharClass.isASCIILetter(v) || CharClass.isASCIIDigit(v)) {
                    out[o] = UInt8(truncatingIfNeeded: v)
                    o &+= 1
                    mapOut[m] = index
                    m &+= 1
                    lastEmitted = v
                    lastClass = v >= 0x40 ? .latin : .digit
                    atLineStart = false
                    j &+= 1
                    index &+= 1
                    continue
                }
                // Line breaks.
                if v == 0x0A || v == 0x0D || (lineEndings && (v == 0x0B || v == 0x0C || v == 0x85 || v == 0x2028 || v == 0x2029)) {
                    if lineEndings {
                        emit(0x0A, source: index)
                        if v == 0x0D && j &+ 1 < n && p[j &+ 1] == 0x0A {
                            j &+= 1
                            index &+= 1
                        }
                    } else {
                        copy(j, len, v, source: index)
                    }
                    lineBreak()
                    j &+= len
                    index &+= 1
                    continue
                }
                // Runs of spaces.
                if isSpace(v) {
                    processSpaceRun(&j, &index)
                    continue
                }
                let mapped = map(v, next: j &+ len, adjacent: true)
                if mapped != 0 {
                    if mapped == v {
                        copy(j, len, v, source: index)
                    } else {
                        emit(mapped, source: index)
                    }
                    if !CharClass.isHorizontalSpace(mapped) {
                        lastClass = Self.ctx(mapped)
                        atLineStart = lastClass == .none
                    }
                    if mapped == 0x28 || mapped == 0xFF08 {
                        if parenDepth < 64 {
                            if mapped == 0xFF08 {
                                parenBits |= 1 << UInt64(parenDepth)
                            } else {
                                parenBits &= ~(1 << UInt64(parenDepth))
                            }
                        }
                        parenDepth &+= 1
                    } else if (mapped == 0x29 || mapped == 0xFF09) && parenDepth > 0 {
                        parenDepth &-= 1
                    }
                }
                j &+= len
                index &+= 1
            }
        }

        /// A run of spaces (and dropped characters inside it) starting at byte `j`.
        func processSpaceRun(_ j: inout Int, _ index: inout Int32) {
            let runIndex = index
            var ordinary = false
            var k = j
            var count: Int32 = 0
            var nextScalar: UInt32 = 0
            var nextLength = 0
            while k < n {
                let (v, len) = scalar(at: k)
                if isSpace(v) {
                    if v == 0x20 || v == 0x09 { ordinary = true }
                } else if !isDropped(v) {
                    nextScalar = v
                    nextLength = len
                    break
                }
                k &+= len
                count &+= 1
            }
            j = k
            index &+= count
            // Trim at the start and end of lines.
            if atLineStart { return }
            if k >= n || isLineBreak(nextScalar) { return }
            // Next to full-width punctuation.
            if Self.isFullWidthPunctuation(lastEmitted) { return }
            let nextMapped = map(nextScalar, next: k &+ nextLength, adjacent: false)
            if Self.isFullWidthPunctuation(nextMapped) { return }
            // Only special spaces, between two Chinese characters.
            if !ordinary && lastClass == .cjk && Self.ctx(nextMapped) == .cjk { return }
            emit(0x20, source: runIndex)
        }
    }
}
