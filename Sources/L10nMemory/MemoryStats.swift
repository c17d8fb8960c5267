/// What a store holds: units per language pair and per origin, and glossary entries.
public struct MemoryStats: Hashable, Sendable, Codable {
    public struct Pair: Hashable, Sendable, Codable {
        public var sourceLanguage: String
        public var targetLanguage: String
        public var units: Int
    }

    public var units: Int
    public var pairs: [Pair]
    /// Units per origin (`human`, `reviewed`, `mt:deepl`), sorted by origin.
    public var origins: [String: Int]
    public var schemaVersion: String
    /// Rows of the termbase index (`glossary import`).
    public var glossaryEntries: Int

    public init(units: Int, pairs: [Pair], origins: [String: Int], schemaVersion: String, glossaryEntries: Int = 0) {
        self.units = units
        self.pairs = pairs
        self.origins = origins
        self.schemaVersion = schemaVersion
        self.glossaryEntries = glossaryEntries
    }
}
