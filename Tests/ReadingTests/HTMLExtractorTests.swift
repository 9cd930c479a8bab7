import Testing
@testable import Reading

/// Main text and metadata of small inline pages.
@Suite struct HTMLExtractorTests {
    static let paragraphs = [
        "新华社北京12月25日电 国家航天局25日宣布，嫦娥五号探测器携带的月球样品已完成首批科学研究，研究人员在样品中发现了新的矿物成分。",
        "据介绍，此次研究由多家科研单位共同完成，历时三个月，涉及地质、物理、化学等多个学科领域，取得了一系列重要成果。",
        "专家表示，这些成果对于认识月球演化历史具有重要意义，也为后续探月工程任务的实施积累了宝贵经验和数据支持。",
        "下一步，科研团队将继续开展深入研究，并计划向国内外科学家开放部分样品，推动形成更多高水平的科学发现。",
    ]

    static func page(head: String = "", byline: String = "", extraAfter: String = "") -> String {
        """
        <!DOCTYPE html><html><head><meta charset="utf-8">\(head)</head><body>
        <header class="site-header"><a href="/">首页</a> <a href="/news">新闻</a> <a href="/tech">科技</a></header>
        <nav><ul><li><a href="/a">要闻</a></li><li><a href="/b">国际</a></li><li><a href="/c">财经</a></li>
        <li><a href="/d">体育</a></li><li><a href="/e">娱乐</a></li></ul></nav>
        <div class="sidebar"><h3>热门排行</h3><ul><li><a href="/1">某地发生一起交通事故致三人受伤</a></li>
        <li><a href="/2">专家解读最新楼市政策对购房者的影响</a></li><li><a href="/3">多地迎来降温天气请注意保暖</a></li></ul></div>
        <div class="main"><div class="article">
        <h1>嫦娥五号月球样品研究取得新进展</h1>
        <div class="info">\(byline)</div>
        <div id="content" class="TRS_Editor">
        \(paragraphs.map { "<p>\u{3000}\u{3000}\($0)</p>" }.joined(separator: "\n"))
        </div>
        <div class="share">分享到：<a href="#">微博</a> <a href="#">微信</a></div>
        <div class="related"><h4>相关新闻</h4><ul>
        <li><a href="/r1">嫦娥五号返回器成功着陆</a></li><li><a href="/r2">月球样品正式交接中国科学院</a></li>
        <li><a href="/r3">探月工程四期启动实施</a></li></ul></div>
        \(extraAfter)
        </div></div>
        <footer><p>版权所有 © 2020 某某网 未经授权不得转载</p><p><a href="/about">关于我们</a> | <a href="/contact">联系我们</a></p></footer>
        </body></html>
        """
    }

    @Test func mainTextIsPickedOverNavigationFooterAndRelatedLinks() {
        let r = HTMLExtractor.extract(html: Self.page(), path: "p.html")
        let lines = r.text.split(separator: "\n").map(String.init)
        for p in Self.paragraphs {
            #expect(lines.contains("\(p)"), "missing paragraph \(p.prefix(10))")
        }
        for junk in ["首页", "要闻", "热门排行", "交通事故", "相关新闻", "返回器", "版权所有", "关于我们", "分享到"] {
            #expect(!r.text.contains(junk), "kept \(junk)")
        }
        // Paragraphs in order, one per line.
        let idx = Self.paragraphs.compactMap { p in lines.firstIndex(of: p) }
        #expect(idx == idx.sorted())
        #expect(r.removed.contains { $0.rule == "html-navigation" })
        #expect(r.removed.contains { $0.rule == "html-footer" })
        #expect(r.removed.allSatisfy { $0.text.count <= HTMLMainText.removalTextLimit + 1 })
        #expect(r.metadata.title == "嫦娥五号月球样品研究取得新进展")
    }

