import Testing
@testable import ChineseText

private func norm(_ text: String, _ options: NormalizationOptions = .standard) -> String {
    TextNormalizer.normalize(text, options: options).text
}

/// Checks the structural invariants of the offset map.
private func checkMap(_ original: String, _ result: NormalizedText, sourceLocation: SourceLocation = #_sourceLocation) {
    let originalCount = original.unicodeScalars.count
    #expect(result.sourceIndex.count == result.text.unicodeScalars.count, sourceLocation: sourceLocation)
    #expect(result.originalScalarCount == originalCount, sourceLocation: sourceLocation)
    var previous: Int32 = -1
    for s in result.sourceIndex {
        #expect(s > previous && Int(s) < originalCount, sourceLocation: sourceLocation)
        previous = s
    }
}

/// The original substring for a range of scalar offsets in the normalized text.
private func originalSubstring(_ original: String, _ result: NormalizedText, _ range: Range<Int>) -> String {
    let scalars = Array(original.unicodeScalars)
    let r = result.originalRange(ofScalarRange: range)
    var s = String.UnicodeScalarView()
    s.append(contentsOf: scalars[r])
    return String(s)
}

/// Scalar range of the first occurrence of `needle` in `text`.
private func scalarRange(of needle: String, in text: String) -> Range<Int>? {
    let hay = Array(text.unicodeScalars)
    let n = Array(needle.unicodeScalars)
    guard !n.isEmpty, hay.count >= n.count else { return nil }
    for start in 0...(hay.count - n.count) where Array(hay[start..<start + n.count]) == n {
        return start..<start + n.count
    }
    return nil
}

@Suite("Normalization")
struct NormalizationTests {
    @Test func fullWidthToHalfWidth() {
        #expect(norm("５Ｇ网络") == "5G网络")
        #expect(norm("ＡＩ芯片") == "AI芯片")
        #expect(norm("增长１２．５％") == "增长12.5%")
        #expect(norm("１，０００元") == "1,000元")
        #expect(norm("上午１０：３０开会") == "上午10:30开会")
        #expect(norm("＃话题＃＠用户") == "#话题#@用户")
        #expect(norm("３～５年") == "3~5年")
        #expect(norm("价格￥１００") == "价格¥100")
        #expect(norm("｢引号｣､句号｡") == "「引号」、句号。")
        #expect(norm("竖排︐标点︒小写﹐逗号﹖﹙注﹚") == "竖排，标点。小写，逗号？（注）")
        // Chinese punctuation stays Chinese.
        #expect(norm("你好，世界！真的吗？是的：对；（注）") == "你好，世界！真的吗？是的：对；（注）")
        #expect(norm("发展ＡＩ，５Ｇ和大数据") == "发展AI，5G和大数据")
        // Dashes, ellipsis and quotes are kept.
        #expect(norm("他说：“好——走吧……”") == "他说：“好——走吧……”")
    }

    @Test func asciiPunctuationInChineseContext() {
        #expect(norm("中国,美国;日本:韩国?朝鲜!") == "中国，美国；日本：韩国？朝鲜！")
        #expect(norm("你用过吗?") == "你用过吗？")
        #expect(norm("据报道:Apple发布新品") == "据报道：Apple发布新品")
        #expect(norm("增长了5%,达到100亿") == "增长了5%，达到100亿")
        #expect(norm("网址:http://x.y") == "网址：http://x.y")
        #expect(norm("中国 , 美国") == "中国，美国")
    }

    @Test func asciiPunctuationInLatinContextKept() {
        #expect(norm("π = 3.14") == "π = 3.14")
        #expect(norm("共1,000人") == "共1,000人")
        #expect(norm("时间10:30") == "时间10:30")
        #expect(norm("访问http://x.y/a?b=1") == "访问http://x.y/a?b=1")
        #expect(norm("\"a, b\"") == "\"a, b\"")
        #expect(norm("Hello, world! How are you?") == "Hello, world! How are you?")
        #expect(norm("比例3:2") == "比例3:2")
    }

    @Test func fullStop() {
        #expect(norm("今天天气很好.明天下雨.") == "今天天气很好。明天下雨。")
        #expect(norm("会议结束.\n下一条") == "会议结束。\n下一条")
        #expect(norm("版本2.0发布") == "版本2.0发布")
        #expect(norm("访问百度.com") == "访问百度.com")
        #expect(norm("等等...") == "等等...")
        #expect(norm("Dr. Wang说") == "Dr. Wang说")
        #expect(norm("全角句点．下一句") == "全角句点。下一句")
    }

