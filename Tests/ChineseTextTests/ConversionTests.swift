import Foundation
import Testing
@testable import ChineseText

struct ConversionProfileTests {
    func convert(_ profile: ConversionProfile, _ text: String) throws -> String {
        try ChineseConverter(profile: profile).convert(text)
    }

    @Test func t2s() throws {
        #expect(try convert(.t2s, "曾經有一份真誠的愛情放在我面前，我沒有珍惜。") == "曾经有一份真诚的爱情放在我面前，我没有珍惜。")
        #expect(try convert(.t2s, "乾燥的頭髮") == "干燥的头发")
        // Astral keys (TSCharacters / TSCharactersExt) and a CJK compatibility ideograph (U+F9D1 → 六).
        #expect(try convert(.t2s, "\u{F9D1}個") == "六个")
        #expect(try convert(.t2s, "") == "")
        #expect(try convert(.t2s, "plain ASCII, 123 😀") == "plain ASCII, 123 😀")
    }

    @Test func tw2s() throws {
        #expect(try convert(.tw2s, "著裝著作汙染虛偽發洩稜柱群眾裡面") == "着装著作污染虚伪发泄棱柱群众里面")
        // Character variants only: Taiwan phrases stay.
        #expect(try convert(.tw2s, "滑鼠和軟體") == "滑鼠和软体")
    }

    @Test func tw2sp() throws {
        #expect(try convert(.tw2sp, "滑鼠裡面的矽二極體壞了，導致游標解析度降低。") == "鼠标里面的硅二极管坏了，导致光标分辨率降低。")
        // OpenCC's own (context-free) choices, reproduced as they are.
        #expect(try convert(.tw2sp, "核心技術與文件複製") == "内核技术与文档拷贝")
    }

    @Test func hk2s() throws {
        #expect(try convert(.hk2s, "虛偽歎息") == "虚伪叹息")
        #expect(try convert(.hk2s, "潮濕灶台") == "潮湿灶台")
        #expect(try convert(.hk2s, "讚歎沙河涌洶湧的波浪") == "赞叹沙河涌汹涌的波浪")
    }

    @Test func hk2sp() throws {
        #expect(try convert(.hk2sp, "滑鼠 游標 硬碟") == "鼠标 光标 硬盘")
        #expect(try convert(.hk2sp, "伊利諾州 馬利蘭州") == "伊利诺伊州 马里兰州")
    }

    /// A phrase match beats the character table: 乾 alone is 干, but 乾隆 is a TSPhrases entry.
    @Test func phraseBeatsCharacters() throws {
        #expect(try convert(.t2s, "乾") == "干")
        #expect(try convert(.t2s, "乾隆皇帝") == "乾隆皇帝")
        #expect(try convert(.t2s, "乾乾淨淨") == "干干净净")
        // The first group dictionary that matches wins (short circuit), with its longest key:
        // TWPhrasesRev's 乙太網路 (4 characters) beats its own 乙太網 and the character tables.
        #expect(try convert(.tw2sp, "乙太網路") == "以太网")
        #expect(try convert(.tw2sp, "乙太網") == "以太网")
    }

    @Test func convertersShareDictionaries() throws {
        let a = try ChineseConverter(profile: .tw2sp)
        let b = try ChineseConverter(profile: .tw2sp)
        #expect(a.convert("軟體") == b.convert("軟體"))
        #expect(try ConversionStore.shared.dictionary("TSPhrases") === ConversionStore.shared.dictionary("TSPhrases"))
    }

    @Test func concurrentUse() async throws {
        let converter = try ChineseConverter(profile: .auto)
        let sample = ConversionSamples.mainlandInTaiwanCharacters
        let expected = converter.convert(sample)
        try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<8 { group.addTask { converter.convert(sample) } }
            for try await result in group { #expect(result == expected) }
        }
    }
}

struct ConversionOffsetTests {
    @Test func identityWhenLengthsMatch() throws {
        let c = try ChineseConverter(profile: .t2s)
        let (text, map) = c.convertMapped("漢字a轉換😀")
        #expect(text == "汉字a转换😀")
        #expect(map == [0, 1, 2, 3, 4, 5])
    }

    @Test func shorterPhraseMapsToItsKey() throws {
        let c = try ChineseConverter(profile: .tw2sp)
        // 乙太網路 (scalars 1…4) → 以太网 (3 scalars).
        let (text, map) = c.convertMapped("用乙太網路連線")
        #expect(text == "用以太网连接")
        #expect(map == [0, 1, 2, 3, 5, 6])
        #expect(map.count == text.unicodeScalars.count)
    }

