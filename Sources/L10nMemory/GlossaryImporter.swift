import Foundation
import L10nCore
import L10nGlossary

/// `l10n glossary import`: reads a glossary file (TBX or CSV, ``GlossaryReader``) and makes the
/// memory's termbase index hold its entries. The file stays the source of truth: importing it
/// again after an edit updates, adds and removes what changed.
public struct GlossaryImporter: Sendable {
    public let store: any MemoryStore
    public var reader: GlossaryReader

    public init(store: any MemoryStore, sourceLanguage: LanguageTag = LanguageTag("en")!) {
        self.store = store
        reader = GlossaryReader(sourceLanguage: sourceLanguage)
    }

    /// Imports the glossary at `path` (a file, or a bundled industry's name) in one transaction:
    /// afterwards the index holds exactly the file's entries for its glossary (named by the file
    /// name), entries the file dropped since the last import are removed. Rows or entries that
    /// cannot be used are in the summary's `skipped`, with their lines.
    public func importFile(_ path: String) async throws -> ImportSummary {
        let file = try reader.read(path)
        var summary = ImportSummary(file: path)
        summary.read = file.termbase.entries.count
        summary.skipped = file.skipped.map { ImportSummary.Skipped(line: $0.line, reason: $0.reason) }
        let glossary = file.termbase.entries.first?.glossary ?? (path as NSString).lastPathComponent
        let replaced = try await store.replaceTerms(glossary: glossary, with: file.termbase.entries)
        (summary.added, summary.updated, summary.removed) = (replaced.added, replaced.updated, replaced.removed)
        return summary
    }
}
