import Testing
@testable import Reading

/// Each cleaning rule on small inline texts.
@Suite("Cleaning rules")
struct CleaningRuleTests {
    private func rules(_ doc: CleaningDocument) -> [String] { doc.removals.map(\.removal.rule) }

    @Test("navigation: breadcrumb removed and kept as the section; menus removed")
    func navigation() {
        let (blocks, doc) = NavigationRule().run(on: "您当前的位置:首页 > 智慧政务 > 行业要闻\n首页 新闻 科技 财经 体育\n正文。")
        #expect(blocks == ["正文。"])
        #expect(doc.found.section == "智慧政务 > 行业要闻")
        #expect(rules(doc) == ["navigation", "navigation"])
    }

    @Test("footer: link bars and the link lists closing a portal page")
    func footer() {
        let (blocks, _) = FooterRule().run(on: "正文最后一段。\n栏目更新\n某条新闻标题\n另一条新闻标题\n栏目热门\n\n关于我们 | 联系我们 | 版权声明 | 广告服务\n渝ICP备12345678号")
        #expect(blocks == ["正文最后一段。"])
        let (kept, _) = FooterRule().run(on: "我们联系了有关部门。\n关于我们的故事\n")
        #expect(kept == ["我们联系了有关部门。", "关于我们的故事"])
    }

    @Test("copyright: the numbered block at the end and short copyright lines; body text about 授权 stays")
    func copyright() {
        let text = """
        正文。
        1、“国际在线”由中国国际广播电台主办。经中国国际广播电台授权,国广国际在线网络(北京)有限公司独家负责网站的市场经营。
        2、凡本网注明“来源:国际在线”的所有信息内容,未经书面授权,任何单位及个人不得转载、摘编、复制或利用其他方式使用。
        已取得使用授权的被授权人,应严格在授权范围内使用。违反上述声明者,本网将追究其相关法律责任。
        3、如因作品内容、版权和其他问题需要与本网联系的,请在该事由发生之日起30日内进行。
        """
        let (blocks, doc) = CopyrightRule().run(on: text)
        #expect(blocks == ["正文。"])
        #expect(doc.removals.count == 4)
        let (kept, _) = CopyrightRule().run(on: "第一段。\n该公司今年获得发明专利授权23项。")
        #expect(kept.count == 2)
        let (short, _) = CopyrightRule().run(on: "正文。\n版权所有 © 2020 某某网\n下一段。")
        #expect(short == ["正文。", "下一段。"])
    }

    @Test("masthead: name → source, date → published, slogans and issue lines removed")
    func masthead() {
        let text = """
        重庆科技报

        科技改变生活
        创新引领未来

        2020年12月17日 星期四 农历庚子年十一月初三
        今日16版·总第384期

        国内统一连续出版物号:CN 50-0033 代号:77-9 网址:www.cqkjc.com

        头条新闻标题

        本报讯 正文。
        """
        var doc = CleaningDocument(text: text, kind: .text)
        MastheadRule().apply(to: &doc)
        #expect(doc.live.map { doc.blocks[$0].text } == ["头条新闻标题", "本报讯 正文。"])
        #expect(doc.found.source == "重庆科技报")
        #expect(doc.found.published == "2020-12-17")
        #expect(doc.found.page == "01")
        #expect(doc.hasMasthead)
        // One date line in a text is no masthead.
        let (plain, _) = MastheadRule().run(on: "2020年12月17日 星期四\n正文。")
        #expect(plain.count == 2)
    }

    @Test("page-label: 第02版：要闻 gives page and section")
    func pageLabel() {
        #expect(MastheadRule.pageLabel("第02版：要闻")?.page == "02")
        #expect(MastheadRule.pageLabel("A3版")?.page == "A03")
        #expect(MastheadRule.pageLabel("今日16版·总第384期") == nil)
        let (blocks, doc) = MastheadRule().run(on: "第02版：要闻\n正文。")
        #expect(blocks == ["正文。"])
        #expect(doc.found.page == "02")
        #expect(doc.found.section == "要闻")
    }

    @Test("qr-code: QR labels")
    func qrCode() {
        let (blocks, _) = QRCodeRule().run(on: "微信公众号\n\n扫一扫 关注我们\n正文说到了公众号的运营，效果很好。")
        #expect(blocks == ["正文说到了公众号的运营，效果很好。"])
    }

