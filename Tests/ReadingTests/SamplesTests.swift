import Foundation
import Testing
@testable import Reading

/// The five sample documents end to end: no noise left, every sentence kept.
@Suite("Samples")
struct SamplesTests {
    @Test("000: record body — doubled headings split out, byline and UI string gone, captions apart")
    func record000() throws {
        let articles = try Samples.articles(0)
        try #require(articles.count == 1)
        let a = articles[0]
        Samples.check(articles, noise: [
            "（记者 张亦筑 夏元）", "记者 张亦筑", "张亦筑", "举报/反馈", "举报",
            "联盟搭平台联盟搭平台", "建人工智能创新发展试验区建人工智能创新发展试验区", "发挥“头雁”效应发挥“头雁”效应",
            "加速产业协同发展加速产业协同发展", "政策“组合拳”政策“组合拳”", "推动创新资源集聚推动创新资源集聚",
            "关键词", "重大事件摘要",
        ], sentences: [
            "8月18日，重庆市政府与北京大学签署战略合作协议，携手共建北京大学重庆大数据研究院，聚焦大数据与数字化转型的前沿交叉领域，开展核心技术的基础创新和应用研究，培养和引进大数据专家人才团队，积极促进科技成果转化和新兴产业培育。",
            "像这样的“大手笔”，近年来还有不少。",
            "推进大数据智能化创新发展，对加快西部(重庆)科学城建设、打造具有全国影响力的西部科技创新中心起到重要支撑作用。",
            "今年3月，科技部批复重庆建设国家新一代人工智能创新发展试验区，计划用5年左右时间，聚焦智能制造和智慧城市两大领域，",
            "“国家新一代人工智能创新发展试验区将充分发挥人工智能溢出带动性强的‘头雁’效应，推动汽摩产业转型升级、装备制造业提振、‘芯屏器核网’全产业链构建和智慧城市高质量建设。”市科技局相关负责人表示。",
            "……一系列人工智能特色应用场景不断推进，将促进人工智能与各个行业领域融合应用。",
            "由中国信息通信研究院西部分院(重庆信息通信研究院)牵头成立的重庆市物联网技术创新战略联盟，自2017年9月获批成立以来，已聚集300多家物联网相关企业、高校及科研院所。",
            "目前，这些产业技术创新联盟已吸纳会员1934家，",
            "为了进一步提升我市在大数据智能化发展中的创新能力，今年上半年，",
            "8月，川渝两地首次联合启动重点研发项目申报，共同出资2000万元予以资助。",
            "截至目前，我市已累计签约引进世界知名高校11所，国内“双一流”建设高校20所，“双一流”学科建设高校8所，国家级知名科研院所8家，世界500强企业研究院11家。",
            "“下一步，我们还将围绕加快建设具有全国影响力的科技创新中心，高水平建设西部(重庆)科学城，通过政策‘组合拳’，让更多大数据智能化创新资源在重庆加速聚集。”市科技局相关负责人称。",
        ])
        // Each doubled heading is one paragraph of its own, once.
        for h in ["建人工智能创新发展试验区", "发挥“头雁”效应", "联盟搭平台", "加速产业协同发展", "政策“组合拳”", "推动创新资源集聚"] {
            #expect(a.paragraphs.filter { $0 == h }.count == 1, "heading \(h)")
        }
        #expect(a.paragraphs.last?.hasSuffix("市科技局相关负责人称。") == true)
        // The photo captions glued before the lead are kept apart.
        #expect(a.captions.contains("金康两江智能工厂焊装车间。"))
        #expect(a.captions.contains("西部自动驾驶开放测试基地。"))
        #expect(a.paragraphs.first?.hasPrefix("8月18日") == true)
        #expect(a.removed.contains(Removal(rule: "ui-string", text: "举报/反馈")))
        #expect(a.removed.contains { $0.rule == "doubled-heading" && $0.text == "联盟搭平台" })
    }

