import Foundation

// MARK: - Working text

/// Text being converted: Unicode scalars, the ends of the segments that conversions may not
/// match across, and (optionally) for each scalar the index of the input scalar it came from.
struct WorkText {
    var scalars: [UInt32]
    /// Strictly increasing segment ends; the last equals `scalars.count` (empty for empty text).
    var segmentEnds: [Int32]
    /// Empty unless source tracking is on.
    var sources: [Int32]
    var tracking: Bool
}

// MARK: - UTF-8 in and out

enum ScalarCodec {
    /// Decodes a string into scalars, mapping each one through `normalization`
    /// (a dictionary of single-scalar keys such as the CJK compatibility ideographs).
    static func decode(_ text: String, normalization: PrefixDictionary?, tracking: Bool) -> WorkText {
        var work = WorkText(scalars: [], segmentEnds: [], sources: [], tracking: tracking)
        let body: (UnsafeBufferPointer<UInt8>) -> Void = { p in
            var scalars = [UInt32]()
            scalars.reserveCapacity(p.count)
            var i = 0
            let n = p.count
            while i < n {
                let b0 = UInt32(p[i])
                if b0 < 0x80 {
                    scalars.append(b0); i += 1
                } else if b0 < 0xE0 {
                    scalars.append((b0 & 0x1F) << 6 | (UInt32(p[i + 1]) & 0x3F)); i += 2
                } else if b0 < 0xF0 {
                    scalars.append((b0 & 0x0F) << 12 | (UInt32(p[i + 1]) & 0x3F) << 6 | (UInt32(p[i + 2]) & 0x3F))
                    i += 3
                } else {
                    scalars.append((b0 & 0x07) << 18 | (UInt32(p[i + 1]) & 0x3F) << 12
                        | (UInt32(p[i + 2]) & 0x3F) << 6 | (UInt32(p[i + 3]) & 0x3F))
                    i += 4
                }
            }
            work.scalars = scalars
        }
        if text.utf8.withContiguousStorageIfAvailable(body) == nil {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer(body)
        }
        if tracking {
            work.sources = Array(0..<Int32(work.scalars.count))
        }
        if let norm = normalization { normalize(&work, with: norm) }
        work.segmentEnds = work.scalars.isEmpty ? [] : [Int32(work.scalars.count)]
        return work
    }

    /// Applies a normalization dictionary over the whole text (OpenCC applies it before segmenting).
    static func normalize(_ work: inout WorkText, with dict: PrefixDictionary) {
        if dict.singleScalarKeys && dict.singleScalarValues {
            // Fast path: a scalar-for-scalar map.
            let lowest = dict.lowestFirstScalar
            let count = work.scalars.count
            work.scalars.withUnsafeMutableBufferPointer { s in
                for i in 0..<count where s[i] >= lowest {
                    if let e = dict.singleEntry(s[i]) {
                        s[i] = dict.valuePool[Int(dict.valueStart[Int(e)])]
                    }
                }
            }
            return
        }
        let group = ConversionGroup(members: [.dictionary(dict)])
        work.segmentEnds = work.scalars.isEmpty ? [] : [Int32(work.scalars.count)]
        work = group.apply(work, policy: nil)
    }

    static func encode(_ scalars: [UInt32]) -> String {
        var byteCount = 0
        for c in scalars {
            byteCount += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4
        }
        if byteCount == 0 { return "" }
        return String(unsafeUninitializedCapacity: byteCount) { out in
            var o = 0
            for c in scalars {
                if c < 0x80 {
                    out[o] = UInt8(c); o += 1
                } else if c < 0x800 {
                    out[o] = UInt8(0xC0 | (c >> 6)); out[o + 1] = UInt8(0x80 | (c & 0x3F)); o += 2
                } else if c < 0x10000 {
                    out[o] = UInt8(0xE0 | (c >> 12))
                    out[o + 1] = UInt8(0x80 | ((c >> 6) & 0x3F))
                    out[o + 2] = UInt8(0x80 | (c & 0x3F))
                    o += 3
                } else {
                    out[o] = UInt8(0xF0 | (c >> 18))
                    out[o + 1] = UInt8(0x80 | ((c >> 12) & 0x3F))
                    out[o + 2] = UInt8(0x80 | ((c >> 6) & 0x3F))
                    out[o + 3] = UInt8(0x80 | (c & 0x3F))
                    o += 4
                }
            }
            return o
        }
    }
}

