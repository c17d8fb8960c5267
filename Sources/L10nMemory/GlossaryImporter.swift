import Foundation
import L10nCore
import L10nGlossary

/// `l10n glossary import`: reads a glossary file (TBX or CSV, ``GlossaryReader``) and stores its
/// entries in the memory's termbase index, in transactional batches. The file stays the source
/// of truth: importing it again after an edit replaces the entries it still has.
public struct GlossaryImporter: Sendable {
    public let store: any MemoryStore
    public var reader: GlossaryReader
    /// Entries per transaction.
    public var batchSize = 1000

    public init(store: any MemoryStore, sourceLanguage: LanguageTag = LanguageTag("en")!) {
        self.store = store
        reader = GlossaryReader(sourceLanguage: sourceLanguage)
    }

    /// Imports the glossary at `path` (a file, or a bundled industry's name); rows or entries
    /// that cannot be used are in the summary's `skipped`, with their lines.
    public func importFile(_ path: String) async throws -> ImportSummary {
        let file = try reader.read(path)
        var summary = ImportSummary(file: path)
        summary.read = file.termbase.entries.count
        summary.skipped = file.skipped.map { ImportSummary.Skipped(line: $0.line, reason: $0.reason) }
        var start = 0
        let entries = file.termbase.entries
        while start < entries.count {
            let batch = Array(entries[start..<min(start + batchSize, entries.count)])
            summary.added += try await store.addTerms(batch)
            start += batch.count
        }
        summary.updated = summary.read - summary.added
        return summary
    }
}
