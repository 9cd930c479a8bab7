import Testing
@testable import Reading

/// Metadata found in the text, and how it merges with what the reader gave.
@Suite("Metadata")
struct MetadataTests {
    // MARK: Samples

    @Test("001: published, source, section, title; a site in the author slot is no author")
    func portal() throws {
        let m = try #require(try Samples.articles(1).first).metadata
        #expect(m.published == "2020-12-25T09:23:35")
        #expect(m.source == "重庆日报")
        #expect(m.authors == [])
        #expect(m.section == "智慧政务 > 行业要闻")
        #expect(m.title == "创新驱动 “智造重镇”“智慧名城”正成为重庆新名片")
    }

    @Test("003: masthead date and name for every story, each story's own byline and title")
    func frontPage() throws {
        let articles = try Samples.articles(3)
        try #require(articles.count == 3)
        for a in articles {
            #expect(a.metadata.published == "2020-12-17")
            #expect(a.metadata.source == "重庆科技报")
            #expect(a.metadata.page == "01")
        }
        #expect(articles[0].metadata.title == "重庆市与中国科学院签署战略合作协议")
        #expect(articles[0].metadata.authors == ["罗静雯"])
        #expect(articles[1].metadata.authors == ["张锦辉"])
        #expect(articles[2].metadata.title == "西部(重庆)科学城再添创新力量 41个电子信息项目集中签约")
        #expect(articles[2].metadata.authors == ["李星婷"])
    }

    @Test("004: title from 原標題, author in the original script")
    func reprint() throws {
        let m = try #require(try Samples.articles(4).first).metadata
        #expect(m.title == "重慶攜手北大在渝建設大數據研究院 各類優質科教資源加速落地,助力西部(重慶)科學城建設")
        #expect(m.authors == ["張亦築"])
    }

    @Test("000: authors from the closing byline; the reader's title and url are kept")
    func record() throws {
        let m = try #require(try Samples.articles(0).first).metadata
        #expect(m.authors == ["张亦筑", "夏元"])
        #expect(m.title == "西部科技创新中心建设“加速跑”")
        #expect(m.url == "http://baijiahao.baidu.com/s?id=1676687001910222621&wfr=spider&for=pc")
    }

    @Test("002: source and reporter from the layout labels, title from the headline")
    func ocrPage() throws {
        let m = try #require(try Samples.articles(2).first).metadata
        #expect(m.source == "华西都市报")
        #expect(m.authors.contains("杨晨"))
        #expect(m.title == "成都迈入人工智能产业发展\"快车道\"")
    }

    // MARK: Merging with the reader's metadata

    @Test("Fields set by the reader win over the text's")
    func readerWins() throws {
        let raw = RawDocument(sourcePath: "x.txt", kind: .html, text: "时间:2020-12-25 09:23:35  来源:重庆日报\n正文第一段。",
                              metadata: DocumentMetadata(source: "人民网", published: "2020-12-26T08:00:00"))
        let m = try #require(TextCleaner().clean(raw).first).metadata
        #expect(m.source == "人民网")
        #expect(m.published == "2020-12-26T08:00:00")
    }

    @Test("Obviously wrong reader fields give way: a site as author, a date that is no date, an empty title")
    func wrongReaderFields() throws {
        let raw = RawDocument(sourcePath: "x.txt", kind: .html, text: "标题落在这里\n正文第一段。（记者 王小明）",
                              metadata: DocumentMetadata(title: "  ", authors: ["促进网"], published: "昨天"))
        let a = try #require(TextCleaner().clean(raw).first)
        #expect(a.metadata.authors == ["王小明"])
        #expect(a.metadata.published == nil)
        #expect(a.metadata.title == "标题落在这里")
        #expect(a.paragraphs == ["正文第一段。"])
    }

    @Test("A reader's authors stay unless they are obviously not people")
    func readerAuthors() throws {
        let raw = RawDocument(sourcePath: "x.txt", kind: .html, text: "正文第一段。（记者 王小明）",
                              metadata: DocumentMetadata(authors: ["John Smith", "艾克拜尔·买买提", "重庆日报", "www.cqnews.net"]))
        let articles = TextCleaner().clean(raw)
        try #require(articles.count == 1)
        #expect(articles[0].metadata.authors == ["John Smith", "艾克拜尔·买买提"])
        #expect(articles[0].paragraphs == ["正文第一段。"])
    }

