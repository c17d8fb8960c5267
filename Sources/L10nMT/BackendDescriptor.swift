import L10nCore

/// What a backend says about itself: for `l10n backends`, for batching, for configuration errors.
public struct BackendDescriptor: Hashable, Sendable {
    /// Stable id used on the command line (`--backend pseudo`) and in provenance (`mt:pseudo`).
    public var id: String
    public var displayName: String
    public var summary: String
    /// What it can be configured with, and where each value comes from.
    public var options: [BackendOption]
    /// Which language pairs it translates.
    public var languages: LanguageSupport
    /// How much one call may carry.
    public var limits: BatchLimits
    /// Whether it carries inline codes through translation (else it receives plain text).
    public var supportsInlineCodes: Bool
    /// Whether it takes a glossary, a formality level, context around the segment.
    public var supportsGlossaries: Bool
    public var supportsFormality: Bool
    public var supportsContext: Bool
    /// Whether its output is a draft for review (XLIFF state `initial`) rather than a finished
    /// target: true for real MT engines, false for `pseudo`, whose output is not language.
    public var producesDrafts: Bool

    public init(id: String, displayName: String, summary: String, options: [BackendOption] = [], languages: LanguageSupport = .any,
                limits: BatchLimits, supportsInlineCodes: Bool, supportsGlossaries: Bool = false,
                supportsFormality: Bool = false, supportsContext: Bool = false, producesDrafts: Bool = false) {
        self.id = id
        self.displayName = displayName
        self.summary = summary
        self.options = options
        self.languages = languages
        self.limits = limits
        self.supportsInlineCodes = supportsInlineCodes
        self.supportsGlossaries = supportsGlossaries
        self.supportsFormality = supportsFormality
        self.supportsContext = supportsContext
        self.producesDrafts = producesDrafts
    }
}

/// One setting of a backend: its name (`api-key`), the environment variable it is read from
/// (`DEEPL_AUTH_KEY`), and whether it is a secret that must never be printed.
public struct BackendOption: Hashable, Sendable {
    public var name: String
    public var environment: String?
    public var summary: String
    public var isRequired: Bool
    public var isSecret: Bool

    public init(name: String, environment: String? = nil, summary: String, isRequired: Bool = false, isSecret: Bool = false) {
        self.name = name
        self.environment = environment
        self.summary = summary
        self.isRequired = isRequired
        self.isSecret = isSecret
    }
}

/// The language pairs a backend translates.
public enum LanguageSupport: Hashable, Sendable {
    /// Any pair (pseudo, LLMs).
    case any
    /// These pairs only, by primary language subtag (`en` → `pt`).
    case pairs([LanguagePair])

    public func supports(_ source: LanguageTag, _ target: LanguageTag) -> Bool {
        switch self {
        case .any: return true
        case .pairs(let pairs): return pairs.contains { $0.source == source.language && $0.target == target.language }
        }
    }
}

public struct LanguagePair: Hashable, Sendable {
    public var source: String
    public var target: String
    public init(_ source: String, _ target: String) {
        self.source = source
        self.target = target
    }
}

/// The most one call may carry; the translate stage cuts batches to fit both.
public struct BatchLimits: Hashable, Sendable {
    public var maxSegments: Int
    /// Characters of source text (codes not counted), summed over the batch.
    public var maxCharacters: Int

    public init(maxSegments: Int, maxCharacters: Int = .max) {
        self.maxSegments = max(1, maxSegments)
        self.maxCharacters = max(1, maxCharacters)
    }

    public static let unlimited = BatchLimits(maxSegments: .max)
}
