import Foundation

/// A traditional → simplified conversion configuration.
public enum ConversionProfile: String, CaseIterable, Sendable, Codable {
    /// Detect the script and regional usage and convert accordingly (see `ChineseConverter`).
    case auto
    /// OpenCC `t2s`: OpenCC-standard traditional to simplified.
    case t2s
    /// OpenCC `tw2s`: Taiwan-standard characters to simplified.
    case tw2s
    /// OpenCC `tw2sp`: Taiwan characters and phrases to simplified mainland usage.
    case tw2sp
    /// OpenCC `hk2s`: Hong Kong-standard characters to simplified.
    case hk2s
    /// OpenCC `hk2sp`: Hong Kong characters and phrases to simplified mainland usage.
    case hk2sp
}

/// What the `auto` profile decided for one text.
public struct ConversionDecision: Sendable, Equatable, CustomStringConvertible {
    /// Script and regional evidence of the text.
    public let report: ScriptReport
    /// False when the text is left exactly as it is (simplified, or nothing to convert).
    public let converts: Bool
    /// The OpenCC profile closest to what is done: `.auto` when the text is left unchanged,
    /// `tw2sp`/`hk2sp` when regional phrase rewrites are enabled (filtered per occurrence),
    /// `tw2s`/`hk2s` for regional character variants only, `t2s` otherwise.
    public let profile: ConversionProfile
    /// Which regional character variants are normalized (`.taiwan`, `.hongKong`, or `.unknown` for none).
    public let variants: Region

    public var description: String {
        converts ? "\(report.script.rawValue) → \(profile.rawValue) (\(report))" : "\(report.script.rawValue): unchanged (\(report))"
    }
}

/// Converts traditional Chinese to simplified Chinese with OpenCC's dictionaries and algorithm.
///
/// The fixed profiles reproduce OpenCC 1.4's configurations exactly: the CJK compatibility
/// ideographs are normalized first; the text is segmented by maximum forward matching over
/// TSPhrases (t2s has no segmentation); then each dictionary group of the chain is applied to
/// each segment by forward longest-prefix matching with the short-circuit policy (the first
/// dictionary of the group that matches at a position wins, with its longest match; unmatched
/// characters are copied; a match outputs the entry's first value).
///
/// `auto` (the default) detects the script (`ScriptDetector`): simplified text and text with no
/// script evidence are returned unchanged. Traditional or mixed text is converted with the chain
/// `[regional phrase rewrites, regional variants] → [TSPhrases, TSCharactersExt, TSCharacters]`,
/// where the variants are Taiwan's, Hong Kong's or none according to the characters used, and
/// the phrase rewrites (TWPhrasesRev, HKPhrasesRev) are decided per occurrence from regional and
/// lexical evidence, so that mainland words written in traditional characters are never turned
/// into other words (核心技術 → 核心技术, not 内核技术). See `RegionalModel` for the mechanism.
///
/// Dictionaries are loaded once per process and shared by all converters.
public final class ChineseConverter: Sendable {
    public let profile: ConversionProfile
    private let pipeline: ConversionPipeline
    private let auto: AutoSupport?

    /// Loads (once per process) the dictionaries `profile` needs.
    public init(profile: ConversionProfile = .auto) throws {
        self.profile = profile
        let store = ConversionStore.shared
        pipeline = try store.pipeline(profile)
        auto = profile == .auto ? try AutoSupport(store: store) : nil
    }

    /// The simplified text.
    public func convert(_ text: String) -> String {
        if text.isEmpty { return text }
        // Auto leaves text that is neither traditional nor mixed as it is; its script is told
        // from counts taken straight from the UTF-8 (the same counts `plan` takes, see
        // `ScriptCounts`), without decoding the text into scalars.
        if let auto, let counts = ScriptCounts(utf8Of: text, tables: auto.tables, normalization: pipeline.normalization),
           counts.script != .traditional, counts.script != .mixed {
            return text
        }
        var work = ScalarCodec.decode(text, normalization: pipeline.normalization, tracking: false)
        if let auto {
            let plan = auto.plan(work.scalars)
            if !plan.decision.converts { return text }
            work = auto.pipeline(plan).run(work, policy: plan.policy)
        } else {
            work = pipeline.run(work)
        }
        return ScalarCodec.encode(work.scalars)
    }

    /// The simplified text (`convert`) and the script `ScriptDetector.detect(text)` reports,
    /// from one count of the text; nil for a fixed profile (ask both then).
    ///
    /// Why the script is detect's: `auto` counts the text with the store's script tables and its
    /// compatibility normalization, the ones `detect` uses. Counts telling neither traditional
    /// nor mixed give both the counts' script; otherwise (or with no counts) both decode the text
    /// with that normalization and run the same full detection (regional model from the same
    /// store), whose report the plan keeps.
    public func convertDetectingScript(_ text: String) -> (text: String, script: Script)? {
        guard let auto, !text.isEmpty else { return nil }
        if let counts = ScriptCounts(utf8Of: text, tables: auto.tables, normalization: pipeline.normalization),
           counts.script != .traditional, counts.script != .mixed {
            return (text, counts.script)
        }
        var work = ScalarCodec.decode(text, normalization: pipeline.normalization, tracking: false)
        let plan = auto.plan(work.scalars)
        let script = plan.decision.report.script
        if !plan.decision.converts { return (text, script) }
        work = auto.pipeline(plan).run(work, policy: plan.policy)
        return (ScalarCodec.encode(work.scalars), script)
    }

