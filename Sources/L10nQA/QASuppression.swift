import L10nCore

/// Findings a reviewer has accepted for one unit or segment, written in the XLIFF itself so the
/// decision travels with the file: a unit note of category `l10n:qa-suppress` whose text lists
/// check ids (`words.repeated`), each optionally limited to a segment (`s2:numbers.consistency`).
/// Any CAT tool that edits notes can add one; `l10n qa` and `adapt --qa` honour it.
public struct QASuppression: Hashable, Sendable {
    public static let noteCategory = "l10n:qa-suppress"

    /// Check ids suppressed for the whole unit, and per segment id.
    public var unit: Set<String> = []
    public var segments: [String: Set<String>] = [:]

    /// None (what a unit without notes has).
    public init() {}

    /// The suppressions of `unit`'s notes; ids are separated by spaces or commas.
    public init(_ unit: TextUnit) {
        for note in unit.notes where note.category == Self.noteCategory {
            for token in note.text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\n" || $0 == "\t" }) {
                if let colon = token.firstIndex(of: ":") {
                    segments[String(token[..<colon]), default: []].insert(String(token[token.index(after: colon)...]))
                } else {
                    self.unit.insert(String(token))
                }
            }
        }
    }

    public var isEmpty: Bool { unit.isEmpty && segments.isEmpty }

    public func suppresses(_ check: String, segment: String) -> Bool {
        unit.contains(check) || segments[segment]?.contains(check) == true
    }
}
