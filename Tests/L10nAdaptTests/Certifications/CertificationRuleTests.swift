import Foundation
import L10nCore
import L10nTestSupport
import Testing
@testable import L10nAdapt

@Suite struct CertificationRuleTests {
    let rule = CertificationRule()

    @Test func descriptionExamples() throws {
        try AdvisoryHarness.checkExamples(of: rule)
    }

    @Test func foreignMarkNoteNamesTheRequirement() throws {
        let br = try AdvisoryHarness.market("br")
        let found = AdvisoryHarness.matches(rule, "UL Listed for safety.", AdvisoryHarness.context(br))
        let regime = try #require(br.certifications["electrical-safety"])
        #expect(found.map(\.note) == ["UL is a US/Canadian safety mark; Brazil requires INMETRO (Inmetro) for electrical safety: \(regime.note)"])
        #expect(found.allSatisfy { $0.rule == "certifications" && $0.kind == .certification && $0.replacement == nil })
    }

    @Test func missingRequiredMarkIsReportedAtTheFirstMark() throws {
        let br = AdvisoryHarness.context(try AdvisoryHarness.market("br"))
        let found = AdvisoryHarness.matches(rule, "Wi-Fi camera. UL Listed, RoHS.", br)
        #expect(found.contains { $0.note.hasPrefix("The text names no Brazil mark for radio equipment") })
        #expect(found.contains { $0.note.contains("ANATEL") })
    }

    /// The same advisory on every segment that cites marks would bury the reviewer: a document
    /// gets each once, at its first place; other advisories are not merged.
    @Test func aDocumentGetsEachAdvisoryOnce() throws {
        let br = AdvisoryHarness.context(try AdvisoryHarness.market("br"))
        let units = ["UL Listed charger.", "Also UL Listed: the cable.", "FCC Part 15 Class B."].enumerated().map { i, text in
            TextUnit(id: "u\(i + 1)", segments: [Segment(id: "s1", source: Content(text: text))])
        }
        let document = Document(original: "page.md", format: "markdown", sourceLanguage: "en-US", units: units,
                                skeleton: Skeleton(original: Data(), spans: []))
        let result = AdaptationEngine(rules: [rule]).adapt(document, context: br)
        let notes = result.adaptations.map(\.note)
        #expect(Set(notes).count == notes.count, "\(notes)")
        let perSegment = units.map { AdvisoryHarness.matches(rule, $0.segments[0].source.plainText, br).map(\.note) }
        #expect(Set(perSegment.flatMap { $0 }) == Set(notes), "every distinct advisory is still there")
        #expect(perSegment[0].allSatisfy { note in result.adaptations.contains { $0.note == note && $0.segment == "u1-s1" } },
                "at its first place")
        #expect(result.document.units[1].notes.filter { $0.text.contains("UL is a US") }.isEmpty)
    }

    @Test func givenCategoriesReplaceInference() throws {
        let market = try AdvisoryHarness.market("jp")
        let plain = AdvisoryHarness.context(market)
        let radio = AdvisoryHarness.context(market, categories: ["radio"])
        #expect(AdvisoryHarness.flagged(rule, "UL Listed.", plain) == ["UL Listed"])
        // UL attests electrical safety (its primary category); the radio requirement is missing too.
        let found = AdvisoryHarness.matches(rule, "UL Listed.", radio)
        #expect(found.count == 2)
        #expect(found.contains { $0.note.contains("TELEC") })
    }

    @Test func greatBritainAcceptsCE() throws {
        let uk = AdvisoryHarness.context(try AdvisoryHarness.market("uk"))
        #expect(AdvisoryHarness.flagged(rule, "CE marked Bluetooth speaker with UL Listed charger.", uk) == ["UL Listed"])
        #expect(AdvisoryHarness.flagged(rule, "CE-compliant power tool.", uk).isEmpty)
    }

    @Test func marksAreWholeWords() {
        for text in ["Our CEO and the ACE team", "electric and IC chips", "64 GB of storage", "CB radio", "Click the CTA button", "RULE", "KCAL", "NOMINAL", "ELECTRIC"] {
            #expect(CertificationMark.find(in: text).isEmpty, "\(text)")
        }
        let found = CertificationMark.find(in: "cULus, UL 1741 SA, FCC Part 15 B, FCC ID: 2ABCD-X1, NSF/ANSI 61, ENERGY STAR®, China RoHS, MIC/TELEC, 技適, GB 4943.1-2022, FCC/IC")
            .map(\.mark.id)
        #expect(found == ["UL", "UL 1741", "FCC", "FCC", "NSF", "Energy Star", "China RoHS", "TELEC", "TELEC", "GB", "FCC", "IC"])
    }

    /// Every mark a market file names must be one the rule knows, or it could never be satisfied.
    @Test func everyRequiredMarkInTheMarketFilesIsKnown() throws {
        let folder = PackagePaths.markets
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
        try #require(!files.isEmpty, "no market files in \(folder.path)")
        var names = Set<String>()
        for file in files {
            let profile = try MarketCatalog.decode(Data(contentsOf: folder.appendingPathComponent(file)), file: file)
            for regime in profile.certifications.values { names.formUnion(regime.required) }
        }
        try #require(!names.isEmpty, "the market files require no marks at all: nothing to check")
        for market in FixtureMarkets.all { for regime in market.certifications.values { names.formUnion(regime.required) } }
        for name in names.sorted() {
            #expect(!CertificationMark.named(name).isEmpty, "unknown mark '\(name)' in a market file")
        }
    }

    @Test func inferredCategories() {
        func infer(_ text: String) -> Set<String> { ProductCategories.infer(from: text, marks: CertificationMark.find(in: text).map(\.mark)) }
        #expect(infer("Bluetooth speaker") == ["radio"])
        #expect(infer("FCC Part 15") == ["radio"])
        #expect(infer("Nonstick cookware, NSF certified") == ["food-contact"])
        #expect(infer("Building blocks for ages 3+") == ["toys"])
        #expect(infer("Grid-tie inverter, UL 1741 SA") == ["pv-inverter"])
        #expect(infer("ENERGY STAR, 350 kWh/year") == ["energy-efficiency"])
        #expect(infer("Desktop CNC router") == ["machinery"])
        #expect(infer("RoHS compliant") == ["hazardous-substances"])
        #expect(infer("Wi-Fi router") == ["radio"])
        #expect(infer("Espresso machine with a 120 V plug") == ["electrical-safety"])
    }
}
