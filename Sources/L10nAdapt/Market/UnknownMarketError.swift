import L10nCore

/// A market id that no profile has: the user's mistake on the command line (or in a project
/// file), reported with the ids that do exist. Every command reports it the same way, with the
/// same exit code.
public struct UnknownMarketError: L10nError, Hashable {
    public var id: String
    public var known: [String]
    /// Markets the id may have meant (`ch (de-CH)` for `fr-CH`): same region, another language.
    public var suggestions: [String]

    public init(id: String, known: [String], suggestions: [String] = []) {
        self.id = id
        self.known = known
        self.suggestions = suggestions
    }

    public var description: String {
        let hint = suggestions.isEmpty ? ";" : "; did you mean \(suggestions.joined(separator: " or "))?"
        return "no market '\(id)'\(hint) known: \(known.joined(separator: ", ")) (see `l10n markets list`)"
    }

    public var exitCategory: ExitCategory { .usage }
}
