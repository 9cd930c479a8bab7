import Foundation

extension AnalysisRecord {
    /// One line of JSON, keys in declaration order, formatted as `JSONEncoder` with
    /// `[.withoutEscapingSlashes]` formats values; written directly by `RecordJSONWriter`.
    public func jsonLine() throws -> String {
        guard RecordJSONWriter.canWrite(self) else { return try encodedLine() }
        return RecordJSONWriter.text(self)
    }

    /// `jsonLine()` and a newline as UTF-8 bytes, for writers of JSON Lines: the bytes go
    /// straight to the output, with no `String` built in between.
    public func jsonLineBytes() throws -> [UInt8] {
        guard RecordJSONWriter.canWrite(self) else { return Array((try encodedLine() + "\n").utf8) }
        var w = JSONBytes(capacity: RecordJSONWriter.capacity(self) + 1)
        RecordJSONWriter.write(self, into: &w)
        w.byte(0x0A)
        return w.bytes
    }

    /// The record through `JSONEncoder`: the same JSON value as `jsonLine()` (keys in the
    /// encoder's hash order), and the path for records the writer refuses (non-finite numbers,
    /// for which the encoder throws).
    func encodedLine() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// The field-record format of the user's first sample (标题, 链接, 总结, 关键词, AI技术, 行业,
    /// 重大事件摘要), with 总结 holding the real summary and 重大事件摘要 a numbered list with dates,
    /// followed by 来源, 作者, 发布时间 and 正文. `RecordReader` reads it back.
    public func recordText() -> String {
        var s = ""
        s += "标题: \(title ?? "")\n"
        s += "链接: \(url ?? "")\n"
        s += "总结: \(summary)\n"
        s += "关键词: \(keywords.joined(separator: ", "))\n"
        s += "AI技术: \(technologies.map(\.term).joined(separator: ", "))\n"
        s += "行业: \(industries.map(\.name).joined(separator: ", "))\n"
        s += "重大事件摘要: "
        if events.isEmpty {
            s += "无\n"
        } else {
            s += "这篇文章中的重大事件包括：\n\n"
            for (k, e) in events.enumerated() {
                s += "\(k + 1). [\(Self.eventTypeNames[e.type] ?? e.type.rawValue)] \(e.summary)\n\n"
            }
        }
        s += "来源: \(source ?? "")\n"
        s += "作者: \(authors.joined(separator: ", "))\n"
        s += "发布时间: \(published ?? "")\n"
        s += "正文: \(body)\n"
        return s
    }

    public static let eventTypeNames: [Event.Kind: String] = [
        .cooperation: "合作", .approval: "获批", .establishment: "成立", .policy: "政策", .investment: "投资",
        .project: "项目", .launch: "发布", .meeting: "会议", .appointment: "任命", .ranking: "排名", .achievement: "成果",
    ]

    /// A readable Markdown section for briefings.
    public func markdown() -> String {
        var s = "## \(title ?? "（无标题）")\n\n"
        var meta: [String] = []
        if let published { meta.append("发布时间：\(published)") }
        if let source { meta.append("来源：\(source)") }
        if !authors.isEmpty { meta.append("作者：\(authors.joined(separator: "、"))") }
        if let url { meta.append("[原文](\(url))") }
        if !meta.isEmpty { s += meta.joined(separator: " · ") + "\n\n" }
        if !summary.isEmpty { s += "> \(summary)\n\n" }
        if !keywords.isEmpty { s += "**关键词**：\(keywords.joined(separator: "、"))\n\n" }
        if !technologies.isEmpty {
            s += "**技术**：" + technologies.map { "\($0.term)（\($0.count)）" }.joined(separator: "、") + "\n\n"
        }
        if !industries.isEmpty {
            s += "**行业**：" + industries.map { "\($0.name)（\($0.category)）" }.joined(separator: "、") + "\n\n"
        }
        if !events.isEmpty {
            s += "**事件**\n\n"
            for e in events {
                s += "- \(e.date ?? "日期不详") [\(Self.eventTypeNames[e.type] ?? e.type.rawValue)] \(e.summary)"
                if !e.parties.isEmpty { s += "（\(e.parties.joined(separator: "、"))）" }
                s += "\n"
            }
            s += "\n"
        }
        return s
    }
}
