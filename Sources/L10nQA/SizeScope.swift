import L10nCore

/// A size restriction a target is checked against as a whole (``SizeRestrictionCheck``): the
/// limits of a unit, a group of units or a file, and the profiles of its document that measure
/// them.
public struct SizeScope: Hashable, Sendable {
    public var limits: SizeLimits
    /// nil when the document selects no profile: then nothing is checked (XLIFF's default).
    public var profiles: SizeProfiles?
    /// What the restriction binds, as messages name it: `the target`, `unit u3 (2 segments)`, `group g1 (3 units)`, `the file (12 units)`.
    public var name: String

    public init(limits: SizeLimits, profiles: SizeProfiles?, name: String = "the target") {
        self.limits = limits
        self.profiles = profiles
        self.name = name
    }
}
