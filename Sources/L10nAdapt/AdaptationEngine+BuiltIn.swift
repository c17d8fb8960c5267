extension AdaptationEngine {
    /// Every built-in rule, in priority order: when two changing rules claim overlapping text,
    /// the earlier one wins (a price is currency, not a bare number; "52 ft" is a unit).
    /// Units come first (a converted "1,500 ft" is a unit, not a number), then prices, dates and
    /// bare numbers.
    public static let builtInRules: [any AdaptationRule] = [
        UnitConversionRule(),
        CurrencyRule(),
        DateRule(),
        NumberRule(),
    ]
}
