extension AdaptationEngine {
    /// Every built-in rule, in priority order: when two changing rules claim overlapping text,
    /// the earlier one wins (a price is currency, not a bare number; "52 ft" is a unit).
    public static let builtInRules: [any AdaptationRule] = [
        UnitConversionRule(),
    ]
}
