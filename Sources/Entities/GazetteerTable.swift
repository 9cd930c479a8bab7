import Foundation

/// The rows of the divisions table (`level<TAB>code<TAB>name<TAB>short<TAB>parent code`) read
/// by scanning its UTF-8 bytes in place, for `Gazetteer`.
///
/// Equal to splitting the `Data` into lines at LF (`omittingEmptySubsequences: false`) and each
/// non-empty line into fields at TAB: a line is the bytes up to the next LF, a field the bytes up
/// to the next TAB or the end of the line, and only the first five fields are read, so extra
/// fields are ignored as before. Each field is decoded with `String(decoding:as: UTF8.self)`,
/// which repairs invalid UTF-8 the same way for a buffer as for a `Data` slice.
struct GazetteerTable {
    /// The parent key of `Gazetteer`'s index. It stood for the string "\(level):\(code)": the
    /// level's decimal digits never contain ":" and ":" is a starter that composes with nothing,
    /// so two such strings are equal exactly when the levels and the codes are.
    struct CodeKey: Hashable {
        var level: UInt8
        var code: String
    }

    var places: [Gazetteer.Place] = []
    var parentCodes: [(level: UInt8, code: String)] = []

    init(tsv: Data, path: String) throws {
        places.reserveCapacity(47_000)
        parentCodes.reserveCapacity(47_000)
        try tsv.withUnsafeBytes { raw in
            let buf = raw.bindMemory(to: UInt8.self)
            try scan(buf, path: path)
        }
    }

    private mutating func scan(_ buf: UnsafeBufferPointer<UInt8>, path: String) throws {
        let n = buf.count
        var lineNo = 0
        var start = 0
        // `split(omittingEmptySubsequences: false)` yields one more (empty) line after a final
        // LF and one line for empty data; those are empty and skipped, so only non-empty lines
        // need the scan below.
        while start <= n {
            lineNo += 1
            var end = start
            while end < n && buf[end] != 0x0A { end += 1 }
            defer { start = end + 1 }
            if end == start { continue }
            // Field bounds: up to five fields, each ending at TAB or the line's end.
            var bounds: [(Int, Int)] = []
            bounds.reserveCapacity(5)
            var f = start
            while bounds.count < 5 {
                var e = f
                while e < end && buf[e] != 0x09 { e += 1 }
                bounds.append((f, e))
                if e >= end { break }
                f = e + 1
            }
            guard bounds.count >= 5, let level = Self.level(buf, bounds[0]), (1...4).contains(level) else {
                throw EntityError.invalidData(file: path, line: lineNo, reason: "expected level<TAB>code<TAB>name<TAB>short<TAB>parent")
            }
            var (ps, pe) = bounds[4]
            // `hasSuffix("\r")` then `removeLast()`: CR is a grapheme of its own unless LF
            // follows, and no LF is in a line, so this is a final CR byte.
            if pe > ps && buf[pe - 1] == 0x0D { pe -= 1 }
            places.append(Gazetteer.Place(level: level, code: Self.string(buf, bounds[1]),
                                          name: Self.string(buf, bounds[2]),
                                          short: Self.string(buf, bounds[3]), parent: -1))
            parentCodes.append((level, Self.string(buf, (ps, pe))))
        }
    }

    static func string(_ buf: UnsafeBufferPointer<UInt8>, _ r: (Int, Int)) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: buf[r.0..<r.1]), as: UTF8.self)
    }

    /// `UInt8(String(decoding: field, as: UTF8.self))`; a single digit is read directly.
    static func level(_ buf: UnsafeBufferPointer<UInt8>, _ r: (Int, Int)) -> UInt8? {
        if r.1 - r.0 == 1, buf[r.0] >= 0x30, buf[r.0] <= 0x39 { return buf[r.0] - 0x30 }
        return UInt8(string(buf, r))
    }
}
