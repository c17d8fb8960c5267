import Foundation
import L10nAdapt
import L10nCore

/// What flows through the pipeline for one document and one target: each stage reads what the
/// earlier ones left and adds its part.
public struct LocalizationJob: Sendable {
    public var source: SourceDocument
    public var targetLanguage: LanguageTag
    /// The market to adapt for; nil runs no adaptation (plain extraction or translation).
    public var market: MarketProfile?

    /// After `read`: the format that read it, the decoded text and its units.
    public var format: String?
    public var drafts: [UnitDraft]?
    /// After `segment`: the document (its targets filled by `leverage` and `translate`).
    public var document: Document?
    /// After `adapt`: what was changed or flagged in the source.
    public var adaptations: [Adaptation] = []
    /// After `adapt`: what was deliberately left alone, and why.
    public var kept: [KeptSpan] = []
    /// Findings of every stage (translation failures, quality checks).
    public var findings: [Finding] = []
    /// After `leverage`: what the translation memory offered.
    public var leverage: LeverageCounts?
    /// After `translate`: what the backend was asked and did.
    public var translation: TranslationSummary?
    /// After `write`.
    public var outputs = LocalizedOutputs()

    public init(source: SourceDocument, targetLanguage: LanguageTag, market: MarketProfile? = nil) {
        self.source = source
        self.targetLanguage = targetLanguage
        self.market = market
    }

    /// The document, or an error saying the chain is misassembled.
    func requireDocument(for stage: StageName) throws -> Document {
        guard let document else {
            throw PipelineError(.misassembled, "the \(stage.rawValue) stage needs a segmented document: put it after the segment stage", file: source.name)
        }
        return document
    }
}
