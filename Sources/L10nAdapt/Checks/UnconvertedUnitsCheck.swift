import L10nCore
import L10nQA

/// Quantities the market reads in other units, left as the source wrote them: "10 ft" in a
/// Brazilian target whose source was never adapted (XLIFF from `extract`, translated by hand).
///
/// The market's own unit rule (``UnitConversionRule``) decides on the *source*, in English, where
/// it can see what a quantity is — a wheel or screen size, a pipe thread, a part designation the
/// market keeps — and a finding is made only where a figure it would convert appears unchanged in
/// the target. Adapted sources (from `adapt`) are already converted, so there is nothing to find.
/// A QA check that lives with the adaptation rules because it needs their knowledge of units.
public struct UnconvertedUnitsCheck: QACheck {
    public static let description = CheckDescription(
        id: "units.unconverted", name: "Unconverted units",
        summary: "A quantity the market converts (10 ft for Brazil, 3 m for the US) is not left in the target as the source wrote it.",
        rationale: "Feet, pounds and °F on a Brazilian or German page read as an import nobody localized, and metric figures puzzle US buyers. The market's unit rule decides on the English source, so trade sizes the market keeps (wheel, screen, pipe-thread sizes) are not flagged; needs the market (`l10n qa --market br`).",
        defaultSeverity: .warning,
        passing: [
            CheckExample("Hose length: 3 m.", "Comprimento da mangueira: 3 m.", to: "pt-BR", market: "br"),
            CheckExample("Hose length: 10 ft.", "Comprimento da mangueira: 3 m.", to: "pt-BR", market: "br"),
            CheckExample("Fits 27.5 in wheels.", "Serve em rodas de 27.5 in.", to: "pt-BR", market: "br"),
            CheckExample("Hose length: 10 ft.", "Schlauchlänge: 10 ft.", to: "de-DE"),
        ],
        failing: [
            CheckExample("Hose length: 10 ft.", "Comprimento da mangueira: ⟦10 ft.", to: "pt-BR", market: "br"),
            CheckExample("Weighs 5 lb at 70°F.", "Pesa ⟦5 lb a ⟦70°F.", to: "pt-BR", market: "br"),
        ])

    private let catalog: MarketCatalog?

    /// `markets`: where the market named by the check context is looked up (the bundled ones
    /// by default, or a catalog with the user's markets).
    public init(markets: MarketCatalog? = try? MarketCatalog.load()) {
        catalog = markets
    }

    public func check(_ pair: SegmentPair, context: CheckContext) -> [QAIssue] {
        guard let id = context.market, let market = try? catalog?.market(id) else { return [] }
        let adaptation = AdaptationContext(market: market, sourceLanguage: context.sourceLanguage, targetLanguage: context.targetLanguage)
        guard UnitConversionRule.applies(to: adaptation) else { return [] }
        // As the adaptation engine sees text: codes are U+FFFC, so no quantity spans one.
        let flat = AdaptationEngine.flatten(pair.source)
        let target = pair.target.readableText
        var issues: [QAIssue] = []
        var searchFrom = target.startIndex
        for match in UnitConversionRule().matches(in: flat, context: adaptation) {
            guard let replacement = match.replacement else { continue }
            let before = String(flat[match.range])
            guard !before.contains("\u{FFFC}"), let found = target[searchFrom...].range(of: before) else { continue }
            searchFrom = found.upperBound
            issues.append(QAIssue("\"\(before)\" is not converted for \(market.name) (\(replacement))",
                                  at: target.distance(from: target.startIndex, to: found.lowerBound)))
        }
        return issues
    }
}
