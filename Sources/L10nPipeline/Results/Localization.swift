import L10nCore

/// What ``Localizer/localize(_:markets:targetLanguage:options:)`` made for one document: one
/// result per market, in the order asked.
public struct Localization: Sendable {
    /// The source document's name.
    public var source: String
    public var results: [MarketLocalization]

    /// The JSON report's entries for this document (no output paths: the library writes no
    /// files; the CLI adds them).
    public var report: AdaptReport {
        AdaptReport(documents: results.map { $0.reportEntry(source: source) })
    }
}
