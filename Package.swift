// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Kechuang",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kechuang", targets: ["KechuangCLI"]),
        .library(name: "ChineseText", targets: ["ChineseText"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // Encodings, normalization, traditional→simplified conversion, segmentation.
        .target(
            name: "ChineseText",
            resources: [.copy("Resources/data")]
        ),
        // Reading documents (text, HTML, JSON Lines, records, PDF) and cleaning them into articles.
        .target(name: "Reading", dependencies: ["ChineseText"]),
        // Keyphrases (TF-IDF with phrases, position and domain features).
        .target(name: "Keywords", dependencies: ["ChineseText"]),
        // Organizations, places and people, with aliases resolved.
        .target(name: "Entities", dependencies: ["ChineseText"], resources: [.copy("Resources/entities")]),
        // Technologies (taxonomy) and industries (2018 strategic emerging industries).
        .target(name: "Taxonomy", dependencies: ["ChineseText"],
                resources: [.copy("Resources/technologies.tsv"), .copy("Resources/industries.tsv")]),
        // Analysis: numbers, money and time expressions (JioNLP semantics), quantities, events, summaries, the record.
        .target(name: "Analysis", dependencies: ["ChineseText"]),
        // The analysis pipeline: clean article → full record.
        .target(name: "Pipeline", dependencies: ["ChineseText", "Reading", "Keywords", "Entities", "Taxonomy", "Analysis"]),
        // Across documents, without storage: content hashes, SimHash near-duplicates, numeric claims
        // and conflicts, event-story matching rules.
        .target(name: "CrossDocument", dependencies: ["ChineseText", "Analysis"]),
        // The corpus: SQLite store (GRDB), FTS5 search with our segmenter, ingest, views, exports, briefings.
        .target(name: "Corpus", dependencies: [
            "ChineseText", "Reading", "Entities", "Analysis", "Pipeline", "CrossDocument",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // Scorers for the quality gate (segmentation, conversion, extraction, …).
        .target(name: "Evaluation", dependencies: ["ChineseText", "Reading", "Keywords", "Entities", "Analysis", "Pipeline"]),
        .executableTarget(
            name: "KechuangCLI",
            dependencies: [
                "ChineseText", "Reading", "Keywords", "Entities", "Taxonomy", "Analysis", "Pipeline", "Evaluation", "Corpus",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ChineseTextTests", dependencies: ["ChineseText"]),
        .testTarget(name: "ReadingTests", dependencies: ["Reading"], resources: [.copy("Fixtures")]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "ChineseText"]),
        .testTarget(name: "TaxonomyTests", dependencies: ["Taxonomy", "ChineseText"], resources: [.copy("Fixtures")]),
        .testTarget(name: "KeywordsTests", dependencies: ["Keywords", "ChineseText"]),
        .testTarget(name: "EntitiesTests", dependencies: ["Entities", "ChineseText", "Evaluation"]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "Reading", "Analysis"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CrossDocumentTests", dependencies: ["CrossDocument", "Analysis"]),
        .testTarget(name: "CorpusTests", dependencies: ["Corpus", "Reading", "Analysis", "CrossDocument", "Pipeline", "ChineseText", .product(name: "GRDB", package: "GRDB.swift")], resources: [.copy("Fixtures")]),
        .testTarget(name: "EvaluationTests", dependencies: ["Evaluation", "Keywords"]),
    ]
)
