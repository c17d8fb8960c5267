import Foundation
import L10nCore
import L10nTestSupport
import Testing
@testable import L10nAdapt

@Suite struct SpellingRuleTests {
    let rule = SpellingRule()

    @Test func descriptionExamples() throws {
        try AdvisoryHarness.checkExamples(of: rule)
    }

    @Test func bundledTable() {
        let table = SpellingVariants.bundled
        #expect(table.count > 3_000)
        let pairs: [(String, String, String, String)] = [
            ("color", "colour", "colour", "colour"), ("organize", "organise", "organize", "organise"), ("catalog", "catalogue", "catalogue", "catalogue"),
            ("aluminum", "aluminium", "aluminum", "aluminium"), ("gray", "grey", "grey", "grey"), ("plow", "plough", "plow", "plough"),
            ("traveled", "travelled", "travelled", "travelled"), ("analyze", "analyse", "analyze", "analyse"), ("mold", "mould", "mould", "mould"),
        ]
        for (us, gb, ca, au) in pairs {
            #expect((table.convert(us, from: .us, to: .gb) ?? us) == gb, "\(us)")
            #expect((table.convert(us, from: .us, to: .ca) ?? us) == ca, "\(us)")
            #expect((table.convert(us, from: .us, to: .au) ?? us) == au, "\(us)")
        }
        // Spelling depends on meaning: never changed.
        for word in ["program", "check", "tire", "tires", "meter", "story", "draft", "curb", "license", "practice"] {
            #expect(table.convert(word, from: .us, to: .gb) == nil, "\(word)")
        }
    }

    /// tire/tyre and curb/kerb split by sense: only a neighbouring word marking the noun changes them.
    @Test func senseDependentSpellingsNeedACue() {
        let senses = SenseSpellings.bundled
        #expect(senses.entries.map(\.us).sorted() == ["curb", "tire"])
        #expect(senses.convert("tires", before: "the", after: "at", to: .gb)?.spelling == "tyres")
        #expect(senses.convert("tire", before: "spare", after: nil, to: .au)?.spelling == "tyre")
        #expect(senses.convert("curb", before: nil, after: "weight", to: .gb)?.spelling == "kerb")
        #expect(senses.convert("tire", before: "not", after: "your", to: .gb) == nil, "the verb")
        #expect(senses.convert("curb", before: "helps", after: "fuel", to: .gb) == nil, "the verb")
        #expect(senses.convert("tire", before: "the", after: "pressure", to: .ca) == nil, "en-CA writes tire")
    }

    @Test func licenceAndOriginShipWithTheData() throws {
        let folder = PackagePaths.url("Sources/L10nAdapt/Resources/Spelling")
        let licence = try String(contentsOf: folder.appendingPathComponent("LICENSE-SCOWL.txt"), encoding: .utf8)
        #expect(licence.contains("Kevin Atkinson"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("ORIGIN.md").path))
    }

    @Test func britishSourceToAmericanMarket() throws {
        let us = AdvisoryHarness.context(try AdvisoryHarness.market("us"), source: "en-GB")
        #expect(SpellingRule.applies(to: us))
        #expect(AdvisoryHarness.applied(rule, "Choose a colour from the catalogue; organised by tyre size.", us)
                == "Choose a color from the catalog; organized by tyre size.")
        let ca = AdvisoryHarness.context(try AdvisoryHarness.market("ca"), source: "en-GB")
        #expect(AdvisoryHarness.applied(rule, "Organise by colour.", ca) == "Organize by colour.")
    }

    @Test func commonwealthMarketsFollowBritishSpelling() throws {
        for tag in ["en-IN", "en-NZ", "en-IE", "en-SG"] {
            var market = try AdvisoryHarness.market("uk")
            market.spelling = tag
            let context = AdvisoryHarness.context(market)
            #expect(AdvisoryHarness.applied(rule, "Organize by color.", context) == "Organise by colour.", "\(tag)")
        }
        // Same variant: nothing to do.
        #expect(!SpellingRule.applies(to: AdvisoryHarness.context(try AdvisoryHarness.market("us"))))
        #expect(!SpellingRule.applies(to: AdvisoryHarness.context(try AdvisoryHarness.market("uk"), source: "en-GB")))
        #expect(!SpellingRule.applies(to: AdvisoryHarness.context(try AdvisoryHarness.market("de"))))
    }

    @Test func caseAndBoundaries() throws {
        let uk = AdvisoryHarness.context(try AdvisoryHarness.market("uk"))
        #expect(AdvisoryHarness.applied(rule, "color Color COLOR CoLoR colorful color's", uk) == "colour Colour COLOUR CoLoR colourful colour's")
        #expect(AdvisoryHarness.applied(rule, "user@color.example, example.com/color, color_id, color2, #color", uk)
                == "user@color.example, example.com/color, color_id, color2, #color")
        let found = AdvisoryHarness.matches(rule, "Gray", uk)
        #expect(found.first.map { ($0.rule, $0.kind) } ?? ("", .unit) == ("spelling.variant", .spelling))
    }

    @Test func throughTheEngineCodesStayPut() throws {
        let uk = AdvisoryHarness.context(try AdvisoryHarness.market("uk"))
        let engine = AdaptationEngine(rules: [SpellingRule()])
        let code = InlineCode(kind: .standalone, id: "1", data: "<br/>")
        let content = Content([.text("Color"), .code(code), .text(" and gray")])
        let (adapted, adaptations) = engine.adapt(content, key: "u1-s1", rules: engine.rules, context: uk)
        #expect(adapted == Content([.text("Colour"), .code(code), .text(" and grey")]))
        #expect(adaptations.map { $0.after } == ["Colour", "grey"])
    }
}
