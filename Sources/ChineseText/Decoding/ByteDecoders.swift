// The decoding loops. Each loop reads bytes and writes UTF-8 straight into the storage of the
// resulting String (no per-character String work), replaces invalid sequences with U+FFFD and
// reports them with their byte offsets.
//
// Error recovery follows the WHATWG Encoding Standard's decoders:
// * UTF-8: one U+FFFD per maximal invalid subpart (as Swift's own `String(decoding:as:)`).
// * GB18030: a lead byte followed by an invalid or unmapped trail byte gives one U+FFFD; an ASCII
//   trail byte is not swallowed but decoded as itself. Single byte 0x80 decodes to € (as in CP936).
// * Big5: likewise; an ASCII trail byte is decoded as itself.
// * UTF-16: unpaired surrogates and an odd final byte give U+FFFD.

/// A resumable decoder: decodes from input position `i`, writing at output position `o`;
/// returns false (with `i` and `o` at a character boundary) when the output buffer is nearly
/// full (fewer than 8 bytes left), true when all input is decoded.
typealias DecodeStep = (
    _ input: UnsafeBufferPointer<UInt8>, _ i: inout Int,
    _ out: UnsafeMutableBufferPointer<UInt8>, _ o: inout Int,
    _ warnings: inout WarningCollector
) -> Bool

