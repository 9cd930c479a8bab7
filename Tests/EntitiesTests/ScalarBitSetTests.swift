import Testing
import ChineseText
@testable import Entities

/// The scalar sets that gate dictionary lookups must contain the scalar of every key, or a
/// word would be skipped that the lookup finds.
@Suite("Scalar gates")
struct ScalarBitSetTests {
    @Test func membership() {
        let scalars: [Unicode.Scalar] = ["北", "a", "\u{0}", "\u{FFFF}", "\u{20000}", "\u{10FFFF}"]
        let set = ScalarBitSet(scalars)
        for s in scalars { #expect(set.contains(s)) }
        for s: Unicode.Scalar in ["南", "b", "\u{1}", "\u{FFFE}", "\u{20001}"] { #expect(!set.contains(s)) }
    }

    @Test func lexiconGatesCoverEveryKey() throws {
        let lexicon = try Lexicon.bundled()
        for w in lexicon.bareOrganizations {
            guard let f = w.unicodeScalars.first else { continue }
            #expect(lexicon.bareFirstScalars.contains(f), "\(w)")
        }
        for w in lexicon.aliases.keys {
            guard let f = w.unicodeScalars.first else { continue }
            #expect(lexicon.aliasFirstScalars.contains(f), "\(w)")
        }
        for w in lexicon.titles {
            guard let l = w.unicodeScalars.last else { continue }
            #expect(lexicon.titleLastScalars.contains(l), "\(w)")
        }
        for w in lexicon.strongSuffixes.union(lexicon.weakSuffixes) {
            guard let l = w.unicodeScalars.last else { continue }
            #expect(lexicon.suffixLastScalars.contains(l), "\(w)")
        }
        for w in lexicon.facilitySuffixes {
            guard let l = w.unicodeScalars.last else { continue }
            #expect(lexicon.facilityLastScalars.contains(l), "\(w)")
        }
    }
}
