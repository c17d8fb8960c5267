import L10nCore

/// A market id that no profile has: the user's mistake on the command line (or in a project
/// file), reported with the ids that do exist. Every command reports it the same way, with the
/// same exit code.
public struct UnknownMarketError: L10nError, Hashable {
    public var id: String
    public var known: [String]

    public init(id: String, known: [String]) {
        self.id = id
        self.known = known
    }

    public var description: String { "no market '\(id)'; known: \(known.joined(separator: ", ")) (see `l10n markets list`)" }

    public var exitCategory: ExitCategory { .usage }
}