    @Test("001: portal scrape — breadcrumb, metadata line and footer gone, headings kept")
    func portal001() throws {
        let articles = try Samples.articles(1)
        try #require(articles.count == 1)
        let a = articles[0]
        Samples.check(articles, noise: [
            "您当前的位置", "首页 >", "智慧政务 > 行业要闻", "时间:2020-12-25", "来源:重庆日报", "作者:促进网", "促进网",
            "栏目更新", "栏目热门", "关于我们", "联系我们", "版权声明", "广告服务",
        ], sentences: [
            "今年9月,世界知识产权组织发布《2020年全球创新指数报告》,继2019年首次入选全球城市创新集群100强,重庆再次入选,且排名上升了11位,升至第77位。",
            "这得益于,重庆坚持把创新作为引领发展的第一动力。",
            "实施技术创新项目1379项",
            "位于西永微电园内一个不足70平方米的实验室,硅光芯片在这里经历各种测试——这是全国首个能够实现硅光芯片全流程封装测试的实验室。",
            "华为云、两江云、紫光云等相继入驻……“云上水土”已经初具规模。",
            "“智能”贯穿生产、生活、生态多领域",
            "2019年10月,重庆入选首批国家数字经济创新发展试验区。",
            "示范项目生产效率平均提升70.2%……“智造重镇”“智慧名城”正在成为重庆新名片。",
            "知名高校和科研院所纷纷落户",
            "12月15日,重庆市政府与中国科学院在北京签署战略合作协议,双方将在西部(重庆)科学城共建中国科学院重庆科学中心。",
            "11个高新区竞相发展,高新技术企业占全市30%以上、工业总产值占全市40%以上。",
            "重庆将聚焦建设具有全国影响力的科技创新中心目标,突出“四个面向”,高标准建设西部(重庆)科学城,以科技创新催生新发展动能为主线,实现高质量发展。",
        ])
        // Headings stay paragraphs of their own; the title is not repeated in the body.
        #expect(a.paragraphs.contains("实施技术创新项目1379项"))
        #expect(a.paragraphs.contains("“智能”贯穿生产、生活、生态多领域"))
        #expect(a.paragraphs.contains("知名高校和科研院所纷纷落户"))
        #expect(!a.paragraphs.contains { $0.contains("正成为重庆新名片") })
        #expect(a.paragraphs.first?.hasPrefix("今年9月") == true)
        #expect(a.paragraphs.last?.hasSuffix("实现高质量发展。") == true)
        #expect(a.removed.contains { $0.rule == "navigation" })
        #expect(a.removed.contains { $0.rule == "footer" && $0.text.contains("关于我们") })
    }

