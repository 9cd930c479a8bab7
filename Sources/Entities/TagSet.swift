import ChineseText

/// A set of part-of-speech tags as a bit mask over `POSTag` indices, so that a rule's
/// `["nr", "nrt", "nrfg"].contains(t.tag)` is one AND instead of string comparisons.
///
/// Equivalence: `Tok.tagIndex` is the token's index normalized as `POSTag.name` reads it (an
/// index outside the table is `x`, index 0), so `tag == name` holds exactly when the index of
/// `name` is `tagIndex`; the tag names are distinct, and there are at most 64 of them.
struct TagSet: Sendable {
    let bits: UInt64

    /// Whether the tag table fits in a mask (checked by a test).
    static let fits = POSTag.names.count <= 64

    /// The normalized index of a token's tag byte.
    @inline(__always) static func normalize(_ index: UInt8) -> UInt8 {
        Int(index) < POSTag.names.count && index < 64 ? index : 0
    }

    /// The index of a tag name (`x` for a name not in the table, as `POSTag.index(of:)`).
    static func index(_ name: String) -> UInt8 { normalize(POSTag.index(of: name)) }

    init(_ names: [String]) {
        var b: UInt64 = 0
        // A name outside the table is never a token's tag name: skip it (not `x`).
        for n in names { if let i = POSTag.names.firstIndex(of: n), i < 64 { b |= 1 << UInt64(i) } }
        bits = b
    }

    /// Tags whose name starts with `prefix`.
    init(prefix: String) {
        var b: UInt64 = 0
        for (i, n) in POSTag.names.enumerated() where i < 64 && n.hasPrefix(prefix) { b |= 1 << UInt64(i) }
        bits = b
    }

    @inline(__always) func contains(_ index: UInt8) -> Bool { bits & (1 << UInt64(index & 63)) != 0 }
}

/// The tag indices and sets the rules use.
enum Tags {
    static let x = TagSet.index("x"), ns = TagSet.index("ns"), nt = TagSet.index("nt"), nrt = TagSet.index("nrt")
    static let eng = TagSet.index("eng"), v = TagSet.index("v"), nr = TagSet.index("nr"), j = TagSet.index("j")
    static let t = TagSet.index("t")
}
