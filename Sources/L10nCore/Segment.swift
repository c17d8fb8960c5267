/// A sentence (or an ignorable run of whitespace between sentences) of a ``TextUnit``.
public struct Segment: Hashable, Sendable, Codable {
    /// Unique among the segments and ignorables of its unit (`s1`, `s2`, `i1`…).
    public var id: String
    public var source: Content
    public var target: Content?
    public var state: SegmentState?
    /// Where the target came from (memory, machine, person), when it is known.
    public var provenance: Provenance?
    /// Whitespace or markup between sentences: kept, never translated (XLIFF 2 `<ignorable>`).
    public var isIgnorable: Bool

    /// The target when there is one, else the source: what merge writes.
    public var effectiveTarget: Content { target ?? source }

    /// Whether someone (a person, a memory, an engine) translated this segment: it has a target,
    /// and that target is not an untouched copy of the source still marked `initial` (a
    /// prefilled target, see ``Document/prefillingTargets()``). A target a CAT tool changed
    /// without updating the state (OmegaT never does) counts as translated.
    public var isTranslated: Bool {
        guard !isIgnorable, let target else { return false }
        return !(state == .initial && target == source)
    }
}

extension Segment {
    // Delegating to the memberwise initializer: see ``TextUnit``'s initializer for why. (Inside
    // this module, a call naming `isIgnorable` but not `provenance` matches both: name them all.)
    public init(id: String, source: Content, target: Content? = nil, state: SegmentState? = nil, isIgnorable: Bool = false, provenance: Provenance? = nil) {
        self.init(id: id, source: source, target: target, state: state, provenance: provenance, isIgnorable: isIgnorable)
    }
}
