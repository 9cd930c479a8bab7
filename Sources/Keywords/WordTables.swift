import ChineseText
import Foundation

/// The word tables the extractor reads: jieba's IDF table (`jieba/idf.txt`, `word idf` per line,
/// inverse document frequencies from jieba's news corpus) and Kechuang's science-and-technology
/// lexicon (`lexicon/scitech.txt`). Loaded once per process and shared.
final class WordTables: Sendable {
    let idf: ScalarTable
    /// The median IDF, given to words the table lacks (as jieba does).
    let medianIDF: Float
    /// Words of the science-and-technology lexicon (value 1).
    let lexicon: ScalarTable

    init(idf: ScalarTable, medianIDF: Float, lexicon: ScalarTable) {
        self.idf = idf
        self.medianIDF = medianIDF
        self.lexicon = lexicon
    }

    /// The bundled tables, loaded on first use.
    static func bundled() throws -> WordTables { try cache.get() }

    private static let cache = LazyResult<WordTables> {
        let idfURL = try resource("jieba/idf.txt")
        let lexURL = try resource("lexicon/scitech.txt")
        let lexicon = try parseLexicon(try read(lexURL), path: lexURL.path).build()
        let (idf, median) = try compiledIDF(idfURL)
        return WordTables(idf: idf, medianIDF: median, lexicon: lexicon)
    }

    static let magic: UInt64 = 0x3130_5344_5257_594B // "KYWRDS01"
    static let formatVersion: UInt64 = 3

    /// The IDF table (with head counts as side values) and its median: from the compiled cache
    /// when it matches the file's contents (a few milliseconds), else parsed (one pass over the
    /// bytes) and cached.
    static func compiledIDF(_ url: URL) throws -> (ScalarTable, Float) {
        let data = try read(url)
        let key = BinaryCache.key(data: data, version: formatVersion)
        func compile() throws -> RawBlob {
            var builder = try data.withUnsafeBytes { raw in
                try parseIDF(raw.bindMemory(to: UInt8.self), path: url.path)
            }
            countHeads(&builder)
            var w = BlobWriter()
            w.add(magic)
            w.add(key)
            w.add(UInt64(median(builder.values).bitPattern))
            builder.write(to: &w)
            return w.finish()
        }
        func decode(_ blob: RawBlob) -> (ScalarTable, Float)? {
            var r = BlobReader(blob)
            guard r.value() == magic, r.value() == key, let m = r.value(), let idf = ScalarTable(reader: &r) else { return nil }
            return (idf, Float(bitPattern: UInt32(truncatingIfNeeded: m)))
        }
        if let tables = decode(try BinaryCache.blob(name: "keywords-idf", magic: magic, key: key, build: compile)) {
            return tables
        }
        // A damaged cache file: compile again without it.
        guard let tables = decode(try compile()) else {
            throw KeywordError.invalidData(path: url.path, line: 0, reason: "cannot compile the IDF table")
        }
        return tables
    }

    /// Head counts: for every word of the table, how many longer words of the table end with
    /// it (its last 2 or 3 scalars), kept as the entry's side value (saturating).
    ///
    /// This measures how generic a noun is as the head of compounds: 模型, 系数, 函数, 算法
    /// head dozens of jieba's words (数学模型, 相关系数 …); they name a category that a
    /// modifier completes and are poor keyphrases alone, while 甲醇 or 颈椎 head none.
    static func countHeads(_ builder: inout ScalarTable.Builder) {
        var side = [UInt16](repeating: 0, count: builder.count)
        builder.scalars.withUnsafeBufferPointer { keys in
            guard let base = keys.baseAddress else { return }
            for e in 0..<builder.count {
                let n = Int(builder.keyLength[e])
                guard n >= 3 else { continue }
                let p = base + Int(builder.keyStart[e])
                for k in 2...min(3, n - 1) {
                    if let h = builder.entry(p + (n - k), k), side[h] < UInt16.max { side[h] += 1 }
                }
            }
        }
        builder.side = side
    }

    static func resource(_ name: String) throws -> URL {
        do {
            return try ResourceLocator.url(for: name)
        } catch {
            throw KeywordError.unreadable(path: name, reason: "\(error)")
        }
    }