    /// The simplified text and, for each of its Unicode scalars, the index of the input
    /// scalar (in `text.unicodeScalars`) it came from. A phrase converted to a phrase of
    /// another length maps its output scalars to its input scalars in order, the surplus
    /// to the last one, so the map never decreases.
    public func convertMapped(_ text: String) -> (text: String, sourceIndex: [Int32]) {
        if text.isEmpty { return (text, []) }
        var work = ScalarCodec.decode(text, normalization: pipeline.normalization, tracking: true)
        if let auto {
            let plan = auto.plan(work.scalars)
            if !plan.decision.converts { return (text, work.sources) }
            work = auto.pipeline(plan).run(work, policy: plan.policy)
        } else {
            work = pipeline.run(work)
        }
        return (ScalarCodec.encode(work.scalars), work.sources)
    }

    /// What `auto` does with this text (for a fixed profile: that profile).
    public func resolvedProfile(for text: String) -> ConversionProfile {
        decision(for: text).profile
    }

    /// The full decision for `text`: script report, whether it is converted, and how.
    public func decision(for text: String) -> ConversionDecision {
        let work = ScalarCodec.decode(text, normalization: pipeline.normalization, tracking: false)
        if let auto { return auto.plan(work.scalars).decision }
        let report: ScriptReport
        if let tables = try? ConversionStore.shared.scriptTables() {
            report = work.scalars.withUnsafeBufferPointer {
                ScriptDetector.detect($0, tables: tables, model: { try? ConversionStore.shared.regionalModel() })
            }
        } else {
            report = ScriptReport(script: .none, traditionalOnly: 0, simplifiedOnly: 0, hanCharacters: 0, region: .unknown)
        }
        let variants: Region = [.tw2s, .tw2sp].contains(profile) ? .taiwan : [.hk2s, .hk2sp].contains(profile) ? .hongKong : .unknown
        return ConversionDecision(report: report, converts: true, profile: profile, variants: variants)
    }
}

/// The per-text planning of the `auto` profile.
struct AutoPlan {
    let decision: ConversionDecision
    let policy: RewritePolicy
    /// Regional rewriters in match order.
    let hongKongFirst: Bool
}

/// What the `auto` profile needs besides the fixed pipelines.
///
/// The regional model is built on first use (`ConversionStore.regionalModel()` caches it for
/// the process): only traditional or mixed text consults it, and building it reads jieba's
/// whole dictionary, a large part of a process's start-up that simplified text never needs.
/// The model is a function of the bundled data alone, so building it later gives the same
/// model. `init` still loads the OpenCC dictionaries the model is made from and checks that
/// the jieba dictionary is installed, so a missing resource fails `ChineseConverter.init` as
/// before.
final class AutoSupport: Sendable {
    let store: ConversionStore
    let tables: ScriptTables
    let normalization: PrefixDictionary
    let segmentation: PrefixDictionary
    let simplify: ConversionGroup
    let twVariants: [PrefixDictionary]
    let hkVariants: [PrefixDictionary]

    init(store: ConversionStore) throws {
        typealias N = ConversionStore.Name
        self.store = store
        tables = try store.scriptTables()
        normalization = try store.dictionary(N.compatibility)
        segmentation = try store.dictionary(N.tsPhrases)
        simplify = try store.group(N.simplifyGroup)
        twVariants = try N.twVariantGroup.map { try store.dictionary($0) }
        hkVariants = try N.hkVariantGroup.map { try store.dictionary($0) }
        for name in RegionalModel.dictionaryNames { _ = try store.dictionary(name) }
        _ = try ResourceLocator.url(for: MainlandLexicon.jiebaDictionary)
    }

    /// The regional model, built on first use; nil only when the bundled data cannot be read.
    var model: RegionalModel? { try? store.regionalModel() }

    func plan(_ scalars: [UInt32]) -> AutoPlan {
        let report = scalars.withUnsafeBufferPointer { ScriptDetector.detect($0, tables: tables, model: { model }) }
        let policy = RewritePolicy(report: report)
        let converts = report.script == .traditional || report.script == .mixed
        let variants = report.variantStyle
        let profile: ConversionProfile
        if !converts {
            profile = .auto
        } else {
            switch variants {
            case .taiwan: profile = policy.taiwanShown ? .tw2sp : .tw2s
            case .hongKong: profile = policy.hongKongShown ? .hk2sp : .hk2s
            default: profile = policy.taiwanShown ? .tw2sp : policy.hongKongShown ? .hk2sp : .t2s
            }
        }
        let decision = ConversionDecision(report: report, converts: converts, profile: profile, variants: variants)
        return AutoPlan(decision: decision, policy: policy,
                        hongKongFirst: report.hongKongVocabulary > report.taiwanVocabulary)
    }

    func pipeline(_ plan: AutoPlan) -> ConversionPipeline {
        let variants = plan.decision.variants
        let key = "auto:\(plan.hongKongFirst ? "hk,tw" : "tw,hk"):\(variants.rawValue)"
        // Conversion happens only for traditional or mixed text, whose detection built the model.
        let model = self.model
        let group = store.cachedGroup(key: key) {
            var members: [GroupMember] = []
            if let model {
                members = plan.hongKongFirst
                    ? [.regional(model.hongKong), .regional(model.taiwan)]
                    : [.regional(model.taiwan), .regional(model.hongKong)]
            }
            switch variants {
            case .taiwan: members += twVariants.map { .dictionary($0) }
            case .hongKong: members += hkVariants.map { .dictionary($0) }
            default: break
            }
            return ConversionGroup(members: members)
        }
        return ConversionPipeline(normalization: normalization, segmentation: segmentation, chain: [group, simplify])
    }
}
