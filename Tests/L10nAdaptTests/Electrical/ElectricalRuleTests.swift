import Foundation
import L10nCore
import L10nTestSupport
import Testing
@testable import L10nAdapt

@Suite struct ElectricalRuleTests {
    let rule = ElectricalRule()

    @Test func descriptionExamples() throws {
        try AdvisoryHarness.checkExamples(of: rule)
    }

    @Test func noteNamesWhatTheMarketUses() throws {
        let br = try AdvisoryHarness.market("br")
        let found = AdvisoryHarness.matches(rule, "Motor: 230V 50Hz.", AdvisoryHarness.context(br))
        let note = try #require(found.first?.note)
        #expect(note.contains(br.electrical.summary))
        #expect(note.contains("50 Hz only"))
        #expect(found.first?.rule == "electrical.mains" && found.first?.kind == .electrical && found.first?.replacement == nil)
    }

    @Test func voltageAndFrequencyProblemsShareOneAdvisory() throws {
        let de = AdvisoryHarness.context(try AdvisoryHarness.market("de"))
        let found = AdvisoryHarness.matches(rule, "Rated 120V AC, 60 Hz.", de)
        #expect(found.count == 1)
        #expect(found[0].note.contains("120 V") && found[0].note.contains("60 Hz"))
    }

    @Test func universalAndLowVoltageStatementsRaiseNothing() throws {
        for id in ["br", "de", "jp", "uk", "us", "au", "ca", "cn", "sa"] {
            let context = AdvisoryHarness.context(try AdvisoryHarness.market(id))
            for text in ["100-240V ~ 50/60Hz", "AC 100–240 V, 50/60 Hz", "100V-240V 50-60Hz", "12V DC", "20V MAX", "5V/3A", "48V battery",
                         "60V MAX cordless", "18 V Li-ion", "24 VDC", "400 V DC bus", "Monitor: 60 Hz refresh rate", "20 Hz – 20 kHz response"] {
                #expect(AdvisoryHarness.flagged(rule, text, context).isEmpty, "\(id): \(text)")
            }
        }
    }

    @Test func splitPhaseIsNormalWhereTheSupplyIs120V() throws {
        let us = AdvisoryHarness.context(try AdvisoryHarness.market("us"))
        #expect(AdvisoryHarness.flagged(rule, "Needs a 240 V circuit; 208/230 V rated.", us).isEmpty)
        let uk = AdvisoryHarness.context(try AdvisoryHarness.market("uk"))
        #expect(AdvisoryHarness.flagged(rule, "Needs a 120 V outlet.", uk) == ["120 V"])
    }

    @Test func plugsAreJudgedByIECType() throws {
        let jp = AdvisoryHarness.context(try AdvisoryHarness.market("jp"))
        #expect(AdvisoryHarness.flagged(rule, "US plug, NEMA 1-15P.", jp).isEmpty)   // Japan uses types A and B
        let uk = AdvisoryHarness.context(try AdvisoryHarness.market("uk"))
        #expect(AdvisoryHarness.flagged(rule, "UK plug (Type G) and a two-prong cord.", uk) == ["two-prong cord"])
        #expect(AdvisoryHarness.flagged(rule, "Schuko plug", uk) == ["Schuko plug"])
    }

    /// No catastrophic backtracking on long text: a hang guard, not a speed target (speed lives in
    /// `tools/bench`).
    @Test(.timeLimit(.minutes(5))) func longTextIsScannedWhole() throws {
        let de = AdvisoryHarness.context(try AdvisoryHarness.market("de"))
        let paragraph = "The pump draws 3.5 A at 120V AC, 60 Hz and ships with a NEMA 5-15P plug; the 20V MAX battery charges from 100-240V. "
        let text = String(repeating: paragraph, count: 2_000)   // ≈ 240 KB
        let found = rule.matches(in: text, context: de)
        #expect(found.count == 4_000)
    }

    // MARK: pages, not segments