    static func read(_ url: URL) throws -> Data {
        do {
            return try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw KeywordError.unreadable(path: url.path, reason: error.localizedDescription)
        }
    }

    // MARK: Parsing

    /// Parses `word idf` lines in one pass over the bytes: UTF-8 decoded straight into the
    /// table's key storage, the number parsed without making strings.
    static func parseIDF(_ b: UnsafeBufferPointer<UInt8>, path: String) throws -> ScalarTable.Builder {
        var builder = ScalarTable.Builder(expectedCount: max(16, b.count / 22), expectedScalars: b.count / 2)
        do {
            let n = b.count
            var lineStart = 0
            var lineNumber = 0
            while lineStart < n {
                lineNumber += 1
                var lineEnd = lineStart
                while lineEnd < n && b[lineEnd] != 0x0A { lineEnd += 1 }
                var e = lineEnd
                while e > lineStart && (b[e - 1] == 0x0D || b[e - 1] == 0x20 || b[e - 1] == 0x09) { e -= 1 }
                var s = lineStart
                if lineNumber == 1 && e - s >= 3 && b[s] == 0xEF && b[s + 1] == 0xBB && b[s + 2] == 0xBF { s += 3 }
                defer { lineStart = lineEnd + 1 }
                if s == e { continue }
                // The number is after the last space or tab.
                var sep = e - 1
                while sep > s && b[sep] != 0x20 && b[sep] != 0x09 { sep -= 1 }
                guard sep > s, let value = parseNumber(b, sep + 1, e) else {
                    throw KeywordError.invalidData(path: path, line: lineNumber, reason: "expected 'word idf'")
                }
                var wordEnd = sep
                while wordEnd > s && (b[wordEnd - 1] == 0x20 || b[wordEnd - 1] == 0x09) { wordEnd -= 1 }
                guard decodeUTF8(b, s, wordEnd, into: &builder) else {
                    builder.discardPending()
                    throw KeywordError.invalidData(path: path, line: lineNumber, reason: "invalid UTF-8")
                }
                builder.commitKey(value: value)
            }
        }
        return builder
    }

    /// Lexicon lines `word [freq] [tag]`; `#` starts a comment line.
    static func parseLexicon(_ data: Data, path: String) throws -> ScalarTable.Builder {
        try data.withUnsafeBytes { raw in try parseLexicon(raw.bindMemory(to: UInt8.self), path: path) }
    }

    static func parseLexicon(_ b: UnsafeBufferPointer<UInt8>, path: String) throws -> ScalarTable.Builder {
        var builder = ScalarTable.Builder(expectedCount: 256)
        do {
            var lineStart = 0
            var lineNumber = 0
            while lineStart < b.count {
                lineNumber += 1
                var lineEnd = lineStart
                while lineEnd < b.count && b[lineEnd] != 0x0A { lineEnd += 1 }
                defer { lineStart = lineEnd + 1 }
                var s = lineStart
                if lineNumber == 1 && lineEnd - s >= 3 && b[s] == 0xEF && b[s + 1] == 0xBB && b[s + 2] == 0xBF { s += 3 }
                while s < lineEnd && (b[s] == 0x20 || b[s] == 0x09) { s += 1 }
                if s == lineEnd || b[s] == 0x23 || b[s] == 0x0D { continue }
                var e = s
                while e < lineEnd && b[e] != 0x20 && b[e] != 0x09 && b[e] != 0x0D { e += 1 }
                guard decodeUTF8(b, s, e, into: &builder) else {
                    builder.discardPending()
                    throw KeywordError.invalidData(path: path, line: lineNumber, reason: "invalid UTF-8")
                }
                builder.commitKey(value: 1)
            }
        }
        return builder
    }

