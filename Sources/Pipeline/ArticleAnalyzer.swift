import Analysis
import ChineseText
import Entities
import Foundation
import Keywords
import Reading
import Taxonomy

/// The analysis stage: from a clean article to its full record — summary, keywords,
/// technologies, industries, entities, quantities, times (normalized against the publication
/// date) and typed events. Components are loaded once and shared; an analyzer is safe to use
/// from several threads.
public struct ArticleAnalyzer: Sendable {
    let segmenter: Segmenter
    let keywords: KeywordExtractor
    let recognizer: EntityRecognizer
    let technologies: TechnologyMatcher
    let industries: IndustryClassifier
    let times = TimeExtractor()
    let events = EventExtractor()
    let summarizer = Summarizer()

    /// The bundled components, with optional user technology files (the taxonomy's TSV format).
    public init(userTechnologyFiles: [URL] = []) throws {
        segmenter = try Segmenter.standard()
        keywords = try KeywordExtractor(segmenter: segmenter)
        recognizer = try EntityRecognizer.bundled()
        technologies = userTechnologyFiles.isEmpty ? try TechnologyMatcher.bundled() : try TechnologyMatcher(files: userTechnologyFiles)
        industries = try IndustryClassifier.bundled()
    }

    /// The record of `article`. `published` overrides the article's own date as the anchor of
    /// relative times; without either, years the text does not settle stay open (XXXX-08-18).
    public func analyze(_ article: Article, published: Date? = nil) -> AnalysisRecord {
        let body = article.body
        let base = published ?? article.published.flatMap(Self.date(fromISO:))
        var record = AnalysisRecord(
            sourcePath: article.sourcePath, part: article.part, title: article.title, url: article.url,
            source: article.source, authors: article.authors, published: article.published, section: article.section,
            page: article.page, script: article.script.rawValue, body: body, originalBody: article.originalBody,
            captions: article.captions, removed: article.removed.map { .init(rule: $0.rule, text: $0.text) })

        // One segmentation of the body for the taxonomy, entities and keywords.
        let words = BodySegmentation(body, segmenter: segmenter)
        let segmented = SegmentedText(body, scalars: words.scalars, searchTokens: words.searchTokens)
        let tech = technologies.match(segmented)
        record.technologies = tech.map { .init(term: $0.term, category: $0.category.rawValue, count: $0.count) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.term < $1.term }
        record.industries = industries.classify(segmented, technologies: tech).map { .init(name: $0.name, category: $0.category) }
        // The body's scalars, decoded once for the extractors below.
        let scalars = ScalarArray.of(body)
        let timeMentions = times.extract(body, base: base, scalars: scalars)
        record.times = timeMentions.map {
            .init(text: $0.text, start: $0.start, end: $0.end, type: $0.type, time: $0.parse?.time)
        }
        let (quantities, money) = QuantityExtractor.extractWithMoney(body, scalars: scalars)
        record.quantities = quantities
        let entities = recognizeEntities(body, tokens: words.defaultTokens, scalars: scalars)
        record.entities = entities.records
        record.events = events.extract(body, entities: entities.refs, published: base, times: timeMentions, money: money,
                                       scalars: scalars)
        record.summary = summarizer.summarize(body, title: article.title, scalars: scalars)
        record.keywords = keywords.keywords(title: article.title, body: body, count: 8, bodyTokens: words.defaultTokens).map(\.text)
        return record
    }

    // MARK: Entities

    /// Organizations, places and people with aliases resolved (北大 → 北京大学, 我市 → the
    /// article's city), their roles and administrative divisions.
    /// `tokens`: the segmenter's default-mode tokens of `text`.
    func recognizeEntities(_ text: String, tokens: [Token], scalars: [Unicode.Scalar]? = nil) -> (records: [AnalysisRecord.EntityRecord], refs: [EntityRef]) {
        var records: [AnalysisRecord.EntityRecord] = []
        var refs: [EntityRef] = []
        for e in recognizer.recognize(text, tokens: tokens, scalars: scalars) {
            let kind: EntityRef.Kind
            switch e.type {
            case .person: kind = .person
            case .place: kind = .place
            case .organization: kind = .organization
            }
            let division = e.division.map { d in [d.province, d.prefecture, d.county].compactMap { $0 }.filter { !$0.isEmpty } }
            records.append(.init(name: e.name, type: kind.rawValue, aliases: e.aliases, role: e.role, division: division,
                                 mentions: e.mentions.map { .init(text: $0.text, start: $0.start, end: $0.end) }))
            for m in e.mentions { refs.append(EntityRef(name: e.name, kind: kind, start: m.start, end: m.end)) }
        }
        refs.sort { $0.start < $1.start }
        return (records, refs)
    }

    // MARK: Dates

    /// `2020-12-25`, `2020-12-25T09:23:35` (China time), or nil.
    public static func date(fromISO s: String) -> Date? {
        let digits = s.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard digits.count >= 3, (1900...2100).contains(digits[0]) else { return nil }
        var c = DateComponents()
        c.year = digits[0]; c.month = digits[1]; c.day = digits[2]
        c.hour = digits.count > 3 ? digits[3] : 12
        c.minute = digits.count > 4 ? digits[4] : 0
        c.second = digits.count > 5 ? digits[5] : 0
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600) ?? calendar.timeZone
        return calendar.date(from: c)
    }
}