    @Test func parentheses() {
        #expect(norm("中国科学院(中科院)发布") == "中国科学院（中科院）发布")
        #expect(norm("GPT(生成式预训练模型)很火") == "GPT（生成式预训练模型）很火")
        #expect(norm("(1) first item") == "(1) first item")
        #expect(norm("调用f(x)函数") == "调用f(x)函数")
        #expect(norm("（测试)") == "（测试）")
        #expect(norm("a (b) c") == "a (b) c")
    }

    @Test func spaces() {
        #expect(norm("张\u{3000}三") == "张三")
        #expect(norm("科技\u{00A0}创新") == "科技创新")
        #expect(norm("5\u{00A0}GB") == "5 GB")
        #expect(norm("AI\u{3000}芯片") == "AI 芯片")
        #expect(norm("a \t  b") == "a b")
        #expect(norm("a\tb") == "a b")
        #expect(norm("中国 美国") == "中国 美国")
        #expect(norm("\u{3000}\u{3000}据新华社报道") == "据新华社报道")
        #expect(norm("第一行  \n  第二行 ") == "第一行\n第二行")
        #expect(norm("结束。  下一句") == "结束。下一句")
        #expect(norm("a\u{202F}b\u{2007}c") == "a b c")
        #expect(norm("\n\n两段\n\n") == "\n\n两段\n\n")
    }

    @Test func zeroWidthRemoved() {
        #expect(norm("科\u{200B}技\u{200C}创\u{200D}新\u{2060}\u{FEFF}") == "科技创新")
        #expect(norm("\u{FEFF}标题") == "标题")
        #expect(norm("科\u{200B}技", [.spaces]) == "科\u{200B}技")
    }

    @Test func lineEndings() {
        #expect(norm("a\r\nb\rc\nd") == "a\nb\nc\nd")
        #expect(norm("一\u{2028}二\u{2029}三") == "一\n二\n三")
        #expect(norm("\r\n\r\n") == "\n\n")
        #expect(norm("a\r\nb", [.spaces]) == "a\r\nb")
    }

    @Test func controlCharactersRemoved() {
        #expect(norm("a\u{01}b\u{7F}c\u{9B}d") == "abcd")
    }

    @Test func optionsAreIndependent() {
        let text = "ＡＩ芯片,性能\u{3000}提升\r\n"
        #expect(norm(text, []) == text)
        #expect(norm(text, [.lineEndings]) == "ＡＩ芯片,性能\u{3000}提升\n")
        #expect(norm(text, [.fullWidthToHalfWidth]) == "AI芯片,性能\u{3000}提升\r\n")
        #expect(norm(text, [.punctuation]) == "ＡＩ芯片，性能\u{3000}提升\r\n")
    }

    @Test func emptyInput() {
        let result = TextNormalizer.normalize("")
        #expect(result.text == "")
        #expect(result.sourceIndex.isEmpty)
        #expect(result.originalRange(ofScalarRange: 0..<0) == 0..<0)
        #expect(TextNormalizer.normalize("\u{200B}\u{3000} \r\n").text == "\n")
    }

    @Test func offsetMapOnMixedText() throws {
        let original = "\u{3000}\u{3000}ＡＩ芯片,性能提升１２．５％.\r\n华为\u{200B}发布  5G  手机(Mate 60)。\u{1F600}𠀀ｅｎｄ"
        let result = TextNormalizer.normalize(original)
        // "." after "%" is not a sentence end (it does not follow a Chinese character).
        #expect(result.text == "AI芯片，性能提升12.5%.\n华为发布 5G 手机（Mate 60）。\u{1F600}𠀀end")
        checkMap(original, result)
        let pairs: [(String, String)] = [
            ("AI芯片", "ＡＩ芯片"),
            ("12.5%", "１２．５％"),
            ("华为发布", "华为\u{200B}发布"),
            ("5G", "5G"),
            ("（Mate 60）", "(Mate 60)"),
            ("\u{1F600}𠀀end", "\u{1F600}𠀀ｅｎｄ"),
            ("提升12.5%.", "提升１２．５％."),
        ]
        for (normalized, source) in pairs {
            let range = try #require(scalarRange(of: normalized, in: result.text))
            #expect(originalSubstring(original, result, range) == source)
        }
        // Whole text maps to the original minus the trimmed leading spaces.
        let all = result.originalRange(ofScalarRange: 0..<result.sourceIndex.count)
        #expect(all == 2..<original.unicodeScalars.count)
        // An empty range at the end maps to the end of the original.
        let end = result.sourceIndex.count
        #expect(result.originalRange(ofScalarRange: end..<end) == original.unicodeScalars.count..<original.unicodeScalars.count)
    }