    @Test("002: OCR'd page — columns reassembled, loops, pull-quote and repeats gone, every sentence kept")
    func ocr002() throws {
        let articles = try Samples.articles(2)
        try #require(articles.count == 1)
        let a = articles[0]
        let pullQuote = "建设人工智能产业融合发展核心区,打造现代化开放型产业体系新引擎,要结合西部地区特点"
        Samples.check(articles, noise: [
            "Development", "华西都市报", "记者 杨晨", "成都高新区供图", "封面新闻",
            "四川省科技厅发起,四川省科技厅发起", pullQuote, "腾建设", "人工智 能", "李 毅中", "新一代 人工智能",
            "成都高新区软件园。", "位于成都高新区的中国欧洲中心。",
        ], sentences: [
            "今年2月,工业和信息化部印发通知,支持创建北京、天津(滨海新区)、杭州、广州、成都国家人工智能创新应用先导区。",
            "这是工业和信息化部发布的第二批先导区名单。",
            "至此,全国人工智能创新应用先导区已增至8个,成都国家人工智能创新应用先导区为西部首个。",
            "要结合西部地区特点,在政策、机制、模式创新上积极探索实践,打造有活力的产业生态圈和功能区,辐射带动区域人工智能融通发展。",
            "如今,成都人工智能产业发展已经进入了\"快车道\",不断释放出积极信号,在新机遇下逐渐演化形成新的发展格局。",
            "成都市经信局提供的数据显示,到2022年成都人工智能产业规模将突破500亿元,带动关联产业规模突破5000亿元。",
            "建设人工智能产业融合发展核心区,打造现代化开放型产业体系新引擎,成都在努力。",
            "5月13日,新一代人工智能创新发展试验区建设发展论坛暨四川省人工智能研究院聘任仪式在成都高新区菁蓉汇举行。",
            "四川省人工智能研究院落地成都高新区菁蓉汇,由四川省科技厅发起,时间建设。",
            "今年4月,首届腾讯STAC 科创联合大会(以下简称\"STAC 科创大会\")在蓉召开。",
            "会上,腾讯宣布在成都设立腾讯人工智能科创联合体并联合高校成立人工智能科教联盟。",
            "工业和信息化部原部长、中国工业经济联合会会长李毅中在发表主旨演讲时说。",
            "李毅中认为,针对人工智能领域应用,成都与腾讯的一个契合点就在于智慧医疗。",
            "当前,成渝地区双城经济圈建设已上升为国家战略,",
            "发挥各方力量,本次签约的成渝双城国际医学成果转化合作将建立成渝国际医学成果转化合作常态化联动机制,促进国际医学双创资源互融互通,推进医学技术、人才、产业应用及产业孵化生态圈深度链接与高效协同。",
        ])
        let body = Samples.squeezed(a.body)
        // Printed twice (quote and pull-quote / repeated sentence): kept once.
        #expect(Samples.occurrences(of: "人工智能作为新一代信息技术的核心", in: body) == 1)
        #expect(Samples.occurrences(of: "要结合西部地区特点", in: body) == 1)
        #expect(Samples.occurrences(of: "由四川省科技厅发起", in: body) == 1)
        // Column fragments reassembled into whole paragraphs, in reading order.
        #expect(a.paragraphs.contains("如今,成都人工智能产业发展已经进入了\"快车道\",不断释放出积极信号,在新机遇下逐渐演化形成新的发展格局。"))
        #expect(a.paragraphs.contains("成都市经信局提供的数据显示,到2022年成都人工智能产业规模将突破500亿元,带动关联产业规模突破5000亿元。"))
        let first = try #require(a.paragraphs.firstIndex { $0.hasPrefix("今年2月") })
        let second = try #require(a.paragraphs.firstIndex { $0.hasPrefix("成都国家人工智能创新应用先导区要立足") })
        #expect(first < second)
        #expect(a.paragraphs[first].hasSuffix("为西部首个。"))
        #expect(a.paragraphs[second].hasSuffix("辐射带动区域人工智能融通发展。"))
        // No paragraph is cut inside a sentence.
        for p in a.paragraphs where !Scan.isHeadingShaped(p) {
            #expect(Scan.endsSentence(p), "paragraph cut: \(p)")
        }
        // Spaces between Latin words and Chinese stay.
        #expect(a.body.contains("STAC 科创"))
        #expect(a.captions.contains("成都高新区软件园。"))
        #expect(a.captions.contains("位于成都高新区的中国欧洲中心。"))
        #expect(a.captions.contains("新一代人工智能创新发展试验区建设发展论坛暨四川省人工智能研究院聘任仪式。"))
        #expect(a.removed.contains { $0.rule == "repeated-phrase" })
        #expect(a.removed.contains { $0.rule == "repeated-paragraph" })
    }

