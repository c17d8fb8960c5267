import L10nCore

/// What every rule may consult: the market, the languages, the options the user chose.
public struct AdaptationContext: Sendable {
    public var market: MarketProfile
    public var sourceLanguage: LanguageTag
    public var targetLanguage: LanguageTag
    /// Write "15,8 m (52 ft)" instead of "15,8 m".
    public var keepOriginalUnits: Bool
    /// Product categories the page is about (from the CLI or detected), for certification advice.
    public var categories: Set<String>
    /// Exchange rates from `--rates FILE`: with one into the market's currency, prices are
    /// converted (as indicative prices); without, they stay in US dollars.
    public var rates: ExchangeRates?
    /// The engine's analysis of the segment being adapted, shared by the rules (see ``SegmentAnalysis``).
    var analysis: SegmentAnalysis?
    /// What the engine worked out about the whole page before adapting its segments (see ``PageAnalysis``);
    /// nil when a rule runs on a lone text.
    var page: PageAnalysis?
    /// Whether a result takes the unit of its system that reads naturally at its size: the
    /// smaller one below one unit (0.05 mm, 553 g), the larger one from a thousand (1,89 l, not
    /// 1.890 ml). A table column converted under one label needs one unit for all its cells, so
    /// it may turn this off.
    var naturalUnits = true

    public init(market: MarketProfile, sourceLanguage: LanguageTag, targetLanguage: LanguageTag, keepOriginalUnits: Bool = false, categories: Set<String> = [], rates: ExchangeRates? = nil) {
        self.market = market
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.keepOriginalUnits = keepOriginalUnits
        self.categories = categories
        self.rates = rates
    }

    /// The locale text is formatted for. For a same-language market (en-US → uk) it is the
    /// market's locale; otherwise too, since figures are adapted before translation so the
    /// translator (or MT) receives them already in the target convention.
    public var formattingLocale: String { market.locale }
}
