import L10nCore
import L10nMT
import Testing

/// Routing BCP 47 pairs over mode names, as Debian 12's pairs name them (no Apertium needed).
@Suite struct ApertiumRouterTests {
    static let debian = ["eng-spa", "spa-eng", "spa-eng_US", "es-pt", "es-pt_BR", "pt-es", "fr-es", "es-fr", "eco-es-fr",
                         "eng-cat", "eng-cat_valencia", "cat-eng", "cat-eng_US"]
    let router = ApertiumRouter(modes: debian.compactMap(ApertiumMode.init(name:)))

    func route(_ from: String, _ to: String) -> [String]? {
        router.route(from: LanguageTag(from)!, to: LanguageTag(to)!)?.map(\.name)
    }

    @Test func modeNamesMapOntoBCP47() throws {
        let mode = try #require(ApertiumMode(name: "es-pt_BR"))
        #expect(mode.source == "es" && mode.target == "pt" && mode.variant == "BR")
        let eng = try #require(ApertiumMode(name: "eng-spa"))
        #expect(eng.source == "en" && eng.target == "es" && eng.variant == nil)
        #expect(ApertiumMode(name: "eco-es-fr") == nil, "not a plain direction")
        #expect(ApertiumMode(name: "README") == nil)
    }

    @Test func directRoutesPreferTheTargetsRegion() {
        #expect(route("en-US", "es-MX") == ["eng-spa"])
        #expect(route("es", "pt-BR") == ["es-pt_BR"])
        #expect(route("es", "pt-PT") == ["es-pt"])
        #expect(route("ca", "en-US") == ["cat-eng_US"])
        #expect(route("ca", "en-GB") == ["cat-eng"], "another region's variant is never picked")
        #expect(route("en", "ca") == ["eng-cat"], "a plain target gets the plain mode, not Valencian")
    }

    @Test func aPivotBridgesMissingPairs() {
        #expect(route("en-US", "pt-BR") == ["eng-spa", "es-pt_BR"])
        #expect(route("en-US", "fr-FR") == ["eng-spa", "es-fr"])
        #expect(route("pt-BR", "en-US") == ["pt-es", "spa-eng_US"])
    }

    @Test func noRouteIsNil() {
        #expect(route("en-US", "de-DE") == nil)
        #expect(route("en-US", "en-GB") == nil, "same language: nothing to translate")
        #expect(router.pairs.contains(LanguagePair("en", "pt")))
        #expect(!router.pairs.contains(LanguagePair("en", "de")))
    }
}
