import Foundation
import L10nAdapt
import L10nCore
import L10nGlossary
import L10nMemory
import L10nMT
import L10nQA

/// Everything a batch run builds once from the project file before the first page: markets,
/// rates, glossaries, the backend, the memory, the checks, the localizer, and the fingerprint every page's
/// own is built on.
package struct BatchEngine: Sendable {
    package let configuration: ProjectConfiguration
    package let directory: String
    package let markets: [MarketProfile]
    package let catalog: MarketCatalog
    package let localizer: Localizer
    package let options: LocalizationOptions
    package let site: SiteLayout?
    package let memory: (any MemoryStore)?
    /// The hash of everything but the page itself that decides a page's outputs.
    package let baseFingerprint: String
    /// Glossary rows that could not be used (`file:line: skipped: reason`), for the CLI to say.
    package let glossarySkipped: [String]

    /// The engine's version; part of every fingerprint, so a new version makes every page again.
    package static let engineVersion = "0.2.0"

    /// The environment variable that names the memory (as `--tm` does elsewhere).
    package static let memoryVariable = "L10N_TM"

    /// Opens the project's memory: `$L10N_TM` overrides the file's `memory`, as for every other
    /// command, so CI gives each runner the shared memory's URL without editing the project file.
    /// A relative path is the project's (its folder, `.l10n/`, is made on first use).
    package static func openMemory(_ configuration: ProjectConfiguration, directory: String, environment: [String: String]) async throws -> (any MemoryStore)? {
        guard let location = environment[memoryVariable].flatMap({ $0.isEmpty ? nil : $0 }) ?? configuration.memory else { return nil }
        switch try MemoryLocation(location, environment: environment) {
        case .file(let path):
            let file = ProjectPaths.normalize(ProjectPaths.resolve(path, in: directory))
            try? FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            return try await MemoryLocation.file(file).open(create: true)
        case .postgres(let postgres):
            return try await MemoryLocation.postgres(postgres).open(create: true)
        }
    }

    package init(_ configuration: ProjectConfiguration, directory: String, file: String, environment: [String: String],
                 memory: (any MemoryStore)?) throws {
        self.configuration = configuration
        self.directory = directory
        func path(_ p: String) -> String { ProjectPaths.normalize(ProjectPaths.resolve(p, in: directory)) }

        let catalog = try MarketCatalog.load(userDirectory: configuration.adaptation.marketsDir.map(path))
        let markets = try configuration.markets.map { try catalog.market($0) }
        // The project file names markets by id: its `qa.markets`, `site.slugs` and output
        // patterns' `{market}` key on the id as written, so another name for a market (`gb`,
        // `pt-BR`, `BR`), which the command line takes, would split them from its results here.
        for (given, market) in zip(configuration.markets, markets) where given != market.id {
            throw ProjectConfigurationError(file: file, keyPath: "markets",
                                            message: "names '\(given)', which is the market '\(market.id)' (\(market.name), \(market.language)): write its id")
        }
        self.catalog = catalog
        self.markets = markets
        var rates: ExchangeRates?
        var ratesBytes = Data()
        if let file = configuration.adaptation.rates {
            ratesBytes = try InputFile.read(path(file))
            rates = try ExchangeRates.parse(TextInput.decodeUTF8(ratesBytes, file: file), file: file)
        }
        let sourceLanguage = LanguageTag(configuration.source.language) ?? LanguageTag("en-US")!
        // A name that is no file of the project is a bundled industry (`pumps-valves`).
        var termbase = Termbase()
        var skipped: [String] = []
        let reader = GlossaryReader(sourceLanguage: sourceLanguage)
        for name in configuration.glossaries {
            let file = FileManager.default.fileExists(atPath: path(name)) ? try reader.read(path(name)) : try reader.read(name)
            termbase = termbase.merging(file.termbase)
            skipped += file.skipped.map { "\(name):\($0.line): skipped: \($0.reason)" }
        }
        glossarySkipped = skipped
        let registry = BackendRegistry.builtIn
        let settings = BackendConfiguration(options: configuration.translation.options, environment: environment,
                                            secretVariable: configuration.translation.apiKeyEnv)
        let backend = try configuration.translation.backend.map { try registry.make($0, configuration: settings) } ?? registry.automatic(configuration: settings)
        self.memory = memory

        var checks: [any DocumentCheck] = []
        if configuration.qa.enabled {
            // Each market's targets are checked with its own overrides (`qa.markets`).
            var checker = QualityChecker.full(markets: catalog, glossary: termbase)
            try configuration.qa.configure(&checker, file: file)
            checks = [checker]
        }
        localizer = Localizer(Localizer.Configuration(
            markets: catalog, backend: backend, memory: memory.map { PeopleOnlyMemory(store: $0) },
            translationCache: memory.map { MemoryTranslationCache(store: $0) }, checks: checks, glossary: termbase))
        options = LocalizationOptions(
            outputs: [], xliffVersion: XLIFFVersion(rawValue: configuration.output.xliffVersion) ?? .default,
            keepOriginalUnits: configuration.adaptation.keepOriginalUnits, categories: Set(configuration.adaptation.categories),
            rates: rates, prefillTargets: configuration.output.prefillTargets)
        let site = try configuration.site.map { try SiteLayout(configuration, site: $0, markets: markets, file: file) }
        self.site = site

        var hash = ContentHash()
        hash.add("engine", Self.engineVersion)
        var settingsOnly = configuration
        // Where the reports, the memory and the records are kept changes no page.
        settingsOnly.reports = .init(json: nil, junit: nil, sarif: nil, html: nil)
        settingsOnly.memory = nil
        settingsOnly.state = ""
        hash.add("configuration", try Self.canonicalJSON(settingsOnly))
        hash.add("markets", try Self.canonicalJSON(markets))
        hash.add("rates", ratesBytes)
        // The glossaries' content, not their names: an edited glossary makes every page again.
        hash.add("glossaries", try Self.canonicalJSON(termbase.entries))
        // The engine that will translate each market's pages: with no backend named, the one
        // chosen now (a DeepL key set since the last run changes every page made by Apertium).
        for market in markets {
            let target = LanguageTag(market.language) ?? sourceLanguage
            let engine = (backend as? AutomaticBackend)?.choose(from: sourceLanguage, to: target).backend ?? backend
            hash.add("backend:\(market.id)", engine.descriptor.id)
        }
        baseFingerprint = hash.finalize()
    }

    /// The outputs to ask the pipeline for, for a source with this extension.
    package func outputs(forExtension ext: String) -> Set<LocalizationOptions.Output> {
        var set = Set<LocalizationOptions.Output>()
        if configuration.output.document != nil { set.insert(.document) }
        if configuration.output.xliff != nil { set.insert(.xliff) }
        let markdown = ["md", "markdown"].contains(ext.lowercased())
        if configuration.output.htmlFragment != nil || (markdown && site?.site.markdownPages != nil) { set.insert(.htmlFragment) }
        return set
    }

    static func canonicalJSON(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(value)
    }
}
