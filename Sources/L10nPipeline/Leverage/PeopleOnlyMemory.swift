import L10nCore
import L10nMemory

/// A memory seen through the leverage stage when the same memory also caches machine
/// translations (``MemoryTranslationCache``): only translations people made or reviewed are
/// leverage. Machine drafts come back through the translate stage instead, as the engine's own
/// answer, so a page does not change its provenance (`tm` instead of `mt:<backend>`) just
/// because an earlier run already translated the sentence.
public struct PeopleOnlyMemory: TranslationMemory {
    public let store: any MemoryStore

    public init(store: any MemoryStore) {
        self.store = store
    }

    public func bestMatches(for queries: [MemoryQuery], minimumQuality: Int) async throws -> [MemoryMatch?] {
        var matches: [MemoryMatch?] = []
        for query in queries {
            matches.append(try await store.lookup(query, limit: 8, threshold: minimumQuality)
                .first { $0.target != nil && !$0.unit.origin.rawValue.hasPrefix("mt:") }
                .map { MemoryMatch(target: $0.target!, quality: $0.score, origin: $0.unit.origin.provenanceOrigin,
                                    matchedSource: $0.unit.source, matchedTarget: $0.unit.target) })
        }
        return matches
    }
}
