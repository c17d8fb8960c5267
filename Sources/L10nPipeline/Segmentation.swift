import L10nCore

/// How units are split into sentences: a factory that gives the breaker for a source language,
/// or none at all (one segment per unit).
public struct Segmentation: Sendable {
    public var breakerFor: @Sendable (LanguageTag) throws -> (any SentenceBreaking)?

    public init(breakerFor: @escaping @Sendable (LanguageTag) throws -> (any SentenceBreaking)?) {
        self.breakerFor = breakerFor
    }

    /// One segment per unit (paragraph-level).
    public static let none = Segmentation { _ in nil }
}
