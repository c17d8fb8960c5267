import L10nCore

/// Fills targets from a translation memory before anything is machine-translated: exact (100)
/// and in-context (101) matches, or fuzzy ones when ``minimumQuality`` allows. Each filled
/// target records its provenance (`tm`, with the match quality); the job's ``LocalizationJob/leverage``
/// counts what the memory offered, fuzzy bands included.
public struct LeverageStage: PipelineStage {
    public var memory: any TranslationMemory
    public var minimumQuality: Int
    public var name: StageName { .leverage }

    public init(memory: any TranslationMemory, minimumQuality: Int = 100) {
        self.memory = memory
        self.minimumQuality = minimumQuality
    }

    public func run(_ job: inout LocalizationJob) async throws {
        var document = try job.requireDocument(for: .leverage)
        guard let plan = LeveragePlan(document, targetLanguage: job.targetLanguage, market: job.market?.id) else { return }
        var matches: [[MemoryMatch]] = []
        if !plan.queries.isEmpty {
            try Task.checkCancellation()
            matches = try await memory.matches(for: plan.queries, minimumQuality: LeveragePlan.askedQuality(minimumQuality),
                                               limit: LeveragePlan.candidateLimit)
        }
        job.leverage = try plan.apply(matches, to: &document, minimumQuality: minimumQuality, file: job.source.name)
        job.document = document
    }
}
