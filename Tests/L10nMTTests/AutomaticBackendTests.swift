import L10nCore
import L10nMT
import Testing

/// Which engine a run without `--backend` uses: a configured online engine, else Apertium
/// where it has a route, else none with a one-line note naming what would enable one.
@Suite struct AutomaticBackendTests {
    static let keyed = BackendDescriptor(
        id: "keyed", displayName: "Keyed", summary: "needs a key",
        options: [BackendOption(name: "api-key", environment: "KEYED_API_KEY", summary: "the key", isRequired: true, isSecret: true),
                  BackendOption(name: "url", environment: "KEYED_URL", summary: "endpoint")],
        limits: .unlimited, supportsInlineCodes: true)

    static var registry: BackendRegistry {
        var registry = BackendRegistry.builtIn
        registry.register(keyed) { _ in PseudoBackend() }
        return registry
    }

    let en = LanguageTag("en-US")!, br = LanguageTag("pt-BR")!, de = LanguageTag("de-DE")!

    @Test func aConfiguredEngineWinsForEveryPair() {
        let automatic = AutomaticBackend(registry: Self.registry, configuration: BackendConfiguration(environment: ["KEYED_API_KEY": "k"]))
        #expect(automatic.choose(from: en, to: br).backend.descriptor.id == "pseudo", "the keyed engine (built as pseudo here)")
        #expect(automatic.choose(from: en, to: de).note == nil)
        #expect(automatic.choose(from: en, to: LanguageTag("en-GB")!).backend.descriptor.id == "none", "same language: nothing to translate")
    }

    @Test func withoutAnEngineRoutesGoOfflineOrSaySoInOneLine() {
        let automatic = AutomaticBackend(registry: Self.registry, configuration: BackendConfiguration(environment: [:]))
        let german = automatic.choose(from: en, to: de)
        #expect(german.backend.descriptor.id == "none")
        let note = german.note
        #expect(note != nil)
        #expect(note?.contains("en-US → de-DE") == true)
        #expect(note?.contains("KEYED_API_KEY") == true, "names the variables that would enable an engine")
        #expect(note?.contains("KEYED_URL") == false, "a URL without the key enables nothing")
        #expect(note?.contains("OPENAI_BASE_URL") == true, "a keyless engine is enabled by its URL")
        #expect(note?.contains("\n") == false)
        let brazil = automatic.choose(from: en, to: br)
        if ApertiumInstallation.discover().isUsable {
            #expect(brazil.backend.descriptor.id == "apertium")
            #expect(brazil.note == nil)
        } else {
            #expect(brazil.backend.descriptor.id == "none")
            #expect(brazil.note?.contains("Apertium is not installed") == true)
        }
    }
}