    @Test func longerPhraseRepeatsTheLastSource() throws {
        let c = try ChineseConverter(profile: .hk2sp)
        // 寬頻 (2) → 宽带 (2); 密芝根 (3) → 密歇根 (3); 路蘭 (2) → 诺兰 (2): equal lengths,
        // so check a longer value instead: 奇連·伊士活 (6) → 克林特·伊斯特伍德 (9).
        let input = "由奇連·伊士活主演"
        let (text, map) = c.convertMapped(input)
        #expect(text == "由克林特·伊斯特伍德主演")
        #expect(map == [0, 1, 2, 3, 4, 5, 6, 6, 6, 6, 7, 8])
    }

    @Test func mapIsMonotonicAndInRange() throws {
        let input = ConversionSamples.mainlandInTaiwanCharacters + "\u{F9D1}乙太網路😀"
        let count = Int32(input.unicodeScalars.count)
        for profile in ConversionProfile.allCases {
            let (text, map) = try ChineseConverter(profile: profile).convertMapped(input)
            #expect(map.count == text.unicodeScalars.count, "\(profile)")
            #expect(zip(map, map.dropFirst()).allSatisfy { $0 <= $1 }, "\(profile)")
            #expect(map.allSatisfy { $0 >= 0 && $0 < count }, "\(profile)")
        }
    }

    @Test func passthroughIsIdentity() throws {
        let c = try ChineseConverter(profile: .auto)
        let input = "这是简体中文。😀"
        let (text, map) = c.convertMapped(input)
        #expect(text == input)
        #expect(map == (0..<Int32(input.unicodeScalars.count)).map { $0 })
    }
}

struct ConversionScriptDetectionTests {
    @Test func simplified() {
        let r = ScriptDetector.detect("科技创新是发展的第一动力，这个项目由国家资助。")
        #expect(r.script == .simplified)
        #expect(r.traditionalOnly == 0)
        #expect(r.simplifiedOnly > 5)
        #expect(r.region == .mainland)
    }

    @Test func traditional() {
        let r = ScriptDetector.detect("科技創新是發展的第一動力，這個項目由國家資助。")
        #expect(r.script == .traditional)
        #expect(r.simplifiedOnly == 0)
        #expect(r.traditionalOnly > 5)
    }

    @Test func mixed() {
        let r = ScriptDetector.detect("这个项目由国家资助。這個項目由國家資助。")
        #expect(r.script == .mixed)
    }

    @Test func none() {
        #expect(ScriptDetector.detect("Hello, world. 123").script == .none)
        #expect(ScriptDetector.detect("").script == .none)
        // Characters shared by both scripts only.
        #expect(ScriptDetector.detect("中文人口").script == .none)
    }

    @Test func strayCharactersAreNoise() {
        // One traditional character in a long simplified text is still simplified.
        let text = String(repeating: "这是一个关于科技发展的简体句子。", count: 5) + "後"
        #expect(ScriptDetector.detect(text).script == .simplified)
    }

    @Test func region() {
        let taiwan = ScriptDetector.detect("這款軟體的使用者介面很直覺，程式設計師可以透過網路存取資料庫。")
        #expect(taiwan.region == .taiwan)
        #expect(taiwan.taiwanVocabulary > taiwan.mainlandVocabulary)
        let mainland = ScriptDetector.detect(ConversionSamples.mainlandInTaiwanCharacters)
        #expect(mainland.script == .traditional)
        #expect(mainland.region == .mainland)
        #expect(mainland.variantStyle == .taiwan)
        #expect(mainland.taiwanVocabulary >= 2)
    }

    @Test func reportIsCodable() throws {
        let r = ScriptDetector.detect("軟體")
        let data = try JSONEncoder().encode(r)
        #expect(try JSONDecoder().decode(ScriptReport.self, from: data) == r)
        #expect(r.description.hasPrefix("traditional"))
    }
}

struct ConversionDictionaryFileTests {
    func parse(_ text: String) throws -> [DictionaryEntry] {
        try ConversionDataFile.parseOpenCC(Array(text.utf8), path: "test.txt")
    }

    @Test func parsesKeysValuesAndComments() throws {
        let entries = try parse("# header\n\n軟體\t軟件 軟體\r\n矽\t硅\n")
        #expect(entries.count == 2)
        #expect(entries[0].key == UTF8Scalars.scalars("軟體"))
        #expect(entries[0].values == [UTF8Scalars.scalars("軟件"), UTF8Scalars.scalars("軟體")])
    }

    @Test func malformedLinesReportTheLine() {
        #expect(throws: ChineseTextError.invalidData(path: "test.txt", line: 2, reason: "expected 'key<TAB>value'")) {
            try parse("矽\t硅\nno tab here\n")
        }
        #expect(throws: ChineseTextError.invalidData(path: "test.txt", line: 1, reason: "no value for key")) {
            try parse("矽\t\n")
        }
        #expect(throws: ChineseTextError.self) {
            try ConversionDataFile.parseOpenCC([0xE8, 0xBB, 0x09, 0x41], path: "bad.txt")
        }
    }
}
