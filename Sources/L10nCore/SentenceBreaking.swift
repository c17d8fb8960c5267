/// Finds sentence boundaries in plain text. `L10nText` implements it with ICU plus SRX rules;
/// the core only needs the boundaries.
public protocol SentenceBreaking: Sendable {
    /// Boundaries as UTF-16 offsets into `text`, ascending, excluding 0, including the end.
    func sentenceBoundaries(in text: String) -> [Int]
}

/// Finds spans of text that must not be translated (URLs, e-mail addresses, model numbers).
public protocol SpanProtecting: Sendable {
    /// Matches in `text`; each gets its `subType` (`l10n:url`…).
    func protectedSpans(in text: String) -> [ProtectedSpan]
}

public struct ProtectedSpan: Hashable, Sendable {
    public var range: Range<String.Index>
    public var subType: String

    public init(range: Range<String.Index>, subType: String) {
        self.range = range
        self.subType = subType
    }
}
