/// Mainland compounds that jieba's dictionary (compiled around 2012) lacks, for the phrase-level
/// evidence of `RegionalModel`; read together with jieba and the project's `lexicon/scitech.txt`
/// (which covers some of them as well, so that either source alone suffices for those). They are common post-2012 sci-tech, industry and policy terms
/// built on the words whose Taiwan reading is ambiguous (智慧/智能, 核心/內核, 文件/文檔,
/// 複製/拷貝, 程序/進程, 資料/數據…), so that the model can tell 智慧城市 (a mainland term:
/// keep) from 智慧製造 (a Taiwan rendering of 智能制造: rewrite).
///
/// Every entry is a mainland word; when both readings of an ambiguous form have compounds here
/// (智慧交通 and 智能交通), they cancel and the plain reading is kept. Entries get a nominal
/// frequency; a word also in jieba keeps the larger of the two.
enum MainlandLexiconSupplement {
    static let nominalFrequency = 10

    static let words: [(String, Int)] = terms.map { ($0, nominalFrequency) }

    private static let terms: [String] = [
        // 智能 (intelligent) as a modifier
        "智能制造", "智能终端", "智能硬件", "智能电网", "智能汽车", "智能网联", "智能驾驶", "智能交通",
        "智能穿戴", "智能语音", "智能客服", "智能工厂", "智能装备", "智能机器人", "智能芯片", "智能传感器",
        "智能识别", "智能控制", "智能监控", "智能物流", "智能仓储", "智能电视", "智能音箱", "智能手表",
        "智能座舱", "智能计算", "智能系统", "智能平台", "智能产品", "智能技术", "智能产业", "智能应用",
        "智能服务", "智能设备", "智能网络", "智能问答", "智能推荐", "智能决策", "智能感知", "智能运维",
        "智能调度", "智能检测", "智能诊断", "智能时代", "智能经济", "智能车间", "智能产线", "智能生产",
        // 智慧 (smart) in mainland policy vocabulary
        "智慧城市", "智慧社区", "智慧校园", "智慧医疗", "智慧交通", "智慧农业", "智慧法院", "智慧政务",
        "智慧旅游", "智慧物流", "智慧养老", "智慧教育", "智慧园区", "智慧水务", "智慧能源", "智慧工地",
        "智慧零售", "智慧金融", "智慧停车", "智慧警务", "智慧党建", "智慧景区", "智慧港口", "智慧矿山",
        "智慧社会", "智慧家庭", "智慧课堂", "智慧图书馆", "智慧医院", "智慧治理", "智慧服务", "智慧平台",
        // 核心 (core) and 内核 (kernel)
        "核心竞争力", "核心区", "核心价值观", "核心部件", "核心零部件", "核心产业", "核心能力", "核心业务",
        "核心期刊", "核心城市", "核心素养", "核心地位", "核心利益", "核心要素", "核心环节", "核心指标",
        "核心算法", "核心芯片", "核心器件", "核心团队", "核心人才", "核心数据", "核心资产", "核心产品",
        "核心区域", "核心功能", "核心优势", "核心作用", "核心内容", "核心问题", "核心理念", "核心任务",
        "核心目标", "核心领域", "核心科技", "核心关键",
        "内核态", "内核模块", "内核版本", "内核代码", "内核空间", "内核驱动",
        // 文件 (document, official paper; file) and 文档
        "红头文件", "政策文件", "规范性文件", "文件精神", "文件系统", "文件格式", "文件传输", "文件管理",
        "文件共享", "文件服务器", "技术文档", "帮助文档", "文档管理", "在线文档",
        // 复制 (copy, replicate) and 拷贝
        "复制粘贴", "可复制", "复制推广",
        // 程序 (program, procedure)
        "应用程序", "小程序", "法律程序", "程序正义", "审批程序", "程序设计",
        // 信息 / 数据 (information / data)
        "信息化", "信息技术", "信息安全", "个人信息", "信息消费", "信息产业", "信息服务", "信息系统",
        "大数据", "数据中心", "数据要素", "数据安全", "数据治理", "数据共享", "数据资源", "数据分析",
        // 交互 / 互动, 视频, 设备, 软件
        "人机交互", "交互设计", "互动平台", "互动体验", "短视频", "视频会议", "网络视频",
        "移动设备", "终端设备", "工业软件", "开源软件", "应用软件", "软件定义",
    ]
}
