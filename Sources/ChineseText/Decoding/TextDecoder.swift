#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Decodes text files in UTF-8, UTF-16, GB18030/GBK/GB2312 or Big5 to `String`.
///
/// Order of decisions:
/// 1. A byte order mark always wins (UTF-8 EF BB BF, UTF-16LE FF FE, UTF-16BE FE FF,
///    GB18030 84 31 95 33); it is removed from the text.
/// 2. Otherwise a declared encoding (`declared:`) is used; an unknown name throws
///    `ChineseTextError.unsupportedEncoding`.
/// 3. Otherwise the encoding is detected (`detect(_:)`).
///
/// Binary input (a NUL byte in the first 64 KiB — outside UTF-16 — or more than 10% control
/// characters other than tab, LF, VT, FF, CR, SUB and ESC) throws `ChineseTextError.binaryFile`.
/// Invalid byte sequences become U+FFFD and are reported as warnings with their byte offset;
/// adjacent invalid bytes give one warning, and at most `maxWarnings` warnings are listed.
public enum TextDecoder {
    /// The most warnings listed per input; further problems are summarized in one last warning.
    public static let maxWarnings = 100

    /// Decode bytes. `declared` (e.g. from an HTML meta charset or a user flag: "gbk", "GB2312",
    /// "gb18030", "big5", "big5-hkscs", "cp950", "utf-8", "utf8", "utf-16le" …) wins over
    /// detection; a BOM wins over both (with a warning if it contradicts `declared`).
    public static func decode(_ bytes: [UInt8], path: String, declared: String? = nil) throws -> DecodedText {
        try bytes.withUnsafeBufferPointer { try decode(buffer: $0, path: path, declared: declared) }
    }