// MARK: - Segmentation

enum MaxMatchSegmenter {
    /// OpenCC's `mmseg`: maximum forward matching over `dict`; each match is a segment and
    /// the unmatched scalars between matches accumulate into one segment.
    static func segment(_ work: inout WorkText, with dict: PrefixDictionary) {
        let n = work.scalars.count
        var ends: [Int32] = []
        ends.reserveCapacity(n / 8 + 2)
        work.scalars.withUnsafeBufferPointer { s in
            var i = 0
            var pending = false
            dict.rootBMP.withUnsafeBufferPointer { roots in
                while i < n {
                    let c = s[i]
                    if c < 0x10000 && roots[Int(c)] < 0 {
                        pending = true; i += 1; continue
                    }
                    if let m = dict.longestMatch(s, i, n) {
                        if pending { ends.append(Int32(i)); pending = false }
                        i += m.length
                        ends.append(Int32(i))
                    } else {
                        pending = true; i += 1
                    }
                }
            }
            if pending { ends.append(Int32(n)) }
        }
        work.segmentEnds = ends
    }
}

// MARK: - Dictionary group

/// A member of a dictionary group: a plain dictionary, or the context-sensitive regional
/// phrase rewriter that the `auto` profile uses in place of TWPhrasesRev / HKPhrasesRev.
enum GroupMember: Sendable {
    case dictionary(PrefixDictionary)
    case regional(RegionalRewriter)
}

/// OpenCC's dictionary group with the `short_circuit` match policy: at each position the first
/// member that has any key matching there wins, with its longest match; a position no member
/// matches is copied. A flat table over the BMP precomputes the outcome for every scalar whose
/// outcome cannot depend on what follows it, so that most scalars cost one table load.
final class ConversionGroup: Sendable {
    let members: [GroupMember]
    /// BMP scalar -> output scalar, or a flag: `slowFlag` (match at run time) or
    /// `multiFlag | offset` into `multiPool` (`[length, scalars…]`).
    let fast: [UInt32]
    let multiPool: [UInt32]

    static let slowFlag: UInt32 = 0x8000_0000
    static let multiFlag: UInt32 = 0x4000_0000

    init(members: [GroupMember]) {
        self.members = members
        var fast = [UInt32](repeating: 0, count: 0x10000)
        var pool: [UInt32] = []
        for c in 0..<UInt32(0x10000) {
            var out = c
            memberLoop: for m in members {
                switch m {
                case .dictionary(let d):
                    let node = d.root(c)
                    if node < 0 { continue memberLoop }
                    if d.hasChildren[Int(node)] { out = ConversionGroup.slowFlag; break memberLoop }
                    let entry = d.terminal[Int(node)]
                    let range = d.valueRange(entry)
                    if range.count == 1 {
                        out = d.valuePool[range.lowerBound]
                    } else {
                        out = ConversionGroup.multiFlag | UInt32(pool.count)
                        pool.append(UInt32(range.count))
                        pool.append(contentsOf: d.valuePool[range])
                    }
                    break memberLoop
                case .regional(let r):
                    if r.dictionary.root(c) >= 0 { out = ConversionGroup.slowFlag; break memberLoop }
                }
            }
            fast[Int(c)] = out
        }
        self.fast = fast
        self.multiPool = pool
    }