    @Test("page-teaser: 详见02版 with its headlines; continuation pointers")
    func pageTeaser() {
        let text = "微信公众号\n璧山在西南地区率先布局量子通信技术\n年内在该区实现政企业务试点\n\n详见02版\n\n头条标题\n正文第一段。（下转第2版）"
        var doc = CleaningDocument(text: text, kind: .text)
        QRCodeRule().apply(to: &doc)
        PageTeaserRule().apply(to: &doc)
        #expect(doc.live.map { doc.blocks[$0].text } == ["头条标题", "正文第一段。"])
        #expect(doc.removals.map(\.removal.text) == ["微信公众号", "璧山在西南地区率先布局量子通信技术", "年内在该区实现政企业务试点",
                                                      "详见02版", "（下转第2版）"])
    }

    @Test("ui-string: UI lines and strings glued after the text")
    func uiStrings() {
        let (blocks, doc) = UIStringRule().run(on: "分享到： 微信 微博 QQ空间\n正文最后一句。举报/反馈\n【打印】 【关闭】\n打印机销量大增。")
        #expect(blocks == ["正文最后一句。", "打印机销量大增。"])
        #expect(doc.removals.map(\.removal.text).contains("举报/反馈"))
    }

    @Test("byline: lead bylines, closing bylines and byline lines give authors")
    func byline() {
        let text = "本报讯（重庆日报记者 罗静雯）12月15日，签约。\n市科技局相关负责人称。（记者 张亦筑 夏元）\n文字/记者 张亦筑\n新华社北京12月15日电（记者 王小明）会议召开。\n（以下简称试验区）不是署名。\n【纠错】 责任编辑：王萌\n正文第一段。（记者 李四）"
        let (blocks, doc) = BylineRule().run(on: text)
        #expect(blocks == ["12月15日，签约。", "市科技局相关负责人称。", "会议召开。", "（以下简称试验区）不是署名。", "正文第一段。"])
        let authors = doc.blocks.flatMap(\.authors)
        // Editors are no authors.
        #expect(authors == ["罗静雯", "张亦筑", "夏元", "张亦筑", "王小明", "李四"])
        #expect(doc.blocks[0].lead)
    }

    @Test("photo-credit: credit lines and bracketed credits; the photographer is noted")
    func photoCredit() {
        let (blocks, doc) = PhotoCreditRule().run(on: "图片说明文字在这里。\n重庆日报记者 张锦辉 摄\n成都高新区供图\n另一段。（李四 摄）\n拍摄现场很热闹。")
        #expect(blocks == ["图片说明文字在这里。", "另一段。", "拍摄现场很热闹。"])
        #expect(doc.blocks[0].photoCredit == "张锦辉")
        #expect(doc.removals.map(\.removal.rule) == ["photo-credit", "photo-credit", "photo-credit"])
    }

    @Test("caption: short lines set off by wide spacing become captions; text cut before them does not")
    func captions() {
        let text = "第一段，很长的正文。\n\n第二段，也是正文。\n\n\n\n成都高新区软件园。\n\n第三段，正文继续说\n\n\n\n下去了。"
        var doc = CleaningDocument(text: text, kind: .text)
        CaptionRule().apply(to: &doc)
        #expect(doc.captions.map(\.text) == ["成都高新区软件园。"])
        #expect(doc.live.count == 4)
    }

    @Test("caption: captions glued before the lead of a one-line body")
    func leadingCaptions() {
        let body = "金康两江智能工厂焊装车间。西部自动驾驶开放测试基地。8月18日，重庆市政府与北京大学签署战略合作协议，携手共建研究院。此前，清华大学也加强与我市高校合作。像这样的“大手笔”，近年来还有不少。推进大数据智能化创新发展，对加快科学城建设起到重要支撑作用。今年3月，科技部批复重庆建设试验区。"
        var doc = CleaningDocument(text: body, kind: .record)
        CaptionRule().apply(to: &doc)
        #expect(doc.captions.map(\.text) == ["金康两江智能工厂焊装车间。", "西部自动驾驶开放测试基地。"])
        #expect(doc.blocks[0].text.hasPrefix("8月18日"))
    }

    @Test("decoration: a lone Latin word over a Chinese page, symbol lines")
    func decoration() {
        let (blocks, _) = DecorationRule().run(on: "Development\n今年2月，工业和信息化部印发通知。\n━━━━\n腾讯STAC大会召开。")
        #expect(blocks == ["今年2月，工业和信息化部印发通知。", "腾讯STAC大会召开。"])
    }

    @Test("ocr-space: spaces between Chinese characters go, spaces by Latin words stay")
    func ocrSpaces() {
        func text(_ s: String) -> String { OCRSpaceRule.repair(s, shadow: s, heading: false).0 }
        func heading(_ s: String) -> String { OCRSpaceRule.repair(s, shadow: s, heading: true).0 }
        #expect(text("腾讯人工智 能科创联合体") == "腾讯人工智能科创联合体")
        #expect(text("会长李 毅中在发表主旨演讲时说。") == "会长李毅中在发表主旨演讲时说。")
        #expect(text("新一代 人工智能 创新发展试验区") == "新一代人工智能创新发展试验区")
        #expect(text("积极探索实践, 打造有活力的产业") == "积极探索实践,打造有活力的产业")
        #expect(text("首届腾讯STAC 科创联合大会") == "首届腾讯STAC 科创联合大会")
        #expect(text("增长 5G 网络") == "增长 5G 网络")
        #expect(text("a, b and c") == "a, b and c")
        #expect(heading("抢抓新机遇 发展新格局") == "抢抓新机遇 发展新格局")
        #expect(heading("加快智能智造、医学转 化领域协同创新") == "加快智能智造、医学转化领域协同创新")
        #expect(heading("创新驱动 “智造重镇”") == "创新驱动 “智造重镇”")
    }

    @Test("doubled-heading: headings printed twice are split out once")
    func doubledHeadings() {
        let body = "起到重要支撑作用。建人工智能创新发展试验区建人工智能创新发展试验区发挥“头雁”效应发挥“头雁”效应今年3月，科技部批复。"
        let (blocks, doc) = DoubledHeadingRule().run(on: body)
        #expect(blocks == ["起到重要支撑作用。", "建人工智能创新发展试验区", "发挥“头雁”效应", "今年3月，科技部批复。"])
        #expect(doc.live.map { doc.blocks[$0].role } == [.unknown, .heading, .heading, .unknown])
        let (alone, _) = DoubledHeadingRule().run(on: "联盟搭平台联盟搭平台")
        #expect(alone == ["联盟搭平台"])
        // Not doubled at a sentence start, or too short: left alone.
        let (kept, _) = DoubledHeadingRule().run(on: "大家都说研究研究再说。他说试验区试验区都一样。")
        #expect(kept == ["大家都说研究研究再说。他说试验区试验区都一样。"])
    }

    @Test("repeated-phrase: OCR loops kept once")
    func repeatedPhrase() {
        let (blocks, doc) = RepeatedPhraseRule().run(on: "由四川省科技厅发起,四川省科技厅发起,四川省科技厅发起,四川省科技厅发起,四川省科技厅发起,时间建设。")
        #expect(blocks == ["由四川省科技厅发起,时间建设。"])
        #expect(doc.removals.first?.removal.rule == "repeated-phrase")
        let (kept, _) = RepeatedPhraseRule().run(on: "一方面，另一方面，我们要看到成绩。")
        #expect(kept == ["一方面，另一方面，我们要看到成绩。"])
    }

    @Test("repeated-paragraph: copies, pull-quotes and repeated sentences")
    func repeatedParagraphs() {
        let text = """
        建设核心区,打造新引擎,成都在努力。
        要结合西部地区特点,在政策、机制上积极探索实践,辐射带动区域融通发展。
        建设核心区,打造新引擎,要结合西部地区特点,在政策、机制上积极探索实践,辐射带动区域融通发展。
        “人工智能是新一轮产业变革的核心驱动力。”他说。
        人工智能是新一轮产业变革的核心驱动力。他认为，成都有机会。
        要结合西部地区特点,在政策、机制上积极探索实践,辐射带动区域融通发展。
        """
        let (blocks, doc) = RepeatedParagraphRule().run(on: text)
        #expect(blocks == [
            "建设核心区,打造新引擎,成都在努力。",
            "要结合西部地区特点,在政策、机制上积极探索实践,辐射带动区域融通发展。",
            "“人工智能是新一轮产业变革的核心驱动力。”他说。",
            "他认为，成都有机会。",
        ])
        #expect(Set(rules(doc)) == ["repeated-paragraph", "repeated-sentence"])
    }

    @Test("data-box: a bullet box repeating the body goes, a box with new facts stays")
    func dataBox() {
        let body = "截至目前，重庆市累计签约引进世界知名高校11所，国内建设高校18所。\n引进的研发机构在大数据等领域成功转化科研成果138项，孵化科技型企业38家。"
        let repeating = body + "\n相关数据>>>\n■截至目前，重庆市累计签约引进世界知名高校11所，国内建设高校18所\n■引进的研发机构成功转化科研成果138项，孵化科技型企业38家"
        let (blocks, doc) = DataBoxRule().run(on: repeating)
        #expect(blocks.count == 2)
        #expect(doc.removals.count == 3)
        let novel = body + "\n■明年将新建实验室五个，投入资金八亿元\n■计划引进院士团队三个，博士二百名"
        let (kept, _) = DataBoxRule().run(on: novel)
        #expect(kept.count == 4)
    }

    @Test("line-join: a sentence cut by a line break is joined; a heading before text is not")
    func lineJoin() {
        let text = "唐良智说，重庆正深入学习贯彻习近平总书记对重庆提出的系\n\n列重要指示要求，认真落实规划纲要。\n实施技术创新项目1379项\n位于西永微电园内的实验室，经历各种测试。\n光大人工智能产业基地是西部\n(重庆)科学城共建的项目，位于西部(重庆)科学城。"
        let (blocks, _) = LineJoinRule().run(on: text)
        #expect(blocks == [
            "唐良智说，重庆正深入学习贯彻习近平总书记对重庆提出的系列重要指示要求，认真落实规划纲要。",
            "实施技术创新项目1379项",
            "位于西永微电园内的实验室，经历各种测试。",
            "光大人工智能产业基地是西部(重庆)科学城共建的项目，位于西部(重庆)科学城。",
        ])
    }

    @Test("ocr-columns: column lines joined, stray paragraph ends and starts put back where the words fit")
    func columns() {
        // A column cut every few characters; OCR moved the end of the first paragraph and the
        // start of the second one below the column.
        let text = """
        今年2月,工业

        和信息化部印发通

        知,支持创建北京、

        杭州、成都国家人

        工智能创新应用先导

        区。至此,全国先导

        区已增至8个,成都

        智能产业发展已经进

        入了快车道,释放出

        积极信号。

        如今,成都人工

        为西部首个。
        """
        var doc = CleaningDocument(text: text, kind: .text)
        ColumnReassemblyRule().apply(to: &doc)
        let paragraphs = doc.live.map { doc.blocks[$0].text }
        #expect(paragraphs == [
            "今年2月,工业和信息化部印发通知,支持创建北京、杭州、成都国家人工智能创新应用先导区。至此,全国先导区已增至8个,成都为西部首个。",
            "如今,成都人工智能产业发展已经进入了快车道,释放出积极信号。",
        ])
        #expect(doc.removals.isEmpty)
        #expect(doc.isLayout)
    }

    @Test("Junction scores: a word across the break, a subject before its verb")
    func junctions() {
        #expect(Junction.wordScore("射带动区域人工智", "能融通发展。") == 2)
        #expect(Junction.wordScore("能创新应用先导区", "智能创新应用先导") == 0)
        #expect(Junction.subjectVerbScore("成都市经信局", "提供的数据显示,") > 0)
        #expect(Junction.subjectVerbScore("成都市经信局", "下逐渐演化形成新") == 0)
    }

    @Test("Rule names are the documented ones")
    func ruleNames() {
        let names = Set(TextCleaner.ruleNames)
        for n in ["navigation", "footer", "copyright", "masthead", "qr-code", "page-teaser", "photo-credit", "caption", "ui-string",
                  "repeated-phrase", "repeated-paragraph", "doubled-heading", "data-box", "byline", "metadata", "ocr-space"] {
            #expect(names.contains(n), "\(n)")
        }
    }
}
