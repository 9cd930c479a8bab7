/// The attributes the extractor reads. Others are skipped while parsing.
enum HTMLAttribute: UInt8, Sendable {
    case id, `class`, name, property, content, charset, httpEquiv, href, rel, itemprop, type, style, datetime, hidden

    static let byHash: [UInt64: HTMLAttribute] = {
        let names: [(String, HTMLAttribute)] = [
            ("id", .id), ("class", .class), ("name", .name), ("property", .property), ("content", .content),
            ("charset", .charset), ("http-equiv", .httpEquiv), ("href", .href), ("rel", .rel),
            ("itemprop", .itemprop), ("type", .type), ("style", .style), ("datetime", .datetime), ("hidden", .hidden),
        ]
        var d: [UInt64: HTMLAttribute] = [:]
        for (n, a) in names { d[HTMLEntities.hash(Array(n.utf8))] = a }
        return d
    }()
}

/// One node of the light DOM. Nodes are stored in document order (pre-order); an element's
/// descendants are exactly `nodes[index + 1 ..< end]`, so whole subtrees are skipped or summed
/// without recursion.
struct HTMLNode: Sendable {
    var tag: HTMLTag
    /// `hidden` attribute, or an inline style with display:none / visibility:hidden.
    var hidden: Bool = false
    var parent: Int32
    /// One past the last descendant.
    var end: Int32
    /// Text nodes: byte range in `HTMLDocument.text`. Elements: range in `HTMLDocument.attributes`.
    var start: Int32
    var stop: Int32
    /// FNV-1a hash of the lowercased tag name (matches end tags of unknown elements).
    var nameHash: UInt64
}

struct HTMLAttributeValue: Sendable {
    var name: HTMLAttribute
    /// Byte range of the (entity-decoded) value in `HTMLDocument.attributeBytes`.
    var start: Int32
    var end: Int32
}

/// A parsed page: flat node array (node 0 is the document), decoded text bytes, attributes.
struct HTMLDocument: Sendable {
    var nodes: [HTMLNode] = []
    /// UTF-8 text of all text nodes, character references decoded, whitespace as in the source.
    var text: [UInt8] = []
    var attributes: [HTMLAttributeValue] = []
    var attributeBytes: [UInt8] = []

    /// The deepest element nesting kept; deeper start tags become empty elements, so 10,000
    /// nested `<div>`s neither recurse nor build a 10,000-level tree.
    static let maxDepth = 256

    func attribute(_ name: HTMLAttribute, of node: Int) -> ArraySlice<UInt8>? {
        let n = nodes[node]
        guard n.tag != .text else { return nil }
        var k = Int(n.start)
        while k < Int(n.stop) {
            let a = attributes[k]
            if a.name == name { return attributeBytes[Int(a.start)..<Int(a.end)] }
            k += 1
        }
        return nil
    }

    func attributeString(_ name: HTMLAttribute, of node: Int) -> String? {
        guard let bytes = attribute(name, of: node) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    func textBytes(of node: Int) -> ArraySlice<UInt8> {
        let n = nodes[node]
        return text[Int(n.start)..<Int(n.stop)]
    }

    /// All text under `node` (scripts and styles included), as a String.
    func textContent(of node: Int) -> String {
        var out: [UInt8] = []
        var k = node + 1
        let end = Int(nodes[node].end)
        while k < end {
            if nodes[k].tag == .text { out.append(contentsOf: textBytes(of: k)) }
            k += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Parse UTF-8 bytes. Never fails: anything that is not a well-formed tag is text.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> HTMLDocument {
        var parser = HTMLParser(bytes)
        parser.run()
        return parser.doc
    }

    static func parse(_ html: String) -> HTMLDocument {
        var s = html
        return s.withUTF8 { parse($0) }
    }
}

// MARK: - Byte-level helpers

@inline(__always) func htmlIsSpace(_ b: UInt8) -> Bool {
    b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C
}

@inline(__always) func htmlIsAlpha(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

@inline(__always) func htmlIsDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

@inline(__always) func htmlLower(_ b: UInt8) -> UInt8 { (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b }

/// Appends the UTF-8 encoding of a scalar value.
@inline(__always) func htmlAppendUTF8(_ v: UInt32, to out: inout [UInt8]) {
    var v = v
    if v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) || v == 0 { v = 0xFFFD }
    if v < 0x80 {
        out.append(UInt8(v))
    } else if v < 0x800 {
        out.append(UInt8(0xC0 | (v >> 6)))
        out.append(UInt8(0x80 | (v & 0x3F)))
    } else if v < 0x10000 {
        out.append(UInt8(0xE0 | (v >> 12)))
        out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (v & 0x3F)))
    } else {
        out.append(UInt8(0xF0 | (v >> 18)))
        out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
        out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (v & 0x3F)))
    }
}

