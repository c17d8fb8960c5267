import L10nCore

/// Sentence boundaries exactly as ICU's sentence break iterator (UAX #29 plus the locale's
/// tailoring) finds them, with no SRX rules on top.
///
/// This is the raw layer ``SentenceSegmenter`` builds on, kept public so the Unicode
/// conformance test (and anyone who wants plain UAX #29) can call it directly. Iterators are
/// opened once per breaker and reused, one per concurrent caller.
public struct ICUSentenceBreaker: SentenceBreaking {
    /// The ICU locale (`en`, `pt_BR`, `ja`); unknown locales fall back to ICU's root rules.
    public let locale: String
    private let pool: ResourcePool<ICUBreakIterator>

    /// A breaker for `locale`, given as a BCP 47 tag (`pt-BR`) or an ICU locale (`pt_BR`).
    public init(locale: String) {
        let icu = LanguageTag(locale)?.icuLocale ?? locale
        self.locale = icu
        pool = ResourcePool { ICUBreakIterator(kind: .sentence, locale: icu) }
    }

    public func sentenceBoundaries(in text: String) -> [Int] {
        let units = Array(text.utf16)
        return boundaries(in: units)
    }

    /// Boundaries of UTF-16 text. When ICU cannot open an iterator (a broken ICU install), the
    /// whole text is one sentence: never splitting is the safe failure for translation.
    func boundaries(in units: [UInt16]) -> [Int] {
        guard !units.isEmpty else { return [] }
        let found = units.withUnsafeBufferPointer { buffer in
            pool.withResource { $0.boundaries(in: buffer) } ?? nil
        }
        return found ?? [units.count]
    }
}
