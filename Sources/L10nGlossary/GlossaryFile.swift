import L10nCore

/// What reading one glossary file gave: its entries and the rows or entries it had to skip,
/// each with its line, so an import never drops anything silently.
public struct GlossaryFile: Hashable, Sendable {
    public struct Skipped: Hashable, Sendable, Codable {
        public var line: Int
        public var reason: String

        public init(line: Int, reason: String) {
            self.line = line
            self.reason = reason
        }
    }

    /// The name given (a path, or an industry such as `plumbing`).
    public var name: String
    public var termbase: Termbase
    public var skipped: [Skipped]

    public init(name: String, termbase: Termbase, skipped: [Skipped] = []) {
        self.name = name
        self.termbase = termbase
        self.skipped = skipped
    }
}
