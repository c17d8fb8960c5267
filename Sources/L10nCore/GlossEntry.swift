/// A glossary term recognized in a unit's source, carried to the translator with its approved
/// translations and its status (XLIFF 2 Glossary module `<gls:glossEntry>`; XLIFF 1.2, which has
/// no glossary module, a `<note from="l10n:glossary">`). Read back from XLIFF 2, so `l10n qa`
/// checks a returned file's terminology without the glossary files at hand.
public struct GlossEntry: Hashable, Sendable, Codable {
    /// The segment whose source holds the term (written as the entry's `ref`).
    public var segment: String?
    /// The term as the source text spells it (`Pump housings`).
    public var term: String
    /// Translations the translator should use (the term itself for a do-not-translate term);
    /// none for a forbidden one, whose wrong translation is in ``definition``.
    public var translations: [String]
    /// What the translator must know: the status (`forbidden`, `do not translate`), the part of
    /// speech, the glossary's note.
    public var definition: String?
    /// `preferred`, `admitted`, `forbidden` or `do-not-translate`.
    public var status: String
    /// The glossary the entry comes from (a file name).
    public var glossary: String?
    /// Translations that must not be used (a forbidden entry's target term): XLIFF 2
    /// `<l10n:forbidden>` after the definition, never a `<gls:translation>` a CAT tool would offer.
    public var forbidden: [String] = []

    public init(segment: String?, term: String, translations: [String], definition: String?, status: String, glossary: String? = nil) {
        self.segment = segment
        self.term = term
        self.translations = translations
        self.definition = definition
        self.status = status
        self.glossary = glossary
    }
}
