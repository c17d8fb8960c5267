import Foundation
import L10nCore

/// One row of a termbase: a source term and, for one target language, a term with its status.
/// A do-not-translate entry has no target language: it holds in every language.
///
/// The same shape whatever the file was (a CSV row, a TBX `<termEntry>` expanded per source term
/// × target term), so that the memory's index and the matcher need not know formats.
public struct TermEntry: Hashable, Sendable, Codable {
    public var sourceLanguage: LanguageTag
    public var term: String
    /// Nil: every language (do-not-translate rows, CSV language `*`).
    public var targetLanguage: LanguageTag?
    /// The target-language term; nil for a do-not-translate entry (the term itself is kept).
    public var targetTerm: String?
    public var partOfSpeech: String?
    public var status: TermStatus
    public var note: String?
    /// The glossary file the entry was read from (its name), for messages and `gls:source`.
    public var glossary: String?
    /// The line of the file that holds it (1-based), for messages.
    public var line: Int?

    public init(sourceLanguage: LanguageTag, term: String, targetLanguage: LanguageTag?, targetTerm: String?, partOfSpeech: String? = nil,
                status: TermStatus, note: String? = nil, glossary: String? = nil, line: Int? = nil) {
        self.sourceLanguage = sourceLanguage
        self.term = term
        self.targetLanguage = targetLanguage
        self.targetTerm = targetTerm
        self.partOfSpeech = partOfSpeech
        self.status = status
        self.note = note
        self.glossary = glossary
        self.line = line
    }

    // Coded with languages as plain tags and `*` for every language, as the CSV writes them
    // (what `glossary list --format json` prints).
    private enum CodingKeys: String, CodingKey {
        case sourceLanguage, term, targetLanguage, targetTerm, partOfSpeech, status, note, glossary, line
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let source = try c.decode(String.self, forKey: .sourceLanguage)
        guard let sourceLanguage = LanguageTag(source) else {
            throw DecodingError.dataCorruptedError(forKey: .sourceLanguage, in: c, debugDescription: "'\(source)' is not a language tag")
        }
        let target = try c.decode(String.self, forKey: .targetLanguage)
        let targetLanguage = LanguageTag(target)
        guard target == "*" || targetLanguage != nil else {
            throw DecodingError.dataCorruptedError(forKey: .targetLanguage, in: c, debugDescription: "'\(target)' is not a language tag or *")
        }
        self.init(sourceLanguage: sourceLanguage, term: try c.decode(String.self, forKey: .term), targetLanguage: targetLanguage,
                  targetTerm: try c.decodeIfPresent(String.self, forKey: .targetTerm),
                  partOfSpeech: try c.decodeIfPresent(String.self, forKey: .partOfSpeech), status: try c.decode(TermStatus.self, forKey: .status),
                  note: try c.decodeIfPresent(String.self, forKey: .note), glossary: try c.decodeIfPresent(String.self, forKey: .glossary),
                  line: try c.decodeIfPresent(Int.self, forKey: .line))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(sourceLanguage.rawValue, forKey: .sourceLanguage)
        try c.encode(term, forKey: .term)
        try c.encode(targetLanguage?.rawValue ?? "*", forKey: .targetLanguage)
        try c.encodeIfPresent(targetTerm, forKey: .targetTerm)
        try c.encodeIfPresent(partOfSpeech, forKey: .partOfSpeech)
        try c.encode(status, forKey: .status)
        try c.encodeIfPresent(note, forKey: .note)
        try c.encodeIfPresent(glossary, forKey: .glossary)
        try c.encodeIfPresent(line, forKey: .line)
    }

    /// The term case-folded: the key under which a store keeps one entry per term, language,
    /// target term and glossary.
    public var key: String { TermMatcher.fold(Substring(term.trimmingCharacters(in: .whitespacesAndNewlines))) }

    /// Whether the entry holds for translations into `language`: same language and, when both
    /// name a region, the same region (`pt` serves `pt-BR`, `pt-PT` does not; `de-DE` serves a
    /// target of plain `de`, which names no region to disagree with).
    public func applies(to language: LanguageTag) -> Bool {
        guard let targetLanguage else { return true }
        guard targetLanguage.language.lowercased() == language.language.lowercased() else { return false }
        guard let region = targetLanguage.region, let wanted = language.region else { return true }
        return region.lowercased() == wanted.lowercased()
    }

    /// The term a translation must contain to follow this entry: the target term, or for a
    /// do-not-translate entry the source term itself. Nil for a forbidden entry.
    public var requiredTarget: String? {
        switch status {
        case .doNotTranslate: return targetTerm ?? term
        case .forbidden: return nil
        case .preferred, .admitted: return targetTerm
        }
    }
}
