/// What an import did: units read from the file, how many were new in the store and how many
/// replaced a stored target, and every unit skipped with its line and reason.
public struct ImportSummary: Hashable, Sendable, Codable {
    public struct Skipped: Hashable, Sendable, Codable {
        public var line: Int?
        public var reason: String
    }

    public var file: String
    /// TMX `<tu>`s, XLIFF segments or glossary entries read and usable.
    public var read: Int = 0
    public var added: Int = 0
    public var updated: Int = 0
    public var skipped: [Skipped] = []
    /// Glossary imports: entries of the glossary that its file no longer has (nil for TMX/XLIFF).
    public var removed: Int?

    public init(file: String) {
        self.file = file
    }
}
