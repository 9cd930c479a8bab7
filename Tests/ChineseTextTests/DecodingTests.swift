import Testing
@testable import ChineseText
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Encodes UTF-8 text to a legacy charset with the C library's iconv (test helper).
private func iconvEncode(_ text: String, to charset: String) -> [UInt8]? {
    let cd = iconv_open(charset, "UTF-8")
    guard let cd, Int(bitPattern: cd) != -1 else { return nil }
    defer { iconv_close(cd) }
    var input = Array(text.utf8)
    var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
    let produced: Int? = input.withUnsafeMutableBufferPointer { inBuf in
        output.withUnsafeMutableBufferPointer { outBuf in
            var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress)?.assumingMemoryBound(to: CChar.self)
            var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress)?.assumingMemoryBound(to: CChar.self)
            var inLeft = inBuf.count
            var outLeft = outBuf.count
            if iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) == -1 { return nil }
            return outBuf.count - outLeft
        }
    }
    guard let produced else { return nil }
    return Array(output[0..<produced])
}

private let gbkChongqing: [UInt8] = [0xD6, 0xD8, 0xC7, 0xEC, 0xBF, 0xC6, 0xBC, 0xBC, 0xB4, 0xB4, 0xD0, 0xC2]  // 重庆科技创新
private let big5Chongqing: [UInt8] = [0xAD, 0xAB, 0xBC, 0x79, 0xAC, 0xEC, 0xA7, 0xDE, 0xB3, 0xD0, 0xB7, 0x73]  // 重慶科技創新

private let gbNews = """
    重庆市科技局发布新一代人工智能发展规划，推动大数据与实体经济深度融合。
    两江新区建设西部科学城，吸引高校和科研院所落户。

    """
private let big5News = """
    台灣科技部宣布推動半導體研發計畫，協助產業升級與人才培育。
    中央研究院發表新的研究成果，引起國際學術界關注。

    """

@Suite("Decoding")
struct DecodingTests {
    // MARK: Legacy encodings

    @Test func gbkDeclared() throws {
        for name in ["gbk", "GBK", "GB2312", "gb18030", "cp936", "GB_2312-80"] {
            let decoded = try TextDecoder.decode(gbkChongqing, path: "a.txt", declared: name)
            #expect(decoded.text == "重庆科技创新")
            #expect(decoded.encoding == .gb18030)
            #expect(decoded.warnings.isEmpty)
            #expect(!decoded.hadBOM)
        }
    }

    @Test func big5Declared() throws {
        for name in ["big5", "Big5", "big5-hkscs", "cp950", "x-x-big5"] {
            let decoded = try TextDecoder.decode(big5Chongqing, path: "a.txt", declared: name)
            #expect(decoded.text == "重慶科技創新")
            #expect(decoded.encoding == .big5)
            #expect(decoded.warnings.isEmpty)
        }
    }

    @Test func gbkAndBig5Detected() throws {
        let gb = try TextDecoder.decode(gbkChongqing, path: "gb.txt")
        #expect(gb.encoding == .gb18030)
        #expect(gb.text == "重庆科技创新")
        let big5 = try TextDecoder.decode(big5Chongqing, path: "big5.txt")
        #expect(big5.encoding == .big5)
        #expect(big5.text == "重慶科技創新")
    }

    @Test func detectionOnTwoLinesOfNews() throws {
        let gbBytes = try #require(iconvEncode(gbNews, to: "GBK"))
        let big5Bytes = try #require(iconvEncode(big5News, to: "BIG5"))
        #expect(TextDecoder.detect(gbBytes) == .gb18030)
        #expect(TextDecoder.detect(big5Bytes) == .big5)
        #expect(try TextDecoder.decode(gbBytes, path: "gb.txt").text == gbNews)
        #expect(try TextDecoder.decode(big5Bytes, path: "big5.txt").text == big5News)
        // One line each, with ASCII around.
        for line in gbNews.split(separator: "\n") {
            let bytes = try #require(iconvEncode("2024-05-01 " + line, to: "GB18030"))
            #expect(TextDecoder.detect(bytes) == .gb18030, "\(line)")
        }
        for line in big5News.split(separator: "\n") {
            let bytes = try #require(iconvEncode("2024-05-01 " + line, to: "BIG5"))
            #expect(TextDecoder.detect(bytes) == .big5, "\(line)")
        }
    }

