import Foundation
@testable import L10nAdapt
import L10nCore
import Testing

/// Explained keeps: what adaptation leaves alone on purpose is listed with its reason and
/// source, so a reviewer can tell a keep from a miss — and only where a rule had something to
/// do (a span nothing would have touched is no news).
@Suite struct KeptSpanTests {
    static let catalog = Result { try MarketCatalog.load() }

    private func adapt(_ text: String, market id: String) throws -> AdaptationEngine.SegmentResult {
        let market = try Self.catalog.get().market(id)
        let context = AdaptationContext(market: market, sourceLanguage: LanguageTag("en-US")!, targetLanguage: LanguageTag(market.language)!)
        let engine = AdaptationEngine()
        return engine.adaptSegment(Content(text: text), key: "u1-s1", rules: engine.rules.filter { type(of: $0).applies(to: context) }, context: context)
    }

    @Test func aTradeSizeIsKeptOnceWithItsConventionAndFile() throws {
        let result = try adapt("Rolls on 27.5 in wheels.", market: "de")
        #expect(result.content.plainText == "Rolls on 27.5 in wheels.")
        let entry = try #require(Conventions.bundled.entry("bicycle-wheel-size"))
        // The unit rule and the number rule ("27,5") were both stopped: one entry.
        #expect(result.kept == [KeptSpan(segment: "u1-s1", text: "27.5 in", reason: entry.rationale,
                                         source: "conventions/bicycles.yaml", convention: "bicycle-wheel-size")])
    }

    @Test func aCodeIsKeptWhereARuleWouldHaveChangedIt() throws {
        let result = try adapt("Ships on 27.5 x 2.4\" tyres and weighs 31 lb.", market: "br")
        #expect(result.content.plainText == "Ships on 27.5 x 2.4\" tyres and weighs 14 kg.")
        #expect(result.kept.map(\.text) == ["27.5 x 2.4\""])
        #expect(result.kept.first?.convention == "bicycle-tyre-designation")
        #expect(result.kept.first?.source == "conventions/bicycles.yaml")
    }

    @Test func anIndustryUnitIsKeptOnlyWhereTheMarketWouldConvertIt() throws {
        // The US converts mm to inches: 160 mm rotors are a deliberate keep there.
        let us = try adapt("A 29er with 160 mm rotors.", market: "us")
        #expect(us.content.plainText == "A 29er with 160 mm rotors.")
        #expect(us.kept.map(\.text) == ["160 mm"])
        #expect(us.kept.first?.convention == "bicycle-component-mm")
        // Germany converts no mm: nothing was prevented, nothing to explain.
        #expect(try adapt("A 29er with 160 mm rotors.", market: "de").kept.isEmpty)
    }

    @Test func aCodeThatSilencesAnAdvisoryIsKept() throws {
        // Without the tyre code, "94V" would be flagged as a 94 V mains rating in Germany.
        let result = try adapt("All-season tyre, 225/45R17 94V XL.", market: "de")
        #expect(result.adaptations.filter { $0.kind == .electrical }.isEmpty)
        #expect(result.kept.map(\.text) == ["225/45R17 94V XL"])
        #expect(result.kept.first?.convention == "car-tyre-size")
    }

    @Test func bothSystemsGivenIsKeptByTheUnitRule() throws {
        let result = try adapt("Box: 24 x 16 x 10 in (61 x 41 cm)", market: "de")
        #expect(result.content.plainText == "Box: 24 x 16 x 10 in (61 x 41 cm)")
        #expect(result.kept.map(\.text) == ["24 x 16 x 10 in (61 x 41 cm)"])
        #expect(result.kept.first?.source == "units" && result.kept.first?.convention == nil)
    }

    @Test func plainTextAndRealConversionsKeepNothing() throws {
        #expect(try adapt("Lifts water from depths of up to 52 ft.", market: "br").kept.isEmpty)
        #expect(try adapt("Choose a colour that fits your kitchen.", market: "de").kept.isEmpty)
    }

    @Test func keptSpansBecomeNotesForTheTranslator() {
        let note = AdaptationEngine.note(for: KeptSpan(segment: "u1-s1", text: "1/2\"", reason: "A thread name.", source: "conventions/plumbing.yaml", convention: "pipe-thread-inch"))
        #expect(note.category == "l10n:kept")
        #expect(note.text == "kept \"1/2\"\": A thread name. (conventions/plumbing.yaml)")
        #expect(note.appliesTo == .source)
    }
}