    @Test func oldTableLayoutWithBreaks() {
        let body = Self.paragraphs.joined(separator: "<br><br>\n")
        let html = """
            <html><head><title>科技新闻_某某网</title></head><body>
            <table width=780><tr><td><a href=/>首页</a> | <a href=/n>新闻</a> | <a href=/k>科技</a></td></tr></table>
            <table width=780><tr><td width=180><a href=/1>链接一</a><br><a href=/2>链接二</a><br><a href=/3>链接三</a></td>
            <td><font size=3><b>科技新闻</b><br>2005-07-18 13:03:17 来源：某某日报<br><br>\(body)</font></td></tr></table>
            <table><tr><td>Copyright © 2005 某某网 All rights reserved.</td></tr></table></body></html>
            """
        let r = HTMLExtractor.extract(html: html, path: "t.html")
        for p in Self.paragraphs { #expect(r.text.contains(p)) }
        #expect(!r.text.contains("链接一"))
        #expect(!r.text.contains("Copyright"))
        #expect(r.metadata.published == "2005-07-18T13:03:17")
        #expect(r.metadata.source == "某某日报")
    }

    @Test func titleFromTitleTagWithoutSiteSuffix() {
        let html = "<html><head><title>月球样品研究取得新进展_新华网</title></head><body><p>\(Self.paragraphs[0])</p></body></html>"
        #expect(HTMLExtractor.extract(html: html, path: "t.html").metadata.title == "月球样品研究取得新进展")
        let html2 = "<html><head><title>千龙网 - 科技 - 月球样品研究取得新进展</title></head><body><p>\(Self.paragraphs[0])</p></body></html>"
        #expect(HTMLExtractor.extract(html: html2, path: "t.html").metadata.title == "月球样品研究取得新进展")
        let html3 = """
            <html><head><meta property="og:title" content="嫦娥五号月球样品研究取得新进展"><title>首页 | 某某网</title></head>
            <body><p>\(Self.paragraphs[0])</p></body></html>
            """
        #expect(HTMLExtractor.extract(html: html3, path: "t.html").metadata.title == "嫦娥五号月球样品研究取得新进展")
    }

    @Test func metaTagsGiveDateAuthorAndURL() {
        let head = """
            <meta property="article:published_time" content="2020-12-25T09:23:35+08:00">
            <meta name="author" content="张三">
            <meta property="og:site_name" content="某某网">
            <link rel="canonical" href="https://example.com/tech/2020-12/25/c_1.htm">
            """
        let r = HTMLExtractor.extract(html: Self.page(head: head), path: "m.html")
        #expect(r.metadata.published == "2020-12-25T09:23:35")
        #expect(r.metadata.authors == ["张三"])
        #expect(r.metadata.url == "https://example.com/tech/2020-12/25/c_1.htm")
        #expect(r.metadata.source == "某某网")
        // A site name in the author slot is not a person.
        let r2 = HTMLExtractor.extract(html: Self.page(head: "<meta name=\"author\" content=\"新华网\">"), path: "m.html")
        #expect(r2.metadata.authors.isEmpty)
    }

    @Test func jsonLDGivesDateAndAuthors() {
        let head = """
            <script type="application/ld+json">
            {"@context":"https://schema.org","@type":"NewsArticle","headline":"嫦娥五号月球样品研究取得新进展",
             "datePublished":"2020-12-17T10:30:00+08:00","author":[{"@type":"Person","name":"李四"},{"@type":"Person","name":"王五"}],
             "publisher":{"@type":"Organization","name":"某某日报"}}
            </script>
            """
        let r = HTMLExtractor.extract(html: Self.page(head: head), path: "j.html")
        #expect(r.metadata.published == "2020-12-17T10:30:00")
        #expect(r.metadata.authors == ["李四", "王五"])
    }

    @Test func visibleBylineNearTheTitle() {
        let r = HTMLExtractor.extract(html: Self.page(byline: "2020年12月17日 10:30 来源：科技日报 作者：张三"), path: "b.html")
        #expect(r.metadata.published == "2020-12-17T10:30:00")
        #expect(r.metadata.authors == ["张三"])
        #expect(r.metadata.source == "科技日报")
        #expect(!r.text.contains("来源：科技日报"))

        let r2 = HTMLExtractor.extract(html: Self.page(byline: "发布时间：2020-12-25 09:23:35 本报记者 李四 王五"), path: "b.html")
        #expect(r2.metadata.published == "2020-12-25T09:23:35")
        #expect(r2.metadata.authors == ["李四", "王五"])

        let r3 = HTMLExtractor.extract(html: Self.page(byline: "2020/12/17 文/赵六"), path: "b.html")
        #expect(r3.metadata.published == "2020-12-17")
        #expect(r3.metadata.authors == ["赵六"])
    }

    @Test func editorIsOnlyAFallbackForTheAuthor() {
        let editorOnly = HTMLExtractor.extract(html: Self.page(byline: "2020-12-17", extraAfter: "<p>责任编辑：孙七</p>"), path: "e.html")
        #expect(editorOnly.metadata.authors == ["孙七"])
        let both = HTMLExtractor.extract(html: Self.page(byline: "2020-12-17 作者：张三", extraAfter: "<p>责任编辑：孙七</p>"), path: "e.html")
        #expect(both.metadata.authors == ["张三"])
    }

    @Test func dateFromTheURL() {
        let r = HTMLExtractor.extract(html: Self.page(), path: "u.html", url: "http://www.example.com/tech/2020-12/17/c_1126872.htm")
        #expect(r.metadata.published == "2020-12-17")
        #expect(r.metadata.url == "http://www.example.com/tech/2020-12/17/c_1126872.htm")
        #expect(HTMLDates.fromURL("http://www.gov.cn/xinwen/202012/t20201217_123.html")?.iso == "2020-12-17")
        #expect(HTMLDates.fromURL("http://news.example.com/2020/12/17/abc.html")?.iso == "2020-12-17")
        #expect(HTMLDates.fromURL("http://news.example.com/20201217/n123.shtml")?.iso == "2020-12-17")
        #expect(HTMLDates.fromURL("http://news.example.com/article/123456.html") == nil)
    }

    @Test func dateFormats() {
        #expect(HTMLDates.first(in: "发布时间：2020-12-25 09:23:35")?.0.iso == "2020-12-25T09:23:35")
        #expect(HTMLDates.first(in: "2020年12月17日 10:30 来源")?.0.iso == "2020-12-17T10:30:00")
        #expect(HTMLDates.first(in: "2020年12月17日10时30分")?.0.iso == "2020-12-17T10:30:00")
        #expect(HTMLDates.first(in: "更新于2020/12/17")?.0.iso == "2020-12-17")
        #expect(HTMLDates.first(in: "2020.12.17")?.0.iso == "2020-12-17")
        #expect(HTMLDates.first(in: "7/5/2005 9:23:57 PM")?.0.iso == "2005-07-05T21:23:57")
        #expect(HTMLDates.first(in: "2020-12-25T01:23:35Z")?.0.iso == "2020-12-25T01:23:35")
        #expect(HTMLDates.first(in: "共有2020条评论") == nil)
        #expect(HTMLDates.first(in: "2020-13-45") == nil)
        #expect(HTMLDates.firstMonth(in: "——《北京之春》1998年3月号")?.iso == "1998-03")
    }

    @Test func emptyAndTextlessPages() throws {
        for html in ["", "   ", "<html></html>", "<html><head><title>标题</title></head><body></body></html>",
                     "<script>var a = 1;</script>"] {
            let r = HTMLExtractor.extract(html: html, path: "e.html")
            #expect(r.text == "")
        }
        let r = try HTMLExtractor.extract(bytes: [], path: "e.html")
        #expect(r.text == "")
        // Short pages without a strong container still give their text.
        let short = HTMLExtractor.extract(html: "<p>只有一句话的短页面。</p>", path: "s.html")
        #expect(short.text == "只有一句话的短页面。")
    }

    @Test func charsetFromMetaForGBKBytes() throws {
        // "科技新闻，正文。" in GBK.
        let gbk: [UInt8] = [0xBF, 0xC6, 0xBC, 0xBC, 0xD0, 0xC2, 0xCE, 0xC5, 0xA3, 0xAC, 0xD5, 0xFD, 0xCE, 0xC4, 0xA1, 0xA3]
        for meta in ["<meta charset=\"gbk\">", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">",
                     "<META HTTP-EQUIV=Content-Type CONTENT='text/html;charset=GBK'>"] {
            let bytes = Array("<html><head>\(meta)</head><body><p>".utf8) + gbk + Array("</p></body></html>".utf8)
            let r = try HTMLExtractor.extract(bytes: bytes, path: "g.html")
            #expect(r.text == "科技新闻，正文。")
            #expect(r.encoding == "GB18030")
        }
        // No declaration: detected.
        let plain = Array("<p>".utf8) + gbk + gbk + gbk + Array("</p>".utf8)
        #expect(try HTMLExtractor.extract(bytes: plain, path: "g.html").text.hasPrefix("科技新闻"))
        // Declared GB2312, but the bytes are UTF-8: read as UTF-8, with a warning.
        let wrong = Array("<meta charset=gb2312><p>科技新闻，正文。</p>".utf8)
        let r = try HTMLExtractor.extract(bytes: wrong, path: "w.html")
        #expect(r.text == "科技新闻，正文。")
        #expect(r.encoding == "UTF-8")
        #expect(!r.warnings.isEmpty)
        // Unknown charset: detection, with a warning.
        let unknown = Array("<meta charset=x-unknown-9><p>科技新闻，正文。</p>".utf8)
        let u = try HTMLExtractor.extract(bytes: unknown, path: "u.html")
        #expect(u.text == "科技新闻，正文。")
        #expect(u.warnings.contains { $0.contains("x-unknown-9") })
    }

    @Test func bylinePatterns() {
        func authors(_ line: String) -> [String] {
            var b = HTMLBylines()
            b.scan(line, long: false)
            return b.authors
        }
        #expect(authors("作者：张三 来源：新华网") == ["张三"])
        #expect(authors("（记者 樊亮 张明超）") == ["樊亮", "张明超"])
        #expect(authors("新京报记者 彭冲 山东冠县报道") == ["彭冲"])
        #expect(authors("本报记者罗科苏盈发自北京") == ["罗科苏盈"])
        #expect(authors("记者了解到，该项目已经启动") == [])
        #expect(authors("作者： 周思博 (Joel Spolsky)") == ["周思博 (Joel Spolsky)"])
        #expect(authors("发布时间 2005/05/17 22:11:42 by 眉间尺") == ["眉间尺"])
        #expect(authors("ggjjzhzz 发表于 2005-9-15 11:46:00") == ["ggjjzhzz"])
        #expect(HTMLBylines.looksLikePerson("L_104485") == false)
        #expect(HTMLBylines.looksLikePerson("人民网") == false)
    }
}

/// Page shapes beyond the evaluation set: comments, split sections, div paragraphs.
@Suite struct HTMLPageShapeTests {
    let article = HTMLExtractorTests.paragraphs

