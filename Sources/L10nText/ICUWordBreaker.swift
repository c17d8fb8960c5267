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
        let language = icu.prefix { $0 != "_" && $0 != "-" && $0 != "@" }.lowercased()
        asciiRules = !Self.tailoredLanguages.contains(language) && !icu.uppercased().contains("POSIX")
    }

    /// Whether ASCII text is cut by ``asciiPieces(of:)`` (ICU's root word rules restated on
    /// bytes) instead of ICU: every locale but those whose word rules ICU tailors.
    private let asciiRules: Bool
    /// ICU 72 ships tailored word rules for Finnish and Swedish (`word_fi_sv`: the colon) and for
    /// `en_US_POSIX` (`word_POSIX`): those always go through ICU.
    private static let tailoredLanguages: Set<String> = ["fi", "sv"]

    /// `text` cut at every word boundary: words, spaces and punctuation each their own piece, in
    /// order, so that joining the pieces gives `text` back. When ICU cannot open an iterator the
    /// text is cut at whitespace, which keeps matching working (less well for CJK).
    public func pieces(of text: String) -> [Substring] {
        if asciiRules, let pieces = Self.asciiPieces(of: text) { return pieces }
        return icuPieces(of: text)
    }

    /// The pieces as ICU's iterator finds them, whatever the text (tests compare
    /// ``asciiPieces(of:)`` with this).
    public func icuPieces(of text: String) -> [Substring] {
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

    // MARK: ASCII

    /// Word_Break classes of ASCII characters (UAX #29) as ICU's root rules use them.
    private enum ASCIIClass: UInt8 {
        case other, letter, numeric, midNumLet, singleQuote, midNum, extendNumLet, space, cr, lf, newline
    }

    private static func asciiClass(_ b: UInt8) -> ASCIIClass {
        switch b {
        // ICU's root rules count `@` as a letter (handles and addresses stay one word).
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "@"): return .letter
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return .numeric
        case UInt8(ascii: " "): return .space
        case UInt8(ascii: "."): return .midNumLet
        case UInt8(ascii: "'"): return .singleQuote
        case UInt8(ascii: ","), UInt8(ascii: ";"): return .midNum
        case UInt8(ascii: "_"): return .extendNumLet
        case 0x0D: return .cr
        case 0x0A: return .lf
        case 0x0B, 0x0C: return .newline
        // The colon is MidLetter in UAX #29, but ICU's root rules take it out (Finnish and
        // Swedish put it back: those locales never come here). Tab, quotes, brackets, symbols
        // and the other controls are Other.
        default: return .other
        }
    }

    /// `text` cut as ICU's root word rules cut it, when it is all ASCII (nil otherwise, or when
    /// its UTF-8 is not contiguous): UAX #29 WB3–WB13b restricted to the classes above — no
    /// Extend, Format, ZWJ, Katakana, Hebrew or regional indicators exist in ASCII, and no
    /// dictionary applies. `ICUWordBreakerASCIITests` checks it against ICU on every locale kind.
    static func asciiPieces(of text: String) -> [Substring]? {
        let utf8 = text.utf8
        let cuts: [Int]?? = utf8.withContiguousStorageIfAvailable { bytes -> [Int]? in
            var cuts: [Int] = []
            cuts.reserveCapacity(bytes.count / 3 + 1)
            return asciiCuts(of: bytes, into: &cuts) ? cuts : nil
        }
        guard let found = cuts, let boundaries = found else { return nil }
        var pieces: [Substring] = []
        pieces.reserveCapacity(boundaries.count + 1)
        var start = text.startIndex
        var offset = 0
        for b in boundaries {
            let end = utf8.index(start, offsetBy: b - offset)
            pieces.append(text[start..<end])
            start = end
            offset = b
        }
        if start < text.endIndex { pieces.append(text[start...]) }
        return pieces
    }

    /// Whether this breaker cuts all-ASCII text by ICU's root rules restated on bytes
    /// (``asciiCuts(of:into:)``) rather than through ICU: callers that work on bytes (the
    /// translation memory's row builder) then cut the text themselves, with no `Substring`s.
    public var cutsASCIIOnBytes: Bool { asciiRules }

    /// Appends to `cuts` the boundaries inside all-ASCII `bytes` (offsets, ascending; neither 0
    /// nor the end) as ICU's root word rules find them; false (and `cuts` partly filled) when a
    /// byte is not ASCII. Valid for breakers whose ``cutsASCIIOnBytes`` is true.
    public static func asciiCuts(of bytes: UnsafeBufferPointer<UInt8>, into cuts: inout [Int]) -> Bool {
        let n = bytes.count
        guard n > 0 else { return true }
        guard bytes[0] < 0x80 else { return false }
        var before2 = ASCIIClass.other, before = asciiClass(bytes[0])
        var beforeValid2 = false
        for i in 1..<n {
            let byte = bytes[i]
            guard byte < 0x80 else { return false }
            let current = asciiClass(byte)
            if before == .space || current == .space {
                // A space joins only a space (WB3d; no other rule joins one to anything).
                if before != current { cuts.append(i) }
            } else if before == current && (current == .letter || current == .numeric) {
                // Letters in a row, digits in a row (WB5, WB8): most of a text, without the rules.
            } else {
                let next: ASCIIClass? = i + 1 < n ? (bytes[i + 1] < 0x80 ? asciiClass(bytes[i + 1]) : .other) : nil
                if !joins(beforeValid2 ? before2 : nil, before, current, next) { cuts.append(i) }
            }
            before2 = before
            beforeValid2 = true
            before = current
        }
        return true
    }

    /// Whether there is no boundary between `a` and `b` (`a2` before `a`, `c` after `b`).
    private static func joins(_ a2: ASCIIClass?, _ a: ASCIIClass, _ b: ASCIIClass, _ c: ASCIIClass?) -> Bool {
        switch (a, b) {
        case (.cr, .lf): return true                                          // WB3
        case (.cr, _), (.lf, _), (.newline, _), (_, .cr), (_, .lf), (_, .newline): return false  // WB3a, WB3b
        case (.space, .space): return true                                    // WB3d
        case (.letter, .letter), (.letter, .numeric), (.numeric, .letter), (.numeric, .numeric): return true  // WB5, WB8–10
        case (.letter, .extendNumLet), (.numeric, .extendNumLet), (.extendNumLet, .extendNumLet),
             (.extendNumLet, .letter), (.extendNumLet, .numeric): return true  // WB13a, WB13b
        case (.letter, .midNumLet), (.letter, .singleQuote): return c == .letter        // WB6
        case (.midNumLet, .letter), (.singleQuote, .letter): return a2 == .letter       // WB7
        case (.numeric, .midNum), (.numeric, .midNumLet), (.numeric, .singleQuote): return c == .numeric  // WB12
        case (.midNum, .numeric), (.midNumLet, .numeric), (.singleQuote, .numeric): return a2 == .numeric  // WB11
        default: return false                                                 // WB999
        }
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