    @Test("A reader title that is the text's title plus the site's name gives way to the text's")
    func siteSuffixTitle() throws {
        let raw = RawDocument(sourcePath: "x.txt", kind: .html, text: "重庆科技创新取得新进展\n正文第一段。",
                              metadata: DocumentMetadata(title: "重庆科技创新取得新进展_促进网"))
        let a = try #require(TextCleaner().clean(raw).first)
        #expect(a.metadata.title == "重庆科技创新取得新进展")
        #expect(a.paragraphs == ["正文第一段。"])
    }

    @Test("A reader title equal to the first line removes that line from the body")
    func titleLineDropped() throws {
        let raw = RawDocument(sourcePath: "x.txt", kind: .html, text: "重庆科技创新取得新进展\n正文第一段。",
                              metadata: DocumentMetadata(title: "重庆科技创新取得新进展"))
        let a = try #require(TextCleaner().clean(raw).first)
        #expect(a.paragraphs == ["正文第一段。"])
        #expect(a.removed.contains(Removal(rule: "title", text: "重庆科技创新取得新进展")))
    }

    // MARK: Parsing

    @Test("Dates in the usual forms become ISO 8601", arguments: [
        ("时间:2020-12-25 09:23:35", "2020-12-25T09:23:35"),
        ("2020年12月17日 星期四 农历庚子年十一月初三", "2020-12-17"),
        ("发布时间：2021/3/5 08:07", "2021-03-05T08:07:00"),
        ("2019.10.01", "2019-10-01"),
        ("２０２０年１月２日", "2020-01-02"),
    ])
    func dates(_ input: String, _ expected: String) {
        #expect(MetadataParsing.isoDate(in: input) == expected)
    }

    @Test("Not a date", arguments: ["CN 50-0033 代号:77-9", "1379项", "2020年", "13:00"])
    func notDates(_ input: String) {
        #expect(MetadataParsing.isoDate(in: input) == nil)
    }

    @Test("Person names in bylines", arguments: [
        ("重庆日报记者 罗静雯", ["罗静雯"]),
        ("记者 张亦筑 夏元", ["张亦筑", "夏元"]),
        ("文字/記者 張亦築", ["張亦築"]),
        ("记者张三 通讯员李四", ["张三", "李四"]),
        ("记者 张 三", ["张三"]),
        ("促进网", []),
        ("重庆日报", []),
        ("本报记者", []),
    ])
    func names(_ input: String, _ expected: [String]) {
        let t2s = Shared.t2s
        #expect(MetadataParsing.personNames(in: input, simplify: { t2s?.convert($0) ?? $0 }) == expected)
    }

    @Test("Labelled field lines")
    func fieldLines() {
        let (blocks, doc) = MetadataLineRule().run(on: "时间:2020-12-25 09:23:35  来源:重庆日报  作者:促进网\n原标题:某某新闻\n正文。")
        #expect(blocks == ["正文。"])
        #expect(doc.found.published == "2020-12-25T09:23:35")
        #expect(doc.found.source == "重庆日报")
        #expect(doc.found.title == "某某新闻")
        #expect(doc.blocks.allSatisfy { $0.authors.isEmpty })
        // A sentence starting with a word like 时间 is no field line.
        #expect(MetadataLineRule.fields(of: "时间过得真快，转眼又是一年。") == nil)
    }

    @Test("Breadcrumbs give the section")
    func breadcrumbs() {
        #expect(NavigationRule.breadcrumb("您当前的位置:首页 > 智慧政务 > 行业要闻") == ["智慧政务", "行业要闻"])
        #expect(NavigationRule.breadcrumb("首页 » 科技 » 正文") == ["科技"])
        #expect(NavigationRule.breadcrumb("位置优越，交通便利。") == nil)
        #expect(NavigationRule.breadcrumb("a > b") == nil)
    }
}
