import ChineseText

/// The main text and metadata of one HTML page.
public struct HTMLExtraction: Sendable {
    /// Main text, one paragraph per line ("\n"), headings on their own line.
    public var text: String
    public var metadata: DocumentMetadata
    /// What was dropped (navigation, link lists, text outside the article …): one entry per
    /// dropped element or run of lines, text cut to about 80 characters.
    public var removed: [Removal]
    /// Decoding problems and notes, each naming the file.
    public var warnings: [String]
    /// The encoding the page was read in ("UTF-8", "GB18030", "Big5", …).
    public var encoding: String

    public init(text: String, metadata: DocumentMetadata, removed: [Removal], warnings: [String], encoding: String) {
        self.text = text
        self.metadata = metadata
        self.removed = removed
        self.warnings = warnings
        self.encoding = encoding
    }
}

/// Extracts the article text and metadata from HTML. See `HTMLMainText` for how the text is
/// chosen and `HTMLMetadataExtractor` for the metadata rules.
public enum HTMLExtractor {
    /// Reads bytes: the charset comes from a BOM, then `<meta charset>` / `<meta http-equiv
    /// content="…charset=…">` (or `<?xml encoding=…?>`) in the first 8 KiB, then detection
    /// (`TextDecoder`). A page declared GBK/Big5 whose bytes are valid UTF-8 is read as UTF-8
    /// (with a warning); an unknown declared charset falls back to detection (with a warning).
    public static func extract(bytes: [UInt8], path: String, url: String? = nil) throws -> HTMLExtraction {
        var warnings: [String] = []
        var declared = bytes.withUnsafeBufferPointer { declaredCharset($0) }
        if let name = declared {
            if let encoding = TextDecoder.encoding(named: name) {
                if encoding == .gb18030 || encoding == .big5 || encoding == .utf8 {
                    let (valid, nonASCII) = bytes.withUnsafeBufferPointer { utf8Validity($0) }
                    if encoding != .utf8 && valid && nonASCII {
                        warnings.append("\(path): declared charset '\(name)' ignored: the bytes are valid UTF-8")
                        declared = "utf-8"
                    } else if encoding == .utf8 && !valid {
                        let detected = TextDecoder.detect(bytes)
                        if detected != .utf8 && detected != .utf16LE && detected != .utf16BE {
                            warnings.append("\(path): declared charset '\(name)' ignored: the bytes are not UTF-8 (read as \(detected.displayName))")
                            declared = nil
                        }
                    }
                }
            } else {
                warnings.append("\(path): unknown declared charset '\(name)', detecting the encoding instead")
                declared = nil
            }
        }
        let decoded: DecodedText
        do {
            decoded = try TextDecoder.decode(bytes, path: path, declared: declared)
        } catch let error as ChineseTextError {
            throw ReadingError.unreadable(path: path, reason: "\(error)")
        } catch {
            throw ReadingError.unreadable(path: path, reason: "\(error)")
        }
        warnings.append(contentsOf: decoded.warnings.map(\.description))
        var result = extract(html: decoded.text, path: path, url: url)
        result.warnings = warnings + result.warnings
        result.encoding = decoded.encoding.displayName
        return result
    }

    public static func extract(html: String, path: String, url: String? = nil) -> HTMLExtraction {
        let doc = HTMLDocument.parse(html)
        let blocks = HTMLBlocks.build(doc)
        var main = HTMLMainText.select(doc, blocks)
        let meta = HTMLMetadataExtractor.extract(doc, blocks, main: main, url: url)
        main.trimLead(blocks, titleBlock: meta.titleBlock)
        var text: [UInt8] = []
        text.reserveCapacity(blocks.bytes.count)
        for i in main.blockIndices {
            if !text.isEmpty { text.append(0x0A) }
            text.append(contentsOf: blocks.slice(blocks.blocks[i]))
        }
        var warnings: [String] = []
        if main.blockIndices.isEmpty && !blocks.blocks.isEmpty {
            warnings.append("\(path): no article text found in the HTML")
        }
        return HTMLExtraction(text: String(decoding: text, as: UTF8.self), metadata: meta.metadata,
                              removed: main.removed, warnings: warnings, encoding: "UTF-8")
    }

