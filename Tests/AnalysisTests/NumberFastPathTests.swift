import ChineseText
import Foundation
import Testing
@testable import Analysis

/// The number fast paths of `ChineseNumber`, `MoneyCore.fmt` and the quantity scan agree with
/// the general code they stand in for.
@Suite("Number fast paths")
struct NumberFastPathTests {
    /// Every single numeral of the table parses as the general path parses it.
    @Test func singleNumeralsMatchGeneralParse() {
        #expect(ChineseNumber.singleNumerals.count == 16)
        for (v, value) in ChineseNumber.singleNumerals {
            let s = String(Unicode.Scalar(v)!)
            #expect(ChineseNumber.singleNumeral(s) == value, "\(s)")
            #expect(ChineseNumber.parseGeneral(s) == ChineseNumber.Value(value: value, qualifier: .exact, upperValue: nil), "\(s)")
        }
        for s in ["", "十二", "万", "亿", "5", "两个", "廿"] { #expect(ChineseNumber.singleNumeral(s) == nil, "\(s)") }
    }

    /// ASCII decimals parse as the general path parses them, rounding included.
    @Test func plainDecimalsMatchGeneralParse() {
        var rng = SystemRandomNumberGenerator()
        var strings = ["70.2", "0.5", "3.14159", "12.345", "12.355", "0.005", "0.015", "99.995", "1.0", "007.50", "123456789.125"]
        for _ in 0..<400 {
            let before = String(Int.random(in: 0...999_999, using: &rng))
            let after = String(String(Int.random(in: 0...99_999_999, using: &rng)).prefix(Int.random(in: 1...6, using: &rng)))
            strings.append(before + "." + after)
        }
        for s in strings {
            #expect(ChineseNumber.plainDecimal(s) != nil, "\(s)")
            #expect(ChineseNumber.parseDetailed(s) == ChineseNumber.parseGeneral(s), "\(s)")
        }
        for s in ["5", ".5", "5.", "1.2.3", "１.5", "5.5%", " 5.5", "5.5万"] { #expect(ChineseNumber.plainDecimal(s) == nil, "\(s)") }
    }

    /// `fmt` writes what `String(format: "%.2f")` writes.
    @Test func fmtMatchesFoundation() {
        var rng = SystemRandomNumberGenerator()
        var values: [Double] = [0, -0.0, 1, -1, 0.5, 0.125, 2.675, 1e15, 9_007_199_254_740_991, 9_007_199_254_740_992, 1e20, -3e10,
                                .infinity, -.infinity, .nan, 29_600_000_000, 0.01, 1.005]
        for _ in 0..<2000 {
            values.append(Double(Int.random(in: -1_000_000_000_000...1_000_000_000_000, using: &rng)))
            values.append(Double.random(in: 0...1e6, using: &rng))
            values.append(Double(Int.random(in: 0...100_000, using: &rng)) / 100)
        }
        for v in values { #expect(MoneyCore.fmt(v) == String(format: "%.2f", v), "\(v)") }
    }

    /// The bitmaps of number scalars answer as the functions over every scalar.
    @Test func numberBitmapsMatchFunctions() {
        for v in UInt32(0)..<0x30000 {
            guard let c = Unicode.Scalar(v) else { continue }
            #expect(QuantityExtractor.numberStarts.contains(v) == QuantityExtractor.isNumberStart(c), "\(v)")
            #expect(QuantityExtractor.numberChars.contains(v) == QuantityExtractor.isNumberChar(c), "\(v)")
            #expect(QuantityExtractor.classifierScalars.contains(v) == QuantityExtractor.classifiers.contains(c), "\(v)")
        }
    }

    /// `ScalarWordList` finds the first word of its list standing at (or ending at) a position.
    @Test func wordListFindsFirstWord() {
        let list = ScalarWordList([("平方公里", 1), ("平方米", 2), ("公里", 3), ("米", 4), ("km", 5)])
        let u = Array("共3平方公里和5平方米及8公里km".unicodeScalars)
        for at in 0...u.count {
            var ref: (String, Int)?
            for (w, v) in [("平方公里", 1), ("平方米", 2), ("公里", 3), ("米", 4), ("km", 5)] {
                let ws = Array(w.unicodeScalars)
                if at + ws.count <= u.count && Array(u[at..<(at + ws.count)]) == ws { ref = (w, v); break }
            }
            let m = list.match(u, at: at)
            #expect(m?.text == ref?.0 && m?.value == ref?.1 && m?.count == ref.map { $0.0.unicodeScalars.count }, "\(at)")
            var before: (String, Int)?
            for (w, v) in [("平方公里", 1), ("平方米", 2), ("公里", 3), ("米", 4), ("km", 5)] {
                let ws = Array(w.unicodeScalars)
                if at - ws.count >= 0 && Array(u[(at - ws.count)..<at]) == ws { before = (w, v); break }
            }
            let b = list.match(u, endingAt: at)
            #expect(b?.text == before?.0 && b?.value == before?.1, "\(at)")
        }
    }

}
