/// What makes a word too generic to be a keyphrase.
///
/// The main rule is statistical: a word whose inverse document frequency in jieba's table is
/// below `KeywordTuning.genericIDF` (6.0: it occurs in more than about 1 in 400 documents of
/// jieba's corpus — 发展 3.6, 工作 4.2, 建设 4.9, 产业 5.5, 创新 5.7, 推进 5.7, 加快 5.8, and
/// also 研究, 分析, 方法, 问题, 影响) is never a keyword by itself. A generic noun may still be
/// part of a phrase (产业转型升级, 项目管理); a generic verb or modifier (推进, 加快, 重要) may not.
///
/// Two short lists cover words that are rarer than that but still never name a topic in a
/// sci-tech article or abstract. They are short on purpose: everything else is left to the IDF
/// rule and to the scores.
enum GenericWords {
    /// Never part of a keyphrase: they break candidate runs.
    static let neverInPhrase: [String] = [
        // Labels of a structured abstract, the text referring to itself, and the groups of a
        // study design.
        "结论", "摘要", "本文", "文章", "全文", "笔者", "论文", "综述", "结果表明", "研究表明", "实验表明",
        "对照组", "观察组", "实验组", "治疗组",
        // Words of paper titles that say what kind of text it is (X探析, 以Y为例, 从Z视角).
        "探析", "浅析", "初探", "浅谈", "试论", "刍议", "为例", "视角",
        // News boilerplate: bylines and page furniture.
        "记者", "通讯员", "编辑", "责任编辑", "举报", "反馈", "负责人", "相关负责人",
        // Deictic place words of news reports (our city, the whole country): 全国影响力 is no term.
        "我市", "全市", "我省", "全省", "我区", "全区", "我县", "全县", "全国",
    ]

    /// Never a keyphrase alone, like generic words: relational nouns that need a complement
    /// (X的现状, Y的对策) but may head a phrase (防治对策).
    static let notAlone: [String] = [
        "现状", "对策", "思路", "途径", "进展", "前景", "启示", "探讨", "探索",
    ]

    /// Both lists as a table: value 1 = never in a phrase, 2 = not alone.
    static let table: ScalarTable = {
        var b = ScalarTable.Builder(expectedCount: neverInPhrase.count + notAlone.count)
        for w in neverInPhrase { b.add(w, value: 1) }
        for w in notAlone { b.add(w, value: 2) }
        return b.build()
    }()
}
