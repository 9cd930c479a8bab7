import Analysis
import CrossDocument

/// Builds analysis records from real sample sentences: quantities from the real
/// `QuantityExtractor`, entity mentions found where the entity's name or aliases are written
/// (as the recognizer reports them for these sentences).
enum RecordSupport {
    struct EntitySpec {
        var name: String
        var type: String
        var aliases: [String]
    }

    static let chongqing = EntitySpec(name: "重庆市", type: "place", aliases: ["我市", "重庆", "重庆市", "全市"])
    static let qijiang = EntitySpec(name: "綦江区", type: "place", aliases: ["綦江", "綦江区"])
    static let sichuan = EntitySpec(name: "四川省", type: "place", aliases: ["四川", "川"])
    static let chongqingShort = EntitySpec(name: "重庆市", type: "place", aliases: ["渝"])

    static func record(_ body: String, entities: [EntitySpec] = [], published: String? = nil,
                       times: [AnalysisRecord.TimeRecord] = []) -> AnalysisRecord {
        let scalars = Array(body.unicodeScalars)
        var taken = [Bool](repeating: false, count: scalars.count)
        // Longest names first, so 重庆市 wins over 重庆.
        var names: [(String, Int)] = []
        for (k, e) in entities.enumerated() { for a in Set([e.name] + e.aliases) { names.append((a, k)) } }
        names.sort { $0.0.unicodeScalars.count > $1.0.unicodeScalars.count }
        var mentions = [[AnalysisRecord.Mention]](repeating: [], count: entities.count)
        for (alias, k) in names {
            let a = Array(alias.unicodeScalars)
            guard !a.isEmpty, a.count <= scalars.count else { continue }
            for i in 0...(scalars.count - a.count) where Array(scalars[i..<(i + a.count)]) == a && !taken[i..<(i + a.count)].contains(true) {
                mentions[k].append(.init(text: alias, start: i, end: i + a.count))
                for j in i..<(i + a.count) { taken[j] = true }
            }
        }
        let records = entities.enumerated().map { k, e in
            AnalysisRecord.EntityRecord(name: e.name, type: e.type, aliases: e.aliases,
                                        mentions: mentions[k].sorted { $0.start < $1.start })
        }
        return AnalysisRecord(sourcePath: "test.txt", part: 0, title: nil, url: nil, source: nil, authors: [],
                              published: published, section: nil, page: nil, script: "simplified", body: body,
                              originalBody: body, captions: [], removed: [], entities: records,
                              quantities: QuantityExtractor.extract(body), times: times)
    }

    static func claim(_ claims: [Claim], _ text: String) -> Claim? {
        claims.first { $0.text == text }
    }
}
