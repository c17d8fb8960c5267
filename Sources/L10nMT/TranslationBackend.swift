import L10nCore

/// A machine-translation engine the pipeline can call.
///
/// Backends are values built once and passed down; they receive whole batches so HTTP engines
/// can respect their batch limits, and they return one target per request, in order.
public protocol TranslationBackend: Sendable {
    static var descriptor: BackendDescriptor { get }
    func translate(_ batch: [SegmentRequest], context: TranslationContext) async throws -> [Content]
}

/// One segment to translate.
public struct SegmentRequest: Hashable, Sendable {
    /// `u3-s1`: unit and segment ids joined, unique in a document.
    public var key: String
    public var source: Content

    public init(key: String, source: Content) {
        self.key = key
        self.source = source
    }
}

/// The language pair and anything else every request of a batch shares.
public struct TranslationContext: Hashable, Sendable {
    public var sourceLanguage: LanguageTag
    public var targetLanguage: LanguageTag

    public init(sourceLanguage: LanguageTag, targetLanguage: LanguageTag) {
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
    }
}
