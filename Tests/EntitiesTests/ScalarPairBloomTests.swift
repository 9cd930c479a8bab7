import Testing
@testable import Entities

/// The place index's start filter must let every place name through, or a place would be
/// skipped that the lookup finds.
@Suite("Place start filter")
struct ScalarPairBloomTests {
    @Test func everyKeyMayStart() {
        let keys = ["北京", "重庆市", "綦江", "\u{20000}\u{20001}", "ab", "a"]
        let bloom = ScalarPairBloom(keys: keys)
        for k in keys where k.unicodeScalars.count >= 2 {
            let s = Array(k.unicodeScalars)
            #expect(bloom.mayStart(s[0], s[1]), "\(k)")
        }
        #expect(!ScalarPairBloom(keys: []).mayStart("北", "京"))
    }

    @Test func placeIndexNamesPass() throws {
        let index = PlaceIndex.bundled(lexicon: try Lexicon.bundled(), gazetteer: try Gazetteer.bundled())
        #expect(index.flags.count > 1000)
        for k in index.flags.keys {
            let s = Array(k.unicodeScalars)
            #expect(s.count >= 2 && index.starts.mayStart(s[0], s[1]), "\(k)")
        }
    }
}
