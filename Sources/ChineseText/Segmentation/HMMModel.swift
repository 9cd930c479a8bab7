import Foundation

/// The B/M/E/S hidden Markov model that finds words in runs of characters the dictionary
/// does not cover (jieba's `finalseg`, same probabilities and the same Viterbi decoding).
final class HMMModel: @unchecked Sendable {
    // States: 0 = B, 1 = E, 2 = M, 3 = S (jieba's alphabetical order, which its tie-breaks use).
    static let b = 0, e = 1, m = 2, s = 3
    static let minLog = -3.14e100

    let start: (Double, Double, Double, Double)
    /// trans[from * 4 + to]
    let trans: [Double]
    /// Emission log probabilities for the BMP: emit[scalar * 4 + state]; -infinity when unseen.
    let emit: UnsafeBufferPointer<Float>
    private let blob: RawBlob

    static let magic: UInt64 = 0x3130_304D_4D48_434B // "KCHMM001"

    /// Reads a blob: header (magic, key), start (4 doubles), trans (16 doubles), emission table.
    private init?(blob: RawBlob) {
        var r = BlobReader(blob)
        guard let h = r.buffer(UInt64.self, count: 2), h[0] == Self.magic,
              let st = r.buffer(Double.self, count: 4), let tr = r.buffer(Double.self, count: 16),
              let em = r.buffer(Float.self, count: 0x10000 * 4) else { return nil }
        self.blob = blob
        self.start = (st[0], st[1], st[2], st[3])
        self.trans = Array(tr)
        self.emit = em
    }

    static func bundled() throws -> HMMModel { try cache.get() }

    private static let cache = LazyResult<HMMModel> {
        let url = try ResourceLocator.url(for: "jieba/hmm.tsv")
        let key = try BinaryCache.key(sources: [url], version: 1)
        let blob = try BinaryCache.blob(name: "hmm", key: key) { try HMMModel.compile(url: url, key: key) }
        if let model = HMMModel(blob: blob) { return model }
        guard let model = try HMMModel(blob: HMMModel.compile(url: url, key: key)) else {
            throw ChineseTextError.invalidData(path: url.path, line: 0, reason: "cannot compile the HMM")
        }
        return model
    }

    /// Parses the TSV written by scripts/derive_resources.py:
    /// `start S p`, `trans S T p`, `emit S char p`.
    static func compile(url: URL, key: UInt64) throws -> RawBlob {
        let data = try WordDictionary.read(url)
        var start = [Double](repeating: minLog, count: 4)
        var trans = [Double](repeating: minLog, count: 16)
        let emit = UnsafeMutableBufferPointer<Float>.allocate(capacity: 0x10000 * 4)
        emit.initialize(repeating: -Float.infinity)
        var badLine = 0
        data.withUnsafeBytes { raw in
            let buf = raw.bindMemory(to: UInt8.self)
            func state(_ r: Range<Int>) -> Int? {
                guard r.count == 1 else { return nil }
                switch buf[r.lowerBound] {
                case 0x42: return HMMModel.b // B
                case 0x45: return HMMModel.e // E
                case 0x4D: return HMMModel.m // M
                case 0x53: return HMMModel.s // S
                default: return nil
                }
            }
            func number(_ r: Range<Int>) -> Double? {
                Double(String(decoding: UnsafeBufferPointer(rebasing: buf[r]), as: UTF8.self))
            }
            ByteLines.forEach(buf, separator: 0x09) { lineNo, f in
                guard badLine == 0 else { return }
                let kind = f[0].count
                if kind == 5, f.count == 3, let st = state(f[1]), let p = number(f[2]) { // start
                    start[st] = p
                } else if kind == 5, f.count == 4, let a = state(f[1]), let t = state(f[2]), let p = number(f[3]) { // trans
                    trans[a * 4 + t] = p
                } else if kind == 4, f.count == 4, let st = state(f[1]), let p = number(f[3]) { // emit
                    var it = UnsafeBufferPointer(rebasing: buf[f[2]]).makeIterator()
                    var decoder = UTF8()
                    if case .scalarValue(let ch) = decoder.decode(&it), ch.value < 0x10000 {
                        emit[Int(ch.value) * 4 + st] = Float(p)
                    }
                } else {
                    badLine = lineNo
                }
            }
        }
        if badLine != 0 {
            emit.deallocate()
            throw ChineseTextError.invalidData(path: url.path, line: badLine, reason: "malformed HMM line (expected start/trans/emit)")
        }
        defer { emit.deallocate() }
        var w = BlobWriter()
        w.add([magic, key])
        w.add(start)
        w.add(trans)
        w.add(emit)
        return w.finish()
    }

