import L10nCore

/// Word boundaries as ICU's word break iterator (UAX #29 plus the locale's tailoring, dictionary
/// segmentation for Japanese, Chinese and Thai) finds them.
///
/// Public so that layers which must not see ICU themselves (the translation memory's fuzzy
/// matcher and its candidate index) split text into words exactly as the segmenter's ICU does.
/// Iterators are opened once per breaker and reused, one per concurrent caller.
public struct ICUWordBreaker: Sendable {
    /// The ICU locale (`en`, `pt_BR`, `ja`); unknown locales fall back to ICU's root rules.
    public let locale: String
    private let pool: ResourcePool<ICUBreakIterator>

    /// A breaker for `locale`, given as a BCP 47 tag (`pt-BR`) or an ICU locale (`pt_BR`).
    public init(locale: String) {
        let icu = LanguageTag(locale)?.icuLocale ?? locale
        self.locale = icu
        pool = ResourcePool { ICUBreakIterator(kind: .word, locale: icu) }
    }

    /// `text` cut at every word boundary: words, spaces and punctuation each their own piece, in
    /// order, so that joining the pieces gives `text` back. When ICU cannot open an iterator the
    /// text is cut at whitespace, which keeps matching working (less well for CJK).
    public func pieces(of text: String) -> [Substring] {
        let units = Array(text.utf16)
        guard !units.isEmpty else { return [] }
        let found = units.withUnsafeBufferPointer { buffer in
            pool.withResource { $0.boundaries(in: buffer) } ?? nil
        }
        guard let boundaries = found else { return Self.whitespacePieces(of: text) }
        var pieces: [Substring] = []
        pieces.reserveCapacity(boundaries.count)
        let utf16 = text.utf16
        var start = text.startIndex, offset = 0
        for b in boundaries where b > offset {
            guard let end = utf16.index(start, offsetBy: b - offset, limitedBy: utf16.endIndex) else { break }
            pieces.append(text[start..<end])
            start = end
            offset = b
        }
        if start < text.endIndex { pieces.append(text[start...]) }
        return pieces
    }

    private static func whitespacePieces(of text: String) -> [Substring] {
        var pieces: [Substring] = []
        var start = text.startIndex
        var i = text.startIndex
        while i < text.endIndex {
            let next = text.index(after: i)
            if text[i].isWhitespace != text[start].isWhitespace {
                pieces.append(text[start..<i])
                start = i
            }
            i = next
        }
        if start < text.endIndex { pieces.append(text[start...]) }
        return pieces
    }
}
