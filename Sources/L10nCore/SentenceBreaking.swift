/// Finds sentence boundaries in plain text. `L10nText` implements it with ICU plus SRX rules;
/// the core only needs the boundaries.
public protocol SentenceBreaking: Sendable {
    /// Boundaries as UTF-16 offsets into `text`, ascending, excluding 0, including the end.
    func sentenceBoundaries(in text: String) -> [Int]

    /// The same for text already in UTF-16 (well-formed), as ``DocumentBuilder`` has it; the
    /// default goes through a `String`.
    func sentenceBoundaries(inUTF16 text: [UInt16]) -> [Int]
}

extension SentenceBreaking {
    public func sentenceBoundaries(inUTF16 text: [UInt16]) -> [Int] {
        sentenceBoundaries(in: String(decoding: text, as: UTF16.self))
    }
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
