import Foundation
import Testing
@testable import ChineseText

@Suite("Segmenter")
struct SegmenterTests {
    let seg: Segmenter

    init() throws { seg = try Segmenter.standard() }

    @Test func isWordByScalarsAgreesWithString() {
        let words = ["北京", "清华大学", "来到", "杭研", "我", "", "abc", "中国科学院", "X光", "\u{20000}"]
        for w in words {
            let scalars = Array(w.unicodeScalars)
            #expect(seg.isWord(scalars: scalars[...]) == seg.isWord(w), "\(w)")
        }
        for t in seg.tokenize("重庆市人民政府与中国科学院在北京签署战略合作协议") {
            let text = Array("重庆市人民政府与中国科学院在北京签署战略合作协议".unicodeScalars)
            let w = String(String.UnicodeScalarView(text[t.start..<t.end]))
            #expect(seg.isWord(scalars: text[t.start..<t.end]) == seg.isWord(w), "\(w)")
        }
    }

    @Test func dictionaryWordsAndDAG() {
        #expect(seg.cut("我来到北京清华大学") == ["我", "来到", "北京", "清华大学"])
    }

    @Test func hmmFindsUnknownWords() {
        let words = seg.cut("他来到了网易杭研大厦")
        #expect(words.contains("杭研"))
        let noHMM = seg.cut("他来到了网易杭研大厦", hmm: false)
        #expect(!noHMM.contains("杭研"))
    }

    @Test func numbersLatinAndURLsAreSingleTokens() {
        let words = seg.cut("2020年12月15日，5G和6G增长25.5%，投资296亿元，详见https://www.cqkjc.com/a?id=1。")
        #expect(words.contains("2020年"))
        #expect(words.contains("12月"))
        #expect(words.contains("15日"))
        #expect(words.contains("5G"))
        #expect(words.contains("6G"))
        #expect(seg.cut("温度－8℃，增长-3.5%").contains("－8"))
        #expect(seg.cut("温度－8℃，增长-3.5%").contains("-3.5%"))
        #expect(seg.cut("发展10年").contains("10"))
        #expect(words.contains("25.5%"))
        #expect(words.contains("296亿"))
        #expect(words.contains("https://www.cqkjc.com/a?id=1"))
        #expect(seg.cut("ｉＰｈｏｎｅ１２和C++、COVID-19").contains("ｉＰｈｏｎｅ１２"))
        #expect(seg.cut("ｉＰｈｏｎｅ１２和C++、COVID-19").contains("C++"))
        #expect(seg.cut("ｉＰｈｏｎｅ１２和C++、COVID-19").contains("COVID-19"))
    }

    @Test func chineseNumeralRuns() {
        #expect(seg.cut("二○○一年新年贺词").first == "二○○一年")
        #expect(seg.cut("十二月三十一日").contains("三十一日"))
    }

    @Test func tokensCarryOffsetsIntoTheInput() {
        let text = "  重庆 硅光芯片\n实验室"
        let scalars = Array(text.unicodeScalars)
        for t in seg.tokenize(text) {
            let piece = String(String.UnicodeScalarView(scalars[t.start..<t.end]))
            #expect(!piece.isEmpty)
            #expect(!piece.contains(" "))
        }
        #expect(seg.tokenize(text).first?.start == 2)
    }

    @Test func domainTermsStayWhole() {
        #expect(seg.cut("加快西部(重庆)科学城建设").contains("西部(重庆)科学城"))
        #expect(seg.cut("加快西部（重庆）科学城建设").contains("西部（重庆）科学城"))
        for term in ["智能网联汽车", "硅光芯片", "两江新区", "国家新一代人工智能创新发展试验区"] {
            #expect(seg.cut("推进\(term)建设").contains(term), "\(term)")
        }
        // Administrative divisions from the gazetteer.
        #expect(seg.cut("綦江区加快聚集战略性新兴产业").contains("綦江区"))
    }

    @Test func frequentStandaloneCharactersAreNotGluedByTheHMM() {
        // 这 and 是 are each frequent words: the HMM must not make 这是 a word.
        #expect(!seg.cut("这是重庆").contains("这是"))
    }

    @Test func dictionaryQueries() {
        #expect(seg.isWord("清华大学"))
        #expect(!seg.isWord("清华大"))
        #expect(seg.frequency(of: "清华大学") > 0)
        #expect(seg.dictionaryTag(of: "北京") == "ns")
    }

    @Test func userDictionaryWordsWin() throws {
        let d = try WordDictionary.loadBundled()
        try d.addUserWords(text: "杭研大厦\n来到了 5 v\n")
        let s = try Segmenter(dictionary: d)
        #expect(s.cut("他来到了网易杭研大厦").contains("杭研大厦"))
        #expect(s.cut("他来到了网易杭研大厦").contains("来到了"))
    }

    @Test func searchModeAddsSubwords() {
        let words = seg.cut("中国科学院计算技术研究所", mode: .search)
        #expect(words.contains("中国"))
        #expect(words.contains("科学"))
        #expect(words.contains("科学院"))
        #expect(words.contains("中国科学院"))
    }

    @Test func partOfSpeechTags() {
        let text = "重庆市政府与北京大学签署战略合作协议"
        let tokens = seg.tokenize(text)
        let scalars = Array(text.unicodeScalars)
        let tagged = tokens.map { (String(String.UnicodeScalarView(scalars[$0.start..<$0.end])), $0.tag) }
        #expect(tagged.contains { $0.0 == "北京大学" && $0.1 == "nt" })
        #expect(tagged.contains { $0.0 == "签署" && $0.1 == "v" })
    }

    @Test func emptyAndWhitespaceInput() {
        #expect(seg.cut("").isEmpty)
        #expect(seg.cut("   \n\t ").isEmpty)
    }

    @Test func longLineWithoutBreaks() {
        let text = String(repeating: "科技创新驱动发展", count: 5000)
        let tokens = seg.tokenize(text)
        #expect(tokens.last?.end == text.unicodeScalars.count)
    }
}
