import L10nCore

/// Units → document: protects non-translatable spans (URLs, e-mail addresses, model numbers,
/// code) as inline codes, splits sentences, numbers the codes and records the skeleton that
/// rebuilds the original byte for byte.
public struct SegmentStage: PipelineStage {
    public var segmentation: Segmentation
    public var protectors: [any SpanProtecting]
    public var name: StageName { .segment }

    public init(segmentation: Segmentation, protectors: [any SpanProtecting]) {
        self.segmentation = segmentation
        self.protectors = protectors
    }

    public func run(_ job: inout LocalizationJob) async throws {
        guard let drafts = job.drafts, let format = job.format else {
            throw PipelineError(.misassembled, "the segment stage needs the read stage before it", file: job.source.name)
        }
        job.document = try build(job.source, format: format, drafts: drafts, targetLanguage: job.targetLanguage)
        job.drafts = nil  // the document holds what is needed; the drafts can go
    }

    /// The document for `drafts` (pure, synchronous).
    public func build(_ source: SourceDocument, format: String, drafts: [UnitDraft], targetLanguage: LanguageTag?) throws -> Document {
        do {
            let builder = DocumentBuilder(breaker: try segmentation.breakerFor(source.language), protectors: protectors)
            return try builder.build(
                original: source.name, format: format, bytes: source.bytes,
                sourceLanguage: source.language.rawValue, targetLanguage: targetLanguage?.rawValue, drafts: drafts)
        } catch let error as FormatError {
            throw error.inFile(source.name)
        }
    }
}
