import L10nAdapt
import L10nCore

/// Adapts the source for the job's market before it is translated, so MT and translators
/// receive adapted figures: units, numbers, prices, dates and spelling change; electrical,
/// certification and tone findings are advisories. Every change and advisory becomes a note on
/// its unit, and so does every span deliberately kept (`l10n:kept`). Without a market, nothing
/// happens.
public struct AdaptStage: PipelineStage {
    public var engine: AdaptationEngine
    public var options: LocalizationOptions
    public var name: StageName { .adapt }

    public init(engine: AdaptationEngine = AdaptationEngine(), options: LocalizationOptions) {
        self.engine = engine
        self.options = options
    }

    public func run(_ job: inout LocalizationJob) async throws {
        let document = try job.requireDocument(for: .adapt)
        guard let market = job.market else { return }
        let context = AdaptationContext(
            market: market, sourceLanguage: job.source.language, targetLanguage: job.targetLanguage,
            keepOriginalUnits: options.keepOriginalUnits, categories: options.categories, rates: options.rates)
        let adapted = engine.adapt(document, context: context)
        job.document = adapted.document
        job.adaptations += adapted.adaptations
        job.kept += adapted.kept
    }
}