// MARK: - Parser

/// A tolerant tokenizer and tree builder over UTF-8 bytes, modelled on (a small part of) the
/// HTML parsing algorithm: void elements, raw-text elements (script, style, title …), implied
/// end tags for p/li/dd/dt/tr/td/option/headings, end tags that close the nearest open element
/// of the same name within scope and are otherwise ignored, and a depth cap.
struct HTMLParser {
    let p: UnsafeBufferPointer<UInt8>
    let n: Int
    var doc = HTMLDocument()
    /// Open elements (node indices); stack[0] is the document node.
    var stack: [Int32] = [0]
    var haveHTML = false, haveBody = false, haveHead = false

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        p = bytes
        n = bytes.count
        doc.nodes.reserveCapacity(n / 24 + 16)
        doc.text.reserveCapacity(n / 2 + 16)
        doc.nodes.append(HTMLNode(tag: .root, parent: -1, end: 1, start: 0, stop: 0, nameHash: 0))
    }

    mutating func run() {
        var i = 0
        // Skip a UTF-8 BOM.
        if n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF { i = 3 }
        while i < n {
            let b = p[i]
            if b == 0x3C { // <
                i = tag(at: i)
            } else {
                i = textRun(from: i)
            }
        }
        while stack.count > 1 { pop() }
        doc.nodes[0].end = Int32(doc.nodes.count)
    }

    // MARK: Text

    /// Text up to the next "<", with character references decoded.
    mutating func textRun(from start: Int) -> Int {
        var i = start
        let textStart = doc.text.count
        var runStart = i
        while i < n {
            let b = p[i]
            if b == 0x3C { break }
            if b == 0x26 { // &
                if runStart < i { doc.text.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<i])) }
                i = entity(at: i, into: &doc.text, inAttribute: false)
                runStart = i
                continue
            }
            if b == 0 { // NUL: drop
                if runStart < i { doc.text.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<i])) }
                i += 1
                runStart = i
                continue
            }
            i += 1
        }
        if runStart < i { doc.text.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<i])) }
        addTextNode(from: textStart)
        return i
    }

    /// Makes `doc.text[from...]` a text node under the current element (merged with a text node
    /// just before it).
    mutating func addTextNode(from textStart: Int) {
        let textEnd = doc.text.count
        guard textEnd > textStart else { return }
        let parent = stack[stack.count - 1]
        let last = doc.nodes.count - 1
        if doc.nodes[last].tag == .text && doc.nodes[last].parent == parent && Int(doc.nodes[last].stop) == textStart {
            doc.nodes[last].stop = Int32(textEnd)
            doc.nodes[last].end = Int32(doc.nodes.count)
            return
        }
        doc.nodes.append(HTMLNode(tag: .text, parent: parent, end: Int32(doc.nodes.count + 1),
                                  start: Int32(textStart), stop: Int32(textEnd), nameHash: 0))
    }

    /// Decodes the character reference at `p[i]` ("&") into `out`; returns the index after it.
    /// Unknown references are copied literally.
    func entity(at i: Int, into out: inout [UInt8], inAttribute: Bool) -> Int {
        var j = i + 1
        guard j < n else { out.append(0x26); return j }
        if p[j] == 0x23 { // &#
            j += 1
            var hex = false
            if j < n && (p[j] | 0x20) == 0x78 { hex = true; j += 1 }
            var v: UInt32 = 0
            let digitsStart = j
            while j < n && j - digitsStart < 8 {
                let c = p[j]
                if htmlIsDigit(c) {
                    v = v &* (hex ? 16 : 10) &+ UInt32(c - 0x30)
                } else if hex, (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66 {
                    v = v &* 16 &+ UInt32((c | 0x20) - 0x61 + 10)
                } else {
                    break
                }
                j += 1
            }
            if j == digitsStart { // "&#" or "&#x" without digits: literal
                out.append(contentsOf: UnsafeBufferPointer(rebasing: p[i..<j]))
                return j
            }
            while j < n && (htmlIsDigit(p[j]) || (hex && htmlIsAlpha(p[j]) && (p[j] | 0x20) <= 0x66)) { j += 1; v = 0x110000 }
            if j < n && p[j] == 0x3B { j += 1 }
            if v >= 0x80 && v <= 0x9F { v = HTMLEntities.windows1252[Int(v - 0x80)] }
            htmlAppendUTF8(v, to: &out)
            return j
        }
        // Named: up to 32 ASCII alphanumerics.
        let nameStart = j
        while j < n && j - nameStart < 32 && (htmlIsAlpha(p[j]) || htmlIsDigit(p[j])) { j += 1 }
        let nameEnd = j
        if nameEnd == nameStart { out.append(0x26); return i + 1 }
        let name = UnsafeBufferPointer(rebasing: p[nameStart..<nameEnd])
        if nameEnd < n && p[nameEnd] == 0x3B, let v = HTMLEntities.named[HTMLEntities.hash(name)] {
            htmlAppendUTF8(v, to: &out)
            return nameEnd + 1
        }
        // Legacy names without ";" (longest prefix), e.g. "&nbsp" or "&copy2005".
        var len = min(nameEnd - nameStart, HTMLEntities.longestLegacy)
        while len >= 2 {
            let prefix = UnsafeBufferPointer(rebasing: p[nameStart..<(nameStart + len)])
            let h = HTMLEntities.hash(prefix)
            if HTMLEntities.legacy.contains(h), let v = HTMLEntities.named[h] {
                let after = nameStart + len
                // In attribute values "&copy=…" / "&ampx" stay literal (URLs).
                if inAttribute && after < n && (p[after] == 0x3D || htmlIsAlpha(p[after]) || htmlIsDigit(p[after])) {
                    break
                }
                htmlAppendUTF8(v, to: &out)
                return after
            }
            len -= 1
        }
        out.append(0x26)
        return i + 1
    }

    // MARK: Tags

    /// Handles "<" at `i`; returns the index after whatever was consumed.
    mutating func tag(at i: Int) -> Int {
        guard i + 1 < n else { appendLiteral(i, i + 1); return i + 1 }
        let c = p[i + 1]
        if htmlIsAlpha(c) { return startTag(at: i) }
        if c == 0x2F { // </
            if i + 2 < n && htmlIsAlpha(p[i + 2]) { return endTag(at: i) }
            if i + 2 < n && p[i + 2] == 0x3E { return i + 3 } // "</>"
            if i + 2 >= n { appendLiteral(i, n); return n }
            return skipPast(0x3E, from: i + 2) // bogus comment
        }
        if c == 0x21 { // <!
            if i + 3 < n && p[i + 2] == 0x2D && p[i + 3] == 0x2D { return comment(at: i) }
            return skipPast(0x3E, from: i + 2)
        }
        if c == 0x3F { return skipPast(0x3E, from: i + 2) } // <? … >
        // "<" that starts no tag ("a < b", "<3", "<中文>"): text.
        appendLiteral(i, i + 1)
        return i + 1
    }

    mutating func appendLiteral(_ from: Int, _ to: Int) {
        let start = doc.text.count
        doc.text.append(contentsOf: UnsafeBufferPointer(rebasing: p[from..<to]))
        addTextNode(from: start)
    }

    func skipPast(_ byte: UInt8, from start: Int) -> Int {
        var j = start
        while j < n && p[j] != byte { j += 1 }
        return min(j + 1, n)
    }

    /// `<!-- … -->`; an unterminated comment ends at the next ">" (browsers would swallow the rest
    /// of the page).
    func comment(at i: Int) -> Int {
        var j = i + 4
        while j + 2 < n {
            if p[j] == 0x2D && p[j + 1] == 0x2D && p[j + 2] == 0x3E { return j + 3 }
            j += 1
        }
        return skipPast(0x3E, from: i + 4)
    }

    /// Reads a tag name at `j`; returns (hash of lowercased name, index after the name).
    func tagName(at start: Int) -> (UInt64, Int) {
        var h: UInt64 = 0xcbf29ce484222325
        var j = start
        while j < n {
            let b = p[j]
            if htmlIsSpace(b) || b == 0x2F || b == 0x3E { break }
            h = (h ^ UInt64(htmlLower(b))) &* 0x100000001b3
            j += 1
        }
        return (h, j)
    }

    mutating func startTag(at i: Int) -> Int {
        let (hash, afterName) = tagName(at: i + 1)
        let tag = HTMLTag.byHash[hash] ?? .unknown
        // Attributes.
        let attrStart = doc.attributes.count
        var j = afterName
        var selfClosing = false
        var hidden = false
        var closed = false
        while j < n {
            let b = p[j]
            if htmlIsSpace(b) { j += 1; continue }
            if b == 0x3E { j += 1; closed = true; break }
            if b == 0x2F {
                if j + 1 < n && p[j + 1] == 0x3E { selfClosing = true; j += 2; closed = true; break }
                j += 1
                continue
            }
            // Attribute name.
            var h: UInt64 = 0xcbf29ce484222325
            let nameStart = j
            while j < n {
                let c = p[j]
                if htmlIsSpace(c) || c == 0x3D || c == 0x3E || (c == 0x2F && j > nameStart) { break }
                h = (h ^ UInt64(htmlLower(c))) &* 0x100000001b3
                j += 1
            }
            var k = j
            while k < n && htmlIsSpace(p[k]) { k += 1 }
            var valueStart = -1, valueEnd = -1
            if k < n && p[k] == 0x3D {
                k += 1
                while k < n && htmlIsSpace(p[k]) { k += 1 }
                if k < n && (p[k] == 0x22 || p[k] == 0x27) {
                    let q = p[k]
                    var e = k + 1
                    while e < n && p[e] != q { e += 1 }
                    if e < n {
                        valueStart = k + 1; valueEnd = e; j = e + 1
                    } else {
                        // Unterminated quote: the value ends at the next ">".
                        var g = k + 1
                        while g < n && p[g] != 0x3E { g += 1 }
                        valueStart = k + 1; valueEnd = g; j = g
                    }
                } else {
                    var e = k
                    while e < n && !htmlIsSpace(p[e]) && p[e] != 0x3E { e += 1 }
                    valueStart = k; valueEnd = e; j = e
                }
            }
            if j == nameStart { j += 1 } // never loop without progress
            if let attr = HTMLAttribute.byHash[h] {
                let vs = doc.attributeBytes.count
                if valueStart >= 0 { decodeAttributeValue(valueStart, valueEnd) }
                doc.attributes.append(HTMLAttributeValue(name: attr, start: Int32(vs), end: Int32(doc.attributeBytes.count)))
                if attr == .hidden { hidden = true }
                if attr == .style && valueStart >= 0 && styleHides(valueStart, valueEnd) { hidden = true }
            }
        }
        if !closed {
            // End of input inside a tag: the tag is dropped.
            doc.attributes.removeSubrange(attrStart...)
            return n
        }
        openElement(tag: tag, hash: hash, attrStart: attrStart, hidden: hidden, selfClosing: selfClosing)
        if tag.isRawText && doc.nodes.last.map({ $0.tag == tag }) == true && stack.last == Int32(doc.nodes.count - 1) {
            return rawText(from: j, tag: tag, hash: hash)
        }
        return j
    }

    mutating func decodeAttributeValue(_ start: Int, _ end: Int) {
        var k = start
        var runStart = k
        while k < end {
            if p[k] == 0x26 {
                if runStart < k { doc.attributeBytes.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<k])) }
                // Decode against the whole buffer, but never past the value.
                var tmp: [UInt8] = []
                let next = entity(at: k, into: &tmp, inAttribute: true)
                if next <= end {
                    doc.attributeBytes.append(contentsOf: tmp)
                    k = next
                } else {
                    doc.attributeBytes.append(0x26)
                    k += 1
                }
                runStart = k
                continue
            }
            k += 1
        }
        if runStart < end { doc.attributeBytes.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<end])) }
    }

    /// Whether an inline style contains display:none or visibility:hidden.
    func styleHides(_ start: Int, _ end: Int) -> Bool {
        var k = start
        while k < end {
            let b = p[k] | 0x20
            if b == 0x64, matchesLower("display", at: k, limit: end) { // d
                var j = k + 7
                while j < end && (htmlIsSpace(p[j])) { j += 1 }
                if j < end && p[j] == 0x3A {
                    j += 1
                    while j < end && htmlIsSpace(p[j]) { j += 1 }
                    if matchesLower("none", at: j, limit: end) { return true }
                }
            } else if b == 0x76, matchesLower("visibility", at: k, limit: end) {
                var j = k + 10
                while j < end && (htmlIsSpace(p[j])) { j += 1 }
                if j < end && p[j] == 0x3A {
                    j += 1
                    while j < end && htmlIsSpace(p[j]) { j += 1 }
                    if matchesLower("hidden", at: j, limit: end) { return true }
                }
            }
            k += 1
        }
        return false
    }

    func matchesLower(_ word: StaticString, at k: Int, limit: Int) -> Bool {
        let count = word.utf8CodeUnitCount
        guard k + count <= limit else { return false }
        let w = word.utf8Start
        for m in 0..<count where htmlLower(p[k + m]) != w[m] { return false }
        return true
    }

    /// Content of script/style/title/… up to the matching end tag.
    mutating func rawText(from start: Int, tag: HTMLTag, hash: UInt64) -> Int {
        var j = start
        var contentEnd = n
        var after = n
        if tag != .plaintext {
            while j + 1 < n {
                if p[j] == 0x3C && p[j + 1] == 0x2F {
                    let (h, e) = tagName(at: j + 2)
                    if h == hash {
                        contentEnd = j
                        after = skipPast(0x3E, from: e)
                        break
                    }
                }
                j += 1
            }
        }
        if contentEnd > start {
            let textStart = doc.text.count
            if tag.decodesEntitiesInRawText {
                var k = start
                var runStart = k
                while k < contentEnd {
                    if p[k] == 0x26 {
                        if runStart < k { doc.text.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<k])) }
                        var tmp: [UInt8] = []
                        let next = entity(at: k, into: &tmp, inAttribute: false)
                        if next <= contentEnd { doc.text.append(contentsOf: tmp); k = next } else { doc.text.append(0x26); k += 1 }
                        runStart = k
                        continue
                    }
                    k += 1
                }
                if runStart < contentEnd { doc.text.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<contentEnd])) }
            } else {
                doc.text.append(contentsOf: UnsafeBufferPointer(rebasing: p[start..<contentEnd]))
            }
            addTextNode(from: textStart)
        }
        pop()
        return after
    }

    // MARK: Tree building

    var top: HTMLTag { doc.nodes[Int(stack[stack.count - 1])].tag }

    mutating func pop() {
        let k = Int(stack.removeLast())
        doc.nodes[k].end = Int32(doc.nodes.count)
    }

    /// Pops up to and including stack position `pos`.
    mutating func popTo(_ pos: Int) {
        while stack.count > pos { pop() }
    }

    /// Stack position of the nearest open element satisfying `match`, searching down to a
    /// boundary; nil when a boundary comes first.
    func findOpen(_ match: (HTMLNode) -> Bool, boundary: (HTMLTag) -> Bool) -> Int? {
        var k = stack.count - 1
        while k >= 1 {
            let node = doc.nodes[Int(stack[k])]
            if match(node) { return k }
            if boundary(node.tag) { return nil }
            k -= 1
        }
        return nil
    }

    mutating func closeOpen(_ tags: (HTMLTag) -> Bool, boundary: (HTMLTag) -> Bool) {
        if let pos = findOpen({ tags($0.tag) }, boundary: boundary) { popTo(pos) }
    }

    mutating func openElement(tag: HTMLTag, hash: UInt64, attrStart: Int, hidden: Bool, selfClosing: Bool) {
        switch tag {
        case .html:
            if haveHTML { doc.attributes.removeSubrange(attrStart...); return }
            haveHTML = true
        case .body:
            if haveBody { doc.attributes.removeSubrange(attrStart...); return }
            haveBody = true
            // Content before <body> stays where it is; a still-open <head> is closed.
            closeOpen({ $0 == .head }, boundary: { $0 == .root })
        case .head:
            if haveHead || haveBody { doc.attributes.removeSubrange(attrStart...); return }
            haveHead = true
        default:
            break
        }
        if tag.closesParagraph {
            closeOpen({ $0 == .p }, boundary: { $0.isScopeBoundary || $0 == .button })
        }
        switch tag {
        case .li:
            closeOpen({ $0 == .li }, boundary: { $0.isScopeBoundary || $0 == .ul || $0 == .ol })
        case .dd, .dt:
            closeOpen({ $0 == .dd || $0 == .dt }, boundary: { $0.isScopeBoundary || $0 == .dl })
        case .tr:
            closeOpen({ $0 == .tr || $0 == .td || $0 == .th }, boundary: { $0 == .table || $0 == .root })
        case .td, .th:
            closeOpen({ $0 == .td || $0 == .th }, boundary: { $0 == .tr || $0 == .table || $0 == .root })
        case .thead, .tbody, .tfoot:
            closeOpen({ $0 == .tr || $0 == .td || $0 == .th || $0 == .thead || $0 == .tbody || $0 == .tfoot },
                      boundary: { $0 == .table || $0 == .root })
        case .option:
            if top == .option { pop() }
        case .optgroup:
            if top == .option { pop() }
            if top == .optgroup { pop() }
        case .h1, .h2, .h3, .h4, .h5, .h6:
            if top.headingLevel > 0 { pop() }
        case .a:
            closeOpen({ $0 == .a }, boundary: { $0.isScopeBoundary })
        case .p:
            break
        default:
            break
        }
        let parent = stack[stack.count - 1]
        let index = doc.nodes.count
        doc.nodes.append(HTMLNode(tag: tag, hidden: hidden, parent: parent, end: Int32(index + 1),
                                  start: Int32(attrStart), stop: Int32(doc.attributes.count), nameHash: hash))
        let isEmpty = tag.isVoid || (selfClosing && tag == .unknown)
        if !isEmpty && (stack.count < HTMLDocument.maxDepth || tag.isRawText) {
            stack.append(Int32(index))
        }
    }

    mutating func endTag(at i: Int) -> Int {
        let (hash, afterName) = tagName(at: i + 2)
        let after = skipPast(0x3E, from: afterName)
        let tag = HTMLTag.byHash[hash] ?? .unknown
        switch tag {
        case .br:
            // "</br>" is a line break, as in browsers.
            openElement(tag: .br, hash: hash, attrStart: doc.attributes.count, hidden: false, selfClosing: true)
            return after
        case .html, .body:
            return after
        case .p:
            if let pos = findOpen({ $0.tag == .p }, boundary: { $0.isScopeBoundary || $0 == .button }) {
                popTo(pos)
            } else {
                // A stray </p> still ends a paragraph: leave an empty <p> as a break.
                openElement(tag: .p, hash: hash, attrStart: doc.attributes.count, hidden: false, selfClosing: false)
                pop()
            }
            return after
        default:
            break
        }
        let boundary: (HTMLTag) -> Bool
        switch tag {
        case .td, .th, .tr, .thead, .tbody, .tfoot, .caption:
            boundary = { $0 == .table || $0 == .root }
        case .table:
            boundary = { $0 == .root }
        case .li:
            boundary = { $0.isScopeBoundary || $0 == .ul || $0 == .ol }
        default:
            boundary = { $0.isScopeBoundary }
        }
        if let pos = findOpen({ $0.nameHash == hash }, boundary: boundary) {
            popTo(pos)
        }
        return after
    }
}
