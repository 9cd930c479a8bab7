/// Writes an `AnalysisRecord` as one line of JSON without the encoder's intermediate tree of
/// boxed values and dictionaries: keys in declaration order (`JSONKeyOrder`), values formatted
/// as `JSONEncoder` with `[.withoutEscapingSlashes]` formats them (`JSONBytes`), nil optionals
/// left out as the synthesized `encodeIfPresent` leaves them out. The tests in
/// `RecordJSONTests` compare the JSON value with JSONEncoder's on edge cases; `jsonLine()` falls
/// back to JSONEncoder for values it refuses (non-finite numbers), so errors stay the same.
enum RecordJSONWriter {
    // Key lists in `CodingKeys` order; optionals are the `Optional` stored properties.
    static let record = JSONKeyOrder(
        ["source_path", "part", "title", "url", "source", "authors", "published", "section", "page", "script", "body",
         "original_body", "captions", "removed", "summary", "keywords", "technologies", "industries", "entities",
         "quantities", "times", "events"],
        optional: ["title", "url", "source", "published", "section", "page"])
    static let removed = JSONKeyOrder(["rule", "text"])
    static let technology = JSONKeyOrder(["term", "category", "count"])
    static let industry = JSONKeyOrder(["name", "category"])
    static let entity = JSONKeyOrder(["name", "type", "aliases", "role", "division", "mentions"], optional: ["role", "division"])
    static let mention = JSONKeyOrder(["text", "start", "end"])
    static let time = JSONKeyOrder(["text", "start", "end", "type", "time"], optional: ["time"])
    /// `Quantity.encode(to:)` writes every key, `approximate` included.
    static let quantity = JSONKeyOrder(["text", "kind", "value", "unit", "approximate", "bound", "start", "end"])
    static let event = JSONKeyOrder(
        ["type", "label", "date", "date_text", "parties", "place", "amount", "summary", "evidence", "start", "end"],
        optional: ["date", "date_text", "place", "amount"])

    /// True when every number of `r` can be written (JSONEncoder throws for NaN and infinities).
    static func canWrite(_ r: AnalysisRecord) -> Bool {
        r.quantities.allSatisfy { JSONBytes.isEncodable($0.value) }
            && r.events.allSatisfy { $0.amount.map { JSONBytes.isEncodable($0.value) } ?? true }
    }

    /// The record as UTF-8 bytes (the reference for `text(_:)`).
    static func write(_ r: AnalysisRecord) -> [UInt8] {
        var w = JSONBytes(capacity: capacity(r))
        write(r, into: &w)
        return w.bytes
    }

    /// The record as a `String`: the same bytes as `write(_:)`, without decoding them again.
    static func text(_ r: AnalysisRecord) -> String {
        var w = JSONText(capacity: capacity(r))
        write(r, into: &w)
        return w.finish()
    }

    static func capacity(_ r: AnalysisRecord) -> Int { r.body.utf8.count + r.originalBody.utf8.count + 4096 }

    static func write<W: JSONSink>(_ r: AnalysisRecord, into w: inout W) {
        let o = record
        var mask = 0
        if r.title != nil { mask |= 1 }
        if r.url != nil { mask |= 2 }
        if r.source != nil { mask |= 4 }
        if r.published != nil { mask |= 8 }
        if r.section != nil { mask |= 16 }
        if r.page != nil { mask |= 32 }
        w.byte(0x7B)
        var first = true
        for k in o.order(mask) {
            if first { first = false } else { w.byte(0x2C) }
            w.key(o, Int(k))
            switch k {
            case 0: w.string(r.sourcePath)
            case 1: w.int(r.part)
            case 2: w.string(r.title ?? "")
            case 3: w.string(r.url ?? "")
            case 4: w.string(r.source ?? "")
            case 5: w.strings(r.authors)
            case 6: w.string(r.published ?? "")
            case 7: w.string(r.section ?? "")
            case 8: w.string(r.page ?? "")
            case 9: w.string(r.script)
            case 10: w.string(r.body)
            case 11: w.string(r.originalBody)
            case 12: w.strings(r.captions)
            case 13: array(&w, r.removed, removedPiece)
            case 14: w.string(r.summary)
            case 15: w.strings(r.keywords)
            case 16: array(&w, r.technologies, technologyCount)
            case 17: array(&w, r.industries, industryTag)
            case 18: array(&w, r.entities, entityRecord)
            case 19: array(&w, r.quantities, quantityObject)
            case 20: array(&w, r.times, timeRecord)
            default: array(&w, r.events, eventObject)
            }
        }
        w.byte(0x7D)
    }

