import L10nCore
import L10nMT
import L10nTestSupport
import Testing

/// The registry value, configuration from options and environment, and errors that never
/// carry secrets.
@Suite struct BackendRegistryTests {
    static let keyed = BackendDescriptor(
        id: "keyed", displayName: "Keyed", summary: "needs a key",
        options: [BackendOption(name: "api-key", environment: "KEYED_API_KEY", summary: "the key", isRequired: true, isSecret: true),
                  BackendOption(name: "url", environment: "KEYED_URL", summary: "endpoint")],
        limits: BatchLimits(maxSegments: 50, maxCharacters: 5_000), supportsInlineCodes: false)

    @Test func builtInHasEveryBackend() throws {
        let registry = BackendRegistry.builtIn
        #expect(registry.descriptors.map(\.id) == ["apertium", "command", "deepl", "google", "google-v3", "libretranslate", "none", "openai", "pseudo"])
        #expect(try registry.make("pseudo").descriptor.id == "pseudo")
        #expect(try registry.make("none").descriptor.id == "none")
    }

    /// The CLI test runner keeps a developer's keys away from the tests by these prefixes; an
    /// online engine with a variable outside them could send a test's pages to its service.
    @Test func everyOnlineEnginesVariableIsOneTheTestRunnerWithholds() {
        let online = ["deepl", "google", "google-v3", "libretranslate", "openai"]
        let descriptors = BackendRegistry.builtIn.descriptors.filter { online.contains($0.id) }
        #expect(descriptors.count == online.count)
        for descriptor in descriptors {
            for variable in descriptor.options.compactMap(\.environment) where !variable.hasPrefix("L10N_MT_") {
                #expect(CLI.onlineEngineVariablePrefixes.contains { variable.hasPrefix($0) }, "\(descriptor.id): \(variable)")
            }
        }
    }

    @Test func unknownBackendsNameTheKnownOnes() {
        let error = #expect(throws: BackendError.self) { try BackendRegistry.builtIn.make("deepl-typo") }
        #expect(error?.code == .unknownBackend)
        #expect(error?.exitCategory == .usage)
        #expect(error?.description.contains("apertium, command, deepl, google, google-v3, libretranslate, none, openai, pseudo") == true)
    }

    @Test func requiredOptionsComeFromFlagsOrTheEnvironmentAndAreNeverPrinted() throws {
        var registry = BackendRegistry()
        registry.register(Self.keyed) { configuration in
            #expect(configuration.value(for: Self.keyed.options[0]) == "s3cr3t-key")
            return NoneBackend()
        }
        let missing = #expect(throws: BackendError.self) { try registry.make("keyed", configuration: BackendConfiguration(environment: ["OTHER": "x"])) }
        #expect(missing?.code == .misconfigured)
        #expect(missing?.description.contains("KEYED_API_KEY") == true)

        let configuration = BackendConfiguration(options: ["url": "http://127.0.0.1:1"], environment: ["KEYED_API_KEY": "s3cr3t-key", "KEYED_URL": "http://env"])
        _ = try registry.make("keyed", configuration: configuration)
        #expect(configuration.value(for: Self.keyed.options[1]) == "http://127.0.0.1:1", "an explicit option wins over the environment")
        #expect(!configuration.description.contains("s3cr3t"))
        #expect(!String(describing: configuration).contains("127.0.0.1"))
    }

    @Test func errorsSayWhatKindOfFailureTheyAre() {
        let cases: [(BackendError.Code, ExitCategory)] = [
            (.unknownBackend, .usage), (.misconfigured, .usage), (.unsupportedLanguages, .usage),
            (.unauthorized, .unavailable), (.quotaExceeded, .unavailable), (.rateLimited, .unavailable),
            (.unavailable, .unavailable), (.invalidResponse, .unavailable),
        ]
        for (code, category) in cases {
            let error = BackendError(code, backend: "deepl", "refused", httpStatus: 403)
            #expect(error.exitCategory == category, "\(code)")
            #expect(error.description == "backend deepl: refused (HTTP 403)")
        }
    }

    @Test func languageSupportIsByPrimaryLanguage() {
        let pairs = LanguageSupport.pairs([LanguagePair("en", "pt")])
        #expect(pairs.supports(LanguageTag("en-US")!, LanguageTag("pt-BR")!))
        #expect(!pairs.supports(LanguageTag("en-US")!, LanguageTag("de-DE")!))
        #expect(LanguageSupport.any.supports(LanguageTag("ja")!, LanguageTag("ko")!))
    }

    @Test func noneTranslatesNothingAndPseudoEverything() async throws {
        let requests = [SegmentRequest(key: "u1-s1", source: Content(text: "Hello")), SegmentRequest(key: "u1-s2", source: Content(text: "42"))]
        let context = TranslationContext(sourceLanguage: LanguageTag("en")!, targetLanguage: LanguageTag("qps")!)
        #expect(try await NoneBackend().translate(requests, context: context) == [.untranslated, .untranslated])
        let pseudo = try await PseudoBackend().translate(requests, context: context)
        guard case .translated(let hello) = pseudo[0] else { Issue.record("not translated: \(pseudo[0])"); return }
        #expect(hello.plainText.hasPrefix("[Ĥéĺĺő"))
        #expect(pseudo[1] == .translated(Content(text: "42")), "nothing alphabetic: unchanged")
    }

    /// What the translation cache keys on besides the request: the settings that change answers
    /// (never a key), and what each engine's descriptor says it reads.
    @Test func settingsThatChangeAnswersAreNamedAndKeysAreNot() throws {
        let registry = BackendRegistry.builtIn
        let openai = try registry.make("openai", configuration: BackendConfiguration(environment: [
            "OPENAI_BASE_URL": "http://127.0.0.1:9/v1", "OPENAI_MODEL": "smol-test", "OPENAI_API_KEY": "sk-never-in-settings"]))
        #expect(openai.outputSettings == ["model=smol-test", "server=http://127.0.0.1:9/v1"])
        let credentials = try registry.make("openai", configuration: BackendConfiguration(environment: [
            "OPENAI_BASE_URL": "http://user:secret@llm.example:8080/v1?api_key=sk-in-query", "OPENAI_MODEL": "local"]))
        #expect(credentials.outputSettings == ["model=local", "server=http://llm.example:8080/v1"], "no credentials, no query")
        let v3 = try registry.make("google-v3", configuration: BackendConfiguration(environment: [
            "GOOGLE_ACCESS_TOKEN": "ya29.never-in-settings", "GOOGLE_CLOUD_PROJECT": "p", "GOOGLE_CLOUD_LOCATION": "us-central1",
            "GOOGLE_TRANSLATE_MODEL": "general/translation-llm", "GOOGLE_TRANSLATE_GLOSSARY": "shop"]))
        #expect(v3.outputSettings == ["model=projects/p/locations/us-central1/models/general/translation-llm",
                                      "glossary=projects/p/locations/us-central1/glossaries/shop"])
        let deepl = try registry.make("deepl", configuration: BackendConfiguration(environment: ["DEEPL_AUTH_KEY": "never-in-settings:fx"]))
        #expect(deepl.outputSettings.isEmpty)
        #expect(deepl.descriptor.supportsGlossaries && deepl.descriptor.supportsFormality && deepl.descriptor.supportsContext,
                "DeepL reads the glossary terms, the formality and the page's context")
        for backend in [openai, v3, deepl] { #expect(!backend.outputSettings.joined().contains("never-in-settings")) }
    }
}
