import Testing
@testable import Entities

/// The scalar-keyed word index must answer exactly as the `String` sets it replaces.
@Suite("Word index")
struct WordIndexTests {
    @Test func scalarTableFindsRangesExactly() {
        var table = ScalarTable()
        let keys = ["北京", "北京市", "市", "\u{20000}\u{20001}", "ab", "a"]
        for (i, k) in keys.enumerated() { #expect(table.insert(k.unicodeScalars) == Int32(i)) }
        #expect(table.insert("北京".unicodeScalars) == 0)          // no duplicate ids
        #expect(table.count == keys.count)
        let text = Array("在北京市和ab".unicodeScalars)
        #expect(table.id(text, 1, 3) == 0)
        #expect(table.id(text, 1, 4) == 1)
        #expect(table.id(text, 3, 4) == 2)
        #expect(table.id(text, 5, 7) == 4)
        #expect(table.id(text, 0, 2) == -1)
        #expect(table.id(text, 2, 2) == -1)
        #expect(table.id(text, 5, 99) == -1)
        #expect(table.id("\u{20000}\u{20001}") == 3)
        #expect(table.id("京北") == -1)
        // Many keys: ids stay dense and every key is found after growing.
        var big = ScalarTable()
        for n in 0..<5000 { big.insert(String(n).unicodeScalars) }
        for n in stride(from: 0, to: 5000, by: 7) { #expect(big.id(String(n)) == Int32(n)) }
        #expect(big.id("5000") == -1)
    }

    @Test func nfcSafeScalarsNeverNormalize() {
        #expect(NFCSafety.isSafe("中" as Unicode.Scalar))
        #expect(NFCSafety.isSafe("A" as Unicode.Scalar))
        #expect(!NFCSafety.isSafe("\u{F900}" as Unicode.Scalar))   // a compatibility ideograph equal to U+8C48
        #expect("\u{F900}" == "\u{8C48}")
        #expect(!NFCSafety.isSafe("\u{0301}" as Unicode.Scalar))
        #expect(!NFCSafety.isSafe("\u{FF9E}" as Unicode.Scalar))   // a grapheme extender
        for v in UInt32(0)...0x2FFFF {
            guard let s = Unicode.Scalar(v), NFCSafety.isSafe(s) else { continue }
            #expect(s.properties.canonicalCombiningClass == .notReordered, "\(v)")
            #expect(!s.properties.isGraphemeExtend, "\(v)")
        }
    }

    @Test func tagSetsMatchTagNames() {
        #expect(TagSet.fits)
        let set = TagSet(["nr", "nrt", "ns"])
        for name in ["nr", "nrt", "ns", "n", "x", "v"] {
            #expect(set.contains(TagSet.index(name)) == ["nr", "nrt", "ns"].contains(name), "\(name)")
        }
        #expect(TagSet(prefix: "nr").contains(TagSet.index("nrfg")))
        #expect(!TagSet(prefix: "nr").contains(TagSet.index("n")))
    }

    @Test func bundledIndexAgreesWithTheSets() throws {
        let lexicon = try Lexicon.bundled()
        let places = PlaceIndex.bundled(lexicon: lexicon, gazetteer: try Gazetteer.bundled())
        let words = WordIndex.bundled(lexicon: lexicon, placeIndex: places)
        #expect(words.enabled, "every bundled word is NFC-safe, so the fast path is used")
        let lists: [(WordIndex.List, Set<String>)] = [
            (.title, lexicon.titles), (.speech, lexicon.speech), (.strongSuffix, lexicon.strongSuffixes),
            (.facilitySuffix, lexicon.facilitySuffixes), (.country, lexicon.countries), (.relation, Spotter.relations),
        ]
        for (list, set) in lists {
            for w in set {
                let id = words.table.id(w)
                #expect(words.lists(id).contains(list), "\(w)")
                #expect(words.set(list).contains(w))
            }
        }
        for (w, flags) in places.flags { #expect(words.placeFlags(words.table.id(w)) == flags, "\(w)") }
        for (w, a) in lexicon.aliases {
            let id = words.table.id(w)
            #expect(words.alias(id)?.type == a.type && words.aliasEntry(id)?.canonical == a.canonical, "\(w)")
        }
        // Head words have the same ids in the small head table.
        for w in lexicon.titles.union(lexicon.strongSuffixes) { #expect(words.heads.id(w) == words.table.id(w), "\(w)") }
        #expect(words.table.id("不是任何词表里的词") == -1)
    }
}
