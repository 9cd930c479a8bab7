import ChineseText

/// The per-character tests of the rules as bitmaps, built once per recognizer: membership in a
/// `Set<Unicode.Scalar>` or a literal's scalars is exact by scalar value, so a bitmap answers
/// the same without hashing or scanning a string.
struct ScalarClasses: Sendable {
    let translit: ScalarBitSet
    let strongSurname: ScalarBitSet
    let weakSurname: ScalarBitSet
    /// `Spotter.isPairAbbreviation` and `Spotter.isAbbreviation`.
    let pairAbbreviation: ScalarBitSet
    let safeAbbreviation: ScalarBitSet
    let chiefHead: ScalarBitSet
    let afterNameStop = ScalarBitSet(Spotter.afterNameStops)
    let functionStart = ScalarBitSet(Spotter.functionStarts)
    let objectEnding = ScalarBitSet(Spotter.objectEndings)
    let abbreviationLeader = ScalarBitSet(Spotter.abbreviationLeaders)
    let placeSuffix = ScalarBitSet(Spotter.placeSuffixes)
    let nsSuffix = ScalarBitSet(Spotter.nsSuffixes)
    let genericPlaceStart = ScalarBitSet(Spotter.genericPlaceStarts)
    let nameDot = ScalarBitSet(Spotter.nameDots)
    /// 东南西北中 (西北部: a direction, not a department).
    let direction = ScalarBitSet("东南西北中".unicodeScalars)
    /// 一 … 十 (十五大).
    let numeral = ScalarBitSet("一二三四五六七八九十".unicodeScalars)
    /// 市县省乡镇村州 (an unknown word ending so is a place).
    let unknownPlaceEnding = ScalarBitSet("市县省乡镇村州".unicodeScalars)

    init(lexicon: Lexicon) {
        translit = ScalarBitSet(lexicon.translit)
        strongSurname = ScalarBitSet(lexicon.strongSurnames)
        weakSurname = ScalarBitSet(lexicon.weakSurnames)
        let risky = Spotter.riskyAbbreviations
        let unpaired = Set("西加新希古鲁辽黑吉老智秘伊乌".unicodeScalars)
        pairAbbreviation = ScalarBitSet(lexicon.abbreviations.keys.filter { !unpaired.contains($0) })
        safeAbbreviation = ScalarBitSet(lexicon.abbreviations.keys.filter { !risky.contains($0) })
        chiefHead = ScalarBitSet(lexicon.chiefHeads)
    }
}
