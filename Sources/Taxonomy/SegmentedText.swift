import Foundation
import ChineseText

/// Text prepared for term matching: its Unicode scalars (case- and width-folded) and the
/// positions where a word may begin or end, taken from the segmenter's tokens.
///
/// Make one and pass it to both `TechnologyMatcher.match(_:)` and
/// `IndustryClassifier.classify(_:technologies:)` to segment an article only once.
///
/// Boundaries come from the segmenter in search mode: its words, and the dictionary words it
/// finds inside long words. A form may begin and end on a word boundary; it may also begin or
/// end inside a long word, on the boundary of a dictionary word within it, when what is left
/// of the long word is itself a word (two or more characters) or a productive affix
/// (化, 型, 产业's 业, 区, 院, …). So 人工智能 is found in 人工智能化 and in
/// 国家新一代人工智能创新发展试验区, 大数据 in 大数据智能化, but 北斗 not in 北斗星 (a car, a
/// star) nor 大数据 in 庞大数据量 (庞大 / 数据量). Inside a run the segmenter could only guess
/// (an unknown word, tag `x`), every position counts as a boundary.
public struct SegmentedText: Sendable {
    /// The original text.
    public let text: String
    /// The original scalar values.
    let original: [UInt32]
    /// Folded scalar values: full-width ASCII → half-width, A–Z → a–z, dashes → `-`,
    /// every white-space character → a space.
    let folded: [UInt32]
    /// `boundary[i]` at scalar offset `i` (count + 1 entries): `Boundary.word` where a word of
    /// the segmenter begins or ends, `Boundary.inner` where only a dictionary word inside a
    /// longer word does, `Boundary.none` elsewhere.
    let boundary: [UInt8]
    /// At an inner boundary: the start and end of the longer word around it.
    let hostStart: [Int32]
    let hostEnd: [Int32]

    enum Boundary {
        static let none: UInt8 = 0
        static let word: UInt8 = 1
        static let inner: UInt8 = 2
    }

    /// Segments `text` with `segmenter`.
    public init(_ text: String, segmenter: Segmenter) {
        var original: [UInt32] = []
        original.reserveCapacity(text.utf8.count)
        for s in text.unicodeScalars { original.append(s.value) }
        self.init(text, scalars: original, searchTokens: segmenter.tokenize(scalars: original, mode: .search, hmm: true))
    }

    /// `text` already segmented: `scalars` are its Unicode scalar values and `searchTokens` the
    /// segmenter's tokens of them in search mode with the HMM
    /// (`tokenize(scalars:mode: .search, hmm: true, …)`), as `init(_:segmenter:)` computes them.
    public init(_ text: String, scalars original: [UInt32], searchTokens tokens: [Token]) {
        self.text = text
        var folded = original
        for i in folded.indices { folded[i] = Fold.scalar(folded[i]) }
        let n = original.count
        var boundary = [UInt8](repeating: Boundary.none, count: n + 1)
        var hostStart = [Int32](repeating: -1, count: n + 1)
        var hostEnd = [Int32](repeating: -1, count: n + 1)
        boundary[0] = Boundary.word
        boundary[n] = Boundary.word
        // Search mode emits the words inside a long word just before it; walking backwards,
        // a token inside the last word seen is one of those.
        let unknown = POSTag.index(of: "x")
        var host = (start: Int.max, end: Int.max)
        for t in tokens.reversed() {
            if t.start >= host.start && t.end <= host.end {
                if boundary[t.start] != Boundary.word {
                    boundary[t.start] = Boundary.inner
                    hostStart[t.start] = Int32(host.start)
                    hostEnd[t.start] = Int32(host.end)
                }
                if boundary[t.end] != Boundary.word {
                    boundary[t.end] = Boundary.inner
                    hostStart[t.end] = Int32(host.start)
                    hostEnd[t.end] = Int32(host.end)
                }
                continue
            }
            host = (t.start, t.end)
            boundary[t.start] = Boundary.word
            boundary[t.end] = Boundary.word
            if t.tagIndex == unknown && t.end - t.start > 1 {
                var allCJK = true
                for q in t.start..<t.end where !CharClass.isCJK(original[q]) { allCJK = false; break }
                if allCJK { for q in t.start..<t.end { boundary[q] = Boundary.word } }
            }
        }
        self.original = original
        self.folded = folded
        self.boundary = boundary
        self.hostStart = hostStart
        self.hostEnd = hostEnd
    }

