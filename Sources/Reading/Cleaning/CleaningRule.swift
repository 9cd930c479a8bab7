/// One named cleaning step. Every piece a rule removes is recorded as a `Removal` carrying the
/// rule's `name`, so a user can see which rule removed what.
protocol CleaningRule: Sendable {
    /// The name recorded in `Removal.rule` (e.g. `navigation`, `copyright`, `repeated-phrase`).
    var name: String { get }
    func apply(to document: inout CleaningDocument)
}

extension CleaningRule {
    /// Runs the rule on a plain text (for tests and quick checks): the surviving blocks' text.
    func run(on text: String, kind: RawDocument.Kind = .text) -> (blocks: [String], document: CleaningDocument) {
        var doc = CleaningDocument(text: text, kind: kind)
        apply(to: &doc)
        return (doc.live.map { doc.blocks[$0].text }, doc)
    }
}

/// The rules `TextCleaner` runs, in order. Line rules first (they see the layout lines), then
/// layout repair, then the text rules that work on paragraphs.
enum CleaningRules {
    static let all: [any CleaningRule] = [
        // Lines: metadata and page furniture.
        MetadataLineRule(),
        NavigationRule(),
        FooterRule(),
        CopyrightRule(),
        MastheadRule(),
        QRCodeRule(),
        PageTeaserRule(),
        UIStringRule(),
        BylineRule(),
        PhotoCreditRule(),
        SourceLabelRule(),
        DecorationRule(),
        DataBoxRule(),
        // Layout repair.
        ColumnReassemblyRule(),
        OCRSpaceRule(),
        // Paragraph text.
        DoubledHeadingRule(),
        RepeatedPhraseRule(),
        RepeatedParagraphRule(),
        CaptionRule(),
        LineJoinRule(),
    ]

    /// The names of the rules (as they appear in `Removal.rule`).
    static var names: [String] {
        var out: [String] = []
        for r in all where !out.contains(r.name) { out.append(r.name) }
        return out
    }
}
