import Foundation

/// A word dictionary: a prefix trie over Unicode scalars with a log probability and a
/// part-of-speech tag per word, built for the segmenter's hot loop.
///
/// - Characters are mapped to dense 16-bit codes through a flat table (BMP and the first
///   supplementary planes). Full-width ASCII shares the code of its half-width form and ASCII
///   letters are case-insensitive, so `５Ｇ`, `5g` and `5G` find the same entry.
/// - The root's children sit in a flat array indexed by code; deeper edges live in one
///   open-addressing hash table keyed by `(parent node << 16) | code` packed into a `UInt64`.
/// - Loading parses jieba's `word freq tag` text format straight from UTF-8 bytes.
///
/// A `WordDictionary` is mutable (load files, add user words); a `Segmenter` takes an
/// immutable snapshot of it.
public final class WordDictionary: @unchecked Sendable {
    var storage = TrieBuilder()

    /// An empty dictionary.
    public init() {}

    /// Loads one or more files in jieba's format (`word freq [tag]` per line; `#` comments).
    public convenience init(contentsOf urls: [URL], expectedWords: Int = 0) throws {
        self.init()
        storage.reserve(words: expectedWords)
        for url in urls { try load(url: url, asUser: false) }
        storage.finalize()
    }

    /// The dictionary bundled with Kechuang, loaded once per process: jieba's dictionary plus
    /// the science-and-technology lexicon and the administrative-division place names.
    public static func bundled() throws -> WordDictionary { try bundledCache.get() }

    private static let bundledCache = LazyResult<WordDictionary> { try loadBundled() }

    /// The files of the bundled dictionary: jieba's, the domain lexicon, the place names.
    static func bundledSources() throws -> [URL] {
        try ["jieba/dict.txt", "lexicon/scitech.txt", "places/china_divisions.tsv"].map(ResourceLocator.url(for:))
    }

    /// A fresh, mutable copy of the bundled dictionary, e.g. to add user words to.
    public static func loadBundled() throws -> WordDictionary {
        let files = try bundledSources()
        let d = WordDictionary()
        d.storage.reserve(words: 400_000)
        try d.load(url: files[0], asUser: false)
        try d.load(url: files[1], asUser: false, onlyRaise: true)
        try d.loadPlaces(url: files[2])
        d.storage.finalize()
        return d
    }

    /// Adds words in the user-dictionary format (`word [freq] [tag]` per line). User words
    /// reliably win: the segmenter prefers any path that covers more characters with them.
    public func addUserWords(text: String, path: String = "<user dictionary>") throws {
        var bytes = Array(text.utf8)
        bytes.append(0x0A)
        try bytes.withUnsafeBufferPointer { try storage.parse($0, path: path, asUser: true, onlyRaise: false) }
        storage.finalize()
    }

    /// Adds a user dictionary file (`word [freq] [tag]` per line).
    public func addUserDictionary(url: URL) throws {
        try load(url: url, asUser: true)
        storage.finalize()
    }

    func load(url: URL, asUser: Bool, onlyRaise: Bool = false) throws {
        let data = try Self.read(url)
        try data.withUnsafeBytes { raw in
            try storage.parse(raw.bindMemory(to: UInt8.self), path: url.path, asUser: asUser, onlyRaise: onlyRaise)
        }
    }

    /// Adds the administrative divisions (`level code name short parent` TSV) as place names
    /// (`ns`), with a modest frequency: enough to keep a name whole, not to swallow neighbours.
    func loadPlaces(url: URL) throws {
        let data = try Self.read(url)
        let tag = POSTag.index(of: "ns")
        data.withUnsafeBytes { raw in
            let buf = raw.bindMemory(to: UInt8.self)
            ByteLines.forEach(buf, separator: 0x09) { _, fields in
                guard fields.count >= 3, fields[2].count >= 6 else { return } // two characters or more
                storage.addIfAbsent(utf8: UnsafeBufferPointer(rebasing: buf[fields[2]]), frequency: 200, tag: tag)
            }
        }
    }

