import L10nCore
import L10nQA

/// A source's figures as `adapt` writes them for the check context's market — units
/// converted, prices, dates and numbers in the market's format — for ``NumberConsistencyCheck``
/// to hold a target translated from an unadapted source (`l10n qa --market br` on an
/// `extract`ed file) against: "10 ft" is expected as "3,0 m" in Brazil, as `adapt` would have
/// put it before translation.
public struct MarketFigureAdapter: SourceFigureAdapting {
    private let catalog: MarketCatalog?

    /// The rules that change figures, in the engine's priority order (a converted "1,500 ft" is a
    /// unit, a "$1,299" a price, before either is a bare number).
    static let figureRules: [any AdaptationRule] = [UnitConversionRule(), CurrencyRule(), DateRule(), NumberRule()]

    public init(markets: MarketCatalog?) {
        catalog = markets
    }

    public func adaptedText(of source: Content, context: CheckContext) -> String? {
        guard let id = context.market, let market = try? catalog?.market(id) else { return nil }
        let adaptation = AdaptationContext(market: market, sourceLanguage: context.sourceLanguage, targetLanguage: context.targetLanguage)
        let rules = Self.figureRules.filter { type(of: $0).applies(to: adaptation) }
        let adapted = rules.isEmpty ? source : AdaptationEngine(rules: rules).adapt(source, key: "", rules: rules, context: adaptation).0
        // As the adaptation engine sees text: codes are U+FFFC, so no figure spans one.
        return AdaptationEngine.flatten(adapted)
    }
}
