import L10nCore

/// Writes a source's figures as adaptation for a market would — units converted, numbers, prices
/// and dates in the market's format — so the number check can compare a target translated from
/// an unadapted source (an `extract`ed file checked with `--market`) against what the market
/// expects. Implemented where the market rules live (L10nAdapt); the check only asks.
public protocol SourceFigureAdapting: Sendable {
    /// `source`'s text (codes as U+FFFC) with its figures adapted for `context.market`, or nil
    /// when the context names no market this knows.
    func adaptedText(of source: Content, context: CheckContext) -> String?
}
