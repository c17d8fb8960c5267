import Foundation
import L10nCore

/// A unit as every engine writes it, one value per column, so the engines store the same bytes
/// and differ only in SQL.
struct UnitRecord: Sendable {
    var sourceLanguage: String
    var targetLanguage: String
    /// The unique key, with the languages and what follows: empty strings, not NULL, for absent
    /// context, project and market, because SQL's UNIQUE treats NULLs as distinct.
    var sourceKey: String
    var previousHash: String
    var nextHash: String
    var project: String
    var market: String
    var shapeKey: String
    /// ``MatchText/serialized`` of the source (compact) and its word count: candidates are scored
    /// from these, without ICU or the code table.
    var matchText: String
    var wordCount: Int
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
    /// The candidate index's terms (``MatchText/indexTerms(from:to:)``), ascending, each once.
    var indexTerms: [Int64]

    init(_ unit: TranslationUnit, now: Double = Date().timeIntervalSince1970) {
        let source = StoredContent(unit.source), target = StoredContent(unit.target)
        let text = StoredMatchText(unit.source, from: unit.sourceLanguage, to: unit.targetLanguage)
        sourceLanguage = unit.sourceLanguage.rawValue
        targetLanguage = unit.targetLanguage.rawValue
        sourceKey = MatchText.exactKey(unit.source)
        previousHash = unit.previousHash ?? ""
        nextHash = unit.nextHash ?? ""
        project = unit.project ?? ""
        market = unit.market ?? ""
        shapeKey = text.shapeKey
        matchText = text.serialized
        wordCount = text.wordCount
        (sourceText, sourceCodes, targetText, targetCodes) = (source.text, source.codes, target.text, target.codes)
        document = unit.document
        origin = unit.origin.rawValue
        properties = Self.json(unit.properties)
        notes = Self.json(unit.notes)
        createdAt = unit.created?.timeIntervalSince1970 ?? now
        changedAt = unit.changed?.timeIntervalSince1970 ?? now
        indexTerms = text.indexTerms
    }

    private static func json<T: Encodable & Collection>(_ value: T) -> String {
        if value.isEmpty { return "[]" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data("[]".utf8), as: UTF8.self)
    }
}

/// A store that takes units already turned into records, so that an import can build them (ICU
/// word breaking, keys, stored forms: most of the cost of a unit) on its reader thread while the
/// store writes the batch before.
protocol RecordStore: MemoryStore {
    /// Stores `records` in one transaction, as ``MemoryStore/add(_:)`` stores their units.
    func add(records: [UnitRecord]) async throws -> Int
    /// Around a bulk import: settings that suit many large batches (SQLite: WAL checkpoints).
    func beginBulkImport() async throws
    func endBulkImport() async throws
}
