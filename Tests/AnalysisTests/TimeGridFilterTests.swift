import Testing
@testable import Analysis

/// `TimeGridFilter` (the grid search's per-range filter from per-piece flags) must accept
/// exactly the ranges `TimeExtractor.filter` accepts.
@Suite("Time grid filter")
struct TimeGridFilterTests {
    static let candidates = [
        "2020年12月15日", "从2019年3月一号到五号", "至今", "今年夏至前后", "去年冬至到", "(周五)下午3点",
        "的 12月 的", "（2021年）", "起3月至5月", "8月18日，", "上半年—下半年～", "一点半", "近年来", " 3点 ",
        "春", "夏至", "冬至至", "到夏至", "-", "的", "（", ")", "十四五期间", "2020-2021",
    ]

    @Test func agreesWithFilterOnEveryRange() {
        let extractor = TimeExtractor()
        for c in Self.candidates {
            let pieces = c.unicodeScalars.map { String($0) }
            let grid = TimeGridFilter(pieces)
            for start in 0..<pieces.count {
                for end in (start + 1)...pieces.count {
                    #expect(grid.accepts(start, end) == extractor.filter(Array(pieces[start..<end])), "\(c) \(start)..<\(end)")
                }
            }
            #expect(!grid.accepts(0, 0))
        }
    }
}
