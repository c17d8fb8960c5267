import L10nAdapt
import L10nQA

extension QualityChecker {
    /// The segment checks of a full QA run: the built-in ones plus those that need market data
    /// (``UnconvertedUnitsCheck``), which look markets up in `markets`.
    public static func checks(markets: MarketCatalog?) -> [any QACheck] {
        QAChecks.builtIn + [UnconvertedUnitsCheck(markets: markets)]
    }

    /// Every check's description, in the order findings are listed: what `l10n qa --list` shows.
    public static var allDescriptions: [CheckDescription] {
        QAChecks.builtIn.map { type(of: $0).description } + [UnconvertedUnitsCheck.description]
            + QAChecks.builtInDocument.map { type(of: $0).description }
    }

    /// A checker with every check, market-aware ones included.
    public static func full(markets: MarketCatalog?, severities: [String: Severity] = [:], disabled: Set<String> = []) -> QualityChecker {
        QualityChecker(checks: checks(markets: markets), severities: severities, disabled: disabled)
    }
}