    /// One Markdown-like page: one unit per text, one segment each.
    private func page(_ texts: [String]) -> Document {
        let units = texts.enumerated().map { i, text in
            TextUnit(id: "u\(i + 1)", segments: [Segment(id: "s1", source: Content(text: text))])
        }
        return Document(original: "page.md", format: "markdown", sourceLanguage: "en-US", units: units,
                        skeleton: Skeleton(original: Data(), spans: []))
    }

    private func advisories(_ texts: [String], _ market: String) throws -> [Adaptation] {
        let context = AdvisoryHarness.context(try AdvisoryHarness.market(market))
        return AdaptationEngine(rules: [rule]).adapt(page(texts), context: context).adaptations.filter(\.isAdvisory)
    }

    /// The spec table says 220 V, the intro offers a 127 V version: the product covers Brazil,
    /// though each segment alone names one region.
    @Test func aPageThatOffersTheOtherVoltageRaisesNothing() throws {
        let texts = ["Countertop oven with convection fan. A 127 V version is also available.", "Voltage: 220 V", "Frequency: 60 Hz"]
        #expect(try advisories(texts, "br").isEmpty)
        // Each segment on its own would be judged as a single-voltage product.
        let br = AdvisoryHarness.context(try AdvisoryHarness.market("br"))
        #expect(AdvisoryHarness.flagged(rule, texts[1], br) == ["220 V"])
    }

    @Test func twoModelVariantsCoverBothRegions() throws {
        #expect(try advisories(["Model PX-1 (127 V): 1,200 W.", "Model PX-2 (220 V): 1,500 W."], "br").isEmpty)
        #expect(try advisories(["East Japan model: 100 V, 50 Hz.", "West Japan model: 100 V, 60 Hz."], "jp").isEmpty)
    }

    /// A page whose only other rating is a warning against it still needs the advisory, once.
    @Test func aSingleVoltagePageIsAdvisedOnce() throws {
        let found = try advisories(["Wall heater, 220 V.", "Do not connect it to 127 V outlets.", "Rated 220 V, 2,000 W."], "br")
        #expect(found.map(\.rule) == ["electrical.regional"], "\(found.map { "\($0.rule) \($0.before)" })")
        #expect(found.first?.segment == "u1-s1" && found.first?.before == "220 V")
    }

    /// Regional advice is not a misfit: a page that covers both Brazilian voltages still gets the
    /// advisory for a rating that fits neither, and a 50 Hz-only statement still misfits the US.
    @Test func coverageDoesNotHideMisfits() throws {
        let found = try advisories(["Model A: 127 V.", "Model B: 220 V.", "Export model: 230V 50Hz."], "br")
        #expect(found.map(\.rule) == ["electrical.mains"])
        #expect(try advisories(["Motor: 230 V, 50 Hz.", "Motor: 120 V, 60 Hz."], "us").map(\.before) == ["230 V, 50 Hz"])
    }

    /// "Bivolt" (br.yaml `electrical.everyRegionWords`) covers 127 V and 220 V without a figure,
    /// from any segment of the page; negated, it covers nothing; other markets have no such word.
    @Test func bivoltCoversBrazilWithoutFigures() throws {
        #expect(try advisories(["Bivolt motor: plug it in anywhere in the country.", "Rated voltage: 220 V"], "br").isEmpty)
        #expect(try advisories(["Motor BIVOLT, 1,200 W at 220 V."], "br").isEmpty)
        #expect(try advisories(["Not bivolt: the element is rated 220 V only."], "br").map(\.before) == ["220 V"])
        #expect(try advisories(["Bivolted chassis.", "Rated voltage: 220 V"], "br").map(\.before) == ["220 V"])
        #expect(try advisories(["Bivolt motor.", "Motor: 100 V, 60 Hz."], "jp").map(\.before) == ["100 V, 60 Hz"])
    }

    /// Refresh rates and DC ratings cover no region.
    @Test func onlyMainsStatementsCover() throws {
        let found = try advisories(["Compressor: 100 V, 60 Hz.", "Display: 50 Hz refresh rate."], "jp")
        #expect(found.map(\.before) == ["100 V, 60 Hz"])
        let br = try advisories(["Charger input: 127 V.", "Battery: 220 V DC."], "br")
        #expect(br.map(\.before) == ["127 V"])
    }
}
