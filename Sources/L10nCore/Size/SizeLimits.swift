/// Size restrictions on what a unit, a group of units or a whole file holds, as XLIFF 2's Size
/// and Length Restriction module writes them (`slr:sizeRestriction`, `slr:storageRestriction`;
/// XLIFF 1.2's `maxwidth`/`minwidth` with `size-unit="char"|"byte"` and `maxbytes`/`minbytes`
/// map onto the same values).
///
/// A restriction binds the content of its element *as a whole*: a unit's segments and the
/// ignorables between them together, a group's or file's units together (the module's own
/// example: a group limited to 90 code points whose units' limits add up to more). It is not
/// inherited by each unit.
///
/// The values are kept as written: how to read them is the business of the profile the file
/// selects (``SizeProfiles``), and a third-party profile may use any syntax. Under the standard
/// profiles they are ``SizeRestriction``s (`"20"`, `"5,20"`, `"5,*"`, `"*"`).
public struct SizeLimits: Hashable, Sendable, Codable {
    /// `slr:sizeRestriction`: the general size, measured by ``SizeProfiles/general``.
    public var size: String?
    /// `slr:storageRestriction`: the storage size, measured by ``SizeProfiles/storage``.
    public var storage: String?

    public init(size: String? = nil, storage: String? = nil) {
        self.size = size
        self.storage = storage
    }

    public var isEmpty: Bool { size == nil && storage == nil }
}
