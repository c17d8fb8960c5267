import L10nCore

/// What one market changes in a run's QA settings (a project file's `qa.markets.<id>`):
/// severities that replace the run's (and turn a check the run disables back on), and checks
/// switched off for that market's targets only.
public struct QAOverrides: Hashable, Sendable {
    /// Check id → severity for this market.
    public var severities: [String: Severity]
    /// Check ids switched off for this market.
    public var disabled: Set<String>

    public init(severities: [String: Severity] = [:], disabled: Set<String> = []) {
        self.severities = severities
        self.disabled = disabled
    }
}
