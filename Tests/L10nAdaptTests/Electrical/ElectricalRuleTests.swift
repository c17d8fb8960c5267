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
}
