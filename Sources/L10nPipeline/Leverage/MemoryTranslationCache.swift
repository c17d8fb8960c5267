import L10nCore
import L10nMemory
import L10nMT

/// A ``TranslationCache`` in a translation memory: each machine translation is a unit whose
/// origin is `mt:<backend>`, so the memory a team already keeps (SQLite, or a shared
/// PostgreSQL for many CI runners) is also what stops paying twice — and a translator can see
/// and export those drafts like any other unit.
///
/// Only an exact source (same text, same inline codes) from the same engine for the same
/// languages and formality is a hit: anything looser would change what the engine would have
/// said. The market is not part of it: another market with the same language and formality
/// (a second English-language shop) reuses the answer.
public struct MemoryTranslationCache: TranslationCache {
    public let store: any MemoryStore

    public init(store: any MemoryStore) {
        self.store = store
    }

    /// The TMX property that records the formality an answer was asked in.
    public static let formalityProperty = "x-l10n-formality"

    public func lookup(_ requests: [SegmentRequest], backend: String, context: TranslationContext) async throws -> [Content?] {
        let origin = MemoryOrigin.machine(backend)
        let formality = Self.properties(context)
        return try requests.map { request in
            let query = MemoryQuery(source: request.source, sourceLanguage: context.sourceLanguage, targetLanguage: context.targetLanguage)
            return try store.lookup(query, limit: 8, threshold: 100)
                .first { $0.unit.origin == origin && $0.unit.source == request.source && $0.unit.properties == formality }?.unit.target
        }
    }

    private static func properties(_ context: TranslationContext) -> [TranslationUnit.Property] {
        context.formality.map { [TranslationUnit.Property(type: formalityProperty, value: $0.rawValue)] } ?? []
    }

    public func store(_ translations: [(source: Content, target: Content)], backend: String, context: TranslationContext) async throws {
        guard !translations.isEmpty else { return }
        try store.add(translations.map {
            TranslationUnit(source: $0.source, target: $0.target, sourceLanguage: context.sourceLanguage, targetLanguage: context.targetLanguage,
                            origin: .machine(backend), properties: Self.properties(context))
        })
    }
}
