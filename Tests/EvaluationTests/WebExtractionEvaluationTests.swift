import Foundation
import Testing
@testable import Evaluation

@Suite struct WebExtractionEvaluationTests {
    @Test func bodyF1IsBagOfCharactersWithoutWhitespace() {
        let same = WebExtractionEvaluation.bodyScore(extracted: "科技 新闻\n正文", gold: "　　科技新闻正文")
        #expect(same.f1 == 1)
        // Order does not matter; counts do.
        #expect(WebExtractionEvaluation.bodyScore(extracted: "文正", gold: "正文").f1 == 1)
        let half = WebExtractionEvaluation.bodyScore(extracted: "甲乙", gold: "甲乙丙丁")
        #expect(half.precision == 1)
        #expect(half.recall == 0.5)
        #expect(abs(half.f1 - 2.0 / 3.0) < 1e-12)
        let repeated = WebExtractionEvaluation.bodyScore(extracted: "甲甲甲甲", gold: "甲乙")
        #expect(repeated.precision == 0.25)
        #expect(repeated.recall == 0.5)
        #expect(WebExtractionEvaluation.bodyScore(extracted: "", gold: "").f1 == 1)
        #expect(WebExtractionEvaluation.bodyScore(extracted: "", gold: "甲").f1 == 0)
        #expect(WebExtractionEvaluation.bodyScore(extracted: "甲", gold: " \u{3000}").f1 == 0)
    }

    @Test func authorScoring() {
        #expect(WebExtractionEvaluation.authorMatches(predicted: [], gold: "UNKNOWN"))
        #expect(WebExtractionEvaluation.authorMatches(predicted: [], gold: ""))
        #expect(!WebExtractionEvaluation.authorMatches(predicted: ["张三"], gold: "UNKNOWN"))
        #expect(!WebExtractionEvaluation.authorMatches(predicted: [], gold: "张三"))
        #expect(WebExtractionEvaluation.authorMatches(predicted: ["宋怡", "杨志华"], gold: "宋怡 杨志华"))
        #expect(WebExtractionEvaluation.authorMatches(predicted: ["杨志华", "宋怡"], gold: "宋怡  杨志华"))
        #expect(WebExtractionEvaluation.authorMatches(predicted: ["罗科", "苏盈"], gold: "罗科苏盈"))
        #expect(WebExtractionEvaluation.authorMatches(predicted: ["张三", "李四"], gold: "张三、李四"))
        #expect(WebExtractionEvaluation.authorMatches(predicted: ["周思博 (Joel Spolsky)"], gold: "周思博 (Joel Spolsky)"))
        #expect(!WebExtractionEvaluation.authorMatches(predicted: ["张三"], gold: "张三 李四"))
    }

    @Test func dateScoring() {
        // Day precision when the gold has no time.
        #expect(WebExtractionEvaluation.dateMatches(predicted: "2005-08-16T10:00:00", gold: "2005-08-16"))
        #expect(WebExtractionEvaluation.dateMatches(predicted: "2005-05-07", gold: "2005-5-7"))
        // Minute precision when it has one; seconds are ignored.
        #expect(WebExtractionEvaluation.dateMatches(predicted: "2005-07-31T12:30:00", gold: "2005-07-31 12:30"))
        #expect(WebExtractionEvaluation.dateMatches(predicted: "2005-05-17T22:11:00", gold: "2005-05-17 22:11:42"))
        #expect(!WebExtractionEvaluation.dateMatches(predicted: "2005-07-31", gold: "2005-07-31 12:30"))
        #expect(!WebExtractionEvaluation.dateMatches(predicted: "2005-07-31T12:31:00", gold: "2005-07-31 12:30"))
        // Month or year precision.
        #expect(WebExtractionEvaluation.dateMatches(predicted: "1998-03", gold: "1998-3"))
        #expect(WebExtractionEvaluation.dateMatches(predicted: "2018-05-01", gold: "2018"))
        // Absent gold: nothing predicted is correct.
        #expect(WebExtractionEvaluation.dateMatches(predicted: nil, gold: "UNKNOWN"))
        #expect(WebExtractionEvaluation.dateMatches(predicted: nil, gold: ""))
        #expect(!WebExtractionEvaluation.dateMatches(predicted: "2005-01-01", gold: "UNKNOWN"))
        #expect(!WebExtractionEvaluation.dateMatches(predicted: nil, gold: "2005-01-01"))
    }

    @Test func runsOnAFolder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kc-webx-\(UUID().uuidString)")
        let pages = dir.appendingPathComponent("pages"), gold = dir.appendingPathComponent("gold")
        try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: gold, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let body = "国家航天局25日宣布，嫦娥五号探测器携带的月球样品已完成首批科学研究，研究人员在样品中发现了新的矿物成分。"
        let html = """
            <html><head><meta charset="utf-8"><title>月球样品_某某网</title></head><body>
            <div><a href="/">首页</a> <a href="/n">新闻</a></div>
            <h1>月球样品</h1><div>2020-12-25 09:23 作者：张三</div><div class="content"><p>\(body)</p></div></body></html>
            """
        try html.write(to: pages.appendingPathComponent("a.html"), atomically: true, encoding: .utf8)
        let record: [String: String] = ["body": body, "author": "张三", "date": "2020-12-25 09:23"]
        try JSONSerialization.data(withJSONObject: record).write(to: gold.appendingPathComponent("a.json"))
        let r = try WebExtractionEvaluation.run(pagesDirectory: pages.path, goldDirectory: gold.path)
        #expect(r.pages.count == 1)
        #expect(r.bodyF1 == 1)
        #expect(r.authorAccuracy == 1)
        #expect(r.dateAccuracy == 1)
        #expect(r.jsonLine.contains("\"body_f1\":1"))
        #expect(r.failures().isEmpty)
    }
}
