import Foundation

// MARK: - Entries and parsing

/// One line of an OpenCC text dictionary: `key<TAB>value1 value2 …` (the first value is the default).
struct DictionaryEntry: Sendable {
    var key: [UInt32]
    var values: [[UInt32]]
}

/// Reads the bundled data files used by the converter.
enum ConversionDataFile {
    /// Bytes and path of a file under the data folder (`opencc/TSPhrases.txt`).
    static func read(_ relativePath: String) throws -> (path: String, bytes: [UInt8]) {
        let url = try ResourceLocator.url(for: relativePath)
        do {
            let data = try Data(contentsOf: url)
            return (url.path, [UInt8](data))
        } catch {
            throw ChineseTextError.unreadable(path: url.path, reason: error.localizedDescription)
        }
    }

    /// Loads and parses an OpenCC text dictionary from the data folder.
    static func openCC(_ name: String) throws -> [DictionaryEntry] {
        let file = try read("opencc/\(name).txt")
        return try parseOpenCC(file.bytes, path: file.path)
    }

    /// Parses OpenCC's text format. Blank lines and lines starting with `#` are skipped;
    /// every other line must be `key<TAB>values` with a non-empty key and at least one non-empty value.
    static func parseOpenCC(_ bytes: [UInt8], path: String) throws -> [DictionaryEntry] {
        var entries: [DictionaryEntry] = []
        entries.reserveCapacity(bytes.count / 12)
        try bytes.withUnsafeBufferPointer { buf in
            var lineNo = 0
            var start = 0
            let n = buf.count
            while start < n {
                lineNo += 1
                var end = start
                while end < n && buf[end] != 0x0A { end += 1 }
                let next = end + 1
                var lineEnd = end
                if lineEnd > start && buf[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                defer { start = next }
                if lineEnd == start || buf[start] == UInt8(ascii: "#") { continue }
                var tab = start
                while tab < lineEnd && buf[tab] != 0x09 { tab += 1 }
                guard tab < lineEnd else {
                    throw ChineseTextError.invalidData(path: path, line: lineNo, reason: "expected 'key<TAB>value'")
                }
                guard let key = UTF8Scalars.decode(buf, start, tab), !key.isEmpty else {
                    throw ChineseTextError.invalidData(path: path, line: lineNo, reason: "empty key or invalid UTF-8")
                }
                var values: [[UInt32]] = []
                var vs = tab + 1
                while vs <= lineEnd {
                    var ve = vs
                    while ve < lineEnd && buf[ve] != 0x20 { ve += 1 }
                    if ve > vs {
                        guard let value = UTF8Scalars.decode(buf, vs, ve) else {
                            throw ChineseTextError.invalidData(path: path, line: lineNo, reason: "invalid UTF-8 in value")
                        }
                        values.append(value)
                    }
                    vs = ve + 1
                }
                guard !values.isEmpty else {
                    throw ChineseTextError.invalidData(path: path, line: lineNo, reason: "no value for key")
                }
                entries.append(DictionaryEntry(key: key, values: values))
            }
        }
        return entries
    }
}

// MARK: - UTF-8 helpers

enum UTF8Scalars {
    /// Strictly decodes `buf[start..<end]`; nil when the bytes are not valid UTF-8.
    static func decode(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> [UInt32]? {
        var out: [UInt32] = []
        out.reserveCapacity(end - start)
        return decode(buf, start, end, into: &out) ? out : nil
    }

    /// Strictly decodes `buf[start..<end]` into `out` (replacing its contents, keeping its
    /// storage); false when the bytes are not valid UTF-8.
    static func decode(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, into out: inout [UInt32]) -> Bool {
        out.removeAll(keepingCapacity: true)
        var i = start
        while i < end {
            let b0 = UInt32(buf[i])
            var c: UInt32
            var len: Int
            var minValue: UInt32
            if b0 < 0x80 {
                out.append(b0); i += 1; continue
            } else if b0 & 0xE0 == 0xC0 {
                c = b0 & 0x1F; len = 2; minValue = 0x80
            } else if b0 & 0xF0 == 0xE0 {
                c = b0 & 0x0F; len = 3; minValue = 0x800
            } else if b0 & 0xF8 == 0xF0 {
                c = b0 & 0x07; len = 4; minValue = 0x10000
            } else {
                return false
            }
            guard i + len <= end else { return false }
            for k in 1..<len {
                let b = UInt32(buf[i + k])
                guard b & 0xC0 == 0x80 else { return false }
                c = c << 6 | (b & 0x3F)
            }
            guard c >= minValue, c <= 0x10FFFF, !(0xD800...0xDFFF).contains(c) else { return false }
            out.append(c)
            i += len
        }
        return true
    }

    static func string(_ scalars: [UInt32]) -> String {
        var s = String.UnicodeScalarView()
        for c in scalars { if let u = Unicode.Scalar(c) { s.append(u) } }
        return String(s)
    }

    static func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }
}

// MARK: - Prefix dictionary

/// Open-addressing hash table from a packed (trie node, scalar) pair to a child node.
struct EdgeTable: Sendable {
    private let keys: [UInt64]
    private let children: [Int32]
    private let shift: UInt64
    private let mask: Int