    /// Decodes well-formed UTF-8 `b[start..<end]` into the builder's pending key.
    @inline(__always)
    static func decodeUTF8(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int,
                           into builder: inout ScalarTable.Builder) -> Bool {
        var i = start
        while i < end {
            let c0 = UInt32(b[i])
            if c0 < 0x80 {
                builder.appendScalar(c0)
                i += 1
            } else if c0 >= 0xE0 && c0 < 0xF0 && i + 2 < end {
                builder.appendScalar((c0 & 0x0F) << 12 | (UInt32(b[i + 1]) & 0x3F) << 6 | (UInt32(b[i + 2]) & 0x3F))
                i += 3
            } else if c0 >= 0xC0 && c0 < 0xE0 && i + 1 < end {
                builder.appendScalar((c0 & 0x1F) << 6 | (UInt32(b[i + 1]) & 0x3F))
                i += 2
            } else if c0 >= 0xF0 && c0 < 0xF8 && i + 3 < end {
                builder.appendScalar((c0 & 0x07) << 18 | (UInt32(b[i + 1]) & 0x3F) << 12
                                     | (UInt32(b[i + 2]) & 0x3F) << 6 | (UInt32(b[i + 3]) & 0x3F))
                i += 4
            } else {
                return false
            }
        }
        return true
    }

    /// A plain decimal number (`13.900677652`, `7`, `-0.5`; an exponent falls back to Double()).
    static func parseNumber(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Float? {
        var i = start
        var negative = false
        if i < end && (b[i] == 0x2D || b[i] == 0x2B) { negative = b[i] == 0x2D; i += 1 }
        var whole: UInt64 = 0
        var digits = 0
        while i < end && b[i] >= 0x30 && b[i] <= 0x39 && digits < 18 { whole = whole * 10 + UInt64(b[i] - 0x30); i += 1; digits += 1 }
        var fraction: UInt64 = 0
        var scale: Double = 1
        if i < end && b[i] == 0x2E {
            i += 1
            while i < end && b[i] >= 0x30 && b[i] <= 0x39 {
                if scale < 1e17 { fraction = fraction * 10 + UInt64(b[i] - 0x30); scale *= 10 }
                i += 1
                digits += 1
            }
        }
        if i != end || digits == 0 {
            // Rare forms (exponents, long integers): the slow path.
            let text = String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
            return Double(text).map { Float($0) }
        }
        let v = Double(whole) + Double(fraction) / scale
        return Float(negative ? -v : v)
    }

    /// The median as jieba takes it: the middle element of the sorted values.
    static func median(_ values: [Float]) -> Float {
        guard !values.isEmpty else { return 0 }
        // Quickselect (values are few distinct and bounded; this runs once per process).
        var a = values
        let k = a.count / 2
        var lo = 0, hi = a.count - 1
        while lo < hi {
            let pivot = a[(lo + hi) / 2]
            var i = lo, j = hi
            while i <= j {
                while a[i] < pivot { i += 1 }
                while a[j] > pivot { j -= 1 }
                if i <= j { a.swapAt(i, j); i += 1; j -= 1 }
            }
            if k <= j { hi = j } else if k >= i { lo = i } else { break }
        }
        return a[k]
    }
}


/// Timing of the table loading steps, for experiments.
@_spi(Tuning)
public enum KeywordTablesBenchmark {
    public static func run() throws -> String {
        let url = try WordTables.resource("jieba/idf.txt")
        func ms(_ a: UInt64, _ b: UInt64) -> String { String(format: "%.1f ms", Double(b - a) / 1e6) }
        let t0 = DispatchTime.now().uptimeNanoseconds
        let data = try WordTables.read(url)
        let key = BinaryCache.key(data: data, version: WordTables.formatVersion)
        let t1 = DispatchTime.now().uptimeNanoseconds
        let builder = try data.withUnsafeBytes { raw in try WordTables.parseIDF(raw.bindMemory(to: UInt8.self), path: url.path) }
        let t2 = DispatchTime.now().uptimeNanoseconds
        let med = WordTables.median(builder.values)
        let t3 = DispatchTime.now().uptimeNanoseconds
        var b2 = builder
        WordTables.countHeads(&b2)
        var w = BlobWriter()
        b2.write(to: &w)
        let t4 = DispatchTime.now().uptimeNanoseconds
        let blob = w.finish()
        let t5 = DispatchTime.now().uptimeNanoseconds
        _ = try WordTables.compiledIDF(url)
        let t6 = DispatchTime.now().uptimeNanoseconds
        return "read+key \(ms(t0, t1)), parse \(ms(t1, t2)), median \(ms(t2, t3)) (\(med)), heads+write \(ms(t3, t4)), finish \(ms(t4, t5)) (\(blob.count) bytes), cached load \(ms(t5, t6)); key \(String(key, radix: 16))"
    }
}
