import Foundation
import L10nCore
import Testing
@testable import L10nAdapt

@Suite struct NumberRuleTests {
    @Test func descriptionExamples() {
        FigureRuleSupport.checkExamples(of: NumberRule())
    }

    @Test(arguments: [
        ("1,500", "1500", 0, true), ("3.5", "3.5", 1, false), ("12,000", "12000", 0, true), ("0.75", "0.75", 2, false),
        ("1,234,567.890", "1234567.89", 3, true), ("49", "49", 0, false),
    ])
    func parsesUSNumbers(text: String, value: String, digits: Int, grouped: Bool) throws {
        let number = try #require(USNumber(text))
        #expect(number.value == Decimal(string: value))
        #expect(number.fractionDigits == digits)
        #expect(number.isGrouped == grouped)
    }

    @Test(arguments: ["1,50", "12,3456", "1,,500", ",500", "1.", "1.2.3", "1,500.", "٣٫٥", "1,500,00"])
    func rejectsMalformedNumbers(text: String) {
        #expect(USNumber(text) == nil)
    }

    @Test func unchangedWhereTheMarksAgree() {
        for market in ["us", "uk", "jp", "mx", "cn", "in", "ae", "sa"] {
            let text = "12,000 reviews, 3.5 stars, 0.75 in"
            let (out, _) = FigureRuleSupport.adapt(text, with: NumberRule(), context: FigureRuleSupport.context(market))
            #expect(out == text, "\(market)")
        }
    }

    @Test func indianGroupingOfLargeNumbers() {
        let (out, _) = FigureRuleSupport.adapt("1,500,000 units and 12,345.5 kg", with: NumberRule(), context: FigureRuleSupport.context("in"))
        #expect(out == "15,00,000 units and 12,345.5 kg")
    }

    @Test func arabicMarketsKeepLatinDigitsAndNoBidiControls() {
        for market in ["sa", "ae"] {
            let (out, _) = FigureRuleSupport.adapt("Efficiency 95.5%, 20000 mAh.", with: NumberRule(), context: FigureRuleSupport.context(market))
            #expect(!out.unicodeScalars.contains { (0x0660...0x0669).contains($0.value) || [0x200E, 0x200F, 0x061C].contains($0.value) }, "\(market): \(out)")
            #expect(out.contains("20,000 mAh"), "\(market): \(out)")
        }
    }

    @Test func keepsFractionDigitsAsWritten() {
        let (out, _) = FigureRuleSupport.adapt("3.50 kg, 1.0 mm and 2,000.125 g", with: NumberRule(), context: FigureRuleSupport.context("de"))
        #expect(out == "3,50 kg, 1,0 mm and 2.000,125 g")
    }

    @Test func leavesNamesThatContainNumbers() {
        let text = "iOS 17.4, HDMI 2.1, Grade 8.8 bolts, EN 55032, Part 12,345, Model No. 1,200, M2.5 screws, 5.1-channel, v1.2.3, 1.5T, 3.30pm, 1:1,000 scale, €1,299.00, 1,299.00 EUR, 007, XP-2000.5, SKU-12,000"
        let (out, adaptations) = FigureRuleSupport.adapt(text, with: NumberRule(), context: FigureRuleSupport.context("de"))
        #expect(out == text, "\(adaptations.map(\.before))")
    }

    @Test func labelsNameTheirValues() {
        let context = FigureRuleSupport.context("br")
        let text = "**Bluetooth:** 5.3 | Firmware: 2.1 | UN 38.3 | Weight: 3.1 lb | Output: 1,500 W"
        let (out, _) = FigureRuleSupport.adapt(text, with: NumberRule(), context: context)
        #expect(out == "**Bluetooth:** 5.3 | Firmware: 2.1 | UN 38.3 | Weight: 3,1 lb | Output: 1.500 W")
        let table = Content([.text("Bluetooth"), .code(InlineCode(kind: .standalone, id: "1", data: "</td><td>")), .text("5.3 and 2.5 W")])
        let (adapted, _) = AdaptationEngine().adapt(table, key: "u1-s1", rules: [NumberRule()], context: context)
        #expect(adapted.plainText == "Bluetooth5.3 and 2,5 W")
    }

    @Test func numbersNextToCodesAndInsideCodes() {
        // The engine shows codes as U+FFFC: numbers beside them change, numbers inside them cannot be seen.
        let bold = InlineCode(kind: .open, id: "1", data: "<b>")
        let close = InlineCode(kind: .close, id: "2", data: "</b>")
        let sku = InlineCode(kind: .standalone, id: "3", data: "XP-2000.5", subType: "l10n:sku", equiv: "XP-2000.5")
        let content = Content([.code(bold), .text("1,500"), .code(close), .text(" W "), .code(sku)])
        let (out, adaptations) = AdaptationEngine().adapt(content, key: "u1-s1", rules: [NumberRule()], context: FigureRuleSupport.context("br"))
        #expect(out.plainText == "1.500 W ")
        #expect(out.codes == [bold, close, sku])
        #expect(adaptations.map(\.after) == ["1.500"])
    }

    @Test func notesSayWhy() {
        let (_, adaptations) = FigureRuleSupport.adapt("1,500 W at 95.5%", with: NumberRule(), context: FigureRuleSupport.context("fr"))
        #expect(adaptations.map(\.before) == ["1,500", "95.5%"])
        #expect(adaptations.allSatisfy { $0.note.contains("fr_FR") && $0.note.contains("CLDR") })
    }

    @Test func builtInOrderGivesPricesAndDatesPriority() {
        let context = FigureRuleSupport.context("br")
        let text = "Now $1,299.00 (was $1,499.00) for 1,500 W, 95.5% efficient, from 03/04/2026."
        let (content, adaptations) = AdaptationEngine().adapt(Content(text: text), key: "u1-s1", rules: AdaptationEngine.builtInRules.filter { type(of: $0).applies(to: context) }, context: context)
        #expect(content.plainText == "Now US$\u{00A0}1.299,00 (was US$\u{00A0}1.499,00) for 1.500 W, 95,5% efficient, from 04/03/2026.")
        #expect(adaptations.map(\.kind) == [.currency, .currency, .number, .number, .date])
    }

    @Test func builtInRulesAreRegisteredInOrder() {
        let ids = AdaptationEngine.builtInRules.map { type(of: $0).description.id }
        let mine = ids.filter { ["currency", "dates", "numbers"].contains($0) }
        #expect(mine == ["currency", "dates", "numbers"])
        #expect(Set(ids).count == ids.count)
    }

    @Test func standsDownForNonEnglishSources() {
        #expect(!NumberRule.applies(to: FigureRuleSupport.context("br", source: "de-DE")))
        #expect(!CurrencyRule.applies(to: FigureRuleSupport.context("br", source: "de-DE")))
        #expect(!NumberRule.applies(to: FigureRuleSupport.context("us")))
    }

    @Test func marketFormatterUsesCLDRCurrencyDigits() {
        #expect(MarketFormatter.currencyDigits("JPY") == 0)
        #expect(MarketFormatter.currencyDigits("KRW") == 0)
        #expect(MarketFormatter.currencyDigits("BRL") == 2)
        #expect(MarketFormatter.currencyDigits("BHD") == 3)
    }
}