    static let empty = UInt64.max

    init(edges: [(node: Int32, scalar: UInt32, child: Int32)]) {
        var bits = 4
        while (1 << bits) < max(16, edges.count * 2) { bits += 1 }
        let size = 1 << bits
        var keys = [UInt64](repeating: EdgeTable.empty, count: size)
        var children = [Int32](repeating: -1, count: size)
        let shift = UInt64(64 - bits)
        let mask = size - 1
        for e in edges {
            let k = EdgeTable.pack(e.node, e.scalar)
            var i = Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while keys[i] != EdgeTable.empty { i = (i + 1) & mask }
            keys[i] = k
            children[i] = e.child
        }
        self.keys = keys
        self.children = children
        self.shift = shift
        self.mask = mask
    }

    @inline(__always)
    static func pack(_ node: Int32, _ scalar: UInt32) -> UInt64 {
        UInt64(UInt32(bitPattern: node)) << 21 | UInt64(scalar)
    }

    @inline(__always)
    func child(_ node: Int32, _ scalar: UInt32) -> Int32 {
        let k = EdgeTable.pack(node, scalar)
        var i = Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let kk = keys[i]
            if kk == k { return children[i] }
            if kk == EdgeTable.empty { return -1 }
            i = (i + 1) & mask
        }
    }
}

/// A dictionary for forward longest-prefix matching: a trie whose first level is a flat table
/// for BMP scalars and whose deeper edges live in one hashed table keyed by packed integers.
/// Only the default (first) value of each entry is kept for output.
final class PrefixDictionary: Sendable {
    let name: String
    let entryCount: Int
    let maxKeyLength: Int
    /// True when every key is a single scalar.
    let singleScalarKeys: Bool
    /// True when every default value is a single scalar.
    let singleScalarValues: Bool
    /// The smallest first scalar of any key.
    let lowestFirstScalar: UInt32
    /// BMP scalar -> first-level trie node, or -1.
    let rootBMP: [Int32]
    /// Astral scalar -> first-level trie node.
    let rootAstral: [UInt32: Int32]
    /// Trie node -> entry index, or -1 when no key ends there.
    let terminal: [Int32]
    /// Trie node -> true when some longer key continues from it.
    let hasChildren: [Bool]
    let edges: EdgeTable
    /// Entry -> range in `valuePool` (count entryCount + 1).
    let valueStart: [Int32]
    let valuePool: [UInt32]
    /// Entry -> key (kept for analysis, not used when converting).
    let keys: [[UInt32]]
    let allValues: [[[UInt32]]]

