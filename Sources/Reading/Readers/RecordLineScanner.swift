/// The field-record reader's line scan (`RecordReader.fields(of:)`) on UTF-8 bytes.
///
/// It answers what the character-based reading answered — split the text on the character
/// "\n", drop a final "\r", find the first ":" or "：" character, trim the name of Foundation's
/// white space, accept it when it has 1–8 characters and is a known field name, glue other
/// lines to the open value with "\n", trim each value of white space and newlines — without
/// building a `Substring` or bridging to `NSString` per line. Why the bytes give the same answer:
///
/// - Line ends: LF is a grapheme cluster of its own except after CR ("\r\n" is one character),
///   so the character "\n" is exactly a 0x0A byte not preceded by 0x0D; a line's last character
///   is "\r" exactly when its last byte is 0x0D (CR never joins what precedes it).
/// - On a plain line (every scalar a tab or `Scan.isPlain`: its own character and its own normal
///   form) characters are scalars and `String` comparison is byte comparison, so the first ":"
///   or "：" character is the first such scalar, the name's character count is its scalar count,
///   and a known name matches exactly when its bytes do. Other lines take the character path
///   (`RecordReader.fieldStart`) on the line's own string, whose character boundaries are those
///   of the line in the text (a line starts after an LF and ends before one).
/// - Trimming is scalar by scalar (`FoundationTrim`), as Foundation's.
enum RecordLineScanner {
    /// The known field names' UTF-8 (plain text, all of them).
    static let knownNames: [String] = RecordReader.fields + RecordReader.extraFields
    static let knownBytes: [[UInt8]] = knownNames.map { Array($0.utf8) }

    static func fields(_ p: UnsafeBufferPointer<UInt8>) -> [(name: String, value: String)]? {
        var names: [String] = []
        var values: [[UInt8]] = []
        let n = p.count
        var lineStart = 0
        while true {
            var e = lineStart
            while e < n && !(p[e] == 0x0A && (e == 0 || p[e - 1] != 0x0D)) { e += 1 }
            var hi = e
            if hi > lineStart && p[hi - 1] == 0x0D { hi -= 1 }
            let lo = lineStart
            if let (name, value) = fieldStart(p, lo, hi) {
                names.append(name)
                values.append(value)
            } else if names.isEmpty {
                // Text before the first field: only blank lines are allowed.
                if !FoundationTrim.trimmed(p, lo, hi, newlines: false).isEmpty { return nil }
            } else {
                values[values.count - 1].append(0x0A)
                values[values.count - 1].append(contentsOf: UnsafeBufferPointer(rebasing: p[lo..<hi]))
            }
            if e >= n { break }
            lineStart = e + 1
        }
        guard names.count >= 2 else { return nil }
        var out: [(name: String, value: String)] = []
        out.reserveCapacity(names.count)
        for k in names.indices {
            let value = values[k].withUnsafeBufferPointer { v in
                let r = FoundationTrim.trimmed(v, 0, v.count, newlines: true)
                return String(decoding: UnsafeBufferPointer(rebasing: v[r]), as: UTF8.self)
            }
            out.append((name: names[k], value: value))
        }
        return out
    }

    /// A known field starting the line `p[lo..<hi]`: its name and the value's bytes after the colon.
    static func fieldStart(_ p: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> (String, [UInt8])? {
        guard isPlainLine(p, lo, hi) else {
            let line = Substring(String(decoding: UnsafeBufferPointer(rebasing: p[lo..<hi]), as: UTF8.self))
            guard let (name, value) = RecordReader.fieldStart(line), RecordReader.known.contains(name) else { return nil }
            return (name, Array(value.utf8))
        }
        // The first ":" (3A) or "：" (EF BC 9A); a byte match in valid UTF-8 is a whole scalar.
        var c = lo
        var colonLength = 0
        while c < hi {
            let b = p[c]
            if b == 0x3A { colonLength = 1; break }
            if b == 0xEF && c + 2 < hi && p[c + 1] == 0xBC && p[c + 2] == 0x9A { colonLength = 3; break }
            c += 1
        }
        guard colonLength > 0 else { return nil }
        let r = FoundationTrim.trimmed(p, lo, c, newlines: false)
        guard !r.isEmpty else { return nil }
        var scalars = 0
        for i in r where p[i] & 0xC0 != 0x80 { scalars += 1 }
        guard scalars <= 8 else { return nil }
        for (k, known) in knownBytes.enumerated() where known.count == r.count {
            var j = 0
            while j < known.count && known[j] == p[r.lowerBound + j] { j += 1 }
            if j == known.count {
                return (knownNames[k], Array(UnsafeBufferPointer(rebasing: p[(c + colonLength)..<hi])))
            }
        }
        return nil
    }

    /// Whether every scalar of the line is a tab or plain (`Scan.isPlain`).
    @inline(__always)
    static func isPlainLine(_ p: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Bool {
        var i = lo
        while i < hi {
            let b = p[i]
            if b >= 0x20 && b < 0x80 { i += 1; continue }
            // U+4000–U+9FFF (E4–E9 leads): ideographs, all plain.
            if b >= 0xE4 && b <= 0xE9 { i += 3; continue }
            let v = Scan.decode(p, &i)
            if v != 0x09 && !Scan.isPlain(v) { return false }
        }
        return true
    }
}
