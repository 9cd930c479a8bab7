import Testing
@testable import Evaluation

@Suite("Segmentation scoring")
struct SegmentationScoreTests {
    @Test func perfectLine() {
        var s = SegmentationScore()
        let exact = s.add(gold: "我 来到 北京", predicted: "我 来到 北京")
        #expect(exact)
        #expect(s.f1 == 1)
    }

    @Test func spansNotStrings() {
        var s = SegmentationScore()
        // gold: 3 words; predicted: 2 words, one correct (我).
        s.add(gold: "我  来到  北京", predicted: "我 来到北京")
        #expect(s.goldWords == 3)
        #expect(s.predictedWords == 2)
        #expect(s.correctWords == 1)
        #expect(abs(s.precision - 0.5) < 1e-9)
        #expect(abs(s.recall - 1.0 / 3.0) < 1e-9)
    }

    @Test func oovRecallUsesVocabulary() {
        var s = SegmentationScore()
        s.add(gold: "杭研 大厦", predicted: "杭研 大厦", vocabulary: ["大厦"])
        #expect(s.oovGold == 1)
        #expect(s.oovRecall == 1)
    }

    @Test func misalignedCharactersAreCounted() {
        var s = SegmentationScore()
        s.add(gold: "我 来到", predicted: "我 来")
        #expect(s.misalignedLines == 1)
    }
}
