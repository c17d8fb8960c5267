import L10nCore
import L10nMT

/// Machine translations already paid for, so no sentence is sent to a paid engine twice: the
/// translate stage asks it before calling its backend and tells it every translation it accepts.
///
/// A cached translation is applied exactly as the engine's answer would be (same target, state
/// and provenance), so a page made from the cache is byte-identical to one made by calling the
/// engine with the inputs the answer was made from. So an answer counts only for the same source
/// and the same ``EngineSignature/digest(of:context:)`` (the engine's settings, the languages,
/// and the formality, glossary terms and notes the engine reads). What the page is about is not
/// among them, on purpose: it is page-level, and a page edit must not buy its unchanged sentences
/// again — so for an engine that reads it, a reused answer may have been made with another
/// page's title and lead (or the page's earlier ones).
public protocol TranslationCache: Sendable {
    /// For each request, the translation `backend` gave for exactly this source (text and inline
    /// codes) and these inputs (``EngineSignature/digest(of:context:)``), or nil.
    func lookup(_ requests: [SegmentRequest], backend: EngineSignature, context: TranslationContext) async throws -> [Content?]

    /// Records translations `backend` just made, each with the request it answers.
    func store(_ translations: [(request: SegmentRequest, target: Content)], backend: EngineSignature, context: TranslationContext) async throws

    /// For runners sharing one cache at once (CI shards on one PostgreSQL memory): the indices of
    /// `requests` (none of them cached) this runner may translate now. The others are being
    /// translated by another runner; ``awaitOthers(_:backend:context:)`` waits for them. Called
    /// once per document and target whenever the stage has a cache, with no requests when the
    /// document needs nothing of the engine.
    func reserve(_ requests: [SegmentRequest], backend: EngineSignature, context: TranslationContext) async throws -> Set<Int>

    /// Waits until the requests another runner reserved are cached (then ``lookup(_:backend:context:)``
    /// finds them) or that runner's reservation lapsed (then this runner holds it and translates).
    func awaitOthers(_ requests: [SegmentRequest], backend: EngineSignature, context: TranslationContext) async throws

    /// Gives up this runner's reservations once their translations are stored (or failed).
    func release(_ requests: [SegmentRequest], backend: EngineSignature, context: TranslationContext) async throws

    /// The cache as one document's translate stage uses it: pages localized at the same time in
    /// one process reserve against each other too, so they need owners of their own.
    func forOneDocument() -> any TranslationCache
}

extension TranslationCache {
    /// A cache only one runner uses: everything is this runner's to translate.
    public func reserve(_ requests: [SegmentRequest], backend: EngineSignature, context: TranslationContext) async throws -> Set<Int> {
        Set(requests.indices)
    }

    public func awaitOthers(_ requests: [SegmentRequest], backend: EngineSignature, context: TranslationContext) async throws {}

    public func release(_ requests: [SegmentRequest], backend: EngineSignature, context: TranslationContext) async throws {}

    public func forOneDocument() -> any TranslationCache { self }
}
