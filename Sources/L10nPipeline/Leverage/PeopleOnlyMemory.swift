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
        try await matches(for: queries, minimumQuality: minimumQuality, limit: 1).map(\.first)
    }

    public func matches(for queries: [MemoryQuery], minimumQuality: Int, limit: Int) async throws -> [[MemoryMatch]] {
        try await store.matches(for: queries, minimumQuality: minimumQuality, limit: limit) { !$0.origin.rawValue.hasPrefix("mt:") }
    }
}
