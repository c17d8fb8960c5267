import L10nAdapt
import L10nGlossary
import L10nQA

extension QualityChecker {
    /// The segment checks of a full QA run: the built-in ones plus those that need market data
    /// (``UnconvertedUnitsCheck``), which look markets up in `markets`.
    /// With a non-empty `glossary`, also ``GlossaryComplianceCheck``.
    public static func checks(markets: MarketCatalog?, glossary: Termbase? = nil) -> [any QACheck] {
        // The number check reads an unadapted source as the market would have it written.
        var checks: [any QACheck] = QAChecks.builtIn.map { $0 is NumberConsistencyCheck ? NumberConsistencyCheck(figures: MarketFigureAdapter(markets: markets)) : $0 }
            + [UnconvertedUnitsCheck(markets: markets)]
        if let glossary, !glossary.isEmpty { checks.append(GlossaryComplianceCheck(termbase: glossary)) }
        return checks
    }

    /// Every check's description, in the order findings are listed: what `l10n qa --list` shows.
    public static var allDescriptions: [CheckDescription] {
        QAChecks.builtIn.map { type(of: $0).description } + [UnconvertedUnitsCheck.description, GlossaryComplianceCheck.description]
            + QAChecks.builtInDocument.map { type(of: $0).description }
    }

    /// The terms `document` carries on its units (an XLIFF 2 file's `<gls:glossary>` entries), as
    /// the glossary to check it against when none is given.
    public static func carriedGlossary(_ document: Document) -> Termbase {
        Termbase(glossaryOf: document)
    }

    /// A checker with every check, market-aware ones included (and the glossary's, given one).
    public static func full(markets: MarketCatalog?, glossary: Termbase? = nil, severities: [String: Severity] = [:],
                            disabled: Set<String> = []) -> QualityChecker {
        QualityChecker(checks: checks(markets: markets, glossary: glossary), severities: severities, disabled: disabled)
    }
}
