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
    ],
    targets: [
        // Encodings, normalization, traditional→simplified conversion, segmentation.
        .target(
            name: "ChineseText",
            resources: [.copy("Resources/data")]
        ),
        // Scorers for the quality gate (segmentation, conversion, …).
        .target(name: "Evaluation", dependencies: ["ChineseText"]),
        .executableTarget(
            name: "KechuangCLI",
            dependencies: [
                "ChineseText", "Evaluation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ChineseTextTests", dependencies: ["ChineseText"]),
        .testTarget(name: "EvaluationTests", dependencies: ["Evaluation"]),
    ]
)