    @Test func declaredOverridesDetection() throws {
        let gbBytes = try #require(iconvEncode(gbNews, to: "GBK"))
        let asBig5 = try TextDecoder.decode(gbBytes, path: "x.txt", declared: "big5")
        #expect(asBig5.encoding == .big5)
        #expect(asBig5.text != gbNews)
        let utf8 = Array("科技创新".utf8)
        let asGB = try TextDecoder.decode(utf8, path: "x.txt", declared: "gbk")
        #expect(asGB.encoding == .gb18030)
        #expect(asGB.text != "科技创新")
        // Valid UTF-8 declared as GBK is decoded as declared, with a hint.
        #expect(asGB.warnings.count == 1)
        #expect(asGB.warnings.first?.message.contains("valid UTF-8") == true)
    }

    @Test func unknownDeclaredEncodingThrows() {
        #expect(throws: ChineseTextError.unsupportedEncoding(name: "shift_jis", path: "x.txt")) {
            try TextDecoder.decode(Array("abc".utf8), path: "x.txt", declared: "shift_jis")
        }
    }

    @Test func gb18030FourByteAndEuro() throws {
        // ¥ (four-byte BMP), 😀 and 𠀀 (four-byte supplementary), € as A2E3 and as the single byte 0x80.
        let bytes: [UInt8] = [0x81, 0x30, 0x84, 0x36, 0x94, 0x39, 0xFC, 0x36, 0x95, 0x32, 0x82, 0x36, 0xA2, 0xE3, 0x80]
        let decoded = try TextDecoder.decode(bytes, path: "x", declared: "gb18030")
        #expect(decoded.text == "¥😀𠀀€€")
        #expect(decoded.warnings.isEmpty)
        if let encoded = iconvEncode("GB18030：𠀀😀ḿ︐", to: "GB18030") {
            #expect(try TextDecoder.decode(encoded, path: "x", declared: "gb18030").text == "GB18030：𠀀😀ḿ︐")
        }
    }

    @Test func big5Extensions() throws {
        // A3E1 €, A145 ‧ (WHATWG), C6A1 ① (ETEN), 8862 Ê̄ (HKSCS, two scalars), F9D6 碁 (ETEN).
        let bytes: [UInt8] = [0xA3, 0xE1, 0xA1, 0x45, 0xC6, 0xA1, 0x88, 0x62, 0xF9, 0xD6]
        let decoded = try TextDecoder.decode(bytes, path: "x", declared: "big5")
        #expect(decoded.text.unicodeScalars.map(\.value) == [0x20AC, 0x2027, 0x2460, 0xCA, 0x304, 0x7881])
        #expect(decoded.warnings.isEmpty)
    }

    @Test func outputLargerThanEstimate() throws {
        // HKSCS 8745 is U+27267 𧉧: two bytes become four UTF-8 bytes, more than the first estimate.
        let bytes = [UInt8]((0..<10_000).flatMap { _ in [0x87, 0x45, 0x41] })
        let decoded = try TextDecoder.decode(bytes, path: "hk.txt", declared: "big5-hkscs")
        #expect(decoded.text == String(repeating: "\u{27267}A", count: 10_000))
        #expect(decoded.warnings.isEmpty)
    }

    /// The fallback used before macOS 26 (decoding straight into the String's storage).
    @Test func inPlaceDecodingFallback() throws {
        let tables = try #require(LegacyTables.big5)
        let bytes = [UInt8]((0..<10_000).flatMap { _ in [0x87, 0x45, 0x41, 0xFF] })
        var warnings = WarningCollector(path: "x", encodingName: "Big5")
        let text = bytes.withUnsafeBufferPointer {
            ByteDecoders.runInPlace($0, from: 0, estimate: 100, warnings: &warnings, step: ByteDecoders.big5Step(tables))
        }
        #expect(text == String(repeating: "\u{27267}A\u{FFFD}", count: 10_000))
        #expect(warnings.invalidSequences == 10_000)
        let utf8 = Array(String(repeating: "科技a创新é𠀀", count: 7_000).utf8) + [0xC3]
        var utf8Warnings = WarningCollector(path: "x", encodingName: "UTF-8")
        let utf8Text = utf8.withUnsafeBufferPointer {
            ByteDecoders.runInPlace($0, from: 0, estimate: 1000, warnings: &utf8Warnings, step: ByteDecoders.utf8Step())
        }
        #expect(utf8Text == String(repeating: "科技a创新é𠀀", count: 7_000) + "\u{FFFD}")
    }

    @Test func invalidLegacyTrailBytes() throws {
        // D6 followed by ASCII '!' (not a trail byte): one U+FFFD, then '!' (ASCII is not swallowed).
        let gb = try TextDecoder.decode([0xD6, 0x21, 0xFF, 0xD6, 0xD8], path: "g.txt", declared: "gbk")
        #expect(gb.text == "\u{FFFD}!\u{FFFD}重")
        #expect(gb.warnings.map(\.byteOffset) == [0, 2])
        let big5 = try TextDecoder.decode([0xAD, 0x0A, 0x80, 0xAD, 0xAB], path: "b.txt", declared: "big5")
        #expect(big5.text == "\u{FFFD}\n\u{FFFD}重")
        #expect(big5.warnings.map(\.byteOffset) == [0, 2])
    }

    @Test func truncatedGBKAtEnd() throws {
        let bytes = gbkChongqing + [0xD6]
        let decoded = try TextDecoder.decode(bytes, path: "t.txt", declared: "gbk")
        #expect(decoded.text == "重庆科技创新\u{FFFD}")
        #expect(decoded.warnings.count == 1)
        #expect(decoded.warnings.first?.byteOffset == 12)
        #expect(decoded.warnings.first?.message.contains("truncated") == true)
        #expect(decoded.warnings.first?.description.hasPrefix("t.txt: byte 12: ") == true)
        // Truncated four-byte sequence, detected without declaration.
        let four = try TextDecoder.decode(gbkChongqing + [0x81, 0x30, 0x84], path: "t.txt")
        #expect(four.encoding == .gb18030)
        #expect(four.text == "重庆科技创新\u{FFFD}")
        #expect(four.warnings.first?.byteOffset == 12)
    }

    // MARK: UTF-8 and UTF-16

    @Test func utf8WithAndWithoutBOM() throws {
        let plain = try TextDecoder.decode(Array("科技创新 AI".utf8), path: "u.txt")
        #expect(plain.text == "科技创新 AI")
        #expect(plain.encoding == .utf8)
        #expect(!plain.hadBOM)
        let withBOM = try TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array("科技创新".utf8), path: "u.txt")
        #expect(withBOM.text == "科技创新")
        #expect(withBOM.encoding == .utf8)
        #expect(withBOM.hadBOM)
        #expect(withBOM.warnings.isEmpty)
    }

    @Test func gb18030BOM() throws {
        let decoded = try TextDecoder.decode([0x84, 0x31, 0x95, 0x33] + gbkChongqing, path: "g.txt")
        #expect(decoded.encoding == .gb18030)
        #expect(decoded.hadBOM)
        #expect(decoded.text == "重庆科技创新")
    }

    @Test func bomWinsOverDeclared() throws {
        let decoded = try TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array("科技".utf8), path: "u.txt", declared: "gbk")
        #expect(decoded.text == "科技")
        #expect(decoded.encoding == .utf8)
        #expect(decoded.warnings.count == 1)
        #expect(decoded.warnings.first?.message.contains("byte order mark") == true)
    }

    @Test func utf16WithBOM() throws {
        let text = "重庆 5G 😀\n"
        let units = Array(text.utf16)
        var le: [UInt8] = [0xFF, 0xFE]
        var be: [UInt8] = [0xFE, 0xFF]
        for u in units {
            le += [UInt8(u & 0xFF), UInt8(u >> 8)]
            be += [UInt8(u >> 8), UInt8(u & 0xFF)]
        }
        let decodedLE = try TextDecoder.decode(le, path: "le.txt")
        #expect(decodedLE.text == text)
        #expect(decodedLE.encoding == .utf16LE)
        #expect(decodedLE.hadBOM)
        let decodedBE = try TextDecoder.decode(be, path: "be.txt")
        #expect(decodedBE.text == text)
        #expect(decodedBE.encoding == .utf16BE)
        // A generic "utf-16" declaration agrees with either BOM.
        let declaredBE = try TextDecoder.decode(be, path: "be.txt", declared: "UTF-16")
        #expect(declaredBE.encoding == .utf16BE)
        #expect(declaredBE.warnings.isEmpty)
        // Odd final byte and an unpaired surrogate.
        let broken = try TextDecoder.decode(le + [0x00, 0xD8, 0x41, 0x00, 0x42], path: "le.txt")
        #expect(broken.text == text + "\u{FFFD}A\u{FFFD}")
        #expect(broken.warnings.map(\.byteOffset) == [le.count, le.count + 4])
    }

    @Test func utf16WithoutBOMDetected() throws {
        let text = "Kechuang 2024: 科技创新\r\nline 2\r\n"
        var le: [UInt8] = []
        for u in text.utf16 { le += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        #expect(TextDecoder.detect(le) == .utf16LE)
        #expect(try TextDecoder.decode(le, path: "x").text == text)
        #expect(try TextDecoder.decode(le, path: "x", declared: "utf-16le").text == text)
    }

    @Test func invalidUTF8() throws {
        let bytes = Array("科技".utf8) + [0xFF] + Array("创新".utf8)
        let decoded = try TextDecoder.decode(bytes, path: "bad.txt", declared: "utf-8")
        #expect(decoded.text == "科技\u{FFFD}创新")
        #expect(decoded.warnings.count == 1)
        #expect(decoded.warnings.first?.byteOffset == 6)
        #expect(decoded.warnings.first?.path == "bad.txt")
        #expect(decoded.warnings.first?.description.hasPrefix("bad.txt: byte 6: ") == true)
        // Maximal subparts: E6 8A (truncated 技) then 'x'; lone continuation byte.
        let subparts = try TextDecoder.decode([0x61, 0xE6, 0x8A, 0x78, 0x80, 0x62], path: "s.txt", declared: "utf8")
        #expect(subparts.text == "a\u{FFFD}x\u{FFFD}b")
        #expect(subparts.warnings.map(\.byteOffset) == [1, 4])
    }

    @Test func mostlyValidUTF8IsDetectedAsUTF8() throws {
        let good = String(repeating: "科技创新推动高质量发展。", count: 20)
        let bytes = Array(good.utf8) + [0xC3] + Array(good.utf8)
        let decoded = try TextDecoder.decode(bytes, path: "m.txt")
        #expect(decoded.encoding == .utf8)
        #expect(decoded.text == good + "\u{FFFD}" + good)
        #expect(decoded.warnings.map(\.byteOffset) == [good.utf8.count])
    }

    @Test func longValidStretchesAroundAnError() throws {
        // Valid stretches longer than the decoder's 32 KiB chunks, with characters of 1–4 bytes
        // falling on the chunk boundaries.
        let part = String(repeating: "科技a创新é𠀀", count: 7_000)
        let bytes = Array(part.utf8) + [0xFF] + Array(part.utf8) + [0xF0, 0x9F]
        let decoded = try TextDecoder.decode(bytes, path: "long.txt")
        #expect(decoded.encoding == .utf8)
        #expect(decoded.text == part + "\u{FFFD}" + part + "\u{FFFD}")
        #expect(decoded.warnings.map(\.byteOffset) == [part.utf8.count, 2 * part.utf8.count + 1])
    }

    @Test func shortDamagedUTF8IsStillDetectedAsUTF8() throws {
        // Undeclared, with an invalid pair of bytes and a truncated character at the end.
        let damaged = try TextDecoder.decode(Array("重庆".utf8) + [0xFF, 0xFE] + Array("科技".utf8), path: "d.txt")
        #expect(damaged.encoding == .utf8)
        #expect(damaged.text.hasPrefix("重庆") && damaged.text.hasSuffix("科技"))
        let truncated = try TextDecoder.decode(Array("中文".utf8) + [0xE4, 0xB8], path: "t.txt")
        #expect(truncated.encoding == .utf8)
        #expect(truncated.text == "中文\u{FFFD}")
        // Real GBK of the same length still reads as GBK.
        #expect(try TextDecoder.decode(gbkChongqing, path: "g.txt").encoding == .gb18030)
    }

    @Test func truncatedUTF8AtEnd() throws {
        let bytes = Array("科技".utf8) + [0xE5, 0x88]
        let decoded = try TextDecoder.decode(bytes, path: "t.txt", declared: "utf-8")
        #expect(decoded.text == "科技\u{FFFD}")
        #expect(decoded.warnings.first?.byteOffset == 6)
        #expect(decoded.warnings.first?.message.contains("truncated") == true)
    }

    @Test func longInvalidRunGivesOneWarning() throws {
        let bytes = Array("开始".utf8) + [UInt8](repeating: 0xFF, count: 100_000) + Array("结束".utf8)
        let decoded = try TextDecoder.decode(bytes, path: "run.txt", declared: "utf-8")
        #expect(decoded.warnings.count == 1)
        #expect(decoded.warnings.first?.byteOffset == 6)
        #expect(decoded.warnings.first?.message.contains("100000") == true)
        #expect(decoded.text.hasPrefix("开始\u{FFFD}"))
        #expect(decoded.text.hasSuffix("\u{FFFD}结束"))
    }

    @Test func scatteredInvalidBytesAreCapped() throws {
        var bytes: [UInt8] = []
        for _ in 0..<10_000 { bytes += Array("ab".utf8) + [0xFF] }
        let decoded = try TextDecoder.decode(bytes, path: "many.txt", declared: "utf-8")
        #expect(decoded.warnings.count == TextDecoder.maxWarnings + 1)
        #expect(decoded.warnings.last?.message.contains("9900 more") == true)
        #expect(decoded.text.unicodeScalars.filter { $0 == "\u{FFFD}" }.count == 10_000)
    }

    // MARK: Binary, empty, files

    @Test func binaryIsRefused() {
        let elf: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00] + [UInt8](repeating: 0, count: 64)
        #expect(throws: ChineseTextError.binaryFile(path: "a.out")) {
            try TextDecoder.decode(elf, path: "a.out")
        }
        #expect(throws: ChineseTextError.binaryFile(path: "a.out")) {
            try TextDecoder.decode(elf, path: "a.out", declared: "gbk")
        }
        let controls = [UInt8]((1...8).flatMap { _ in [0x01, 0x02, 0x03, 0x41] })
        #expect(throws: ChineseTextError.binaryFile(path: "c.bin")) {
            try TextDecoder.decode(controls, path: "c.bin")
        }
        // NUL code units inside UTF-16 are binary too; ordinary UTF-16 is not.
        #expect(throws: ChineseTextError.binaryFile(path: "u.bin")) {
            try TextDecoder.decode([0xFF, 0xFE, 0x00, 0x00, 0x41, 0x00], path: "u.bin")
        }
    }

    @Test func emptyInput() throws {
        let empty = try TextDecoder.decode([], path: "e.txt")
        #expect(empty.text == "")
        #expect(empty.warnings.isEmpty)
        #expect(empty.encoding == .utf8)
        let onlyBOM = try TextDecoder.decode([0xEF, 0xBB, 0xBF], path: "e.txt")
        #expect(onlyBOM.text == "")
        #expect(onlyBOM.hadBOM)
        #expect(try TextDecoder.decode([], path: "e.txt", declared: "big5").text == "")
    }

    @Test func encodingNames() {
        #expect(TextDecoder.encoding(named: "UTF-8") == .utf8)
        #expect(TextDecoder.encoding(named: " utf8 ") == .utf8)
        #expect(TextDecoder.encoding(named: "\"gb2312\"") == .gb18030)
        #expect(TextDecoder.encoding(named: "GBK") == .gb18030)
        #expect(TextDecoder.encoding(named: "Big5-HKSCS") == .big5)
        #expect(TextDecoder.encoding(named: "CP950") == .big5)
        #expect(TextDecoder.encoding(named: "utf-16be") == .utf16BE)
        #expect(TextDecoder.encoding(named: "latin1") == nil)
    }

    @Test func decodeFileAndErrors() throws {
        let dir = "/tmp/kechuang-decoding-tests-\(getpid())"
        mkdir(dir, 0o755)
        defer {
            unlink(dir + "/gbk.txt")
            unlink(dir + "/empty.txt")
            rmdir(dir)
        }
        let path = dir + "/gbk.txt"
        let bytes = try #require(iconvEncode(gbNews, to: "GBK"))
        let file = try #require(fopen(path, "wb"))
        _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        fclose(file)
        let decoded = try TextDecoder.decodeFile(atPath: path)
        #expect(decoded.text == gbNews)
        #expect(decoded.encoding == .gb18030)

        let emptyPath = dir + "/empty.txt"
        fclose(fopen(emptyPath, "wb"))
        #expect(try TextDecoder.decodeFile(atPath: emptyPath).text == "")

        #expect(throws: ChineseTextError.self) { try TextDecoder.decodeFile(atPath: dir + "/missing.txt") }
        do {
            _ = try TextDecoder.decodeFile(atPath: dir + "/missing.txt")
        } catch let error as ChineseTextError {
            guard case .unreadable(let p, _) = error else {
                Issue.record("expected unreadable, got \(error)")
                return
            }
            #expect(p == dir + "/missing.txt")
        }
        #expect(throws: ChineseTextError.unreadable(path: dir, reason: "is a directory")) {
            try TextDecoder.decodeFile(atPath: dir)
        }
    }

    @Test func largeInputWithoutNewlines() throws {
        // Larger than the decoders' 32 KiB output chunks, with characters on every boundary.
        let sentence = "重庆两江新区人工智能产业园区发布5G应用成果，科技创新驱动高质量发展。"
        let expected = String(repeating: sentence, count: 20_000)
        let gbk = try #require(iconvEncode(expected, to: "GBK"))
        let decoded = try TextDecoder.decode(gbk, path: "big.txt")
        #expect(decoded.encoding == .gb18030)
        #expect(decoded.warnings.isEmpty)
        #expect(decoded.text == expected)

        let traditional = String(repeating: "臺灣科技部推動半導體研發計畫，協助產業升級。ABC", count: 20_000)
        let big5 = try #require(iconvEncode(traditional, to: "BIG5"))
        let decodedBig5 = try TextDecoder.decode(big5, path: "big5.txt")
        #expect(decodedBig5.encoding == .big5)
        #expect(decodedBig5.text == traditional)

        var utf16: [UInt8] = [0xFF, 0xFE]
        for u in expected.utf16 { utf16 += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        #expect(try TextDecoder.decode(utf16, path: "u16.txt").text == expected)
    }
}

