import Foundation
import L10nCore

/// A stored unit as every engine reads it back: the columns of ``UnitRow/columns``.
struct UnitRow {
    /// The columns to select, in every engine's SQL.
    static let columns = """
        id, source_language, target_language, previous_hash, next_hash, project, market, source_text, source_codes,
        target_text, target_codes, document, origin, properties, notes, created_at, changed_at
        """

    var id: Int64
    var sourceLanguage: String
    var targetLanguage: String
    var previousHash: String
    var nextHash: String
    var project: String
    var market: String
    var sourceText: String
    var sourceCodes: String
    var targetText: String
    var targetCodes: String
    var document: String?
    var origin: String
    var properties: String
    var notes: String
    var createdAt: Double
    var changedAt: Double
    /// `match_text`, where the query selected it (lookups).
    var matchText: String?

    /// The unit; throws ``MemoryError`` (`damaged-unit`) naming `location` when it cannot be read.
    func unit(location: String) throws -> TranslationUnit {
        guard let source = StoredContent(text: sourceText, codes: sourceCodes).content,
              let target = StoredContent(text: targetText, codes: targetCodes).content,
              let sourceLanguage = LanguageTag(sourceLanguage),
              let targetLanguage = LanguageTag(targetLanguage) else {
            throw MemoryError(.damagedUnit, "unit \(id) cannot be read back (its text and code table disagree)", file: location)
        }
        func nonEmpty(_ s: String) -> String? { s.isEmpty ? nil : s }
        let decoder = JSONDecoder()
        var unit = TranslationUnit(
            source: source, target: target, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
            document: document, origin: MemoryOrigin(origin) ?? .human,
            project: nonEmpty(project), market: nonEmpty(market),
            properties: Self.decodeList(properties, decoder) ?? [],
            notes: Self.decodeList(notes, decoder) ?? [],
            created: Date(timeIntervalSince1970: createdAt), changed: Date(timeIntervalSince1970: changedAt))
        unit.previousHash = nonEmpty(previousHash)
        unit.nextHash = nonEmpty(nextHash)
        return unit
    }

    private static func decodeList<T: Decodable>(_ json: String, _ decoder: JSONDecoder) -> [T]? {
        json == "[]" ? [] : try? decoder.decode([T].self, from: Data(json.utf8))
    }
}