    /// Converts each segment independently and keeps the segment structure.
    func apply(_ input: WorkText, policy: RewritePolicy?) -> WorkText {
        let n = input.scalars.count
        let tracking = input.tracking
        var out = [UInt32]()
        out.reserveCapacity(n + n / 16 + 4)
        var outSources = [Int32]()
        if tracking { outSources.reserveCapacity(n + n / 16 + 4) }
        var outEnds = [Int32]()
        outEnds.reserveCapacity(input.segmentEnds.count)

        input.scalars.withUnsafeBufferPointer { s in
            input.sources.withUnsafeBufferPointer { src in
                fast.withUnsafeBufferPointer { table in
                    var segStart = 0
                    for segEndRaw in input.segmentEnds {
                        let segEnd = Int(segEndRaw)
                        var i = segStart
                        while i < segEnd {
                            let c = s[i]
                            if c < 0x10000 {
                                let e = table[Int(c)]
                                if e < ConversionGroup.multiFlag {
                                    out.append(e)
                                    if tracking { outSources.append(src[i]) }
                                    i += 1
                                    continue
                                }
                                if e & ConversionGroup.slowFlag == 0 {
                                    let off = Int(e & ~ConversionGroup.multiFlag)
                                    let len = Int(multiPool[off])
                                    for k in 0..<len {
                                        out.append(multiPool[off + 1 + k])
                                        if tracking { outSources.append(src[i]) }
                                    }
                                    i += 1
                                    continue
                                }
                            }
                            i = slowStep(s, src, i, segEnd, tracking, policy, &out, &outSources)
                        }
                        outEnds.append(Int32(out.count))
                        segStart = segEnd
                    }
                }
            }
        }
        return WorkText(scalars: out, segmentEnds: outEnds, sources: outSources, tracking: tracking)
    }

    /// Runs the short-circuit group match at `i`; returns the next position.
    private func slowStep(
        _ s: UnsafeBufferPointer<UInt32>, _ src: UnsafeBufferPointer<Int32>,
        _ i: Int, _ segEnd: Int, _ tracking: Bool, _ policy: RewritePolicy?,
        _ out: inout [UInt32], _ outSources: inout [Int32]
    ) -> Int {
        for m in members {
            switch m {
            case .dictionary(let d):
                if let match = d.longestMatch(s, i, segEnd) {
                    emit(d, match.entry, match.length, s, src, i, tracking, &out, &outSources)
                    return i + match.length
                }
            case .regional(let r):
                if let match = r.match(s, i, segEnd, policy: policy) {
                    emit(r.dictionary, match.entry, match.length, s, src, i, tracking, &out, &outSources)
                    return i + match.length
                }
            }
        }
        out.append(s[i])
        if tracking { outSources.append(src[i]) }
        return i + 1
    }

    @inline(__always)
    private func emit(
        _ d: PrefixDictionary, _ entry: Int32, _ keyLength: Int,
        _ s: UnsafeBufferPointer<UInt32>, _ src: UnsafeBufferPointer<Int32>, _ i: Int, _ tracking: Bool,
        _ out: inout [UInt32], _ outSources: inout [Int32]
    ) {
        let range = d.valueRange(entry)
        var k = 0
        for v in range {
            out.append(d.valuePool[v])
            // Output scalar k maps to key scalar min(k, keyLength - 1): offsets stay monotonic.
            if tracking { outSources.append(src[i + min(k, keyLength - 1)]) }
            k += 1
        }
    }
}

// MARK: - Pipeline

/// A fixed conversion: normalization, optional segmentation, then a chain of groups,
/// as in OpenCC's JSON configurations.
struct ConversionPipeline: Sendable {
    let normalization: PrefixDictionary?
    let segmentation: PrefixDictionary?
    let chain: [ConversionGroup]

    func run(_ work: WorkText, policy: RewritePolicy? = nil) -> WorkText {
        var w = work
        if let seg = segmentation { MaxMatchSegmenter.segment(&w, with: seg) }
        for group in chain { w = group.apply(w, policy: policy) }
        return w
    }
}
