import L10nCore
import L10nMemory
import L10nMT

/// A ``TranslationCache`` in a translation memory: each machine translation is a unit whose
/// origin is `mt:<backend>`, so the memory a team already keeps (SQLite, or a shared
/// PostgreSQL for many CI runners) is also what stops paying twice — and a translator can see
/// and export those drafts like any other unit.
///
/// Only an exact source (same text, same inline codes) from the same engine for the same
/// languages and market is a hit: anything looser would change what the engine would have said.
public struct MemoryTranslationCache: TranslationCache {
    public let store: any MemoryStore

    public init(store: any MemoryStore) {
        self.store = store
    }

    public func lookup(_ requests: [SegmentRequest], backend: String, context: TranslationContext) async throws -> [Content?] {
        let origin = MemoryOrigin.machine(backend)
        return try requests.map { request in
            let query = MemoryQuery(source: request.source, sourceLanguage: context.sourceLanguage, targetLanguage: context.targetLanguage,
                                    market: context.market)
            return try store.lookup(query, limit: 8, threshold: 100)
                .first { $0.unit.origin == origin && $0.unit.source == request.source && $0.unit.market == context.market }?.unit.target
        }
    }

    public func store(_ translations: [(source: Content, target: Content)], backend: String, context: TranslationContext) async throws {
        guard !translations.isEmpty else { return }
        try store.add(translations.map {
            TranslationUnit(source: $0.source, target: $0.target, sourceLanguage: context.sourceLanguage, targetLanguage: context.targetLanguage,
                            origin: .machine(backend), market: context.market)
        })
    }
}
