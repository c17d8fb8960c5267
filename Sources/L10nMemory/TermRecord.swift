import Foundation
import L10nCore
import L10nGlossary

/// A ``TermEntry`` as both engines store it (table `glossary_entry`, PostgreSQL
/// `l10n_glossary_entry`): empty strings rather than NULL in the unique key (SQLite's UNIQUE
/// treats NULLs as distinct), the folded term as the key so `Pump` and `pump` are one entry.
struct TermRecord {
    static let columns = "source_language, term, target_language, target_term, part_of_speech, status, note, glossary, line"

    var sourceLanguage: String
    var term: String
    var termKey: String
    /// Empty: every language.
    var targetLanguage: String
    /// Empty: none (do-not-translate).
    var targetTerm: String
    var partOfSpeech: String?
    var status: String
    var note: String?
    var glossary: String
    var line: Int?
    var changedAt: Double

    init(_ e: TermEntry, now: Date = Date()) {
        sourceLanguage = e.sourceLanguage.rawValue
        term = e.term
        termKey = e.key
        targetLanguage = e.targetLanguage?.rawValue ?? ""
        targetTerm = e.targetTerm ?? ""
        partOfSpeech = e.partOfSpeech
        status = e.status.rawValue
        note = e.note
        glossary = e.glossary ?? ""
        line = e.line
        changedAt = now.timeIntervalSince1970
    }

    /// `entries` as rows of `glossary`, all with one `changed_at` (a replacement tells the rows
    /// it wrote from the glossary's older ones by it).
    static func stamped(_ entries: [TermEntry], glossary: String, now: Date = Date()) -> [TermRecord] {
        entries.map {
            var record = TermRecord($0, now: now)
            record.glossary = glossary
            return record
        }
    }

    /// The entry a stored row holds, or nil for a row this version cannot read (a status added
    /// by a later l10n): left out rather than misread.
    static func entry(sourceLanguage: String, term: String, targetLanguage: String, targetTerm: String, partOfSpeech: String?,
                      status: String, note: String?, glossary: String, line: Int?) -> TermEntry? {
        guard let source = LanguageTag(sourceLanguage), let status = TermStatus(rawValue: status) else { return nil }
        return TermEntry(sourceLanguage: source, term: term, targetLanguage: LanguageTag(targetLanguage),
                         targetTerm: targetTerm.isEmpty ? nil : targetTerm, partOfSpeech: partOfSpeech, status: status, note: note,
                         glossary: glossary.isEmpty ? nil : glossary, line: line)
    }
}
