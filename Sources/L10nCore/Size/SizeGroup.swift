/// A group of units whose content together is restricted in size (an XLIFF 2 `<group>` with
/// `slr:sizeRestriction` or `slr:storageRestriction`). Groups without restrictions are not kept:
/// the reader lists their units in document order, as it always did.
public struct SizeGroup: Hashable, Sendable, Codable {
    /// The `<group>`'s id.
    public var id: String
    public var limits: SizeLimits
    /// The ids of every unit inside it (nested groups included), in document order.
    public var units: [String]

    public init(id: String, limits: SizeLimits, units: [String]) {
        self.id = id
        self.limits = limits
        self.units = units
    }
}