    @inline(__always)
    func emission(_ scalar: UInt32, _ state: Int) -> Double {
        guard scalar < 0x10000 else { return HMMModel.minLog }
        let p = emit[Int(scalar) * 4 + state]
        return p == -Float.infinity ? HMMModel.minLog : Double(p)
    }

    /// Viterbi decoding of `chars`; appends to `cuts` the end index (exclusive, relative to
    /// the run) of each word found. `scratch` is reused between calls.
    func cut(_ chars: UnsafeBufferPointer<UInt32>, scratch: inout HMMScratch, cuts: inout [Int]) {
        let n = chars.count
        guard n > 0 else { return }
        if n == 1 { cuts.append(1); return }
        scratch.ensure(n)
        let v = scratch.v, back = scratch.back
        // Previous states allowed: B ← E,S; E ← B,M; M ← M,B; S ← S,E (jieba's PrevStatus).
        let prev: [(Int, Int)] = [(HMMModel.e, HMMModel.s), (HMMModel.b, HMMModel.m), (HMMModel.m, HMMModel.b), (HMMModel.s, HMMModel.e)]
        let c0 = chars[0]
        v[0] = start.0 + emission(c0, 0)
        v[1] = start.1 + emission(c0, 1)
        v[2] = start.2 + emission(c0, 2)
        v[3] = start.3 + emission(c0, 3)
        for t in 1..<n {
            let c = chars[t]
            for y in 0..<4 {
                let em = emission(c, y)
                let (p0, p1) = prev[y]
                let a = v[(t - 1) * 4 + p0] + trans[p0 * 4 + y] + em
                let bb = v[(t - 1) * 4 + p1] + trans[p1 * 4 + y] + em
                // jieba takes max over (prob, state) tuples: ties go to the larger state letter.
                if a > bb || (a == bb && p0 > p1) {
                    v[t * 4 + y] = a; back[t * 4 + y] = UInt8(p0)
                } else {
                    v[t * 4 + y] = bb; back[t * 4 + y] = UInt8(p1)
                }
            }
        }
        // The last state is E or S.
        let last = n - 1
        var state = v[last * 4 + HMMModel.s] >= v[last * 4 + HMMModel.e] ? HMMModel.s : HMMModel.e
        // Walk back, collecting states.
        let states = scratch.states
        var t = last
        while true {
            states[t] = UInt8(state)
            if t == 0 { break }
            state = Int(back[t * 4 + state])
            t -= 1
        }
        for i in 0..<n {
            let st = Int(states[i])
            if st == HMMModel.e || st == HMMModel.s { cuts.append(i + 1) }
        }
    }
}

/// Reusable buffers for Viterbi decoding.
struct HMMScratch {
    var capacity = 0
    var v: UnsafeMutableBufferPointer<Double> = .init(start: nil, count: 0)
    var back: UnsafeMutableBufferPointer<UInt8> = .init(start: nil, count: 0)
    var states: UnsafeMutableBufferPointer<UInt8> = .init(start: nil, count: 0)

    mutating func ensure(_ n: Int) {
        guard n > capacity else { return }
        release()
        capacity = max(n, 64) * 2
        v = .allocate(capacity: capacity * 4)
        back = .allocate(capacity: capacity * 4)
        states = .allocate(capacity: capacity)
    }

    mutating func release() {
        if capacity > 0 { v.deallocate(); back.deallocate(); states.deallocate() }
        capacity = 0
    }
}