    static func read(_ url: URL) throws -> Data {
        do { return try Data(contentsOf: url, options: .mappedIfSafe) } catch {
            throw ChineseTextError.unreadable(path: url.path, reason: error.localizedDescription)
        }
    }

    /// An immutable copy of the trie for the segmenter's hot loop.
    func freeze() throws -> FrozenTrie { try FrozenTrie.build(storage) }

    // MARK: Queries

    /// Number of distinct words.
    public var wordCount: Int { storage.wordCount }
    /// Sum of all word frequencies.
    public var totalFrequency: Double { storage.totalFrequency }

    /// Whether the string is a word of the dictionary.
    public func contains(_ word: String) -> Bool {
        guard let n = storage.node(of: word) else { return false }
        return storage.logProb[Int(n)] > -Float.infinity
    }

    /// The word's frequency (0 when absent).
    public func frequency(of word: String) -> Double {
        guard let n = storage.node(of: word), storage.logProb[Int(n)] > -Float.infinity else { return 0 }
        return storage.frequency[Int(n)]
    }

    /// The word's part-of-speech tag, if it is a word.
    public func tag(of word: String) -> String? {
        guard let n = storage.node(of: word), storage.logProb[Int(n)] > -Float.infinity else { return nil }
        return POSTag.name(storage.tagOf[Int(n)])
    }
}

/// The mutable trie behind `WordDictionary` (a struct, so its hot loops run without dynamic
/// exclusivity checks).
struct TrieBuilder {
    /// Scalar value → character code (0 = not in the alphabet).
    var codeOf = [UInt16](repeating: 0, count: TrieBuilder.alphabetLimit)
    var codeCount = 1
    /// Root children: code → node (0 = none).
    var rootChildren: [UInt32] = [0]
    /// The other edges, open addressing; key 0 = empty slot.
    var edgeKeys = [UInt64](repeating: 0, count: 1 << 10)
    var edgeValues = [UInt32](repeating: 0, count: 1 << 10)
    var edgeMask = (1 << 10) - 1
    var edgeCount = 0
    /// Per node (node 0 is the root): log probability (`-infinity`: a prefix, not a word).
    var logProb: [Float] = [-.infinity]
    var tagOf: [UInt8] = [0]
    var isUserWord: [Bool] = [false]
    var frequency: [Double] = [0]
    var totalFrequency: Double = 0
    var logTotal: Double = 0
    var wordCount = 0

    static let alphabetLimit = 0x30000

    mutating func reserve(words: Int) {
        guard words > 0 else { return }
        let nodes = words * 2
        logProb.reserveCapacity(nodes)
        tagOf.reserveCapacity(nodes)
        isUserWord.reserveCapacity(nodes)
        frequency.reserveCapacity(nodes)
        var cap = 1 << 10
        while cap < nodes * 2 { cap <<= 1 }
        if cap > edgeKeys.count { rehash(to: cap) }
    }

    /// Parses `word freq tag` lines. With `onlyRaise`, an existing word keeps the higher of its
    /// two frequencies. User words may omit the frequency.
    mutating func parse(_ buf: UnsafeBufferPointer<UInt8>, path: String, asUser: Bool, onlyRaise: Bool) throws {
        var failure: ChineseTextError?
        ByteLines.forEach(buf, separator: nil) { lineNo, fields in
            guard failure == nil, let first = fields.first, buf[first.lowerBound] != 0x23 /* # */ else { return }
            var freq: Double?
            var tag: UInt8 = 0
            if fields.count >= 2 {
                guard let f = Self.parseNumber(buf, fields[1]) else {
                    failure = .invalidData(path: path, line: lineNo, reason: "frequency is not a number")
                    return
                }
                freq = f
            } else if !asUser {
                failure = .invalidData(path: path, line: lineNo, reason: "missing frequency")
                return
            }
            if fields.count >= 3 { tag = POSTag.index(utf8: UnsafeBufferPointer(rebasing: buf[fields[2]])) }
            guard let node = insert(utf8: UnsafeBufferPointer(rebasing: buf[first])) else {
                failure = .invalidData(path: path, line: lineNo, reason: "the word is not valid UTF-8")
                return
            }
            let n = Int(node)
            let isNew = logProb[n] == -.infinity
            let old = isNew ? 0 : frequency[n]
            var f = freq ?? max(old, 1)
            if onlyRaise { f = max(f, old) }
            if isNew { wordCount += 1 }
            totalFrequency += f - old
            frequency[n] = f
            if asUser { isUserWord[n] = true }
            if tag != 0 || isNew { tagOf[n] = tag }
            logProb[n] = 0 // a word; the value is set by finalize()
        }
        if let failure { throw failure }
    }

