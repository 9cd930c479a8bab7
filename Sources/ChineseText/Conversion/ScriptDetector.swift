import Foundation

/// The script a text is written in.
public enum Script: String, Sendable, Codable, CaseIterable {
    /// Simplified characters only (a handful of stray traditional ones is tolerated).
    case simplified
    /// Traditional characters only (a handful of stray simplified ones is tolerated).
    case traditional
    /// Both in substantial amounts.
    case mixed
    /// No character that tells the scripts apart (no Chinese, or only characters common to both).
    case none
}

/// The regional standard a text's vocabulary points to.
public enum Region: String, Sendable, Codable, CaseIterable {
    case mainland
    case taiwan
    case hongKong
    case unknown
}

/// What `ScriptDetector` found in a text.
public struct ScriptReport: Sendable, Equatable, Codable, CustomStringConvertible {
    public let script: Script
    /// Characters that occur only in traditional writing (後, 這, 產…).
    public let traditionalOnly: Int
    /// Characters that occur only in simplified writing (后 is not one: 这, 产, 发…).
    public let simplifiedOnly: Int
    /// CJK ideographs in the text.
    public let hanCharacters: Int
    /// Regional usage suggested by the vocabulary (see `RegionalModel`); `.mainland` for simplified text.
    public let region: Region
    /// Evidence score of Taiwan vocabulary: 2 per unambiguous Taiwan word (軟體, 網路, 資料庫…),
    /// 1 per word that merely leans Taiwanese (程式, 資訊…). See `RegionalModel`.
    public let taiwanVocabulary: Int
    /// Evidence score of Hong Kong vocabulary, counted the same way.
    public let hongKongVocabulary: Int
    /// Evidence score of mainland-only vocabulary written in traditional characters (網絡, 軟件 2; 信息 1).
    public let mainlandVocabulary: Int
    /// Characters in Taiwan's standard forms (為, 裡, 眾…) and Hong Kong's (綫, 説, 衞…) where
    /// OpenCC's standard differs (爲, 裏, 衆…).
    public let taiwanVariants: Int
    public let hongKongVariants: Int
    /// The character standard the text follows: `.taiwan`, `.hongKong`, or `.unknown` for OpenCC's
    /// own standard or no evidence. Regional forms count for a region, forms that the region
    /// writes differently count against it.
    public let variantStyle: Region

    public init(
        script: Script, traditionalOnly: Int, simplifiedOnly: Int, hanCharacters: Int, region: Region,
        taiwanVocabulary: Int = 0, hongKongVocabulary: Int = 0, mainlandVocabulary: Int = 0,
        taiwanVariants: Int = 0, hongKongVariants: Int = 0, variantStyle: Region = .unknown
    ) {
        self.script = script
        self.traditionalOnly = traditionalOnly
        self.simplifiedOnly = simplifiedOnly
        self.hanCharacters = hanCharacters
        self.region = region
        self.taiwanVocabulary = taiwanVocabulary
        self.hongKongVocabulary = hongKongVocabulary
        self.mainlandVocabulary = mainlandVocabulary
        self.taiwanVariants = taiwanVariants
        self.hongKongVariants = hongKongVariants
        self.variantStyle = variantStyle
    }

    /// One line for people, e.g. `traditional (region: mainland; trad-only 687, simp-only 1; vocabulary tw 1, hk 0, mainland 9)`.
    public var description: String {
        "\(script.rawValue) (region: \(region.rawValue); trad-only \(traditionalOnly), simp-only \(simplifiedOnly); "
            + "vocabulary tw \(taiwanVocabulary), hk \(hongKongVocabulary), mainland \(mainlandVocabulary))"
    }
}

