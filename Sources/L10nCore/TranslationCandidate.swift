/// A translation offered to the translator for one segment without being applied: a fuzzy
/// match from the memory (below the quality that fills targets). CAT tools show these beside the
/// segment — XLIFF 2's Translation Candidates module (`<mtc:match>`), XLIFF 1.2's `<alt-trans>`
/// — with the matched source, so the translator sees what differs.
public struct TranslationCandidate: Hashable, Sendable, Codable {
    /// The id of the segment it is offered for.
    public var segment: String
    /// The source of the memory unit that matched, and its translation.
    public var source: Content
    public var target: Content
    /// Match quality, 0–100 (fuzzy matches are below 100).
    public var similarity: Int
    /// Where the translation came from, as a provenance token (`tm`, `tm-reviewed`, `mt-deepl`).
    public var origin: String

    public init(segment: String, source: Content, target: Content, similarity: Int, origin: String) {
        self.segment = segment
        self.source = source
        self.target = target
        self.similarity = similarity
        self.origin = origin
    }
}
