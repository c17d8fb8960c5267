import L10nAdapt
import Testing

/// Every rule describes itself fully: a stable unique id, a summary, a rationale and examples on
/// both sides, so the generic example test has something to prove for each.
@Suite struct RuleCatalogTests {
    @Test func everyRuleDescribesItself() {
        let descriptions = AdaptationEngine.builtInRules.map { type(of: $0).description }
        #expect(!descriptions.isEmpty, "no built-in rules: the loop below would check nothing")
        #expect(Set(descriptions.map(\.id)).count == descriptions.count, "rule ids must be unique")
        for d in descriptions {
            #expect(d.id.range(of: "^[a-z]+(\\.[a-z-]+)*$", options: .regularExpression) != nil, "\(d.id): ids are lower-case dotted")
            #expect(!d.name.isEmpty && !d.summary.isEmpty, "\(d.id): name and summary")
            #expect(d.rationale.count > 40, "\(d.id): the rationale says why")
            #expect(!d.passing.isEmpty && !d.failing.isEmpty, "\(d.id): passing and failing examples")
        }
    }

    @Test func everyKindOfTheReportHasARule() {
        let kinds = Set(AdaptationEngine.builtInRules.map { type(of: $0).description.kind })
        #expect(kinds == Set(AdaptationKind.allCases))
    }
}
