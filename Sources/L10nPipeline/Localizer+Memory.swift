import L10nCore
import L10nMemory

extension Localizer {
    /// ``extract(_:targetLanguage:)`` with targets filled from `memory` (exact and in-context
    /// matches, or down to `minimumQuality`), as `l10n extract --tm` writes them.
    public func extract(_ source: SourceDocument, targetLanguage: LanguageTag, memory: any MemoryStore,
                        minimumQuality: Int = 100) async throws -> (document: Document, leverage: LeverageCounts) {
        var document = try extract(source, targetLanguage: targetLanguage)
        guard let plan = LeveragePlan(document, targetLanguage: targetLanguage, market: nil) else { return (document, LeverageCounts()) }
        let matches = try await memory.matches(for: plan.queries, minimumQuality: LeveragePlan.askedQuality(minimumQuality),
                                               limit: LeveragePlan.candidateLimit)
        let counts = try plan.apply(matches, to: &document, minimumQuality: minimumQuality, file: source.name)
        return (document, counts)
    }
}
