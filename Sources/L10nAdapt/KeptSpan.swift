/// A span adaptation deliberately left alone, and why: a trade size that is a name
/// (`27.5 x 2.4` tyres), a unit the industry uses in every market (`160 mm` rotors), a code
/// (`225/45R17 94V`) or figures the page already gives in both systems. The report and the
/// XLIFF notes list them beside the adaptations, so a reviewer can tell a keep from a miss.
public struct KeptSpan: Hashable, Sendable, Codable {
    /// `u3-s1`.
    public var segment: String
    /// The exact source span left as written.
    public var text: String
    /// Why, in plain words (a convention's rationale).
    public var reason: String
    /// Where the reason comes from: the conventions file (`conventions/bicycles.yaml`) or, for
    /// a keep decided in code, the rule id (`units`).
    public var source: String
    /// The convention's id (`bicycle-tyre-designation`); nil for a keep decided in code.
    public var convention: String?

    public init(segment: String, text: String, reason: String, source: String, convention: String? = nil) {
        self.segment = segment
        self.text = text
        self.reason = reason
        self.source = source
        self.convention = convention
    }

    /// The note a translator (and an engine that takes notes) reads: `kept "27.5 x 2.4": <why>
    /// (conventions/bicycles.yaml)`, so the span is not "fixed" by hand.
    public var noteText: String { "kept \"\(text)\": \(reason) (\(source))" }
}
