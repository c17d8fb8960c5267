import Foundation
import L10nAdapt
import L10nCore
import L10nFormats
import L10nMT

/// The whole `adapt` pipeline for one document and one market: read → segment → adapt the
/// source (so a later MT step translates adapted figures) → translate → write.
///
/// Produces bytes and report values only; the CLI decides where they go and writes them
/// atomically.
public struct Adapter: Sendable {
    public var extractor: Extractor
    public var engine: AdaptationEngine
    public var merger: DocumentMerger

    public init(extractor: Extractor, engine: AdaptationEngine = AdaptationEngine(), merger: DocumentMerger) {
        self.extractor = extractor
        self.engine = engine
        self.merger = merger
    }

    /// Everything one adapt run made for one document.
    public struct Outcome: Sendable {
        public var document: Document
        public var adaptations: [Adaptation]
        public var localized: Data?
        public var xliff: Data?
        public var htmlFragment: Data?
        public var findings: [Finding]
    }

    public func adapt(path: String, market: MarketProfile, sourceLanguage: LanguageTag, targetLanguage: LanguageTag, options: AdaptOptions) async throws -> Outcome {
        var document = try extractor.extract(path: path, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
        let context = AdaptationContext(
            market: market, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
            keepOriginalUnits: options.keepOriginalUnits, categories: options.categories, rates: options.rates)
        let adapted = engine.adapt(document, context: context)
        document = adapted.document

        let sameLanguage = sourceLanguage.language == targetLanguage.language
        switch options.backend {
        case .pseudo:
            document = try await Translation.translate(document, with: PseudoBackend(), context: TranslationContext(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage))
        case .none where sameLanguage:
            // Nothing to translate: the adapted source *is* the localized text.
            document = document.mappingTargets { _, segment in segment.source }
            for u in document.units.indices {
                for s in document.units[u].segments.indices where !document.units[u].segments[s].isIgnorable {
                    document.units[u].segments[s].state = .translated
                }
            }
        case .none:
            break
        }

        var outcome = Outcome(document: document, adaptations: adapted.adaptations, findings: [])
        let localized = try merger.merge(document)
        if options.outputs.contains(.document) { outcome.localized = localized }
        if options.outputs.contains(.xliff) { outcome.xliff = try XLIFFWriter(version: options.xliffVersion).write([document]) }
        if options.outputs.contains(.htmlFragment) {
            outcome.htmlFragment = try HTMLFragment.make(
                from: localized, format: document.format, language: targetLanguage, allowRawHTML: options.allowRawHTML, file: path)
        }
        return outcome
    }
}
