import Evaluation
import Foundation
import Keywords
import Testing

@Suite("KeywordEvaluation")
struct KeywordEvaluationTests {
    @Test func tallyCountsExactMatchesOnce() {
        var t = KeywordEvaluation.Tally()
        #expect(t.add(predicted: ["硅光芯片", "芯片", "硅光芯片", " 集成电路 "], gold: ["硅光芯片", "集成电路", "流片"]) == 2)
        #expect(t.predicted == 3) // the duplicate counts once
        #expect(t.gold == 3)
        #expect(abs(t.precision - 2.0 / 3) < 1e-12)
        #expect(abs(t.recall - 2.0 / 3) < 1e-12)
        t.add(predicted: [], gold: ["大数据"])
        #expect(t.documents == 2)
        #expect(abs(t.recall - 2.0 / 4) < 1e-12)
        #expect(abs(t.macroF1 - (2.0 / 3) / 2) < 1e-12)
    }

    @Test func splitsTheTitleOffTheText() {
        let (title, body) = KeywordEvaluation.splitTitle("第一句. 第二句,有 space. 标题 含空格")
        #expect(title == "标题 含空格")
        #expect(body == "第一句. 第二句,有 space.")
        #expect(KeywordEvaluation.splitTitle("没有标题").title == nil)
    }

    @Test func readsAndScoresAFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kw-eval-\(UUID().uuidString).tsv")
        defer { try? FileManager.default.removeItem(at: url) }
        let lines = [
            "to keywords\t硅光芯片是未来信息产业发展的前沿技术。重庆已具备硅光芯片全流程封装测试能力. 硅光芯片的测试\t硅光芯片_封装测试",
            "to keywords\t集成电路企业落户，集成电路产业不断壮大. 集成电路产业\t集成电路_产业集群",
        ]
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        let rows = try KeywordEvaluation.readRows(url.path)
        #expect(rows.count == 2)
        #expect(rows[1].keywords == ["集成电路", "产业集群"])
        let e = try KeywordEvaluation.run(tsvPath: url.path)
        #expect(e.documents == 2)
        #expect(e.gold == 4)
        #expect(e.correct >= 2)
        #expect(e.f1 > 0)
    }

    @Test func malformedLinesAreReported() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kw-eval-\(UUID().uuidString).tsv")
        defer { try? FileManager.default.removeItem(at: url) }
        try "a\tb\tc\nonly one field\n".write(to: url, atomically: true, encoding: .utf8)
        #expect(throws: KeywordError.self) { try KeywordEvaluation.readRows(url.path) }
        #expect(throws: KeywordError.self) { try KeywordEvaluation.readRows(url.path + ".missing") }
    }
}
