extension AdaptationEngine {
    /// Every built-in rule, in priority order: when two changing rules claim overlapping text,
    /// the earlier one wins (a price is currency, not a bare number; "52 ft" is a unit).
    /// Advisories (electrical, certifications, tone) never conflict; spelling comes after the
    /// rules that rewrite figures, so a respelt word never claims part of a converted unit.
    public static let builtInRules: [any AdaptationRule] = [
        ElectricalRule(),
        CertificationRule(),
        ToneRule(),
        SpellingRule(),
    ]
}
