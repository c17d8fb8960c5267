import Foundation
import L10nAdapt
import L10nCore
import L10nFormats
import L10nGlossary
import L10nMT
import L10nText

/// The one entry point for a Swift program that embeds l10n: bytes in (or a string), localized
/// document bytes, XLIFF and a report out. Files, folders, staging and exit codes are the CLI's
/// business, not this type's.
///
/// ```swift
/// let localizer = try Localizer()
/// let page = SourceDocument(text: "# Pump\n\nHead: 33 ft.\n", name: "pump.md")
/// let result = try await localizer.localize(page, markets: ["br"])
/// let markdown = result.results[0].outputs.document   // "Altura: 10,1 m." once translated
/// ```
///
/// Everything it uses is a value in ``Configuration``: formats, sentence rules (as data),
/// market profiles (as data), adaptation rules, the translation backend, a translation memory
/// and quality checks. Each run builds a ``Pipeline`` of stages from them (``pipeline(options:)``),
/// which a program may also change and run itself.
public struct Localizer: Sendable {
    public struct Configuration: Sendable {
        public var formats: FormatRegistry
        public var segmentation: SegmentationRules
        public var protectors: [any SpanProtecting]
        /// The markets to adapt for; nil = the bundled ones, loaded on first use.
        public var markets: MarketCatalog?
        public var adaptation: AdaptationEngine
        /// The machine-translation backend (``NoneBackend`` leaves targets to translators).
        public var backend: any TranslationBackend
        /// Earlier translations to reuse before anything is machine-translated.
        public var memory: (any TranslationMemory)?
        /// Machine translations already paid for, asked before the backend is called.
        public var translationCache: (any TranslationCache)?
        public var checks: [any DocumentCheck]
        /// Terms to recognize in sources and carry to translators (``GlossaryStage``); nil or
        /// empty: none.
        public var glossary: Termbase?

        public init(formats: FormatRegistry = .builtIn, segmentation: SegmentationRules = .builtIn,
                    protectors: [any SpanProtecting] = Protectors.defaultProtectors, markets: MarketCatalog? = nil,
                    adaptation: AdaptationEngine = AdaptationEngine(), backend: any TranslationBackend = NoneBackend(),
                    memory: (any TranslationMemory)? = nil, translationCache: (any TranslationCache)? = nil, checks: [any DocumentCheck] = [],
                    glossary: Termbase? = nil) {
            self.formats = formats
            self.segmentation = segmentation
            self.protectors = protectors
            self.markets = markets
            self.adaptation = adaptation
            self.backend = backend
            self.memory = memory
            self.translationCache = translationCache
            self.checks = checks
            self.glossary = glossary
        }
    }

    public let configuration: Configuration
    private let segmentation: Segmentation
    private let catalog: LazyMarketCatalog
    /// The glossary's matchers, built once per language pair for every document of the run.
    private let glossaryMatchers: TermMatcherCache?
    /// Requests the documents of the run share (where the backend allows it).
    package let sharedRequests = SharedRequests()

    public init(_ configuration: Configuration = Configuration()) {
        self.configuration = configuration
        self.segmentation = configuration.segmentation.segmentation
        self.catalog = LazyMarketCatalog(configuration.markets)
        self.glossaryMatchers = configuration.glossary.flatMap { $0.isEmpty ? nil : TermMatcherCache($0) }
    }

    /// The markets this localizer knows (the bundled ones unless the configuration gave others).
    public func markets() throws -> MarketCatalog { try catalog.get() }

    /// The stage chain for one run: read → segment → adapt → glossary (with a termbase) → leverage (with a memory) →
    /// translate → check (with checks) → write.
    public func pipeline(options: LocalizationOptions = LocalizationOptions()) -> Pipeline {
        var stages: [any PipelineStage] = [
            ReadStage(formats: configuration.formats),
            SegmentStage(segmentation: segmentation, protectors: configuration.protectors),
        ]
        stages.append(AdaptStage(engine: configuration.adaptation, options: options))
        if let glossaryMatchers { stages.append(GlossaryStage(matchers: glossaryMatchers)) }
        if let memory = configuration.memory { stages.append(LeverageStage(memory: memory, minimumQuality: options.minimumMatchQuality)) }
        stages.append(TranslateStage(backend: configuration.backend, cache: configuration.translationCache, sharing: sharedRequests))
        if !configuration.checks.isEmpty { stages.append(CheckStage(checks: configuration.checks)) }
        stages.append(WriteStage(formats: configuration.formats, options: options))
        return Pipeline(stages)
    }

    /// Localizes `source` for each market (ids such as `br`, `de`, or a market's language tag,
    /// `pt-BR`; a market named twice runs once): read and segmented once, then adapted,
    /// translated, checked and written per market, in the order given.
    /// `targetLanguage` overrides the markets' own languages.
    public func localize(_ source: SourceDocument, markets ids: [String], targetLanguage: LanguageTag? = nil,
                         options: LocalizationOptions = LocalizationOptions()) async throws -> Localization {
        let catalog = try markets()
        let profiles = try catalog.markets(ids)
        return try await localize(source, markets: profiles, targetLanguage: targetLanguage, options: options)
    }

