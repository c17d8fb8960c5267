import L10nCore

/// What a check is, why it exists, and examples that are its tests and its documentation
/// (SwiftLint's `RuleDescription`).
public struct CheckDescription: Sendable {
    /// Stable snake-case-with-dots id, used in reports, configuration and suppressions.
    public var id: String
    public var name: String
    /// One sentence.
    public var summary: String
    /// Why a reviewer wants it (and why it stays quiet where it does).
    public var rationale: String
    public var defaultSeverity: Severity
    /// Pairs that must raise nothing.
    public var passing: [CheckExample]
    /// Pairs that must raise one finding per ``CheckExample/marker`` in the target, at the marker.
    public var failing: [CheckExample]
    /// Whether the check judges the target's language (spelling, punctuation, wording): those
    /// checks skip pseudo-localized targets, whose accented words, padding and brackets are
    /// made that way on purpose, so QA on a pseudo run reports what pseudo-localization tests
    /// (codes, numbers, whitespace, length) and not one finding per word.
    public var judgesLanguage: Bool

    public init(id: String, name: String, summary: String, rationale: String, defaultSeverity: Severity,
                passing: [CheckExample], failing: [CheckExample], judgesLanguage: Bool = false) {
        self.judgesLanguage = judgesLanguage
        self.id = id
        self.name = name
        self.summary = summary
        self.rationale = rationale
        self.defaultSeverity = defaultSeverity
        self.passing = passing
        self.failing = failing
    }
}

/// A source/target example. In failing examples the target holds ``marker`` where each finding
/// must land (a finding without a place is expected at a marker at the very end or start, as the
/// check documents). `{b}`/`{/b}` in either text stand for a paired inline code, `{x}` for a
/// standalone one, `{url}` for a protected URL.
public struct CheckExample: Sendable, CustomStringConvertible {
    public static let marker: Character = "⟦"

    public var source: String
    public var target: String
    public var sourceLanguage: String
    public var targetLanguage: String
    /// The market the example is checked for (`br`), for checks that need one.
    public var market: String?
    /// The size restriction the target is checked against as a whole, for checks of restricted
    /// units (``QAScopeCheck``).
    public var size: SizeScope?
    public var file: String
    public var line: Int

    public init(_ source: String, _ target: String, from sourceLanguage: String = "en-US", to targetLanguage: String = "de-DE",
                market: String? = nil, size: SizeScope? = nil, file: String = #fileID, line: Int = #line) {
        self.source = source
        self.target = target
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.market = market
        self.size = size
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line) \"\(source)\" → \"\(target)\"" }
}