    /// Adds a word with the given frequency unless it is already a word.
    mutating func addIfAbsent(utf8: UnsafeBufferPointer<UInt8>, frequency f: Double, tag: UInt8) {
        guard let node = insert(utf8: utf8) else { return }
        let n = Int(node)
        guard logProb[n] == -.infinity else { return }
        frequency[n] = f
        totalFrequency += f
        tagOf[n] = tag
        logProb[n] = 0
        wordCount += 1
    }

    /// Recomputes the log probabilities after loading.
    mutating func finalize() {
        totalFrequency = max(totalFrequency, 1)
        logTotal = Foundation.log(totalFrequency)
        for n in 1..<logProb.count where logProb[n] > -.infinity {
            logProb[n] = Float(Foundation.log(max(frequency[n], 1)) - logTotal)
        }
    }

    static func parseNumber(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double? {
        var value = 0.0, scale = 0.0
        var seenDigit = false
        for i in range {
            let c = buf[i]
            if c >= 0x30 && c <= 0x39 {
                seenDigit = true
                if scale > 0 { value += Double(c - 0x30) * scale; scale /= 10 } else { value = value * 10 + Double(c - 0x30) }
            } else if c == 0x2E && scale == 0 {
                scale = 0.1
            } else {
                return nil
            }
        }
        return seenDigit ? value : nil
    }

    // MARK: Trie primitives

    /// Full-width ASCII → ASCII and upper case → lower case, for lookups.
    @inline(__always)
    static func fold(_ v: UInt32) -> UInt32 {
        var v = v
        if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 }
        if v >= 0x41 && v <= 0x5A { v += 0x20 }
        return v
    }

    private mutating func assignCode(_ scalar: UInt32) -> UInt16? {
        let v = Self.fold(scalar)
        guard v < UInt32(Self.alphabetLimit) else { return nil }
        let existing = codeOf[Int(v)]
        if existing != 0 { return existing }
        guard codeCount < 0xFFFF else { return nil }
        let c = UInt16(codeCount)
        codeCount += 1
        codeOf[Int(v)] = c
        // The unfolded forms share the code.
        if v >= 0x21 && v <= 0x7E { codeOf[Int(v + 0xFEE0)] = c }
        if v >= 0x61 && v <= 0x7A {
            codeOf[Int(v - 0x20)] = c
            codeOf[Int(v - 0x20 + 0xFEE0)] = c
        }
        rootChildren.append(0)
        return c
    }

    /// Inserts the word's path, returning its node (nil for invalid UTF-8 or empty input).
    mutating func insert(utf8 bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        var node: UInt32 = 0
        var it = bytes.makeIterator()
        var decoder = UTF8()
        var any = false
        while true {
            switch decoder.decode(&it) {
            case .scalarValue(let s):
                guard let c = assignCode(s.value) else { return nil }
                node = childOrInsert(node, c)
                any = true
            case .emptyInput:
                return any ? node : nil
            case .error:
                return nil
            }
        }
    }

    func child(_ node: UInt32, _ code: UInt16) -> UInt32 {
        if node == 0 { return Int(code) < rootChildren.count ? rootChildren[Int(code)] : 0 }
        let key = (UInt64(node) << 16) | UInt64(code)
        var slot = FrozenTrie.slot(key, edgeMask)
        while true {
            let k = edgeKeys[slot]
            if k == key { return edgeValues[slot] }
            if k == 0 { return 0 }
            slot = (slot + 1) & edgeMask
        }
    }

