import ChineseText
import Testing
@testable import Entities

/// The per-text structures of the second speed pass must give exactly what the expressions they
/// replace gave.
@Suite("Text structures")
struct TextStructuresTests {
    static let samples = [
        "", "a", "市委副书记、市长唐良智与中国科学院党组书记", "ASCII only, with\r\nCR LF",
        "é and e\u{301}, ñ", "\u{F900}\u{8C48}", "𠀀𠀁 astral 😀👍🏽", "〰\u{302A}ｶﾞ\u{FF9E}", "\r\n\n\r",
        "混合 mixed 文本：２０２０年，Ω≈ç√∫",
    ]

    @Test func layoutDecodesLikeUnicodeScalars() {
        for s in Self.samples {
            #expect(ScalarArray.of(s) == Array(s.unicodeScalars), "\(s)")
            // A substring's (non-zero-offset) storage too.
            let tail = String(s.dropFirst())
            #expect(ScalarArray.of(tail) == Array(tail.unicodeScalars))
        }
        let bytes: [UInt8] = [0xE4, 0xB8]                        // truncated: no decode
        #expect(bytes.withUnsafeBufferPointer { ScalarArray.decode($0) } == nil)
    }

    @Test func scalarStringsAreTheScalarViewStrings() {
        for s in Self.samples {
            let v = Array(s.unicodeScalars)
            for lo in 0...v.count {
                for hi in lo...min(v.count, lo + 6) {
                    let made = ScalarString.make(v[lo..<hi])
                    let slow = String(String.UnicodeScalarView(v[lo..<hi]))
                    #expect(made == slow)
                    #expect(Array(made.unicodeScalars) == Array(v[lo..<hi]))
                    #expect(ScalarString.characterCount(v[lo..<hi]) == slow.count, "\(s) \(lo) \(hi)")
                }
            }
        }
    }

    @Test func surfacesShareIdsBySameScalars() throws {
        let recognizer = try EntityRecognizer.bundled()
        let text = "北京大学和清华大学，北京大学，\u{F900}国与\u{8C48}国"
        let view = TextView(scalars: Array(text.unicodeScalars),
                            words: DocumentWords(segmenter: recognizer.spotter.segmenter, capacity: 0))
        func span(_ a: Int, _ b: Int) -> RawSpan { RawSpan(start: a, end: b, type: .organization) }
        let spans = [span(0, 4), span(5, 9), span(10, 14), span(15, 17), span(18, 20), span(0, 2)]
        let s = SpanSurfaces(spans, view)
        #expect(s.of == [0, 1, 0, 2, 3, 4])
        #expect(s.texts == ["北京大学", "清华大学", "\u{F900}国", "\u{8C48}国", "北京"])
        // Canonically equal spellings with other scalars keep separate ids.
        #expect(s.texts[2] == s.texts[3])
    }

    @Test func entityIndexAnswersAsTheStringTable() {
        let names: [(EntityType, String)] = [
            (.place, "重庆市"), (.organization, "重庆市"), (.place, "重庆市"), (.person, "张涛"), (.organization, "北京大学"),
            (.person, "张涛"), (.place, "\u{8C48}国"), (.place, "\u{F900}国"), (.organization, "北京大学"), (.place, "é"),
            (.place, "e\u{301}"), (.place, "重庆市"),
        ]
        var index = EntityIndex(capacity: names.count)
        var reference: [EntityKey: Int] = [:]
        var entities: [Entity] = []
        for (type, name) in names {
            let expected = reference[EntityKey(type: type, name: name)]
            let got = index.firstOrInsert(type, name, in: entities)
            #expect(got == expected, "\(type) \(name)")
            if expected == nil {
                reference[EntityKey(type: type, name: name)] = entities.count
                entities.append(Entity(name: name, type: type, aliases: [name], mentions: []))
            }
        }
        #expect(entities.count == 6)
    }

    @Test func cityTestMatchesHasSuffix() throws {
        let g = try Gazetteer.bundled()
        for i in g.places.indices {
            let p = g.places[i]
            let expected = (p.level == 2 || p.level == 1) && p.name.hasSuffix("市")
            #expect(g.isCity(Int32(i)) == expected, "\(p.name)")
        }
    }
}
