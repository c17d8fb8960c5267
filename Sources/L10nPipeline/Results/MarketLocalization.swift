import L10nAdapt
import L10nCore

/// One document localized for one market.
public struct MarketLocalization: Sendable {
    public var market: MarketProfile
    public var sourceLanguage: LanguageTag
    public var targetLanguage: LanguageTag
    /// The adapted and translated document, targets with their provenance.
    public var document: Document
    public var adaptations: [Adaptation]
    /// What adaptation deliberately left alone, and why.
    public var kept: [KeptSpan]
    public var findings: [Finding]
    public var translation: TranslationSummary?
    /// What the translation memory offered (nil without one).
    public var leverage: LeverageCounts?
    public var outputs: LocalizedOutputs

    init(_ job: LocalizationJob) throws {
        guard let market = job.market, let document = job.document else {
            throw PipelineError(.misassembled, "the pipeline made no document", file: job.source.name)
        }
        self.market = market
        self.sourceLanguage = job.source.language
        self.targetLanguage = job.targetLanguage
        self.document = document
        self.adaptations = job.adaptations
        self.kept = job.kept
        self.findings = job.findings
        self.translation = job.translation
        self.leverage = job.leverage
        self.outputs = job.outputs
    }

    /// How many translatable segments got their target from where (`tm`, `mt:pseudo`,
    /// `source`, `human`), and how many have none.
    public var targetOrigins: AdaptReport.ReportedTargets {
        var origins: [String: Int] = [:]
        var untranslated = 0
        for unit in document.units where unit.translate {
            for segment in unit.segments where !segment.isIgnorable {
                if segment.target == nil { untranslated += 1; continue }
                origins[segment.provenance?.origin.description ?? "human", default: 0] += 1
            }
        }
        return AdaptReport.ReportedTargets(origins: origins, untranslated: untranslated, translation: translation)
    }

    /// This result as a report entry; `outputs` are the paths the caller wrote it to.
    public func reportEntry(source: String, outputs: AdaptReport.Outputs = AdaptReport.Outputs()) -> AdaptReport.Entry {
        AdaptReport.Entry(
            source: source, market: market.id, sourceLanguage: sourceLanguage.rawValue, targetLanguage: targetLanguage.rawValue,
            outputs: outputs, segments: document.segmentCount, targets: targetOrigins, leverage: leverage,
            adaptations: adaptations.map(AdaptReport.ReportedAdaptation.init),
            kept: kept.map(AdaptReport.ReportedKeep.init),
            findings: findings.map(AdaptReport.ReportedFinding.init))
    }
}
