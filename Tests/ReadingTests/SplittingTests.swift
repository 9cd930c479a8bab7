import Testing
@testable import Reading

/// Splitting a page into articles.
@Suite("Splitting")
struct SplittingTests {
    @Test("003 gives exactly three stories, in page order, with their own text")
    func frontPage() throws {
        let articles = try Samples.articles(3)
        try #require(articles.count == 3)
        let (a, b, c) = (articles[0], articles[1], articles[2])
        // Story 1: title + subtitle (a heading paragraph), lead without its byline.
        #expect(a.metadata.title == "重庆市与中国科学院签署战略合作协议")
        #expect(a.paragraphs.first == "唐良智与侯建国座谈并见证签约")
        #expect(a.paragraphs[1].hasPrefix("12月15日,重庆市人民政府与中国科学院在北京签署战略合作协议。"))
        #expect(a.paragraphs.last == "中国科学院有关负责人,中国科学院控股有限公司负责人,市有关部门、重庆高新区负责人参加。")
        #expect(!a.body.contains("綦江"))
        // Story 2: the picture story — its text block, no headline, the credit removed.
        #expect(b.metadata.title == nil)
        #expect(b.paragraphs.count == 2)
        #expect(b.paragraphs[0].hasPrefix("近日,工作人员在綦江开拓卫星项目调试模拟太空环境进行实验的真空罐。"))
        #expect(b.paragraphs[1].hasSuffix("传统的老工业基地焕发出新的活力。"))
        #expect(!b.body.contains("摄"))
        // Story 3.
        #expect(c.metadata.title?.hasSuffix("41个电子信息项目集中签约") == true)
        #expect(c.paragraphs.first?.hasPrefix("12月15日,由西部(重庆)科学城") == true)
        #expect(c.paragraphs.last?.hasSuffix("建立大数据人才培养基地等合作。") == true)
        #expect(!c.body.contains("唐良智"))
        // Page furniture goes with the first story, not into any body.
        #expect(a.removed.contains { $0.rule == "masthead" && $0.text == "重庆科技报" })
        #expect(!b.removed.contains { $0.rule == "masthead" })
    }

    @Test("The other samples are one article each")
    func singleArticles() throws {
        for n in [0, 1, 2, 4] {
            #expect(try Samples.articles(n).count == 1, "sample \(n)")
        }
    }

    @Test("Two 本报讯 stories under their headlines are two articles")
    func twoLeads() {
        let text = """
        第一条新闻标题

        本报讯（记者 王小明）3月1日，第一件事发生了。后来又怎样了。

        第二段继续说第一件事。

        第二条新闻的标题在这里

        本报讯（记者 李大华）3月2日，第二件事发生了。

        第二件事的结尾。
        """
        let articles = TextCleaner().clean(RawDocument(sourcePath: "p.txt", kind: .text, text: text))
        #expect(articles.count == 2)
        #expect(articles.first?.metadata.title == "第一条新闻标题")
        #expect(articles.first?.metadata.authors == ["王小明"])
        #expect(articles.first?.paragraphs == ["3月1日，第一件事发生了。后来又怎样了。", "第二段继续说第一件事。"])
        #expect(articles.last?.metadata.title == "第二条新闻的标题在这里")
        #expect(articles.last?.metadata.authors == ["李大华"])
        #expect(articles.last?.paragraphs == ["3月2日，第二件事发生了。", "第二件事的结尾。"])
    }

    @Test("A plain article with section headings stays one article")
    func headingsDoNotSplit() {
        let text = "标题一行\n第一段文字，说了一些事。\n小标题\n第二段文字，又说了一些事。\n另一个小标题\n第三段。"
        let articles = TextCleaner().clean(RawDocument(sourcePath: "p.txt", kind: .text, text: text))
        #expect(articles.count == 1)
        #expect(articles.first?.metadata.title == "标题一行")
        #expect(articles.first?.paragraphs == ["第一段文字，说了一些事。", "小标题", "第二段文字，又说了一些事。", "另一个小标题", "第三段。"])
    }

    @Test("Nothing left: no article")
    func empty() {
        #expect(TextCleaner().clean(RawDocument(sourcePath: "e.txt", kind: .text, text: "\n\n关于我们 | 联系我们\n")).isEmpty)
        #expect(TextCleaner().clean(RawDocument(sourcePath: "e.txt", kind: .text, text: "")).isEmpty)
    }
}
