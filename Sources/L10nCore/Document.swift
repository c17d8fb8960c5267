/// A document ready for translation: its translatable units plus the skeleton that rebuilds
/// everything else byte for byte.
public struct Document: Hashable, Sendable, Codable {
    /// Where it came from, as written in XLIFF's `original` attribute (a file name or path).
    public var original: String
    /// The format id of its filter (`markdown`, `html`).
    public var format: String
    public var sourceLanguage: String
    public var targetLanguage: String?
    public var units: [TextUnit]
    public var skeleton: Skeleton
    /// The profiles its size restrictions are measured under (XLIFF 2 `<slr:profiles>`); nil
    /// when the file selects none.
    public var sizeProfiles: SizeProfiles?
    /// Size restrictions on all its units together (`slr:` attributes on `<file>`); nil when none.
    public var sizeLimits: SizeLimits?
    /// Groups of units restricted together (`<group>`s with `slr:` attributes), outer groups
    /// before the groups they contain; units' own restrictions are on the units.
    public var sizeGroups: [SizeGroup]?

    public init(original: String, format: String, sourceLanguage: String, targetLanguage: String? = nil, units: [TextUnit], skeleton: Skeleton) {
        self.original = original
        self.format = format
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.units = units
        self.skeleton = skeleton
    }

    /// Whether anything in it is size-restricted (profiles, the file, a group or a unit).
    public var hasSizeRestrictions: Bool {
        sizeProfiles != nil || sizeLimits.map { !$0.isEmpty } == true || sizeGroups?.isEmpty == false
            || units.contains { $0.sizeLimits.map { !$0.isEmpty } == true }
    }

    /// How many segments are there to translate: non-ignorable ones, in units marked for translation.
    /// Counted in place by index: `translatableSegments` would copy each unit and build an array
    /// per unit (extract asks for every document).
    public var segmentCount: Int {
        var count = 0
        for u in units.indices where units[u].translate {
            for s in units[u].segments.indices where !units[u].segments[s].isIgnorable { count += 1 }
        }
        return count
    }

    /// A copy whose segment targets are set by `translate` (called for the non-ignorable segments
    /// of units marked for translation).
    public func mappingTargets(_ translate: (TextUnit, Segment) throws -> Content?) rethrows -> Document {
        var copy = self
        for u in copy.units.indices where copy.units[u].translate {
            for s in copy.units[u].segments.indices where !copy.units[u].segments[s].isIgnorable {
                copy.units[u].segments[s].target = try translate(copy.units[u], copy.units[u].segments[s])
            }
        }
        return copy
    }
}