    private mutating func childOrInsert(_ node: UInt32, _ code: UInt16) -> UInt32 {
        let existing = child(node, code)
        if existing != 0 { return existing }
        let new = UInt32(logProb.count)
        logProb.append(-.infinity)
        tagOf.append(0)
        isUserWord.append(false)
        frequency.append(0)
        if node == 0 {
            rootChildren[Int(code)] = new
        } else {
            if (edgeCount + 1) * 2 > edgeKeys.count { rehash(to: edgeKeys.count * 2) }
            putEdge((UInt64(node) << 16) | UInt64(code), new)
            edgeCount += 1
        }
        return new
    }

    private mutating func putEdge(_ key: UInt64, _ value: UInt32) {
        var slot = FrozenTrie.slot(key, edgeMask)
        while edgeKeys[slot] != 0 { slot = (slot + 1) & edgeMask }
        edgeKeys[slot] = key
        edgeValues[slot] = value
    }

    private mutating func rehash(to capacity: Int) {
        let oldKeys = edgeKeys, oldValues = edgeValues
        edgeKeys = [UInt64](repeating: 0, count: capacity)
        edgeValues = [UInt32](repeating: 0, count: capacity)
        edgeMask = capacity - 1
        for i in 0..<oldKeys.count where oldKeys[i] != 0 { putEdge(oldKeys[i], oldValues[i]) }
    }

    /// The node reached by the whole string, or nil.
    func node(of word: String) -> UInt32? {
        var node: UInt32 = 0
        for s in word.unicodeScalars {
            let v = Self.fold(s.value)
            guard v < UInt32(Self.alphabetLimit), codeOf[Int(v)] != 0 else { return nil }
            node = child(node, codeOf[Int(v)])
            if node == 0 { return nil }
        }
        return node == 0 ? nil : node
    }
}

/// Splits UTF-8 bytes into lines and fields without creating strings.
enum ByteLines {
    /// Calls `body(lineNumber, fields)` for each non-empty line. Fields are separated by the
    /// given byte, or by runs of spaces and tabs when `separator` is nil. A BOM and "\r" are dropped.
    static func forEach(_ buf: UnsafeBufferPointer<UInt8>, separator: UInt8?, _ body: (Int, [Range<Int>]) -> Void) {
        var fields: [Range<Int>] = []
        fields.reserveCapacity(8)
        var lineNo = 0
        var i = 0
        let n = buf.count
        if n >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF { i = 3 }
        while i < n {
            lineNo += 1
            var end = i
            while end < n && buf[end] != 0x0A { end += 1 }
            var lineEnd = end
            if lineEnd > i && buf[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            fields.removeAll(keepingCapacity: true)
            if let sep = separator {
                var fs = i
                for j in i..<lineEnd where buf[j] == sep {
                    fields.append(fs..<j)
                    fs = j + 1
                }
                fields.append(fs..<lineEnd)
            } else {
                var j = i
                while j < lineEnd {
                    while j < lineEnd && (buf[j] == 0x20 || buf[j] == 0x09) { j += 1 }
                    if j >= lineEnd { break }
                    let fs = j
                    while j < lineEnd && buf[j] != 0x20 && buf[j] != 0x09 { j += 1 }
                    fields.append(fs..<j)
                }
            }
            if lineEnd > i { body(lineNo, fields) }
            i = end + 1
        }
    }
}

/// A value computed once, on first use, with its error remembered.
public final class LazyResult<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<T, Error>?
    private let make: () throws -> T

    public init(_ make: @escaping () throws -> T) { self.make = make }

    /// The value, computed on the first call; the error of a failed computation is rethrown.
    public func get() throws -> T {
        lock.lock()
        defer { lock.unlock() }
        if let result { return try result.get() }
        let r = Result { try make() }
        result = r
        return try r.get()
    }
}
