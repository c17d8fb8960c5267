import Foundation
import L10nPipeline

/// A backend for tests: records every batch it is sent and answers with a rule the test gives
/// (per segment), so batching, failures and provenance can be checked without any service.
final class RecordingBackend: TranslationBackend, @unchecked Sendable {
    // @unchecked: `batches` is only touched while holding `lock`.
    private let lock = NSLock()
    private var recorded: [[SegmentRequest]] = []
    private var recordedContexts: [TranslationContext] = []
    let descriptor: BackendDescriptor
    private let answer: @Sendable (SegmentRequest) -> SegmentResult
    private let dropLast: Bool
    let outputSettings: [String]

    /// `reads`: which of a request's context it takes (formality, glossaries, context), as its
    /// descriptor says; `settings`: its ``TranslationBackend/outputSettings`` (`model=…`).
    init(id: String = "recording", limits: BatchLimits = .unlimited, languages: LanguageSupport = .any,
         dropLast: Bool = false, producesDrafts: Bool = false, reads: Bool = false, settings: [String] = [],
         answer: @escaping @Sendable (SegmentRequest) -> SegmentResult) {
        descriptor = BackendDescriptor(id: id, displayName: "Recording", summary: "test double", languages: languages,
                                       limits: limits, supportsInlineCodes: true, supportsGlossaries: reads, supportsFormality: reads,
                                       supportsContext: reads, producesDrafts: producesDrafts)
        self.answer = answer
        self.dropLast = dropLast
        self.outputSettings = settings
    }

    var batches: [[SegmentRequest]] { lock.withLock { recorded } }
    var contexts: [TranslationContext] { lock.withLock { recordedContexts } }

    func translate(_ batch: [SegmentRequest], context: TranslationContext) async throws -> [SegmentResult] {
        lock.withLock { recorded.append(batch); recordedContexts.append(context) }
        let results = batch.map(answer)
        return dropLast ? Array(results.dropLast()) : results
    }
}

