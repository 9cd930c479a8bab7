/// The byte encodings the decoder understands.
public enum TextEncoding: String, Sendable, Codable, CaseIterable {
    case utf8
    case utf16LE
    case utf16BE
    /// GB18030, a superset of GBK (CP936) and GB2312 (EUC-CN).
    case gb18030
    /// Big5 as used on the web (the WHATWG "big5" decoder: Big5-2003 + ETEN + HKSCS extensions).
    case big5

    /// A human-readable name, e.g. for messages: "UTF-8", "UTF-16LE", "GB18030", "Big5".
    public var displayName: String {
        switch self {
        case .utf8: return "UTF-8"
        case .utf16LE: return "UTF-16LE"
        case .utf16BE: return "UTF-16BE"
        case .gb18030: return "GB18030"
        case .big5: return "Big5"
        }
    }
}

/// A problem found while decoding: invalid or truncated byte sequences (replaced with U+FFFD),
/// or a note such as a declared encoding that was overridden by a byte order mark.
public struct DecodingWarning: Sendable, Equatable, CustomStringConvertible {
    /// The file (or label) given to the decoder.
    public let path: String
    /// Offset in bytes from the start of the input (a BOM counts).
    public let byteOffset: Int
    public let message: String

    public init(path: String, byteOffset: Int, message: String) {
        self.path = path
        self.byteOffset = byteOffset
        self.message = message
    }

    public var description: String { "\(path): byte \(byteOffset): \(message)" }
}

/// The result of decoding bytes to text.
public struct DecodedText: Sendable {
    public let text: String
    /// The encoding used (declared, from a BOM, or detected).
    public let encoding: TextEncoding
    /// Whether the input started with a byte order mark (removed from `text`).
    public let hadBOM: Bool
    /// Invalid sequences etc.; runs of adjacent invalid bytes give one warning, and at most
    /// `TextDecoder.maxWarnings` are listed (a last warning tells how many more there were).
    public let warnings: [DecodingWarning]

    public init(text: String, encoding: TextEncoding, hadBOM: Bool, warnings: [DecodingWarning]) {
        self.text = text
        self.encoding = encoding
        self.hadBOM = hadBOM
        self.warnings = warnings
    }
}

/// Collects invalid-sequence reports from a decoder: merges adjacent invalid bytes into one
/// warning with a count and caps the number of warnings.
struct WarningCollector {
    let path: String
    let encodingName: String
    let limit: Int
    private(set) var warnings: [DecodingWarning] = []
    /// Number of invalid sequences (each became one U+FFFD).
    private(set) var invalidSequences = 0
    private var runStart = -1
    private var runEnd = -1
    private var runSequences = 0
    private var runFirstBytes: [UInt8] = []
    private var suppressed = 0
    private var firstSuppressedOffset = -1

    init(path: String, encodingName: String, limit: Int = TextDecoder.maxWarnings) {
        self.path = path
        self.encodingName = encodingName
        self.limit = limit
    }

    /// Report an invalid sequence of `length` bytes at `offset` (`bytes` points at the input start).
    @inline(__always)
    mutating func invalid(at offset: Int, length: Int, bytes: UnsafeBufferPointer<UInt8>) {
        invalidSequences += 1
        if offset == runEnd {
            runEnd = offset + length
            runSequences += 1
            if runFirstBytes.count < 8 {
                var i = offset
                while i < runEnd && runFirstBytes.count < 8 { runFirstBytes.append(bytes[i]); i += 1 }
            }
            return
        }
        flushRun()
        runStart = offset
        runEnd = offset + length
        runSequences = 1
        runFirstBytes.removeAll(keepingCapacity: true)
        var i = offset
        while i < runEnd && runFirstBytes.count < 8 { runFirstBytes.append(bytes[i]); i += 1 }
    }

    /// Report a multibyte sequence cut off by the end of the input (from `offset` to the end).
    mutating func truncated(at offset: Int, length: Int, bytes: UnsafeBufferPointer<UInt8>) {
        invalidSequences += 1
        flushRun()
        var hex: [String] = []
        var i = offset
        while i < offset + length && i < bytes.count && hex.count < 8 { hex.append(Self.hex(bytes[i])); i += 1 }
        add(at: offset, "truncated \(encodingName) sequence at end of input (\(hex.joined(separator: " "))), replaced with U+FFFD")
    }

    /// A free-form note (not an invalid sequence).
    mutating func note(at offset: Int, _ message: String) {
        flushRun()
        add(at: offset, message)
    }

    mutating func finish() -> [DecodingWarning] {
        flushRun()
        if suppressed > 0 {
            warnings.append(DecodingWarning(
                path: path, byteOffset: firstSuppressedOffset,
                message: "\(suppressed) more \(encodingName) decoding problem(s) not listed"))
            suppressed = 0
        }
        return warnings
    }

    private mutating func flushRun() {
        guard runStart >= 0 else { return }
        let count = runEnd - runStart
        let shown = runFirstBytes.map(Self.hex).joined(separator: " ")
        let message: String
        if runSequences == 1 {
            message = "invalid \(encodingName) byte sequence (\(shown)), replaced with U+FFFD"
        } else {
            let more = count > runFirstBytes.count ? " …" : ""
            message = "\(count) invalid \(encodingName) bytes in a row (\(shown)\(more)), replaced with \(runSequences) × U+FFFD"
        }
        add(at: runStart, message)
        runStart = -1
        runEnd = -1
        runSequences = 0
    }

    private mutating func add(at offset: Int, _ message: String) {
        if warnings.count < limit {
            warnings.append(DecodingWarning(path: path, byteOffset: offset, message: message))
        } else {
            if suppressed == 0 { firstSuppressedOffset = offset }
            suppressed += 1
        }
    }

    private static func hex(_ b: UInt8) -> String {
        let digits: [Character] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "A", "B", "C", "D", "E", "F"]
        return "0x" + String(digits[Int(b >> 4)]) + String(digits[Int(b & 15)])
    }
}
