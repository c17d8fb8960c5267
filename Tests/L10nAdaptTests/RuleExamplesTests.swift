import Foundation
import L10nAdapt
import L10nCore
import Testing

/// Runs every built-in rule's own examples (``RuleDescription``): the one test a new rule needs.
///
/// - A passing example must come out of the engine unchanged and with nothing flagged.
/// - A failing example must come out as `expected` (changing rules) and/or flag exactly the
///   spans in `flagged`, in order (advisories).
/// - Every example must behave the same with multi-byte text in front of it, which catches
///   rules that mix up `String.Index`, UTF-16 and byte offsets.
/// Markets come from the bundled catalog; an example naming a missing market fails and says so.
@Suite struct RuleExamplesTests {
    /// One example of one rule, named for the test report by the example's file and line.
    struct Case: Sendable, CustomStringConvertible {
        let rule: any AdaptationRule
        let example: RuleExample
        let isPassing: Bool
        var description: String { "\(type(of: rule).description.id) \(isPassing ? "passing" : "failing") \(example)" }
    }

    static let passing: [Case] = AdaptationEngine.builtInRules.flatMap { rule in
        type(of: rule).description.passing.map { Case(rule: rule, example: $0, isPassing: true) }
    }
    static let failing: [Case] = AdaptationEngine.builtInRules.flatMap { rule in
        type(of: rule).description.failing.map { Case(rule: rule, example: $0, isPassing: false) }
    }

    /// Text put in front of every example for the offset variant: accents, CJK, an ideograph
    /// outside the BMP (U+2000B, a surrogate pair in UTF-16) and a combining mark, none of which
    /// any rule should touch. (Not an emoji: the tone rule flags emoji where a market says so.)
    static let multiBytePrefix = "Größe 寸法 \u{2000B} é\u{301} — "

    static let catalog = Result { try MarketCatalog.load() }

    private func context(for example: RuleExample) throws -> AdaptationContext {
        let catalog = try Self.catalog.get()
        guard let market = catalog.markets[example.market] else {
            throw ExampleError("\(example): market '\(example.market)' is not in MarketCatalog.load() (known: \(catalog.markets.keys.sorted().joined(separator: ", ")))")
        }
        let target = try #require(LanguageTag(market.language), "\(example): market '\(market.id)' has an invalid language tag")
        return AdaptationContext(market: market, sourceLanguage: LanguageTag("en-US")!, targetLanguage: target, keepOriginalUnits: example.keepOriginalUnits)
    }

    private func run(_ c: Case, text: String, context: AdaptationContext) -> (String, [Adaptation]) {
        let (content, adaptations) = AdaptationEngine(rules: [c.rule]).adapt(Content(text: text), key: "example", rules: [c.rule], context: context)
        return (content.plainText, adaptations)
    }

    @Test(arguments: passing)
    func passingExampleIsLeftAlone(_ c: Case) throws {
        let context = try context(for: c.example)
        for prefix in ["", Self.multiBytePrefix] {
            let text = prefix + c.example.text
            let (output, adaptations) = run(c, text: text, context: context)
            #expect(output == text, "\(c.example) [prefix: \(!prefix.isEmpty)] changed to: \(output)")
            #expect(adaptations.isEmpty, "\(c.example) [prefix: \(!prefix.isEmpty)] produced: \(adaptations.map { "\($0.rule) \($0.before)" })")
        }
    }

    @Test(arguments: failing)
    func failingExampleIsAdapted(_ c: Case) throws {
        let example = c.example
        #expect(example.expected != nil || !example.flagged.isEmpty, "\(example): a failing example needs `expected` or `flagged`")
        let context = try context(for: example)
        for prefix in ["", Self.multiBytePrefix] {
            let (output, adaptations) = run(c, text: prefix + example.text, context: context)
            #expect(!adaptations.isEmpty, "\(example) [prefix: \(!prefix.isEmpty)]: the rule found nothing")
            if let expected = example.expected {
                #expect(output == prefix + expected, "\(example) [prefix: \(!prefix.isEmpty)]")
            }
            if !example.flagged.isEmpty {
                #expect(adaptations.filter(\.isAdvisory).map(\.before) == example.flagged, "\(example) [prefix: \(!prefix.isEmpty)]")
            }
            for a in adaptations {
                #expect(!a.note.isEmpty && a.rule.hasPrefix(type(of: c.rule).description.id), "\(example): adaptation \(a.rule) needs a note and an id under the rule's id")
            }
        }
    }

    /// The two parameterized tests above run once per example: with no examples they would run
    /// nothing and pass. Every rule must bring at least one of each.
    @Test func everyRuleContributesExamplesToTheParameterizedTests() {
        let rules = Set(AdaptationEngine.builtInRules.map { type(of: $0).description.id })
        #expect(!rules.isEmpty)
        #expect(Set(Self.passing.map { type(of: $0.rule).description.id }) == rules)
        #expect(Set(Self.failing.map { type(of: $0.rule).description.id }) == rules)
    }

    @Test func everyRuleDocumentsItselfWithExamples() {
        #expect(!AdaptationEngine.builtInRules.isEmpty)
        var ids = Set<String>()
        for rule in AdaptationEngine.builtInRules {
            let d = type(of: rule).description
            #expect(ids.insert(d.id).inserted, "duplicate rule id \(d.id)")
            #expect(!d.summary.isEmpty && !d.rationale.isEmpty, "\(d.id): summary and rationale are the rule's documentation")
            #expect(!d.passing.isEmpty && !d.failing.isEmpty, "\(d.id): needs passing and failing examples")
        }
    }
}

struct ExampleError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
