import Foundation

/// Process-wide, lazily filled cache of the conversion dictionaries, groups and the regional
/// model, so that every `ChineseConverter` (and `ScriptDetector`) shares one copy.
/// Everything cached is immutable once built; the lock only guards the cache maps.
final class ConversionStore: @unchecked Sendable {
    static let shared = ConversionStore()

    private let lock = NSRecursiveLock()
    private var dictionaries: [String: PrefixDictionary] = [:]
    private var groups: [String: ConversionGroup] = [:]
    private var pipelines: [ConversionProfile: ConversionPipeline] = [:]
    private var regional: RegionalModel?
    private var tables: ScriptTables?

    /// OpenCC's dictionary file names (without `.txt`).
    enum Name {
        static let compatibility = "CJK_Compatibility_Ideographs"
        static let tsPhrases = "TSPhrases"
        static let tsCharacters = "TSCharacters"
        static let tsCharactersExt = "TSCharactersExt"
        static let stCharacters = "STCharacters"
        static let twPhrases = "TWPhrases"
        static let twPhrasesRev = "TWPhrasesRev"
        static let twVariantsRev = "TWVariantsRev"
        static let twVariantsRevPhrases = "TWVariantsRevPhrases"
        static let hkPhrases = "HKPhrases"
        static let hkPhrasesRev = "HKPhrasesRev"
        static let hkVariantsRev = "HKVariantsRev"
        static let hkVariantsRevPhrases = "HKVariantsRevPhrases"
        /// The last group of every traditional → simplified chain.
        static let simplifyGroup = [tsPhrases, tsCharactersExt, tsCharacters]
        static let twVariantGroup = [twVariantsRevPhrases, twVariantsRev]
        static let hkVariantGroup = [hkVariantsRevPhrases, hkVariantsRev]
    }

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    func dictionary(_ name: String) throws -> PrefixDictionary {
        try locked {
            if let d = dictionaries[name] { return d }
            let d = PrefixDictionary(name: name, entries: try ConversionDataFile.openCC(name))
            dictionaries[name] = d
            return d
        }
    }

    /// A group of plain dictionaries, in match order.
    func group(_ names: [String]) throws -> ConversionGroup {
        try locked {
            let key = names.joined(separator: "+")
            if let g = groups[key] { return g }
            let g = ConversionGroup(members: try names.map { .dictionary(try dictionary($0)) })
            groups[key] = g
            return g
        }
    }

    /// A group built by `build` and cached under `key`.
    func group(key: String, build: () throws -> ConversionGroup) throws -> ConversionGroup {
        try locked {
            if let g = groups[key] { return g }
            let g = try build()
            groups[key] = g
            return g
        }
    }

    /// A group built by `build` (which cannot fail) and cached under `key`.
    func cachedGroup(key: String, build: () -> ConversionGroup) -> ConversionGroup {
        locked {
            if let g = groups[key] { return g }
            let g = build()
            groups[key] = g
            return g
        }
    }

    /// The pipeline of one of OpenCC's configurations (t2s, tw2s, tw2sp, hk2s, hk2sp).
    /// For `.auto` this is the plain t2s pipeline; the auto plan is built per text.
    func pipeline(_ profile: ConversionProfile) throws -> ConversionPipeline {
        try locked {
            if let p = pipelines[profile] { return p }
            let normalization = try dictionary(Name.compatibility)
            let segmentation = try dictionary(Name.tsPhrases)
            let simplify = try group(Name.simplifyGroup)
            let p: ConversionPipeline
            switch profile {
            case .t2s, .auto:
                // OpenCC 1.4's t2s.json has no segmentation: one segment for the whole text.
                p = ConversionPipeline(normalization: normalization, segmentation: nil, chain: [simplify])
            case .tw2s:
                p = ConversionPipeline(normalization: normalization, segmentation: segmentation,
                                       chain: [try group(Name.twVariantGroup), simplify])
            case .tw2sp:
                p = ConversionPipeline(normalization: normalization, segmentation: segmentation,
                                       chain: [try group([Name.twPhrasesRev] + Name.twVariantGroup), simplify])
            case .hk2s:
                p = ConversionPipeline(normalization: normalization, segmentation: segmentation,
                                       chain: [try group(Name.hkVariantGroup), simplify])
            case .hk2sp:
                p = ConversionPipeline(normalization: normalization, segmentation: segmentation,
                                       chain: [try group([Name.hkPhrasesRev] + Name.hkVariantGroup), simplify])
            }
            pipelines[profile] = p
            return p
        }
    }

    /// Character tables for script detection.
    func scriptTables() throws -> ScriptTables {
        try locked {
            if let t = tables { return t }
            let t = try ScriptTables(store: self)
            tables = t
            return t
        }
    }

    /// Regional vocabulary model used by detection and by the `auto` profile.
    func regionalModel() throws -> RegionalModel {
        try locked {
            if let r = regional { return r }
            let r = try RegionalModel(store: self)
            regional = r
            return r
        }
    }
}
