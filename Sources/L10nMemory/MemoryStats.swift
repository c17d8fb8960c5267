/// What a store holds: units per language pair and per origin.
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

    public init(units: Int, pairs: [Pair], origins: [String: Int], schemaVersion: String) {
        self.units = units
        self.pairs = pairs
        self.origins = origins
        self.schemaVersion = schemaVersion
    }
}
