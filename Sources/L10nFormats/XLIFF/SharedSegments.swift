import L10nCore

/// The segments of the units `merge` copies from the original bytes (`XLIFF2Reader` reads only
/// their ids and kinds, see ``XLIFFReader/Detail/merging``). Most units of a document have one
/// of a few such patterns (`s1`; `s1 i1 s2`…), so the units of one pattern share one array
/// instead of each allocating, filling and at the end destroying an array of its own.
struct SharedSegments {
    /// Patterns kept: a document has a handful; a new one past these is made, not kept.
    static let limit = 16
    /// Parts a pattern may have: which are ignorable is a bit each.
    static let maximumParts = 64

    private var patterns: [(ignorables: UInt64, segments: [Segment])] = []

    /// Segments with the ids of `parts` (at most ``maximumParts``), segment `k` ignorable when
    /// bit `k` of `ignorables` is set, and empty sources.
    mutating func segments(_ parts: [Skeleton.PartSpan], ignorables: UInt64) -> [Segment] {
        for i in patterns.indices where patterns[i].ignorables == ignorables && patterns[i].segments.count == parts.count {
            if parts.indices.allSatisfy({ patterns[i].segments[$0].id == parts[$0].id }) { return patterns[i].segments }
        }
        var segments: [Segment] = []
        segments.reserveCapacity(parts.count)
        for k in parts.indices {
            segments.append(Segment(id: parts[k].id, source: Content(normalRuns: []), isIgnorable: ignorables & 1 << k != 0))
        }
        if patterns.count < Self.limit { patterns.append((ignorables, segments)) }
        return segments
    }
}