    @Test("003: newspaper front page — masthead, QR labels and teasers gone, three stories")
    func frontPage003() throws {
        let articles = try Samples.articles(3)
        try #require(articles.count == 3)
        Samples.check(articles, noise: [
            "重庆科技报", "科技改变生活", "创新引领未来", "星期四", "农历", "今日16版", "总第384期", "国内统一连续出版物号",
            "代号:77-9", "www.cqkjc.com", "主管主办", "重庆科技报社出版", "微信公众号",
            "详见02版", "详见03版", "详见04版", "璧山在西南地区率先布局量子通信技术", "年内在该区实现政企业务试点",
            "顺势而为 发光发热", "重庆市老科协工作实现全面发展", "科技创新在行动", "重庆市食品药品检验检测研究院", "重庆理工大学",
            "本报讯", "重庆日报记者", "罗静雯", "李星婷", "张锦辉 摄",
        ], sentences: [
            "唐良智与侯建国座谈并见证签约",
            "12月15日,重庆市人民政府与中国科学院在北京签署战略合作协议。",
            "中国科学院副院长张涛,市领导熊雪等参加。",
            "唐良智说,重庆正深入学习贯彻党的十九届五中全会精神和习近平总书记对重庆提出的系列重要指示要求,认真落实《成渝地区双城经济圈建设规划纲要》,",
            "重庆将全力做好服务,推动双方合作向更高水平迈进。",
            "中国科学院有关负责人,中国科学院控股有限公司负责人,市有关部门、重庆高新区负责人参加。",
            "近日,工作人员在綦江开拓卫星项目调试模拟太空环境进行实验的真空罐。",
            "传统的老工业基地焕发出新的活力。",
            "12月15日,由西部(重庆)科学城、中国光大控股有限公司、特斯联科技集团联合举办的重庆城市智能科技研讨会在科学城举行,",
            "光大人工智能产业基地是西部(重庆)科学城和特斯联科技集团共建的项目,",
            "包括研发基地项目13个、联合实验室项目4个、",
            "将围绕人工智能物联网安全产品、网络安全体系构建等开展研究,打造人工智能城市安全运营中心;",
            "开展重庆大数据产业发展课题前瞻研究及规划工作、建立大数据人才培养基地等合作。",
        ])
        // Sentences broken by the layout are whole again.
        for a in articles {
            for p in a.paragraphs where !Scan.isHeadingShaped(p) {
                #expect(Scan.endsSentence(p), "paragraph cut: \(p)")
            }
        }
        #expect(articles[0].removed.contains { $0.rule == "masthead" })
        #expect(articles[0].removed.contains { $0.rule == "qr-code" })
        #expect(articles[0].removed.contains { $0.rule == "page-teaser" && $0.text == "详见02版" })
        #expect(articles[1].removed.contains { $0.rule == "photo-credit" && $0.text == "重庆日报记者 张锦辉 摄" })
    }

    @Test("004: traditional reprint — copyright block, data box and byline gone, original script kept")
    func reprint004() throws {
        let articles = try Samples.articles(4)
        try #require(articles.count == 1)
        let a = articles[0]
        Samples.check(articles, noise: [
            "原標題", "■", "相關數據>>>", "文字/記者", "張亦築", "國際在線", "本網", "版權", "轉載", "授權", "1、", "5、",
        ], sentences: [
            "8月18日,重慶市政府與北京大學簽署戰略合作協議。",
            "這是我市今年繼引進清華大學、上海交通大學後,又一項引進科技創新資源的重要成果,",
            "共建北京大學重慶大數據研究院",
            "根據合作協議,重慶市先期將與北京大學共建北京大學重慶大數據研究院。",
            "高端研發機構最高補助5000萬元",
            "截至目前,重慶市累計簽約引進世界知名高校11所,國內“雙一流”建設高校18所,“雙一流”學科建設高校8所,國家級知名科研院所8家,世界500強企業研究院11家。",
            "其中,獲得諾貝爾獎的科學家及團隊1個、兩院院士8名、國外院士1名,博士或擁有高級職稱的人才超300人。",
            "引進的研發機構轉化成果138項",
            "中科院計算所西部高等技術研究院結合自身優勢,研發出健康出行管家App。這也是全球第二款基於藍牙技術的疫情防控軟體。",
            "有力推動了産業轉型升級。",
            "按照“一城多園”模式,推動更多全球優質科教資源在渝落地。",
        ])
        let body = Samples.squeezed(a.body)
        #expect(Samples.occurrences(of: "累計簽約引進世界知名高校11所", in: body) == 1)
        #expect(Samples.occurrences(of: "獲得諾貝爾獎的科學家及團隊1個", in: body) == 1)
        #expect(a.paragraphs.last?.hasSuffix("推動更多全球優質科教資源在渝落地。") == true)
        #expect(a.removed.filter { $0.rule == "copyright" }.count == 7)
        #expect(a.removed.filter { $0.rule == "data-box" }.count == 5)
    }

    @Test("Every sample cleans in well under a second")
    func speed() throws {
        let raws = try (0..<5).map(Samples.raw)
        _ = TextCleaner().clean(raws[2])  // loads the shared dictionaries once
        let start = Date()
        for r in raws { _ = TextCleaner().clean(r) }
        #expect(Date().timeIntervalSince(start) < 2.0)
    }
}
