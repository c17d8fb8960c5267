import L10nCore
import L10nMT

/// Machine translations already paid for, so no sentence is sent to a paid engine twice: the
/// translate stage asks it before calling its backend and tells it every translation it accepts.
///
/// A cached translation is applied exactly as the engine's answer would be (same target, state
/// and provenance), so a page made from the cache is byte-identical to one made by calling the
/// engine: outputs depend on the inputs, not on what earlier runs happened to translate.
public protocol TranslationCache: Sendable {
    /// For each request, the translation `backend` gave for exactly this source (text and inline
    /// codes) between these languages for this market, or nil.
    func lookup(_ requests: [SegmentRequest], backend: String, context: TranslationContext) async throws -> [Content?]

    /// Records translations `backend` just made.
    func store(_ translations: [(source: Content, target: Content)], backend: String, context: TranslationContext) async throws
}
