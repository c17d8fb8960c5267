/// How a stored unit matched a lookup.
public enum MatchKind: String, Hashable, Sendable, Codable {
    /// Same source and same neighbouring segments (101).
    case inContext = "in-context"
    /// Same source text and codes (100).
    case exact
    /// Only numbers differ; the target's numbers were replaced by the query's (flagged for review).
    case numberSubstituted = "number-substituted"
    /// Similar words (below 100).
    case fuzzy
}