    init(name: String, entries: [DictionaryEntry]) {
        self.name = name
        var rootBMP = [Int32](repeating: -1, count: 0x10000)
        var rootAstral: [UInt32: Int32] = [:]
        var terminal: [Int32] = []
        var hasChildren: [Bool] = []
        var edgeList: [(node: Int32, scalar: UInt32, child: Int32)] = []
        var edgeIndex: [UInt64: Int32] = [:]
        var valueStart: [Int32] = [0]
        var valuePool: [UInt32] = []
        var maxLen = 0
        var single = true
        var singleValues = true
        var lowest = UInt32.max
        var keys: [[UInt32]] = []
        var allValues: [[[UInt32]]] = []

        func newNode() -> Int32 {
            terminal.append(-1)
            hasChildren.append(false)
            return Int32(terminal.count - 1)
        }

        var entryIndex: Int32 = 0
        for entry in entries {
            let key = entry.key
            guard let first = key.first else { continue }
            var node: Int32
            if first < 0x10000 {
                node = rootBMP[Int(first)]
                if node < 0 { node = newNode(); rootBMP[Int(first)] = node }
            } else if let n = rootAstral[first] {
                node = n
            } else {
                node = newNode(); rootAstral[first] = node
            }
            for c in key.dropFirst() {
                let packed = EdgeTable.pack(node, c)
                hasChildren[Int(node)] = true
                if let child = edgeIndex[packed] {
                    node = child
                } else {
                    let child = newNode()
                    edgeIndex[packed] = child
                    edgeList.append((node, c, child))
                    node = child
                }
            }
            // A repeated key keeps its first definition.
            if terminal[Int(node)] >= 0 { continue }
            terminal[Int(node)] = entryIndex
            valuePool.append(contentsOf: entry.values[0])
            valueStart.append(Int32(valuePool.count))
            keys.append(key)
            allValues.append(entry.values)
            maxLen = max(maxLen, key.count)
            if key.count > 1 { single = false }
            if entry.values[0].count != 1 { singleValues = false }
            lowest = min(lowest, first)
            entryIndex += 1
        }
        self.entryCount = Int(entryIndex)
        self.maxKeyLength = maxLen
        self.singleScalarKeys = single
        self.singleScalarValues = singleValues
        self.lowestFirstScalar = lowest
        self.rootBMP = rootBMP
        self.rootAstral = rootAstral
        self.terminal = terminal
        self.hasChildren = hasChildren
        self.edges = EdgeTable(edges: edgeList)
        self.valueStart = valueStart
        self.valuePool = valuePool
        self.keys = keys
        self.allValues = allValues
    }

    @inline(__always)
    func root(_ c: UInt32) -> Int32 {
        if c < 0x10000 { return rootBMP[Int(c)] }
        return rootAstral[c] ?? -1
    }

    /// The longest key that is a prefix of `s[start..<end]`, as (length, entry).
    @inline(__always)
    func longestMatch(_ s: UnsafeBufferPointer<UInt32>, _ start: Int, _ end: Int) -> (length: Int, entry: Int32)? {
        var node = root(s[start])
        if node < 0 { return nil }
        var bestLen = 0
        var bestEntry: Int32 = -1
        if terminal[Int(node)] >= 0 { bestLen = 1; bestEntry = terminal[Int(node)] }
        var j = start + 1
        let limit = min(end, start + maxKeyLength)
        while j < limit && hasChildren[Int(node)] {
            node = edges.child(node, s[j])
            if node < 0 { break }
            let t = terminal[Int(node)]
            if t >= 0 { bestLen = j - start + 1; bestEntry = t }
            j += 1
        }
        return bestLen > 0 ? (bestLen, bestEntry) : nil
    }

    /// Every key that is a prefix of `s[start..<end]`, longest first, as (length, entry).
    func allMatches(_ s: UnsafeBufferPointer<UInt32>, _ start: Int, _ end: Int) -> [(length: Int, entry: Int32)] {
        var found: [(length: Int, entry: Int32)] = []
        var node = root(s[start])
        if node < 0 { return found }
        if terminal[Int(node)] >= 0 { found.append((1, terminal[Int(node)])) }
        var j = start + 1
        let limit = min(end, start + maxKeyLength)
        while j < limit && hasChildren[Int(node)] {
            node = edges.child(node, s[j])
            if node < 0 { break }
            let t = terminal[Int(node)]
            if t >= 0 { found.append((j - start + 1, t)) }
            j += 1
        }
        return found.reversed()
    }

    /// Exact lookup of a whole key.
    func entry(for key: [UInt32]) -> Int32? {
        guard !key.isEmpty else { return nil }
        return key.withUnsafeBufferPointer { buf in
            guard let m = longestMatch(buf, 0, buf.count), m.length == buf.count else { return nil }
            return m.entry
        }
    }

    @inline(__always)
    func valueRange(_ entry: Int32) -> Range<Int> {
        Int(valueStart[Int(entry)])..<Int(valueStart[Int(entry) + 1])
    }

    func value(_ entry: Int32) -> [UInt32] { Array(valuePool[valueRange(entry)]) }

    /// Whether some key starts with `c` and is longer than one scalar.
    func hasLongKey(startingWith c: UInt32) -> Bool {
        let node = root(c)
        return node >= 0 && hasChildren[Int(node)]
    }

    /// The entry for the one-scalar key `c`, if any.
    func singleEntry(_ c: UInt32) -> Int32? {
        let node = root(c)
        guard node >= 0, terminal[Int(node)] >= 0 else { return nil }
        return terminal[Int(node)]
    }
}
