/// A term found in a text: where, as written there, and the entries it stands for (several when
/// a glossary gives several translations of one term).
public struct TermHit: Hashable, Sendable {
    /// The term's place in the text that was searched (indices of that string).
    public var range: Range<String.Index>
    /// The text at ``range`` (`Pump housings`).
    public var text: String
    public var entries: [TermEntry]

    public init(range: Range<String.Index>, text: String, entries: [TermEntry]) {
        self.range = range
        self.text = text
        self.entries = entries
    }
}