    /// A diagnostic listing of the page's text blocks with their values and the chosen
    /// container (for tuning the rules; not a stable format).
    public static func explain(bytes: [UInt8], path: String) throws -> String {
        let declared = bytes.withUnsafeBufferPointer { declaredCharset($0) }
        let name = declared.flatMap { TextDecoder.encoding(named: $0) } == nil ? nil : declared
        let text: String
        do {
            text = try TextDecoder.decode(bytes, path: path, declared: name).text
        } catch {
            throw ReadingError.unreadable(path: path, reason: "\(error)")
        }
        let doc = HTMLDocument.parse(text)
        let blocks = HTMLBlocks.build(doc)
        let main = HTMLMainText.select(doc, blocks)
        let meta = HTMLMetadataExtractor.extract(doc, blocks, main: main, url: nil)
        let kept = Set(main.blockIndices)
        var lines: [String] = []
        let raw = HTMLMainText.scores(doc, blocks)
        let density = HTMLMainText.linkDensities(doc, blocks)
        let scores = raw.indices.map { raw[$0] * (1 - density[$0]) * (blocks.hints[$0] > 0 ? 1.25 : 1) }
        let ranked = scores.indices.filter { doc.nodes[$0].tag != .text }.sorted { scores[$0] > scores[$1] }.prefix(8)
        for k in ranked {
            let cls = doc.attributeString(.class, of: k) ?? doc.attributeString(.id, of: k) ?? ""
            lines.append("  cand node \(k)..<\(doc.nodes[k].end) <\(doc.nodes[k].tag)> .\(cls) score \(Int(scores[k])) parent \(doc.nodes[k].parent)")
        }
        lines.append("container: node \(main.container) <\(doc.nodes[main.container].tag)> strategy \(main.strategy) title block \(meta.titleBlock.map(String.init) ?? "-")")
        for (i, b) in blocks.blocks.enumerated() {
            let mark = kept.contains(i) ? "+" : " "
            let v = Int(HTMLMainText.value(b))
            let flags = (b.drop != .none ? "[\(b.drop.rule)]" : "") + (b.negativeHint ? "[neg]" : "") + (b.heading > 0 ? "[h\(b.heading)]" : "")
            var s = blocks.string(b)
            if s.count > 70 { s = String(s.prefix(70)) + "…" }
            lines.append("\(mark)\(i) o\(b.owner)<\(doc.nodes[Int(b.owner)].tag)> v\(v) c\(b.chars) l\(b.linkChars) p\(b.punct)\(flags) \(s)")
        }
        lines.append("title: \(meta.metadata.title ?? "-")")
        lines.append("published: \(meta.metadata.published ?? "-")  authors: \(meta.metadata.authors)  source: \(meta.metadata.source ?? "-")  section: \(meta.metadata.section ?? "-")")
        return lines.joined(separator: "\n")
    }

    /// Whether the bytes are valid UTF-8 (a sequence cut off at the very end counts as valid),
    /// and whether they hold anything beyond ASCII.
    static func utf8Validity(_ p: UnsafeBufferPointer<UInt8>) -> (valid: Bool, nonASCII: Bool) {
        let n = p.count
        var i = 0
        var nonASCII = false
        while i < n {
            let b = p[i]
            if b < 0x80 { i += 1; continue }
            nonASCII = true
            let len: Int
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: len = 2
            case 0xE0: len = 3; lo = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: len = 3
            case 0xED: len = 3; hi = 0x9F
            case 0xF0: len = 4; lo = 0x90
            case 0xF1...0xF3: len = 4
            case 0xF4: len = 4; hi = 0x8F
            default: return (false, true)
            }
            if i + len > n { return (true, true) }
            let b1 = p[i + 1]
            if b1 < lo || b1 > hi { return (false, true) }
            var k = 2
            while k < len {
                if p[i + k] & 0xC0 != 0x80 { return (false, true) }
                k += 1
            }
            i += len
        }
        return (true, nonASCII)
    }

    /// The charset named by `<meta charset=…>`, `<meta http-equiv=Content-Type content="…;
    /// charset=…">` or `<?xml … encoding="…"?>` in the first 8 KiB, if any.
    static func declaredCharset(_ p: UnsafeBufferPointer<UInt8>) -> String? {
        let limit = min(p.count, 8192)
        var i = 0
        while i + 5 < limit {
            guard p[i] == 0x3C else { i += 1; continue } // <
            // <?xml … encoding="…"
            if p[i + 1] == 0x3F {
                var j = i + 2
                while j < limit && p[j] != 0x3E { j += 1 }
                if let v = valueAfter("encoding", p, i, j) { return v }
                i = j
                continue
            }
            // <meta …>
            if (p[i + 1] | 0x20) == 0x6D && (p[i + 2] | 0x20) == 0x65 && (p[i + 3] | 0x20) == 0x74 && (p[i + 4] | 0x20) == 0x61 {
                var j = i + 5
                while j < limit && p[j] != 0x3E { j += 1 }
                if let v = valueAfter("charset", p, i, j) { return v }
                i = j
                continue
            }
            i += 1
        }
        return nil
    }

    /// The value after `word` (= optional, quotes optional) within p[from..<to].
    static func valueAfter(_ word: StaticString, _ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> String? {
        let w = word.utf8Start
        let wn = word.utf8CodeUnitCount
        var k = from
        while k + wn <= to {
            var match = true
            for m in 0..<wn where htmlLower(p[k + m]) != w[m] { match = false; break }
            if match {
                var j = k + wn
                while j < to && htmlIsSpace(p[j]) { j += 1 }
                guard j < to && p[j] == 0x3D else { k += 1; continue }
                j += 1
                while j < to && (htmlIsSpace(p[j]) || p[j] == 0x22 || p[j] == 0x27) { j += 1 }
                let s = j
                while j < to && !htmlIsSpace(p[j]) && p[j] != 0x22 && p[j] != 0x27 && p[j] != 0x3B && p[j] != 0x3E && p[j] != 0x2F {
                    j += 1
                }
                if j > s {
                    return String(decoding: UnsafeBufferPointer(rebasing: p[s..<j]), as: UTF8.self)
                }
            }
            k += 1
        }
        return nil
    }
}