    @inline(__always)
    static func array<T, W: JSONSink>(_ w: inout W, _ items: [T], _ element: (inout W, T) -> Void) {
        w.byte(0x5B)
        var first = true
        for x in items {
            if first { first = false } else { w.byte(0x2C) }
            element(&w, x)
        }
        w.byte(0x5D)
    }

    /// `{` then the keys of `mask` in `o`'s order, each written by `value`, then `}`.
    @inline(__always)
    static func object<W: JSONSink>(_ w: inout W, _ o: JSONKeyOrder, _ mask: Int, _ value: (inout W, UInt8) -> Void) {
        w.byte(0x7B)
        var first = true
        for k in o.order(mask) {
            if first { first = false } else { w.byte(0x2C) }
            w.key(o, Int(k))
            value(&w, k)
        }
        w.byte(0x7D)
    }

    static func removedPiece<W: JSONSink>(_ w: inout W, _ x: AnalysisRecord.RemovedPiece) {
        object(&w, removed, 0) { w, k in w.string(k == 0 ? x.rule : x.text) }
    }

    static func technologyCount<W: JSONSink>(_ w: inout W, _ x: AnalysisRecord.TechnologyCount) {
        object(&w, technology, 0) { w, k in
            switch k {
            case 0: w.string(x.term)
            case 1: w.string(x.category)
            default: w.int(x.count)
            }
        }
    }

    static func industryTag<W: JSONSink>(_ w: inout W, _ x: AnalysisRecord.IndustryTag) {
        object(&w, industry, 0) { w, k in w.string(k == 0 ? x.name : x.category) }
    }

    static func mentionObject<W: JSONSink>(_ w: inout W, _ x: AnalysisRecord.Mention) {
        object(&w, mention, 0) { w, k in
            switch k {
            case 0: w.string(x.text)
            case 1: w.int(x.start)
            default: w.int(x.end)
            }
        }
    }

    static func entityRecord<W: JSONSink>(_ w: inout W, _ x: AnalysisRecord.EntityRecord) {
        let mask = (x.role != nil ? 1 : 0) | (x.division != nil ? 2 : 0)
        object(&w, entity, mask) { w, k in
            switch k {
            case 0: w.string(x.name)
            case 1: w.string(x.type)
            case 2: w.strings(x.aliases)
            case 3: w.string(x.role ?? "")
            case 4: w.strings(x.division ?? [])
            default: array(&w, x.mentions, mentionObject)
            }
        }
    }

    static func timeRecord<W: JSONSink>(_ w: inout W, _ x: AnalysisRecord.TimeRecord) {
        object(&w, time, x.time != nil ? 1 : 0) { w, k in
            switch k {
            case 0: w.string(x.text)
            case 1: w.int(x.start)
            case 2: w.int(x.end)
            case 3: w.string(x.type)
            default: w.strings(x.time ?? [])
            }
        }
    }

    static func quantityObject<W: JSONSink>(_ w: inout W, _ x: Quantity) {
        object(&w, quantity, 0) { w, k in
            switch k {
            case 0: w.string(x.text)
            case 1: w.string(x.kind.rawValue)
            case 2: w.double(x.value)
            case 3: w.string(x.unit)
            case 4: w.bool(x.approximate)
            case 5: w.string(x.bound.rawValue)
            case 6: w.int(x.start)
            default: w.int(x.end)
            }
        }
    }

    static func eventObject<W: JSONSink>(_ w: inout W, _ x: Event) {
        var mask = 0
        if x.date != nil { mask |= 1 }
        if x.dateText != nil { mask |= 2 }
        if x.place != nil { mask |= 4 }
        if x.amount != nil { mask |= 8 }
        object(&w, event, mask) { w, k in
            switch k {
            case 0: w.string(x.type.rawValue)
            case 1: w.string(x.label)
            case 2: w.string(x.date ?? "")
            case 3: w.string(x.dateText ?? "")
            case 4: w.strings(x.parties)
            case 5: w.string(x.place ?? "")
            case 6: if let a = x.amount { quantityObject(&w, a) }
            case 7: w.string(x.summary)
            case 8: w.string(x.evidence)
            case 9: w.int(x.start)
            default: w.int(x.end)
            }
        }
    }
}
