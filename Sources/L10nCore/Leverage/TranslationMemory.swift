/// A source of earlier translations: what the pipeline's leverage stage asks before anything is
/// machine-translated, so no sentence is paid for twice.
///
/// The protocol lives in the core so that any store (the in-memory one in the pipeline, the
/// SQLite and PostgreSQL stores of the memory layer) plugs into the same stage. Lookups are
/// batched (one round trip per document for a database) and async (stores do I/O).
public protocol TranslationMemory: Sendable {
    /// The best match for each query, in order; nil where the memory has none at or above
    /// `minimumQuality`.
    func bestMatches(for queries: [MemoryQuery], minimumQuality: Int) async throws -> [MemoryMatch?]
}

/// One segment to look up, with what makes an in-context (101) match.
public struct MemoryQuery: Hashable, Sendable {
    public var source: Content
    public var sourceLanguage: LanguageTag
    public var targetLanguage: LanguageTag
    /// The segments before and after it in the document (nil at either end).
    public var previous: Content?
    public var next: Content?
    /// The market the translation is for (`br`), when the memory keeps markets apart.
    public var market: String?

    public init(source: Content, sourceLanguage: LanguageTag, targetLanguage: LanguageTag,
                previous: Content? = nil, next: Content? = nil, market: String? = nil) {
        self.source = source
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.previous = previous
        self.next = next
        self.market = market
    }
}

/// A memory's answer for one query.
public struct MemoryMatch: Hashable, Sendable {
    public var target: Content
    /// 101 in-context exact, 100 exact, below 100 fuzzy.
    public var quality: Int
    /// Who made the stored translation (a person, a reviewed MT…), for the reviewer.
    public var origin: Provenance.Origin

    public init(target: Content, quality: Int, origin: Provenance.Origin = .human) {
        self.target = target
        self.quality = quality
        self.origin = origin
    }
}