/// `TextDecoder.looksBinary` eight bytes at a time against the byte-by-byte count it replaced.
@Suite("Binary check")
struct LooksBinaryTests {
    static func reference(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = min(p.count, TextDecoder.binarySampleSize)
        guard n > 0 else { return false }
        var controls = 0
        for k in 0..<n {
            let b = p[k]
            if b >= 0x20 && b != 0x7F { continue }
            switch b {
            case 0x00: return true
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1A, 0x1B: continue
            default: controls += 1
            }
        }
        return controls * 10 > n
    }

    @Test("looksBinary answers as the byte-by-byte check")
    func sameAnswers() {
        var inputs: [[UInt8]] = [[], [0], [0x7F], Array("人工智能\n".utf8), Array(repeating: 0x1F, count: 3) + Array(repeating: 0x41, count: 20)]
        var rng = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = [0x00, 0x01, 0x09, 0x0A, 0x1A, 0x1F, 0x20, 0x41, 0x7E, 0x7F, 0x80, 0x9F, 0xA0, 0xE4, 0xFF]
        for length in [1, 7, 8, 9, 15, 16, 17, 40, 100, 1000] {
            for density in [0, 1, 5, 20] {
                for _ in 0..<20 {
                    inputs.append((0..<length).map { _ in
                        Int.random(in: 0..<100, using: &rng) < density ? alphabet[Int.random(in: 0..<alphabet.count, using: &rng)]
                            : UInt8.random(in: 0x20...0xFE, using: &rng)
                    })
                }
            }
        }
        for bytes in inputs {
            bytes.withUnsafeBufferPointer { p in
                #expect(TextDecoder.looksBinary(p) == Self.reference(p), "\(bytes.prefix(20))")
            }
        }
    }
}