    @Test func idempotence() {
        let samples = [
            "　　据新华社重庆8月18日电(记者 王某)重庆市政府与北京大学签署战略合作协议,携手共建大数据研究院.",
            "ＡＩ、５Ｇ、ＩｏＴ等技术,推动产业升级;增速达１２．５％!\r\n下一段\u{3000}开始:",
            "Hello, world. 3.14 1,000 http://x.y/a?b=1 (test) \"a, b\"",
            "调用f(x)函数(参见第(3)条), 然后 . 结束 ... 中国.com",
            "（未闭合(括号 ）) ）(（",
            "中\u{200B} ,\u{3000}国 . \u{00A0}\n\n\t\t美国 ,",
            "1，000 和 1， 000 以及 中，1 与 1,中",
        ]
        for s in samples {
            let once = TextNormalizer.normalize(s)
            let twice = TextNormalizer.normalize(once.text)
            #expect(once.text == twice.text, "\(s)")
            checkMap(s, once)
            // Normalizing normalized text changes nothing, so its map is the identity.
            #expect(twice.sourceIndex == (0..<Int32(twice.sourceIndex.count)).map { $0 })
        }
    }

    @Test func idempotenceOnRandomMixes() {
        let alphabet: [String] = [
            "中", "国", "科", "技", "。", "，", "、", "“", "”", "（", "）", "《", "》", "：", "；", "？", "！",
            "a", "B", "z", "1", "9", "０", "５", "Ａ", "ｚ", "．", "，", "：", "％", "～",
            ",", ".", ";", ":", "?", "!", "(", ")", "\"", "'", "-", "/", "%",
            " ", " ", "\t", "\u{3000}", "\u{00A0}", "\u{200B}", "\u{FEFF}", "\r", "\n", "\r\n", "\u{2028}",
            "ｶ", "ｰ", "\u{1F600}", "𠀀", "é", "ー", "々", "—", "…", "\u{01}",
            "︐", "︒", "﹐", "﹒", "﹙", "﹚", "｡", "￥",
        ]
        var rng = SplitMix64(seed: 20240518)
        for _ in 0..<3000 {
            let length = Int(rng.next() % 24)
            var s = ""
            for _ in 0..<length { s += alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            let once = TextNormalizer.normalize(s)
            let twice = TextNormalizer.normalize(once.text)
            #expect(once.text == twice.text, "input: \(s.unicodeScalars.map { String($0.value, radix: 16) })")
            checkMap(s, once)
            if once.text != twice.text { break }
        }
    }

    @Test func largeTextWithoutNewlines() {
        let unit = "重庆两江新区，ＡＩ芯片性能提升１２．５％.Hello, world.\u{3000}"
        let text = String(repeating: unit, count: 20_000)
        let result = TextNormalizer.normalize(text)
        #expect(result.sourceIndex.count == result.text.unicodeScalars.count)
        #expect(result.text.hasPrefix("重庆两江新区，AI芯片性能提升12.5%.Hello, world. 重庆"))
    }
}

@Suite("Normalization.CharClass")
struct CharClassTests {
    @Test func classifiers() {
        for c in "中国〇㐀龥豈" { #expect(CharClass.isCJK(c.unicodeScalars.first!.value), "\(c)") }
        #expect(CharClass.isCJK(0x20000) && CharClass.isCJK(0x2A6DF) && CharClass.isCJK(0x30000))
        for c in "a。，A1あ々\u{3000}" { #expect(!CharClass.isCJK(c.unicodeScalars.first!.value), "\(c)") }
        for c in "aZéŁＡｚ" { #expect(CharClass.isLatinLetter(c.unicodeScalars.first!.value), "\(c)") }
        for c in "1中×@[" { #expect(!CharClass.isLatinLetter(c.unicodeScalars.first!.value), "\(c)") }
        for c in "09０９" { #expect(CharClass.isDigit(c.unicodeScalars.first!.value), "\(c)") }
        for c in "a〇一" { #expect(!CharClass.isDigit(c.unicodeScalars.first!.value), "\(c)") }
        for c in "，。、；：？！“”（）《》「」…—·｡" { #expect(CharClass.isCJKPunctuation(c.unicodeScalars.first!.value), "\(c)") }
        for c in ",.a中\u{3000}々" { #expect(!CharClass.isCJKPunctuation(c.unicodeScalars.first!.value), "\(c)") }
        for v: UInt32 in [0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x3000, 0x2007, 0x202F, 0x2028] { #expect(CharClass.isWhitespace(v)) }
        for v: UInt32 in [0x200B, 0x41, 0x4E2D, 0xFEFF] { #expect(!CharClass.isWhitespace(v)) }
    }
}

/// Deterministic pseudo-random numbers for the property tests.
private struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