    /// Read and decode a file (see `decode(_:path:declared:)`).
    public static func decodeFile(atPath path: String, declared: String? = nil) throws -> DecodedText {
        func failure(_ code: Int32) -> ChineseTextError {
            .unreadable(path: path, reason: String(cString: strerror(code)))
        }
        let fd = open(path, O_RDONLY)
        if fd < 0 { throw failure(errno) }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) != 0 { throw failure(errno) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw ChineseTextError.unreadable(path: path, reason: "is a directory") }
        let size = Int(info.st_size)
        let bytes = try readAll(fd, expectedSize: size, path: path)
        return try decode(bytes, path: path, declared: declared)
    }

    /// Best guess of the encoding of `bytes` (BOM, UTF-16 NUL pattern, valid UTF-8, then GB18030
    /// versus Big5 by character statistics). Pure ASCII and empty input give `.utf8`.
    public static func detect(_ bytes: [UInt8]) -> TextEncoding {
        bytes.withUnsafeBufferPointer { EncodingDetector.detect($0) }
    }

    /// The encoding for a charset name, or nil. Case, spaces, quotes, "-" and "_" are ignored.
    /// UTF-8: utf-8, utf8, unicode-1-1-utf-8. UTF-16: utf-16 (= LE, as in browsers), utf-16le,
    /// utf-16be, ucs-2, unicode. GB18030: gb18030, gbk, gb2312, gb_2312-80, cp936, ms936,
    /// windows-936, x-gbk, euc-cn, csgb2312, chinese, iso-ir-58. Big5: big5, big5-hkscs, cp950,
    /// ms950, windows-950, x-x-big5, cn-big5, csbig5, big5-eten.
    public static func encoding(named name: String) -> TextEncoding? {
        var key = ""
        for scalar in name.unicodeScalars {
            let v = scalar.value
            if CharClass.isASCIIDigit(v) {
                key.unicodeScalars.append(scalar)
            } else if CharClass.isASCIILetter(v), let lower = Unicode.Scalar(v | 0x20) {
                key.unicodeScalars.append(lower)
            }
        }
        switch key {
        case "utf8", "unicode11utf8", "unicode20utf8", "xunicode20utf8":
            return .utf8
        case "utf16", "utf16le", "ucs2", "unicode", "unicodefeff", "csunicode", "iso10646ucs2":
            return .utf16LE
        case "utf16be", "unicodefffe":
            return .utf16BE
        case "gb18030", "gbk", "gb2312", "gb231280", "cp936", "ms936", "windows936", "xgbk",
             "euccn", "xeuccn", "csgb2312", "chinese", "isoir58", "csiso58gb231280", "gb":
            return .gb18030
        case "big5", "big5hkscs", "cp950", "ms950", "windows950", "xxbig5", "cnbig5", "csbig5",
             "big5eten", "xbig5", "big5tw":
            return .big5
        default:
            return nil
        }
    }

    // MARK: - Implementation

    static func decode(buffer p: UnsafeBufferPointer<UInt8>, path: String, declared: String?) throws -> DecodedText {
        var encoding: TextEncoding
        var start = 0
        var hadBOM = false
        var notes: [(Int, String)] = []
        var knownValidUTF8 = false
        if let (bomEncoding, length) = EncodingDetector.bom(p) {
            encoding = bomEncoding
            start = length
            hadBOM = true
            if let declared {
                let declaredEncoding = self.encoding(named: declared)
                // "utf-16" / "unicode" without endianness agree with either UTF-16 BOM.
                let genericUTF16 = declaredEncoding == .utf16LE && bomEncoding == .utf16BE
                    && !declared.lowercased().contains("le")
                if declaredEncoding != bomEncoding && !genericUTF16 {
                    notes.append((0, "declared encoding '\(declared)' ignored: the byte order mark says \(bomEncoding.displayName)"))
                }
            }
        } else if let declared {
            guard let declaredEncoding = self.encoding(named: declared) else {
                throw ChineseTextError.unsupportedEncoding(name: declared, path: path)
            }
            encoding = declaredEncoding
            // A common mistake: a page saved as UTF-8 that still declares its old charset.
            if encoding == .gb18030 || encoding == .big5 {
                let stats = ByteDecoders.utf8Stats(p, from: 0)
                if stats.complete && stats.invalid == 0 && stats.multibyte > 0 {
                    notes.append((0, "declared encoding '\(declared)' used, but the bytes are valid UTF-8 (the declaration may be wrong)"))
                }
            }
        } else {
            (encoding, knownValidUTF8) = EncodingDetector.detectWithValidity(p)
        }

        var warnings = WarningCollector(path: path, encodingName: encoding.displayName)
        for (offset, message) in notes { warnings.note(at: offset, message) }
        if start >= p.count {
            return DecodedText(text: "", encoding: encoding, hadBOM: hadBOM, warnings: warnings.finish())
        }
        let body = UnsafeBufferPointer(rebasing: p[start...])
        switch encoding {
        case .utf16LE, .utf16BE:
            if looksBinaryUTF16(body, bigEndian: encoding == .utf16BE) { throw ChineseTextError.binaryFile(path: path) }
        default:
            if looksBinary(body) { throw ChineseTextError.binaryFile(path: path) }
        }

        let text: String
        switch encoding {
        case .utf8:
            if knownValidUTF8 {
                text = String(decoding: body, as: UTF8.self)
            } else {
                // Valid stretches are copied in bulk; a few errors fit in the slack, more make it grow.
                text = ByteDecoders.run(p, from: start, estimate: body.count + body.count / 64, warnings: &warnings,
                                        step: ByteDecoders.utf8Step())
            }
        case .utf16LE, .utf16BE:
            text = ByteDecoders.run(p, from: start, estimate: (p.count - start) / 2 * 3 + 3, warnings: &warnings,
                                    step: ByteDecoders.utf16Step(bigEndian: encoding == .utf16BE))
        case .gb18030:
            guard let tables = LegacyTables.gb18030 else {
                throw ChineseTextError.unsupportedEncoding(name: "GB18030 (the C library has no GB18030 converter)", path: path)
            }
            text = ByteDecoders.run(p, from: start, estimate: legacyEstimate(body.count), warnings: &warnings,
                                    step: ByteDecoders.gb18030Step(tables))
        case .big5:
            guard let table = LegacyTables.big5 else {
                throw ChineseTextError.unsupportedEncoding(name: "Big5 (the C library has no BIG5-HKSCS converter)", path: path)
            }
            text = ByteDecoders.run(p, from: start, estimate: legacyEstimate(body.count), warnings: &warnings,
                                    step: ByteDecoders.big5Step(table))
        }
        return DecodedText(text: text, encoding: encoding, hadBOM: hadBOM, warnings: warnings.finish())
    }

    /// Output capacity for GB18030/Big5: 1.5 bytes per input byte covers every two-byte code that
    /// maps into the BMP. (Pages of a large allocation that are never written are never touched,
    /// so the slack costs address space, not memory.) Supplementary characters from two-byte codes
    /// and many invalid bytes can exceed it; decoding then continues in a larger buffer.
    static func legacyEstimate(_ count: Int) -> Int {
        count + count / 2
    }

    /// Size of the prefix examined by the binary-file check.
    static let binarySampleSize = 64 * 1024

    /// NUL bytes, or more than 10% control characters, in the first 64 KiB.
    static func looksBinary(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = min(p.count, binarySampleSize)
        guard n > 0 else { return false }
        var controls = 0
        var k = 0
        while k < n {
            // Eight bytes at a time while none is below 0x20 or 0x7F: the usual bit tests for
            // "some byte < 0x20" and "some byte == 0x7F" are exact about whether one exists, and
            // a word with one is looked at byte by byte as before.
            if k + 8 <= n {
                let x = UnsafeRawPointer(p.baseAddress! + k).loadUnaligned(as: UInt64.self)
                let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
                let below = (x &- ones &* 0x20) & ~x & highs
                let y = x ^ (ones &* 0x7F)
                let del = (y &- ones) & ~y & highs
                if below | del == 0 {
                    k += 8
                    continue
                }
            }
            let end = min(n, k + 8)
            while k < end {
                let b = p[k]
                k += 1
                if b >= 0x20 && b != 0x7F { continue }
                switch b {
                case 0x00: return true
                case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1A, 0x1B: continue
                default: controls += 1
                }
            }
        }
        return controls * 10 > n
    }

    /// The same check on UTF-16 code units.
    static func looksBinaryUTF16(_ p: UnsafeBufferPointer<UInt8>, bigEndian: Bool) -> Bool {
        let n = min(p.count, binarySampleSize) & ~1
        guard n > 0 else { return false }
        var controls = 0
        var k = 0
        while k < n {
            let u = bigEndian ? UInt16(p[k]) << 8 | UInt16(p[k + 1]) : UInt16(p[k]) | UInt16(p[k + 1]) << 8
            k += 2
            if u >= 0x20 && u != 0x7F { continue }
            switch u {
            case 0x00: return true
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1A, 0x1B: continue
            default: controls += 1
            }
        }
        return controls * 10 > n / 2
    }

    /// Reads everything from an open file descriptor: `expectedSize` bytes straight into the
    /// array, then whatever else there is (files that grew, pipes, /proc files reporting size 0).
    static func readAll(_ fd: Int32, expectedSize: Int, path: String) throws -> [UInt8] {
        func failure(_ code: Int32) -> ChineseTextError {
            .unreadable(path: path, reason: String(cString: strerror(code)))
        }
        var readError: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: max(expectedSize, 0)) { buffer, count in
            count = 0
            guard let base = buffer.baseAddress else { return }
            while count < buffer.count {
                let r = read(fd, base + count, buffer.count - count)
                if r < 0 {
                    if errno == EINTR { continue }
                    readError = errno
                    return
                }
                if r == 0 { return }
                count += r
            }
        }
        if readError != 0 { throw failure(readError) }
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let r = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if r < 0 {
                if errno == EINTR { continue }
                throw failure(errno)
            }
            if r == 0 { break }
            bytes.append(contentsOf: chunk[0..<r])
        }
        return bytes
    }
}
