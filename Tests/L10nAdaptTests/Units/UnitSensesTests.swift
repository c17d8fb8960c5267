import Foundation
@testable import L10nAdapt
import L10nCore
import Testing

/// "oz" beside a container is the fluid ounce (`Resources/Units/senses.yaml`); elsewhere it
/// stays a mass, so coffee beans are not poured.
@Suite struct UnitSensesTests {
    private func adapt(_ text: String, market id: String) throws -> String {
        let market = try MarketCatalog.load().market(id)
        let context = AdaptationContext(market: market, sourceLanguage: LanguageTag("en-US")!, targetLanguage: LanguageTag(market.language)!)
        return AdaptationEngine().adapt(Content(text: text), key: "u1-s1", rules: [UnitConversionRule()], context: context).0.plainText
    }

    @Test func theBundledSensesLoad() {
        #expect(UnitSenses.bundled.count >= 1)
    }

    @Test func aContainerMakesOuncesAVolumeAndNothingElseDoes() throws {
        #expect(try adapt("A 20 oz tumbler", market: "uk") == "A 590 ml tumbler")
        #expect(try adapt("Capacity: 24 oz", market: "uk") == "Capacity: 710 ml")
        #expect(try adapt("A 12 oz bag of coffee beans", market: "uk") == "A 340 g bag of coffee beans")
    }
}
