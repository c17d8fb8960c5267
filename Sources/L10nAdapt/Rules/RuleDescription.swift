/// What a rule is, why it exists, and examples that double as its tests and its documentation
/// (SwiftLint's `RuleDescription`).
public struct RuleDescription: Sendable {
    /// Stable id used in reports and suppressions (`units`, `currency`, `tone`).
    public var id: String
    public var name: String
    /// One sentence.
    public var summary: String
    /// Why a careful localizer does this.
    public var rationale: String
    public var kind: AdaptationKind
    /// Texts the rule must leave alone for the given market.
    public var passing: [RuleExample]
    /// Texts the rule must change (or flag), with the expected result.
    public var failing: [RuleExample]

    public init(id: String, name: String, summary: String, rationale: String, kind: AdaptationKind, passing: [RuleExample], failing: [RuleExample]) {
        self.id = id
        self.name = name
        self.summary = summary
        self.rationale = rationale
        self.kind = kind
        self.passing = passing
        self.failing = failing
    }
}

/// An example: a source text for a market, and for failing examples what must come out.
public struct RuleExample: Sendable, CustomStringConvertible {
    public var market: String
    public var text: String
    /// For changing rules: the text after adaptation. For advisories: nil.
    public var expected: String?
    /// For advisories: the exact spans that must be flagged, in order.
    public var flagged: [String]
    /// Extra options, e.g. `keepOriginalUnits`.
    public var keepOriginalUnits: Bool
    public var file: String
    public var line: Int

    public init(_ text: String, market: String, expected: String? = nil, flagged: [String] = [], keepOriginalUnits: Bool = false,
                file: String = #fileID, line: Int = #line) {
        self.text = text
        self.market = market
        self.expected = expected
        self.flagged = flagged
        self.keepOriginalUnits = keepOriginalUnits
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line) [\(market)] \(text)" }
}
