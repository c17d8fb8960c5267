/// One constraint the validator checks, with the stable id its findings carry.
///
/// Ids are dotted and stable (`xliff.sc-ec-pairing`), so users can grep, filter and suppress them;
/// the summary is the one line a report or a `--list-rules` shows.
public struct XLIFFValidationRule: Hashable, Sendable, CustomStringConvertible {
    public let id: String
    public let summary: String

    public init(_ id: String, _ summary: String) {
        self.id = id
        self.summary = summary
    }

    public var description: String { "\(id): \(summary)" }
}
