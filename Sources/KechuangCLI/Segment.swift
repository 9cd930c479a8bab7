import ArgumentParser
import ChineseText
import Foundation

struct Segment: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Cut Chinese text into words.",
        discussion: """
        Reads the files (or standard input) and writes one line per input line, the words \
        separated by single spaces (the SIGHAN format). With --pos each word is followed by \
        /tag (jieba's tag set; m numbers, t times, eng Latin words, w punctuation, url, x unknown).

        A user dictionary has one entry per line: `word [freq] [tag]`. Its words win over the \
        built-in dictionary wherever they occur.
        """
    )

    @Flag(name: .customLong("no-hmm"), help: "Do not guess unknown words with the HMM.")
    var noHMM = false

    @Option(help: "default: the most likely words; search: also the dictionary words inside long words (for indexing).")
    var mode: String = "default"

    @Option(name: .customLong("user-dict"), help: "A user dictionary file (word [freq] [tag] per line).")
    var userDict: String?

    @Flag(help: "Append /tag to each word.")
    var pos = false

    @Option(help: "The input encoding, when detection should not decide (utf-8, gbk, gb18030, big5).")
    var encoding: String?

    @Argument(help: "Files to segment; standard input when none.")
    var files: [String] = []

    func run() throws {
        guard let mode = SegmentationMode(rawValue: mode) else {
            throw ValidationError("--mode must be default or search")
        }
        let segmenter: Segmenter
        do {
            segmenter = try userDict.map { try Segmenter.withUserDictionary(URL(fileURLWithPath: $0)) } ?? Segmenter.standard()
        } catch let error as ChineseTextError {
            throw ValidationError(error.description)
        }
        var out = Output()
        var writer = TokenWriter(segmenter: segmenter, mode: mode, hmm: !noHMM, pos: pos)
        let failures = try Inputs.forEach(files, encoding: encoding) { input in
            var input = input
            input.withUTF8 { bytes in writer.writeLines(bytes, to: &out) }
        }
        out.flush()
        writer.release()
        if failures > 0 { throw ExitCode(1) }
    }
}

/// Segments UTF-8 text line by line and writes the words separated by spaces.
struct TokenWriter {
    let segmenter: Segmenter
    let mode: SegmentationMode
    let hmm: Bool
    let pos: Bool
    private var scalars: [UInt32] = []
    private var byteOffsets: [Int] = []
    private var tokens: [Token] = []
    private var scratch = SegmenterScratch()

    init(segmenter: Segmenter, mode: SegmentationMode, hmm: Bool, pos: Bool) {
        self.segmenter = segmenter
        self.mode = mode
        self.hmm = hmm
        self.pos = pos
    }

    /// Very long lines are segmented in pieces of about this many bytes, cut at whitespace or
    /// after sentence punctuation, so that memory stays flat.
    static let pieceBytes = 1 << 20

    mutating func writeLines(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout Output) {
        var start = 0
        let n = bytes.count
        while start < n {
            var end = start
            while end < n && bytes[end] != 0x0A { end += 1 }
            var lineEnd = end
            if lineEnd > start && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            var p = start
            while lineEnd - p > Self.pieceBytes {
                let cut = Self.safeCut(bytes, from: p, limit: p + Self.pieceBytes)
                writeSegment(UnsafeBufferPointer(rebasing: bytes[p..<cut]), to: &out)
                out.write(0x20)
                p = cut
            }
            writeSegment(UnsafeBufferPointer(rebasing: bytes[p..<lineEnd]), to: &out)
            out.write(0x0A)
            start = end + 1
        }
    }

    /// A cut point at or before `limit`: after an ASCII space or a CJK full stop/comma, else at a
    /// character boundary.
    static func safeCut(_ b: UnsafeBufferPointer<UInt8>, from: Int, limit: Int) -> Int {
        var i = limit
        let floor = max(from + 1, limit - 4096)
        while i > floor {
            if b[i - 1] == 0x20 { return i }
            // 。 = E3 80 82, ， = EF BC 8C
            if i >= 3 && ((b[i - 3] == 0xE3 && b[i - 2] == 0x80 && b[i - 1] == 0x82) || (b[i - 3] == 0xEF && b[i - 2] == 0xBC && b[i - 1] == 0x8C)) { return i }
            i -= 1
        }
        i = limit
        while i > from + 1 && (b[i] & 0xC0) == 0x80 { i -= 1 }
        return i
    }

    mutating func writeSegment(_ line: UnsafeBufferPointer<UInt8>, to out: inout Output) {
        scalars.removeAll(keepingCapacity: true)
        byteOffsets.removeAll(keepingCapacity: true)
        UTF8Scalars.decode(line, scalars: &scalars, offsets: &byteOffsets)
        byteOffsets.append(line.count)
        tokens.removeAll(keepingCapacity: true)
        scalars.withUnsafeBufferPointer { s in
            segmenter.tokenize(scalars: s, mode: mode, hmm: hmm, into: &tokens, scratch: &scratch)
        }
        var first = true
        for t in tokens {
            if !first { out.write(0x20) }
            first = false
            let a = byteOffsets[t.start], b = byteOffsets[t.end]
            out.write(UnsafeBufferPointer(rebasing: line[a..<b]))
            if pos {
                out.write(0x2F)
                out.write(t.tag)
            }
        }
    }

    mutating func release() { scratch.release() }
}

/// Decodes UTF-8 into scalar values with the byte offset of each (invalid bytes → U+FFFD).
enum UTF8Scalars {
    static func decode(_ b: UnsafeBufferPointer<UInt8>, scalars: inout [UInt32], offsets: inout [Int]) {
        let n = b.count
        // At most one scalar per byte: size once, fill through raw pointers, trim.
        let base = scalars.count
        scalars.append(contentsOf: repeatElement(0, count: n))
        offsets.append(contentsOf: repeatElement(0, count: n))
        var k = base
        scalars.withUnsafeMutableBufferPointer { sc in
            offsets.withUnsafeMutableBufferPointer { of in
                var i = 0
                while i < n {
                    let c0 = UInt32(b[i])
                    of[k] = i
                    if c0 < 0x80 {
                        sc[k] = c0; i += 1
                    } else if c0 >= 0xE0 && c0 < 0xF0 && i + 2 < n && b[i + 1] & 0xC0 == 0x80 && b[i + 2] & 0xC0 == 0x80 {
                        sc[k] = (c0 & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F); i += 3
                    } else if c0 >= 0xC2 && c0 < 0xE0 && i + 1 < n && b[i + 1] & 0xC0 == 0x80 {
                        sc[k] = (c0 & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F); i += 2
                    } else if c0 >= 0xF0 && c0 < 0xF5 && i + 3 < n && b[i + 1] & 0xC0 == 0x80 && b[i + 2] & 0xC0 == 0x80 && b[i + 3] & 0xC0 == 0x80 {
                        sc[k] = (c0 & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F); i += 4
                    } else {
                        sc[k] = 0xFFFD; i += 1
                    }
                    k += 1
                }
            }
        }
        scalars.removeLast(scalars.count - k)
        offsets.removeLast(offsets.count - k)
    }
}
