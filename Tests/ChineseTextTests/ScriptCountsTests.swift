import Foundation
import Testing
@testable import ChineseText

/// Script counts read from UTF-8 (`ScriptCounts`) against the scalar-array path they replace.
struct ScriptCountsTests {
    static let texts: [String] = [
        "", "Hello 123", "这是简体中文新闻，著名的乾隆年间文物。", "重慶攜手北大在渝建設大數據研究院", "這是简体和繁體混合的文字",
        "\u{F9A8}\u{F900}\u{FA0E}兼容汉字", "𠀀𪚥 astral", "為裡眾 綫説衞", "e\u{301} 😀 \u{0}", "软件 軟體 網路",
    ]

    @Test func countsMatchTheScalarPath() throws {
        let store = ConversionStore.shared
        let tables = try store.scriptTables()
        let norm = try store.dictionary(ConversionStore.Name.compatibility)
        for text in Self.texts {
            let work = ScalarCodec.decode(text, normalization: norm, tracking: false)
            let full = work.scalars.withUnsafeBufferPointer { ScriptDetector.detect($0, tables: tables, model: { nil }) }
            let counts = try #require(ScriptCounts(utf8Of: text, tables: tables, normalization: norm))
            #expect(counts.script == full.script, "\(text)")
            #expect(counts.t == full.traditionalOnly && counts.sim == full.simplifiedOnly && counts.han == full.hanCharacters, "\(text)")
            #expect(counts.twV == full.taiwanVariants && counts.hkV == full.hongKongVariants, "\(text)")
            if full.script != .traditional && full.script != .mixed {
                #expect(ScriptDetector.report(counts, vocabulary: (0, 0, 0)) == full, "\(text)")
                #expect(ScriptDetector.detect(text) == full, "\(text)")
            }
            // Without normalization, too.
            let plainWork = ScalarCodec.decode(text, normalization: nil, tracking: false)
            let plainFull = plainWork.scalars.withUnsafeBufferPointer { ScriptDetector.detect($0, tables: tables, model: { nil }) }
            let plainCounts = try #require(ScriptCounts(utf8Of: text, tables: tables, normalization: nil))
            #expect(ScriptDetector.report(plainCounts, vocabulary: (0, 0, 0)).traditionalOnly == plainFull.traditionalOnly)
            #expect(plainCounts.script == plainFull.script)
        }
    }

    @Test func autoConversionLeavesSimplifiedTextAlone() throws {
        let auto = try ChineseConverter(profile: .auto)
        for text in Self.texts {
            let decision = auto.decision(for: text)
            let out = auto.convert(text)
            if !decision.converts { #expect(out == text, "\(text)") }
            #expect(auto.convertMapped(text).text == out, "\(text)")
        }
    }
}
