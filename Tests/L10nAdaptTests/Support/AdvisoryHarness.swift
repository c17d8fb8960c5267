import Foundation
import L10nCore
import L10nTestSupport
import Testing
@testable import L10nAdapt

/// Runs a rule's ``RuleDescription`` examples until the generic example test lands, with the
/// same reading of an example: a passing one yields no match; a failing advisory flags exactly
/// `flagged` (spans in text order, one entry per advisory); a failing change turns the text
/// into `expected`. Source copy is en-US unless a test says otherwise.
enum AdvisoryHarness {
    /// The market `id`: the bundled YAML file when it is there and decodes, else the fixture.
    static func market(_ id: String) throws -> MarketProfile {
        let file = PackagePaths.markets.appendingPathComponent("\(id).yaml")
        if let data = try? Data(contentsOf: file), let profile = try? MarketCatalog.decode(data, file: file.lastPathComponent) {
            return profile
        }
        return try #require(FixtureMarkets.byID[id], "no market file or fixture for '\(id)'")
    }

    static func context(_ market: MarketProfile, source: String = "en-US", categories: Set<String> = []) -> AdaptationContext {
        AdaptationContext(market: market, sourceLanguage: LanguageTag(source)!, targetLanguage: LanguageTag(market.language) ?? LanguageTag("en")!,
                          categories: categories)
    }

    /// The rule's matches in text order (ties keep the rule's order); none when it does not apply.
    static func matches(_ rule: any AdaptationRule, _ text: String, _ context: AdaptationContext) -> [RuleMatch] {
        guard type(of: rule).applies(to: context) else { return [] }
        return rule.matches(in: text, context: context).enumerated()
            .sorted { ($0.element.range.lowerBound, $0.offset) < ($1.element.range.lowerBound, $1.offset) }
            .map(\.element)
    }

    static func flagged(_ rule: any AdaptationRule, _ text: String, _ context: AdaptationContext) -> [String] {
        matches(rule, text, context).map { String(text[$0.range]) }
    }

    /// `text` with the rule's replacements applied (overlapping ones after the first are dropped).
    static func applied(_ rule: any AdaptationRule, _ text: String, _ context: AdaptationContext) -> String {
        var out = ""
        var cursor = text.startIndex
        for m in matches(rule, text, context) where m.replacement != nil && m.range.lowerBound >= cursor {
            out += text[cursor..<m.range.lowerBound]
            out += m.replacement!
            cursor = m.range.upperBound
        }
        return out + text[cursor...]
    }

    /// Checks every example of `rule`'s description.
    static func checkExamples(of rule: any AdaptationRule) throws {
        let description = type(of: rule).description
        #expect(!description.passing.isEmpty && !description.failing.isEmpty, "\(description.id): no examples to check")
        for example in description.passing {
            let context = self.context(try market(example.market))
            #expect(matches(rule, example.text, context).isEmpty, "\(example): expected nothing, got \(flagged(rule, example.text, context))",
                    sourceLocation: location(example))
        }
        for example in description.failing {
            let context = self.context(try market(example.market))
            if let expected = example.expected {
                #expect(applied(rule, example.text, context) == expected, "\(example)", sourceLocation: location(example))
            } else {
                #expect(!example.flagged.isEmpty, "\(example): a failing example must expect a change or a flag", sourceLocation: location(example))
                let found = matches(rule, example.text, context)
                #expect(found.map { String(example.text[$0.range]) } == example.flagged, "\(example)", sourceLocation: location(example))
                #expect(found.allSatisfy { $0.replacement == nil && $0.kind == description.kind && !$0.note.isEmpty }, "\(example)",
                        sourceLocation: location(example))
            }
        }
    }

    private static func location(_ example: RuleExample) -> Testing.SourceLocation {
        Testing.SourceLocation(fileID: example.file, filePath: example.file, line: example.line, column: 1)
    }
}
