import Foundation
import Testing
import ChineseText

/// The `auto` profile: pass simplified text through, convert traditional text, and rewrite
/// regional phrases only where the text shows regional usage.
struct ConversionAutoTests {
    let converter: ChineseConverter

    init() throws {
        converter = try ChineseConverter(profile: .auto)
    }

    @Test func simplifiedPassesThroughUntouched() {
        // Contains characters TSCharacters would touch (著, 乾) — left as written.
        let text = "这是简体中文新闻，著名的乾隆年间文物。"
        #expect(converter.convert(text) == text)
        #expect(converter.decision(for: text).converts == false)
        #expect(converter.resolvedProfile(for: text) == .auto)
        #expect(converter.convert("Hello 123") == "Hello 123")
    }

    @Test func plainTraditionalIsConverted() {
        #expect(converter.convert("科技創新是發展的第一動力。") == "科技创新是发展的第一动力。")
        #expect(converter.resolvedProfile(for: "科技創新是發展的第一動力。") == .t2s)
    }

    /// Seed 004: a mainland article machine-converted to traditional with Taiwan phrasing.
    @Test func mainlandArticleInTaiwanCharacters() {
        let text = ConversionSamples.mainlandInTaiwanCharacters
        let out = converter.convert(text)
        let decision = converter.decision(for: text)
        #expect(decision.report.script == .traditional)
        #expect(decision.report.region == .mainland)
        #expect(decision.variants == .taiwan)
        #expect(decision.profile == .tw2sp)

        // Unambiguous Taiwan forms are rewritten…
        #expect(out.contains("疫情防控软件"))
        #expect(!out.contains("软体"))
        // …an ambiguous one only with phrase-level support (智能制造 is a mainland word, 智慧制造 is not)…
        #expect(out.contains("大数据、智能制造、互联网"))
        // …and mainland words keep their meaning (OpenCC tw2sp: 内核技术, 文档, 拷贝).
        #expect(out.contains("开展核心技术的基础创新"))
        #expect(out.contains("形成核心关键技术"))
        #expect(out.contains("等文件,不断推动"))
        #expect(out.contains("摘编、复制或利用"))
        #expect(!out.contains("内核"))
        #expect(!out.contains("文档"))
        #expect(!out.contains("拷贝"))
        // Taiwan character variants are normalized (著力 → 着力 needs tw2s's variants, not t2s).
        #expect(out.contains("着力弥补我市"))
        // No phrase evidence for 智慧+空中: the plain reading stays.
        #expect(out.contains("涵道式智慧空中作业机器人"))
        let tw2sp = (try? ChineseConverter(profile: .tw2sp))?.convert(text) ?? ""
        #expect(tw2sp.contains("内核技术"))
    }

    @Test func variantsFollowTheText() {
        // Taiwan-standard characters: 著 in 著力 is "zhuó" → 着.
        #expect(converter.convert("加快高水準人才集聚,著力彌補我市基礎研究短板,為此眾人努力") == "加快高水准人才集聚,着力弥补我市基础研究短板,为此众人努力")
        // OpenCC-standard characters: 著 is only "zhù" there.
        #expect(converter.convert("這本著作很顯著，爲此衆人着迷") == "这本著作很显著，为此众人着迷")
    }

    @Test func genuineTaiwanText() {
        let text = "這款軟體的使用者介面很直覺，程式設計師可以透過網路存取資料庫，並在伺服器上執行。"
        let out = converter.convert(text)
        #expect(out == "这款软件的用户界面很直觉，程序员可以透过网络访问数据库，并在服务器上执行。")
        #expect(converter.decision(for: text).report.region == .taiwan)

        let text2 = "我們開發了智慧型手機應用程式，用於疫情資訊的即時查詢，也支援檔案複製。核心技術來自本土廠商。"
        let out2 = converter.convert(text2)
        #expect(out2.contains("智能型手机应用程序"))
        #expect(out2.contains("疫情信息"))
        #expect(out2.contains("支持文件复制"))
        #expect(out2.contains("核心技术"))
    }

    @Test func ambiguousWordsWithoutEvidenceKeepTheirReading() {
        // No regional vocabulary at all: 智慧 (wisdom) and 核心 stay.
        #expect(converter.convert("這是一段普通的文字，描述了人類的智慧與文化的核心價值。")
            == "这是一段普通的文字，描述了人类的智慧与文化的核心价值。")
        // 智慧城市 is a mainland term too: kept even in text with Taiwan vocabulary.
        #expect(converter.convert("這套軟體用於智慧城市建設。") == "这套软件用于智慧城市建设。")
    }

    @Test func mixedTextIsConverted() {
        let text = "这个项目由国家资助。這個項目由國家資助。"
        #expect(converter.decision(for: text).report.script == .mixed)
        #expect(converter.convert(text) == "这个项目由国家资助。这个项目由国家资助。")
    }

    @Test func fixedProfilesReportThemselves() throws {
        let c = try ChineseConverter(profile: .hk2s)
        #expect(c.resolvedProfile(for: "軟體") == .hk2s)
        #expect(c.decision(for: "軟體").variants == .hongKong)
    }
}
