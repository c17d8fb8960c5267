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

    /// Up to `limit` matches for each query, best first, at or above `minimumQuality`: the best
    /// one may fill the target; the others are offered to the translator beside it, as CAT
    /// tools show several fuzzy matches. A memory that can only answer with its best match
    /// gets the default (at most one each).
    func matches(for queries: [MemoryQuery], minimumQuality: Int, limit: Int) async throws -> [[MemoryMatch]]
}

extension TranslationMemory {
    public func matches(for queries: [MemoryQuery], minimumQuality: Int, limit: Int) async throws -> [[MemoryMatch]] {
        try await bestMatches(for: queries, minimumQuality: minimumQuality).map { $0.map { [$0] } ?? [] }
    }
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
    /// The translation, its codes renumbered onto the query's (what fills the target).
    public var target: Content
    public var quality: Int
    public var origin: Provenance.Origin
    /// The memory unit as stored, source and target with their own codes: what a translator is
    /// shown beside a fuzzy match (nil where the memory does not say).
    public var matchedSource: Content?
    public var matchedTarget: Content?

    public init(target: Content, quality: Int, origin: Provenance.Origin = .human, matchedSource: Content? = nil, matchedTarget: Content? = nil) {
        self.target = target
        self.quality = quality
        self.origin = origin
        self.matchedSource = matchedSource
        self.matchedTarget = matchedTarget
    }
}