/// Tells simplified from traditional Chinese and guesses the regional standard.
///
/// Script: counts characters that exist only in traditional writing (keys of OpenCC's
/// TSCharacters that are never a simplified form) and only in simplified writing (keys of
/// STCharacters that are never a traditional form, nor a Taiwan/Hong Kong variant).
/// With `t` and `s` those counts: none when both are 0; traditional when `s <= 5%` of `t + s`;
/// simplified when `t <= 5%`; mixed otherwise.
///
/// Region (traditional or mixed text): occurrences of unambiguous Taiwan or Hong Kong words
/// versus mainland-only words (see `RegionalModel`); the largest count wins, a tie or no evidence
/// falls back to the character standard (`variantStyle`: 為 vs 爲 vs 綫) and then `.unknown`. Simplified text is `.mainland`.
public enum ScriptDetector {
    /// Fraction of the minority script that is still tolerated as noise.
    static let noiseFraction = 0.05

    /// Detects the script of `text`. If the bundled data cannot be loaded, reports `.none`
    /// (nothing is known); `ChineseConverter.init` surfaces such errors.
    public static func detect(_ text: String) -> ScriptReport {
        let store = ConversionStore.shared
        guard let tables = try? store.scriptTables() else {
            return ScriptReport(script: .none, traditionalOnly: 0, simplifiedOnly: 0, hanCharacters: 0, region: .unknown)
        }
        let normalization = try? store.dictionary(ConversionStore.Name.compatibility)
        // Simplified text (or text without script evidence) needs no vocabulary: its report
        // comes from counts taken straight from the UTF-8 (see `ScriptCounts`).
        if let counts = ScriptCounts(utf8Of: text, tables: tables, normalization: normalization),
           counts.script != .traditional, counts.script != .mixed {
            return report(counts, vocabulary: (0, 0, 0))
        }
        let work = ScalarCodec.decode(text, normalization: normalization, tracking: false)
        return work.scalars.withUnsafeBufferPointer { detect($0, tables: tables, model: { try? store.regionalModel() }) }
    }

    /// `model` is asked for only when the text is traditional or mixed, the only texts whose
    /// report uses vocabulary evidence: building the regional model reads jieba's whole
    /// dictionary, which simplified text never needs.
    static func detect(_ s: UnsafeBufferPointer<UInt32>, tables: ScriptTables, model: () -> RegionalModel?) -> ScriptReport {
        var counts = ScriptCounts()
        tables.bmp.withUnsafeBufferPointer { bmp in
            for c in s {
                let f: UInt8 = c < 0x10000 ? bmp[Int(c)] : tables.astralFlags(c)
                if f != 0 { counts.add(f) }
            }
        }
        let script = counts.script
        var vocab = (tw: 0, hk: 0, ml: 0)
        if script == .traditional || script == .mixed, let model = model() {
            vocab = model.vocabularyEvidence(s)
        }
        return report(counts, vocabulary: vocab)
    }

    /// The report from the character counts and the vocabulary evidence (zero unless the
    /// script is traditional or mixed).
    static func report(_ c: ScriptCounts, vocabulary vocab: (tw: Int, hk: Int, ml: Int)) -> ScriptReport {
        let twScore = c.twV - c.notTwV, hkScore = c.hkV - c.notHkV
        let variantStyle: Region = max(twScore, hkScore) <= 0 ? .unknown : twScore >= hkScore ? .taiwan : .hongKong
        let script = c.script
        let region: Region
        switch script {
        case .simplified:
            region = .mainland
        case .none:
            region = .unknown
        case .traditional, .mixed:
            let best = max(vocab.tw, vocab.hk, vocab.ml)
            let leaders: [Region] = [(Region.taiwan, vocab.tw), (Region.hongKong, vocab.hk), (Region.mainland, vocab.ml)]
                .filter { $0.1 == best }.map { $0.0 }
            if best > 0 && leaders.count == 1 {
                region = leaders[0]
            } else if variantStyle != .unknown && (best == 0 || leaders.contains(variantStyle)) {
                region = variantStyle
            } else {
                region = .unknown
            }
        }
        return ScriptReport(
            script: script, traditionalOnly: c.t, simplifiedOnly: c.sim, hanCharacters: c.han, region: region,
            taiwanVocabulary: vocab.tw, hongKongVocabulary: vocab.hk, mainlandVocabulary: vocab.ml,
            taiwanVariants: c.twV, hongKongVariants: c.hkV, variantStyle: variantStyle)
    }

