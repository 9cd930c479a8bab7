import Foundation

extension Article {
    /// One line of JSON with the fields in a fixed, readable order (JSON Lines output).
    public func jsonLine() -> String {
        var w = JSONObjectWriter()
        w.add("source_path", sourcePath)
        w.add("part", part)
        w.add("title", title)
        w.add("url", url)
        w.add("source", source)
        w.add("authors", authors)
        w.add("published", published)
        w.add("section", section)
        w.add("page", page)
        w.add("script", script.rawValue)
        w.add("body", body)
        w.add("original_body", originalBody)
        w.add("captions", captions)
        w.addRaw("removed", "[" + removed.map { r -> String in
            var o = JSONObjectWriter()
            o.add("rule", r.rule)
            o.add("text", r.text)
            return o.finish()
        }.joined(separator: ",") + "]")
        return w.finish()
    }
}

/// Writes a JSON object field by field, in order.
public struct JSONObjectWriter {
    private var out = "{"
    private var first = true

    public init() {}

    private mutating func key(_ k: String) {
        if !first { out += "," }
        first = false
        out += Self.quote(k) + ":"
    }

    public mutating func add(_ k: String, _ v: String?) {
        key(k)
        out += v.map(Self.quote) ?? "null"
    }

    public mutating func add(_ k: String, _ v: Int) {
        key(k)
        out += String(v)
    }

    public mutating func add(_ k: String, _ v: Double) {
        key(k)
        out += v.isFinite ? String(v) : "null"
    }

    public mutating func add(_ k: String, _ v: [String]) {
        key(k)
        out += "[" + v.map(Self.quote).joined(separator: ",") + "]"
    }

    /// A value that is already JSON.
    public mutating func addRaw(_ k: String, _ json: String) {
        key(k)
        out += json
    }

    public func finish() -> String { out + "}" }

    /// A JSON string literal (UTF-8 kept as is; control characters, quotes and backslashes escaped).
    public static func quote(_ s: String) -> String {
        var r = "\""
        r.reserveCapacity(s.utf8.count + 2)
        for u in s.unicodeScalars {
            switch u {
            case "\"": r += "\\\""
            case "\\": r += "\\\\"
            case "\n": r += "\\n"
            case "\r": r += "\\r"
            case "\t": r += "\\t"
            case "\u{2028}": r += "\\u2028"
            case "\u{2029}": r += "\\u2029"
            default:
                if u.value < 0x20 {
                    r += String(format: "\\u%04x", u.value)
                } else {
                    r.unicodeScalars.append(u)
                }
            }
        }
        return r + "\""
    }
}
