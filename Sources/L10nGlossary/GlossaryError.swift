import L10nCore

/// A glossary that cannot be found or opened (a bad file is a `FormatError` naming its line).
public struct GlossaryError: L10nError, Hashable {
    /// The path or industry name given.
    public var name: String
    public var message: String

    public init(_ message: String, name: String) {
        self.message = message
        self.name = name
    }

    public var description: String { "\(name): \(message)" }

    /// Nothing to read: like a missing input file.
    public var exitCategory: ExitCategory { .noInput }
}
