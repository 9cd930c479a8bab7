import Testing
@testable import Analysis

@Suite("Summary")
struct SummarizerTests {
    let body = """
    8月18日,重庆市政府与北京大学签署战略合作协议。这是我市今年继引进清华大学、上海交通大学后,又一项引进科技创新资源的重要成果,将推动我市有关单位高效对接北京大学的优质科教资源。
    共建北京大学重庆大数据研究院
    根据合作协议,重庆市先期将与北京大学共建北京大学重庆大数据研究院。该研究院将聚焦大数据与数字化转型的前沿交叉领域,开展核心技术的基础创新和应用研究。
    截至目前,重庆市累计签约引进世界知名高校11所,国内“双一流”建设高校18所。
    截至目前,重庆市累计签约引进世界知名高校11所,国内“双一流”建设高校18所,“双一流”学科建设高校8所。
    “下一步,我们将围绕加快建设具有全国影响力的科技创新中心,持续推进科技创新资源引进工作。”市科技局相关负责人透露。
    """

    @Test func twoOrThreeSentencesInOrderWithoutRepeats() {
        let summary = Summarizer().summarize(body, title: "重庆携手北大在渝建设大数据研究院")
        let sentences = summary.split(separator: "。", omittingEmptySubsequences: true)
        #expect((2...3).contains(sentences.count))
        #expect(summary.hasPrefix("8月18日,重庆市政府与北京大学签署战略合作协议。"))
        // The heading is not a sentence of the summary, and the repeated figure appears once.
        #expect(!summary.contains("共建北京大学重庆大数据研究院\n"))
        #expect(summary.components(separatedBy: "世界知名高校11所").count <= 2)
    }

    @Test func emptyBody() {
        #expect(Summarizer().summarize("") == "")
    }
}
