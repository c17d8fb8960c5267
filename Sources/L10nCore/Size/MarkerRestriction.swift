/// A size restriction on an annotation inside a segment — XLIFF 2 `slr:sizeRestriction` or
/// `slr:storageRestriction` on an `<mrk>`, or on an `<sm>` up to its `<em>` — with what the
/// marker holds in the source and in the target. The reader keeps no annotations in ``Content``
/// (merge writes none), so the marked text is kept here for the checks to measure.
public struct MarkerRestriction: Hashable, Sendable, Codable {
    /// The segment the marker starts in (an `<sm>` may end in a later one).
    public var segment: String
    /// The marker's id.
    public var marker: String
    /// The restriction, as the source's marker states it.
    public var limits: SizeLimits
    /// What the marker holds in the source.
    public var source: Content
    /// What the marker with the same id holds in the target; nil when the target has none.
    public var target: Content?

    public init(segment: String, marker: String, limits: SizeLimits, source: Content, target: Content?) {
        self.segment = segment
        self.marker = marker
        self.limits = limits
        self.source = source
        self.target = target
    }
}
