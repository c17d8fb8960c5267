/// Defaults of a lookup.
public enum MemoryLookup {
    /// The lowest fuzzy score reported, as CAT tools default to.
    public static let defaultThreshold = 75
}
