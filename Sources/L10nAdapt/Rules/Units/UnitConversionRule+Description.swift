extension UnitConversionRule {
    public static let description = RuleDescription(
        id: "units", name: "Unit conversion", summary: "", rationale: "", kind: .unit, passing: [], failing: [])
}
