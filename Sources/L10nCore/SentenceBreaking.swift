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

    /// The same matches in UTF-8 text (valid), as byte ranges: what ``DocumentBuilder`` has,
    /// which would otherwise make a `String` of every piece of text to ask. The default does
    /// exactly that; a protector that can rule text out (or scan it) on bytes says so here.
    func protectedSpans(inUTF8 text: UnsafeBufferPointer<UInt8>) -> [ProtectedByteSpan]
}

extension SpanProtecting {
    public func protectedSpans(inUTF8 text: UnsafeBufferPointer<UInt8>) -> [ProtectedByteSpan] {
        ProtectedByteSpan.spans(of: self, in: String(decoding: text, as: UTF8.self))
    }
}

/// A protected span as a byte range of UTF-8 text.
public struct ProtectedByteSpan: Hashable, Sendable {
    public var range: Range<Int>
    public var subType: String

    public init(range: Range<Int>, subType: String) {
        self.range = range
        self.subType = subType
    }

    /// `protector`'s spans in `text`, as byte ranges.
    public static func spans(of protector: some SpanProtecting, in text: String) -> [ProtectedByteSpan] {
        let utf8 = text.utf8
        return protector.protectedSpans(in: text).map { span in
            let start = utf8.distance(from: utf8.startIndex, to: span.range.lowerBound)
            return ProtectedByteSpan(range: start..<start + utf8.distance(from: span.range.lowerBound, to: span.range.upperBound), subType: span.subType)
        }
    }
}

public struct ProtectedSpan: Hashable, Sendable {
    public var range: Range<String.Index>
    public var subType: String

    public init(range: Range<String.Index>, subType: String) {
        self.range = range
        self.subType = subType
    }
}
