/// Where a segment's translation stands, as XLIFF 2 names it (1.2 states map onto these).
public enum SegmentState: String, Hashable, Sendable, Codable, CaseIterable {
    case initial, translated, reviewed, final
}