enum ByteDecoders {
    /// Runs `step` over the input and returns the text. `estimate` is the expected size of the
    /// UTF-8 output (too small only costs a copy).
    ///
    /// In place: into a String whose capacity is first `estimate`. If that is too small, the
    /// partial output is copied into a larger String, decoding continues there, and the first
    /// String is dropped (it never restarts, and never holds more than two buffers).
    static func run(
        _ input: UnsafeBufferPointer<UInt8>, from start: Int, estimate: Int,
        warnings: inout WarningCollector, step: DecodeStep
    ) -> String {
        if #available(macOS 26.0, iOS 26.0, watchOS 26.0, tvOS 26.0, visionOS 26.0, *) {
            return runInChunks(input, from: start, estimate: estimate, warnings: &warnings, step: step)
        }
        return runInPlace(input, from: start, estimate: estimate, warnings: &warnings, step: step)
    }

    /// Decodes 32 KiB at a time into a small buffer that stays in cache and appends each chunk to
    /// the result without validating it again (the decoders only write valid UTF-8). Validation by
    /// `String(unsafeUninitializedCapacity:)` would cost about as much as decoding itself.
    @available(macOS 26.0, iOS 26.0, watchOS 26.0, tvOS 26.0, visionOS 26.0, *)
    static func runInChunks(
        _ input: UnsafeBufferPointer<UInt8>, from start: Int, estimate: Int,
        warnings: inout WarningCollector, step: DecodeStep
    ) -> String {
        var result = ""
        result.reserveCapacity(estimate)
        let chunk = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 32 * 1024)
        defer { chunk.deallocate() }
        var i = start
        while true {
            var o = 0
            let done = step(input, &i, chunk, &o, &warnings)
            if o > 0 {
                let written = UnsafeBufferPointer(UnsafeMutableBufferPointer(rebasing: chunk[0..<o]))
                result.append(String(copying: UTF8Span(unchecked: written.span)))
            }
            if done { return result }
        }
    }

    /// Decodes straight into the storage of the String (which then validates it).
    static func runInPlace(
        _ input: UnsafeBufferPointer<UInt8>, from start: Int, estimate: Int,
        warnings: inout WarningCollector, step: DecodeStep
    ) -> String {
        var i = start
        var continued: String?
        func fill(capacity: Int, prefix: UnsafeBufferPointer<UInt8>?) -> String {
            String(unsafeUninitializedCapacity: capacity) { out -> Int in
                var o = 0
                if let prefix, prefix.count > 0 {
                    _ = UnsafeMutableBufferPointer(rebasing: out[0..<prefix.count]).initialize(from: prefix)
                    o = prefix.count
                }
                if step(input, &i, out, &o, &warnings) { return o }
                // Enough for the rest even if every remaining byte becomes U+FFFD.
                let larger = o + (input.count - i) * 3 + 64
                let written = UnsafeBufferPointer(UnsafeMutableBufferPointer(rebasing: out[0..<o]))
                continued = fill(capacity: larger, prefix: written)
                return 0
            }
        }
        let first = fill(capacity: max(estimate, 16) + 64, prefix: nil)
        return continued ?? first
    }

    // MARK: - Output helpers

    @inline(__always)
    static func put(_ s: UInt32, _ out: UnsafeMutablePointer<UInt8>, _ o: inout Int) {
        if s < 0x80 {
            out[o] = UInt8(truncatingIfNeeded: s)
            o &+= 1
        } else if s < 0x800 {
            out[o] = UInt8(truncatingIfNeeded: 0xC0 | s >> 6)
            out[o &+ 1] = UInt8(truncatingIfNeeded: 0x80 | s & 0x3F)
            o &+= 2
        } else if s < 0x10000 {
            out[o] = UInt8(truncatingIfNeeded: 0xE0 | s >> 12)
            out[o &+ 1] = UInt8(truncatingIfNeeded: 0x80 | (s >> 6) & 0x3F)
            out[o &+ 2] = UInt8(truncatingIfNeeded: 0x80 | s & 0x3F)
            o &+= 3
        } else {
            out[o] = UInt8(truncatingIfNeeded: 0xF0 | s >> 18)
            out[o &+ 1] = UInt8(truncatingIfNeeded: 0x80 | (s >> 12) & 0x3F)
            out[o &+ 2] = UInt8(truncatingIfNeeded: 0x80 | (s >> 6) & 0x3F)
            out[o &+ 3] = UInt8(truncatingIfNeeded: 0x80 | s & 0x3F)
            o &+= 4
        }
    }

    @inline(__always)
    static func putReplacement(_ out: UnsafeMutablePointer<UInt8>, _ o: inout Int) {
        out[o] = 0xEF
        out[o &+ 1] = 0xBF
        out[o &+ 2] = 0xBD
        o &+= 3
    }

    /// Copies ASCII bytes 8 at a time while both buffers have room; returns with `i` at the
    /// first non-ASCII byte of the next 8-byte block (or near the end).
    @inline(__always)
    static func copyASCII(
        _ src: UnsafePointer<UInt8>, _ n: Int, _ i: inout Int,
        _ dst: UnsafeMutablePointer<UInt8>, _ cap: Int, _ o: inout Int
    ) {
        let rawSrc = UnsafeRawPointer(src)
        let rawDst = UnsafeMutableRawPointer(dst)
        while i &+ 8 <= n && o &+ 8 <= cap {
            let w = rawSrc.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            if w & 0x8080_8080_8080_8080 != 0 { break }
            rawDst.storeBytes(of: w, toByteOffset: o, as: UInt64.self)
            i &+= 8
            o &+= 8
        }
    }

    // MARK: - UTF-8

    /// Position of the first invalid or truncated UTF-8 sequence at or after `start`, or nil.
    static func firstInvalidUTF8(_ input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let p = input.baseAddress else { return nil }
        let n = input.count
        var i = start
        while i < n {
            let b = p[i]
            if b < 0x80 {
                let raw = UnsafeRawPointer(p)
                while i &+ 8 <= n && raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i &+= 8
                }
                while i < n && p[i] < 0x80 { i &+= 1 }
                continue
            }
            let length = validUTF8SequenceLength(p, n, i)
            if length <= 0 { return i }
            i &+= length
        }
        return nil
    }

    /// Length of the valid UTF-8 sequence starting with the non-ASCII byte at `i`;
    /// otherwise `-k` where `k` is the length of the maximal invalid subpart (k >= 1),
    /// or 0 if the input ends inside an otherwise valid prefix (truncated).
    @inline(__always)
    static func validUTF8SequenceLength(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: Int) -> Int {
        let b = p[i]
        var need: Int
        var lo: UInt8 = 0x80
        var hi: UInt8 = 0xBF
        switch b {
        case 0xC2...0xDF: need = 1
        case 0xE0: need = 2; lo = 0xA0
        case 0xE1...0xEC, 0xEE, 0xEF: need = 2
        case 0xED: need = 2; hi = 0x9F
        case 0xF0: need = 3; lo = 0x90
        case 0xF1...0xF3: need = 3
        case 0xF4: need = 3; hi = 0x8F
        default: return -1
        }
        var j = i &+ 1
        while need > 0 {
            if j >= n { return 0 }
            let c = p[j]
            if c < lo || c > hi { return -(j &- i) }
            lo = 0x80
            hi = 0xBF
            j &+= 1
            need &-= 1
        }
        return j &- i
    }

    /// Counts of UTF-8 structure, for detection. Stops early once the input is clearly not UTF-8.
    static func utf8Stats(_ input: UnsafeBufferPointer<UInt8>, from start: Int) -> (multibyte: Int, invalid: Int, complete: Bool) {
        guard let p = input.baseAddress else { return (0, 0, true) }
        let n = input.count
        var i = start
        var multibyte = 0
        var invalid = 0
        while i < n {
            let b = p[i]
            if b < 0x80 {
                let raw = UnsafeRawPointer(p)
                while i &+ 8 <= n && raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i &+= 8
                }
                while i < n && p[i] < 0x80 { i &+= 1 }
                continue
            }
            let length = validUTF8SequenceLength(p, n, i)
            if length > 0 {
                multibyte &+= 1
                i &+= length
            } else if length == 0 {
                invalid &+= 1  // truncated at the end
                break
            } else {
                invalid &+= 1
                i &+= -length
                if invalid >= 64 && invalid * 50 > multibyte { return (multibyte, invalid, false) }
            }
        }
        return (multibyte, invalid, true)
    }

    /// The UTF-8 decoder: valid stretches are copied in bulk (the position of the next problem is
    /// remembered between calls, so that decoding in chunks stays linear).
    static func utf8Step() -> DecodeStep {
        var nextProblem = -1
        return { input, i, out, o, warnings in
            guard let p = input.baseAddress else { return true }
            guard let dst = out.baseAddress else { return i >= input.count }
            let n = input.count
            let cap = out.count
            while i < n {
                if nextProblem < i { nextProblem = firstInvalidUTF8(input, from: i) ?? n }
                let bad = nextProblem
                while i < bad {
                    // As much as fits, ending at a character boundary (the stretch is valid UTF-8).
                    let room = cap - o - 8
                    if room <= 0 { return false }
                    var end = bad
                    if end - i > room {
                        end = i + room
                        while end > i && p[end] & 0xC0 == 0x80 { end -= 1 }
                        if end == i { return false }
                    }
                    (dst + o).update(from: p + i, count: end - i)
                    o += end - i
                    i = end
                }
                if i >= n { break }
                if o + 8 > cap { return false }
                let length = validUTF8SequenceLength(p, n, i)
                if length == 0 {
                    warnings.truncated(at: i, length: n - i, bytes: input)
                    putReplacement(dst, &o)
                    i = n
                } else {
                    let k = length < 0 ? -length : 1
                    warnings.invalid(at: i, length: k, bytes: input)
                    putReplacement(dst, &o)
                    i += k
                }
            }
            return true
        }
    }

    // MARK: - UTF-16

    static func utf16Step(bigEndian: Bool) -> DecodeStep {
        return { input, i, out, o, warnings in
            guard let p = input.baseAddress else { return true }
            guard let dst = out.baseAddress else { return i >= input.count }
            let n = input.count
            let cap = out.count
            @inline(__always) func unit(_ k: Int) -> UInt32 {
                bigEndian ? UInt32(p[k]) << 8 | UInt32(p[k &+ 1]) : UInt32(p[k]) | UInt32(p[k &+ 1]) << 8
            }
            while i < n {
                if o &+ 8 > cap { return false }
                if i &+ 1 >= n {
                    warnings.truncated(at: i, length: 1, bytes: input)
                    putReplacement(dst, &o)
                    i = n
                    break
                }
                let u = unit(i)
                if u < 0xD800 || u > 0xDFFF {
                    put(u, dst, &o)
                    i &+= 2
                } else if u <= 0xDBFF {
                    if i &+ 3 >= n {
                        warnings.truncated(at: i, length: n &- i, bytes: input)
                        putReplacement(dst, &o)
                        i = n
                        break
                    }
                    let u2 = unit(i &+ 2)
                    if u2 >= 0xDC00 && u2 <= 0xDFFF {
                        put(0x10000 &+ ((u &- 0xD800) << 10) &+ (u2 &- 0xDC00), dst, &o)
                        i &+= 4
                    } else {
                        warnings.invalid(at: i, length: 2, bytes: input)
                        putReplacement(dst, &o)
                        i &+= 2
                    }
                } else {
                    warnings.invalid(at: i, length: 2, bytes: input)
                    putReplacement(dst, &o)
                    i &+= 2
                }
            }
            return true
        }
    }

    // MARK: - GB18030

    static func gb18030Step(_ tables: GBTables) -> DecodeStep {
        return { input, i, out, o, warnings in
            tables.twoByte.withUnsafeBufferPointer { two in
                tables.fourByteBMP.withUnsafeBufferPointer { four in
                    gb18030Loop(input, &i, out, &o, &warnings, two, four)
                }
            }
        }
    }

    @inline(__always)
    private static func gb18030Loop(
        _ input: UnsafeBufferPointer<UInt8>, _ iRef: inout Int,
        _ out: UnsafeMutableBufferPointer<UInt8>, _ oRef: inout Int,
        _ warnings: inout WarningCollector,
        _ two: UnsafeBufferPointer<UInt32>, _ four: UnsafeBufferPointer<UInt16>
    ) -> Bool {
        var i = iRef
        var o = oRef
        defer {
            iRef = i
            oRef = o
        }
        guard let p = input.baseAddress else { return true }
        guard let dst = out.baseAddress, let twoBase = two.baseAddress, let fourBase = four.baseAddress else {
            return i >= input.count
        }
        let n = input.count
        let cap = out.count
        while i < n {
            if o &+ 8 > cap { return false }
            let b = p[i]
            if b < 0x80 {
                dst[o] = b
                o &+= 1
                i &+= 1
                copyASCII(p, n, &i, dst, cap, &o)
                continue
            }
            if b == 0x80 {
                put(0x20AC, dst, &o)
                i &+= 1
                continue
            }
            if b == 0xFF {
                warnings.invalid(at: i, length: 1, bytes: input)
                putReplacement(dst, &o)
                i &+= 1
                continue
            }
            if i &+ 1 >= n {
                warnings.truncated(at: i, length: n &- i, bytes: input)
                putReplacement(dst, &o)
                i = n
                break
            }
            let b2 = p[i &+ 1]
            if b2 >= 0x40 && b2 != 0x7F && b2 != 0xFF {
                let index = Int(b &- 0x81) &* 190 &+ Int(b2 &- (b2 < 0x7F ? 0x40 : 0x41))
                let packed = twoBase[index]
                if packed != 0 {
                    UnsafeMutableRawPointer(dst).storeBytes(of: packed.littleEndian, toByteOffset: o, as: UInt32.self)
                    o &+= LegacyTables.packedLength(packed)
                    i &+= 2
                } else {
                    let length = b2 < 0x80 ? 1 : 2
                    warnings.invalid(at: i, length: length, bytes: input)
                    putReplacement(dst, &o)
                    i &+= length
                }
                continue
            }
            if b2 >= 0x30 && b2 <= 0x39 {
                if i &+ 2 >= n {
                    warnings.truncated(at: i, length: n &- i, bytes: input)
                    putReplacement(dst, &o)
                    i = n
                    break
                }
                let b3 = p[i &+ 2]
                if b3 < 0x81 || b3 == 0xFF {
                    warnings.invalid(at: i, length: 1, bytes: input)
                    putReplacement(dst, &o)
                    i &+= 1
                    continue
                }
                if i &+ 3 >= n {
                    warnings.truncated(at: i, length: n &- i, bytes: input)
                    putReplacement(dst, &o)
                    i = n
                    break
                }
                let b4 = p[i &+ 3]
                if b4 < 0x30 || b4 > 0x39 {
                    warnings.invalid(at: i, length: 1, bytes: input)
                    putReplacement(dst, &o)
                    i &+= 1
                    continue
                }
                let low = Int(b3 &- 0x81) &* 10 &+ Int(b4 &- 0x30)
                var s: UInt32 = 0
                if b <= 0x84 {
                    let pointer = (Int(b &- 0x81) &* 10 &+ Int(b2 &- 0x30)) &* 1260 &+ low
                    if pointer < LegacyTables.gbFourByteBMPCount { s = UInt32(fourBase[pointer]) }
                } else if b >= 0x90 && b <= 0xE3 {
                    let pointer = (Int(b &- 0x90) &* 10 &+ Int(b2 &- 0x30)) &* 1260 &+ low
                    if pointer <= 0xFFFFF { s = 0x10000 &+ UInt32(pointer) }
                }
                if s != 0 {
                    put(s, dst, &o)
                } else {
                    warnings.invalid(at: i, length: 4, bytes: input)
                    putReplacement(dst, &o)
                }
                i &+= 4
                continue
            }
            // Invalid second byte: an ASCII byte is decoded on its own next.
            let length = b2 < 0x80 ? 1 : 2
            warnings.invalid(at: i, length: length, bytes: input)
            putReplacement(dst, &o)
            i &+= length
        }
        return true
    }

    // MARK: - Big5

    static func big5Step(_ table: [UInt32]) -> DecodeStep {
        return { input, i, out, o, warnings in
            table.withUnsafeBufferPointer { t in
                big5Loop(input, &i, out, &o, &warnings, t)
            }
        }
    }

    @inline(__always)
    private static func big5Loop(
        _ input: UnsafeBufferPointer<UInt8>, _ iRef: inout Int,
        _ out: UnsafeMutableBufferPointer<UInt8>, _ oRef: inout Int,
        _ warnings: inout WarningCollector,
        _ table: UnsafeBufferPointer<UInt32>
    ) -> Bool {
        var i = iRef
        var o = oRef
        defer {
            iRef = i
            oRef = o
        }
        guard let p = input.baseAddress else { return true }
        guard let dst = out.baseAddress, let t = table.baseAddress else { return i >= input.count }
        let n = input.count
        let cap = out.count
        while i < n {
            if o &+ 8 > cap { return false }
            let b = p[i]
            if b < 0x80 {
                dst[o] = b
                o &+= 1
                i &+= 1
                copyASCII(p, n, &i, dst, cap, &o)
                continue
            }
            if b == 0x80 || b == 0xFF {
                warnings.invalid(at: i, length: 1, bytes: input)
                putReplacement(dst, &o)
                i &+= 1
                continue
            }
            if i &+ 1 >= n {
                warnings.truncated(at: i, length: n &- i, bytes: input)
                putReplacement(dst, &o)
                i = n
                break
            }
            let b2 = p[i &+ 1]
            if (b2 >= 0x40 && b2 <= 0x7E) || (b2 >= 0xA1 && b2 <= 0xFE) {
                let packed = t[LegacyTables.big5Index(lead: b, trail: b2)]
                if packed != 0 {
                    if packed & 0xFF == LegacyTables.big5PairMarker {
                        let pair = LegacyTables.big5Pairs[Int(packed >> 8) & 3]
                        put(pair.0, dst, &o)
                        put(pair.1, dst, &o)
                    } else {
                        UnsafeMutableRawPointer(dst).storeBytes(of: packed.littleEndian, toByteOffset: o, as: UInt32.self)
                        o &+= LegacyTables.packedLength(packed)
                    }
                    i &+= 2
                    continue
                }
            }
            let length = b2 < 0x80 ? 1 : 2
            warnings.invalid(at: i, length: length, bytes: input)
            putReplacement(dst, &o)
            i &+= length
        }
        return true
    }
}