    @inline(__always)
    static func isHan(_ c: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(c) || (0x3400...0x4DBF).contains(c)
            || (0xF900...0xFAFF).contains(c) || (0x20000...0x3134F).contains(c)
    }
}

/// Per-character flags for detection, built from OpenCC's character tables.
final class ScriptTables: Sendable {
    static let traditionalOnly: UInt8 = 1
    static let simplifiedOnly: UInt8 = 2
    static let taiwanVariant: UInt8 = 4
    static let hongKongVariant: UInt8 = 8
    static let notTaiwanVariant: UInt8 = 16
    static let han: UInt8 = 32
    static let notHongKongVariant: UInt8 = 64

    let bmp: [UInt8]
    let astral: [UInt32: UInt8]

    init(store: ConversionStore) throws {
        typealias N = ConversionStore.Name
        let ts = try store.dictionary(N.tsCharacters)
        let tsExt = try store.dictionary(N.tsCharactersExt)
        let st = try store.dictionary(N.stCharacters)
        let twv = try store.dictionary(N.twVariantsRev)
        let hkv = try store.dictionary(N.hkVariantsRev)

        func singles(_ d: PrefixDictionary) -> [(key: UInt32, values: [UInt32])] {
            (0..<d.entryCount).compactMap { e in
                let k = d.keys[e]
                guard k.count == 1 else { return nil }
                return (k[0], d.allValues[e].compactMap { $0.count == 1 ? $0[0] : nil })
            }
        }
        let tsPairs = singles(ts) + singles(tsExt)
        let stPairs = singles(st)
        let twPairs = singles(twv)
        let hkPairs = singles(hkv)
        let tsValues = Set(tsPairs.flatMap(\.values))
        let stValues = Set(stPairs.flatMap(\.values))
        let tsKeys = Set(tsPairs.map(\.key))
        let regionalKeys = Set(twPairs.map(\.key) + hkPairs.map(\.key))

        var flags: [UInt32: UInt8] = [:]
        for p in tsPairs where !tsValues.contains(p.key) {
            flags[p.key, default: 0] |= ScriptTables.traditionalOnly
        }
        for p in stPairs where !stValues.contains(p.key) && !tsKeys.contains(p.key) && !regionalKeys.contains(p.key) {
            flags[p.key, default: 0] |= ScriptTables.simplifiedOnly
        }
        // A regional form counts only if OpenCC's own standard never writes it; a form that a
        // region's table rewrites (and that is not itself one of that region's forms) counts
        // against that region.
        for (pairs, form, against) in [
            (twPairs, ScriptTables.taiwanVariant, ScriptTables.notTaiwanVariant),
            (hkPairs, ScriptTables.hongKongVariant, ScriptTables.notHongKongVariant),
        ] {
            let regionKeys = Set(pairs.map(\.key))
            for p in pairs where p.values.first != p.key {
                if !stValues.contains(p.key) { flags[p.key, default: 0] |= form }
                for v in p.values where v != p.key && !regionKeys.contains(v) {
                    flags[v, default: 0] |= against
                }
            }
        }
        var bmp = [UInt8](repeating: 0, count: 0x10000)
        for c in 0..<UInt32(0x10000) where ScriptDetector.isHan(c) { bmp[Int(c)] = ScriptTables.han }
        var astral: [UInt32: UInt8] = [:]
        for (c, f) in flags {
            if c < 0x10000 { bmp[Int(c)] |= f } else { astral[c] = f | (ScriptDetector.isHan(c) ? ScriptTables.han : 0) }
        }
        self.bmp = bmp
        self.astral = astral
    }

    @inline(__always)
    func astralFlags(_ c: UInt32) -> UInt8 {
        if let f = astral[c] { return f }
        return ScriptDetector.isHan(c) ? ScriptTables.han : 0
    }
}