    /// Whether a form may begin at `i` (its first character is not a Latin letter or digit).
    @inline(__always)
    func canBegin(at i: Int) -> Bool {
        let b = boundary[i]
        if b == Boundary.word { return true }
        if b == Boundary.none { return false }
        let rest = i - Int(hostStart[i])
        return rest >= 2 || (rest == 1 && Affix.prefixes.contains(original[i - 1]))
    }

    /// Whether a form may end at `j` (its last character is not a Latin letter or digit).
    @inline(__always)
    func canFinish(at j: Int) -> Bool {
        let b = boundary[j]
        if b == Boundary.word { return true }
        if b == Boundary.none { return false }
        let rest = Int(hostEnd[j]) - j
        return rest >= 2 || (rest == 1 && Affix.suffixes.contains(original[j]))
    }

    /// Segments `text` with the bundled segmenter.
    public init(_ text: String) throws {
        self.init(text, segmenter: try Fold.standardSegmenter())
    }

    /// Length in Unicode scalars.
    public var scalarCount: Int { original.count }

    /// The original text of a span.
    public func text(of span: TextSpan) -> String {
        var s = String.UnicodeScalarView()
        for q in span.start..<span.end {
            if let u = Unicode.Scalar(original[q]) { s.append(u) }
        }
        return String(s)
    }
}

/// Single characters that may stay attached to a term inside a longer word.
enum Affix {
    /// 新材料 → 材料 is a term of its own; these are the few prefixes that keep a term a term.
    static let prefixes: Set<UInt32> = Set("新超微全泛准非类".unicodeScalars.map(\.value))
    /// 人工智能化, 人工智能型, 风力发电机, 深空探测器, 大数据局 …; not 星 (北斗星) or 组 (芯片组).
    static let suffixes: Set<UInt32> = Set("化型类性式级业界圈端侧版链园区院局所厂城港群网站馆节展赛奖委办机器车船".unicodeScalars.map(\.value))
}

/// Character folding shared by the dictionaries and the matcher.
enum Fold {
    @inline(__always)
    static func scalar(_ v: UInt32) -> UInt32 {
        var c = v
        if c >= 0xFF01 && c <= 0xFF5E {
            c -= 0xFEE0
        } else if c < 0x80 {
            if c == 0x09 || c == 0x0A || c == 0x0D { return 0x20 }
        } else {
            switch c {
            case 0x3000, 0x00A0, 0x2002...0x200A, 0x202F, 0x205F: return 0x20
            case 0x2010, 0x2011, 0x2012, 0x2013, 0x2212, 0xFE63: return 0x2D
            default: return c
            }
        }
        if c >= 0x41 && c <= 0x5A { c += 0x20 }
        return c
    }

    /// The folded key of a dictionary form: folded scalars, white-space runs as one space,
    /// trimmed.
    static func key(_ s: String) -> [UInt32] {
        var out: [UInt32] = []
        var pendingSpace = false
        for u in s.unicodeScalars {
            let c = scalar(u.value)
            if c == 0x20 {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            out.append(c)
        }
        return out
    }

    static func keyString(_ s: String) -> String {
        var v = String.UnicodeScalarView()
        for c in key(s) { if let u = Unicode.Scalar(c) { v.append(u) } }
        return String(v)
    }

    @inline(__always) static func isWordChar(_ c: UInt32) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A)
    }

    @inline(__always) static func isDigit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }

    static func standardSegmenter() throws -> Segmenter {
        do {
            return try Segmenter.standard()
        } catch {
            throw TaxonomyError.segmenterUnavailable(reason: String(describing: error))
        }
    }
}
