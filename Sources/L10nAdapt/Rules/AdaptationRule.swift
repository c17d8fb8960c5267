import L10nCore

/// A kind of adaptation, in code; markets give it parameters.
///
/// Rules are pure: given a segment's text and a market they return matches; they never see
/// files. Every rule describes itself (``RuleDescription``), and one generic test runs every
/// description's examples, so adding a rule is adding one file and registering it.
public protocol AdaptationRule: Sendable {
    static var description: RuleDescription { get }

    /// Whether the rule has anything to do for this market and language pair (a spelling rule
    /// has nothing to do for a non-English market; a unit rule nothing when no unit converts).
    static func applies(to context: AdaptationContext) -> Bool

    /// The spans of `text` this rule changes or comments on.
    func matches(in text: String, context: AdaptationContext) -> [RuleMatch]

    /// The matches, and the spans the rule deliberately left alone (what the report lists as
    /// `kept`). Rules that never keep anything get this from ``matches(in:context:)``.
    func review(_ text: String, context: AdaptationContext) -> (matches: [RuleMatch], kept: [RuleKeep])

    init()
}

extension AdaptationRule {
    public func review(_ text: String, context: AdaptationContext) -> (matches: [RuleMatch], kept: [RuleKeep]) {
        (matches(in: text, context: context), [])
    }
}

/// One rule's finding in a text: a span, its replacement (nil for advisories) and the note.
public struct RuleMatch: Hashable, Sendable {
    public var range: Range<String.Index>
    /// Rule id, finer than the rule type when useful (`units.length`, `units.temperature`).
    public var rule: String
    public var kind: AdaptationKind
    public var replacement: String?
    public var note: String

    public init(range: Range<String.Index>, rule: String, kind: AdaptationKind, replacement: String?, note: String) {
        self.range = range
        self.rule = rule
        self.kind = kind
        self.replacement = replacement
        self.note = note
    }
}
