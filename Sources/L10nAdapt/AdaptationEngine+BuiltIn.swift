extension AdaptationEngine {
    /// Every built-in rule, in priority order: when two changing rules claim overlapping text,
    /// the earlier one wins (a price is currency, not a bare number; "52 ft" is a unit).
    /// Units come first (a converted "1,500 ft" is a unit, not a number), then prices, dates and
    /// bare numbers. Advisories (electrical, certifications, tone) change nothing, so their place
    /// does not matter; spelling comes last, so a respelt word never claims part of a figure.
    public static let builtInRules: [any AdaptationRule] = [
        UnitConversionRule(),
        CurrencyRule(),
        DateRule(),
        NumberRule(),
        ElectricalRule(),
        CertificationRule(),
        ToneRule(),
        SpellingRule(),
    ]
}
