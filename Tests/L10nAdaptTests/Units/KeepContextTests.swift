import Foundation
@testable import L10nAdapt
import L10nCore
import Testing

/// Quantities in keep contexts stay unchanged in every bundled market that lists the context,
/// and change in markets that convert the unit and do not list it.
@Suite struct KeepContextTests {
    static let samples: [KeepContext: [String]] = [
        .screenDiagonal: ["A 15.6\" Full HD IPS display", "fits a 15\"–16\" laptop", "a 27-inch monitor", "55\" LED TV", "Screen size 15.6\"", "13.3\""],
        .pipeThread: ["1-1/4\" NPT female", "1/2\" BSP thread", "3/4 in pipe", "a 4\" submersible pump", "3/4\" garden hose thread"],
        .wheelSize: ["26\" wheels", "a 29 in bike", "| S (15\") |", "Frame size 17\""],
        .tireSize: ["29 x 2.25\" tires", "Tires: 26 x 1.95\""],
        .btuRating: ["8,000 BTU/h cooling", "a 12,000 BTU window AC"],
        .lumberNominal: ["2 x 4 in lumber", "4 x 4\" posts"],
        .tradeSize: ["1/2 in chuck", "1/4\" collet", "lag screw 3/8\" x 3\"", "4\" dust port", "1/2\" drive socket", "3.5 mm headphone jack", "M4 x 8 mm"],
    ]

    private func matches(_ text: String, _ market: MarketProfile) -> [RuleMatch] {
        let context = AdaptationContext(market: market, sourceLanguage: LanguageTag("en-US")!, targetLanguage: LanguageTag(market.language)!)
        return UnitConversionRule().matches(in: text, context: context)
    }

    @Test func detectsEachContext() {
        for (context, texts) in Self.samples {
            for text in texts {
                let e = QuantityScanner().scan(text)
                #expect(e.count == 1, "\(text): \(e.count) quantities")
                if let first = e.first { #expect(KeepContext.detect(first, in: text as NSString) == context, "\(text)") }
            }
        }
    }

    @Test func keptWhereTheMarketListsTheContext() throws {
        let catalog = try MarketCatalog.load()
        #expect(!catalog.markets.isEmpty)
        var checkedKept = 0, checkedConverted = 0
        for market in catalog.sortedMarkets {
            for (context, texts) in Self.samples {
                for text in texts {
                    let found = matches(text, market)
                    let e = QuantityScanner().scan(text)[0]
                    let converts = market.measurement.convert[e.unitID] != nil
                    if context.isKept(by: market.measurement.keep) || !converts {
                        #expect(found.isEmpty, "\(market.id) keeps \(context.rawValue): \(text) → \(found.map { $0.replacement ?? "" })")
                        checkedKept += 1
                    } else {
                        #expect(found.count == 1, "\(market.id) does not keep \(context.rawValue) and converts \(e.unitID): \(text)")
                        checkedConverted += 1
                    }
                }
            }
        }
        #expect(checkedKept > 100)
        #expect(checkedConverted > 0)
    }

    @Test func unrelatedInchesStillConvert() throws {
        let de = try MarketCatalog.load().market("de")
        for text in ["a 27\" desk tray", "0.3 in thin", "Drive 3 in lag screws", "40 ft well", "23–36 in wide", "14.0 x 8.8 x 0.3 in"] {
            #expect(matches(text, de).count == 1, "\(text)")
        }
    }
}