    /// Localizes `source` for each market profile (profiles an embedding program built itself
    /// from YAML data with `MarketCatalog.decode`).
    public func localize(_ source: SourceDocument, markets: [MarketProfile], targetLanguage: LanguageTag? = nil,
                         options: LocalizationOptions = LocalizationOptions()) async throws -> Localization {
        try await run(pipeline(options: options), on: source, markets: markets, targetLanguage: targetLanguage)
    }

    /// Runs `pipeline` (``pipeline(options:)`` changed by the caller, or one built by hand) over
    /// `source` for each market: its per-document stages once, the rest per market.
    public func run(_ pipeline: Pipeline, on source: SourceDocument, markets: [MarketProfile],
                    targetLanguage: LanguageTag? = nil) async throws -> Localization {
        let read = try await pipeline.runPerDocument(LocalizationJob(source: source, targetLanguage: targetLanguage ?? source.language))
        var results: [MarketLocalization] = []
        for market in markets {
            var job = read
            job.market = market
            job.targetLanguage = targetLanguage ?? LanguageTag(market.language) ?? source.language
            job.document?.targetLanguage = job.targetLanguage.rawValue
            results.append(try MarketLocalization(try await pipeline.runPerTarget(job)))
        }
        return Localization(source: source.name, results: results)
    }

    /// Reads and segments `source` into a document for translation (no market, no backend):
    /// what `l10n extract` writes as XLIFF, with the configuration's glossary terms on their
    /// units when there is a target language. Pure and synchronous.
    public func extract(_ source: SourceDocument, targetLanguage: LanguageTag?) throws -> Document {
        let reader = ReadStage(formats: configuration.formats)
        let (filter, drafts) = try reader.read(source)
        let document = try SegmentStage(segmentation: segmentation, protectors: configuration.protectors)
            .build(source, format: type(of: filter).formatID, drafts: drafts, targetLanguage: targetLanguage)
        guard let glossaryMatchers, let targetLanguage else { return document }
        let matcher = glossaryMatchers.matcher(sourceLanguage: source.language, targetLanguage: targetLanguage)
        return GlossaryAnnotator(matcher: matcher).annotate(document)
    }

    /// The XLIFF of `documents`, one `<file>` each.
    public func xliff(_ documents: [Document], version: XLIFFVersion = .v2_1) throws -> Data {
        try XLIFFWriter(version: version).write(documents)
    }

    /// Rebuilds the documents of a translated XLIFF (written by ``xliff(_:version:)`` or `l10n
    /// extract`); segments without a target fall back to their source. `name` is used in messages.
    public func merge(xliff: Data, name: String) throws -> [MergedDocument] {
        let merger = DocumentMerger(formats: configuration.formats)
        return try XLIFFReader(detail: .merging).read(xliff, file: name).map { document in
            let bytes: Data
            do { bytes = try merger.merge(document) } catch let error as FormatError { throw error.inFile(name) }
            return MergedDocument(original: document.original, format: document.format, targetLanguage: document.targetLanguage, bytes: bytes)
        }
    }

    /// Pseudo-localizes `source` through the whole pipeline, offline: extract, pseudo-translate,
    /// write the XLIFF and read it back exactly as a translator's file would travel, merge. Shows
    /// that every string is reached and markup, URLs and model numbers survive translation.
    public func pseudoLocalize(_ source: SourceDocument, targetLanguage: LanguageTag = LanguageTag("qps")!,
                               xliffVersion: XLIFFVersion = .v2_1, expansion: Double = 0.3) async throws -> PseudoLocalization {
        var pipeline = Pipeline([
            ReadStage(formats: configuration.formats),
            SegmentStage(segmentation: segmentation, protectors: configuration.protectors),
            TranslateStage(backend: PseudoBackend(expansion: expansion)),
            WriteStage(formats: configuration.formats, options: LocalizationOptions(outputs: [.xliff], xliffVersion: xliffVersion)),
        ])
        if !configuration.checks.isEmpty { pipeline.install(CheckStage(checks: configuration.checks)) }
        let job = try await pipeline.run(LocalizationJob(source: source, targetLanguage: targetLanguage))
        guard let xliff = job.outputs.xliff, let document = job.document else {
            throw PipelineError(.misassembled, "the pseudo pipeline wrote no XLIFF", file: source.name)
        }
        let merged = try merge(xliff: xliff, name: source.name)
        guard merged.count == 1 else {
            throw PipelineError(.misassembled, "the XLIFF written for this document did not read back as one document", file: source.name)
        }
        return PseudoLocalization(document: merged[0].bytes, xliff: xliff, segments: document.segmentCount, findings: job.findings)
    }
}

/// The market catalog, loaded once on first use and shared by copies of a ``Localizer``:
/// extraction never pays for reading 24 YAML files it does not need.
private final class LazyMarketCatalog: @unchecked Sendable {
    // @unchecked: `loaded` is only touched while holding `lock`.
    private let lock = NSLock()
    private var loaded: MarketCatalog?

    init(_ catalog: MarketCatalog?) { loaded = catalog }

    func get() throws -> MarketCatalog {
        lock.lock()
        defer { lock.unlock() }
        if let loaded { return loaded }
        let catalog = try MarketCatalog.builtIn()
        loaded = catalog
        return catalog
    }
}