    @Test func longCommentSectionIsNotTheArticle() {
        let comments = (1...12).map {
            "<div class=\"comment-item\"><span class=\"user\">网友\($0)</span><p class=\"comment-content\">这篇文章写得很好，我非常赞同作者的观点，希望以后能看到更多这样的深度报道，支持科研人员继续努力。第\($0)条。</p></div>"
        }.joined()
        let html = """
            <html><head><title>嫦娥五号月球样品研究取得新进展_科技频道</title></head><body>
            <div class="wrap"><article class="post"><h1>嫦娥五号月球样品研究取得新进展</h1>
            \(article.map { "<p>\($0)</p>" }.joined())</article>
            <section id="comments" class="comments-area"><h3>网友评论</h3>\(comments)</section></div></body></html>
            """
        let r = HTMLExtractor.extract(html: html, path: "c.html")
        for p in article { #expect(r.text.contains(p)) }
        #expect(!r.text.contains("网友"))
        #expect(!r.text.contains("我非常赞同"))
    }

    @Test func paragraphsWrittenAsDivsAndSplitByAnAd() {
        let html = """
            <html><body><div id="nav"><a href="/">首页</a><a href="/x">新闻</a><a href="/y">图片</a></div>
            <div class="detail">
            <div>\(article[0])</div><div>\(article[1])</div>
            <div class="ad"><a href="http://ad.example.com">点击领取优惠券</a></div>
            <div>\(article[2])</div><div>\(article[3])</div>
            </div><div class="footer">Copyright 2020 All rights reserved</div></body></html>
            """
        let r = HTMLExtractor.extract(html: html, path: "d.html")
        #expect(r.text.split(separator: "\n").map(String.init) == article)
    }

    @Test func wordpressBodyClassDoesNotHideTheArticle() {
        let html = """
            <html><body class="post-template-default single comments-open"><div id="page">
            <div class="entry-content">\(article.map { "<p>\($0)</p>" }.joined())</div></div></body></html>
            """
        let r = HTMLExtractor.extract(html: html, path: "w.html")
        #expect(r.text.split(separator: "\n").map(String.init) == article)
    }
}

@Suite struct HTMLSectionTests {
    @Test func breadcrumbGivesTheSection() {
        let paragraphs = HTMLExtractorTests.paragraphs.map { "<p>\($0)</p>" }.joined()
        let html = """
            <html><head><title>月球样品研究取得新进展_某某网</title></head><body>
            <div class="crumb">您的位置：<a href="/">首页</a> &gt; <a href="/zw">智慧政务</a> &gt; <a href="/hy">行业要闻</a></div>
            <h1>月球样品研究取得新进展</h1><div class="content">\(paragraphs)</div></body></html>
            """
        let r = HTMLExtractor.extract(html: html, path: "s.html")
        #expect(r.metadata.section == "智慧政务 > 行业要闻")
    }
}
