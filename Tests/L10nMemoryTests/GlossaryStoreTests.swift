import Foundation
import L10nCore
import L10nGlossary
import L10nMemory
import L10nTestSupport
import Testing

/// The termbase index on both engines (the same semantics): entries keyed by folded term,
/// languages, target term and glossary; re-importing replaces; everything a row carries survives.
@Suite struct GlossaryStoreTests {
    typealias S = MemoryTestSupport

    static func entry(_ term: String, _ target: String?, to language: String? = "de", _ status: TermStatus = .preferred,
                      note: String? = nil, glossary: String = "pumps.csv", line: Int = 2) -> TermEntry {
        TermEntry(sourceLanguage: LanguageTag("en")!, term: term, targetLanguage: language.flatMap(LanguageTag.init), targetTerm: target,
                  partOfSpeech: "noun", status: status, note: note, glossary: glossary, line: line)
    }

    @Test(arguments: S.Engine.available) func entriesComeBackWithEverythingTheyCarry(engine: S.Engine) async throws {
        let store = try await S.store(engine)
        defer { Task { await store.close() } }
        let entries = [
            Self.entry("pump housing", "Pumpengehäuse", note: "The casing."),
            Self.entry("pump housing", "Pumpenmantel", .forbidden, line: 3),
            Self.entry("AquaFlow", nil, to: nil, .doNotTranslate, glossary: "do-not-translate.csv"),
        ]
        #expect(try await store.addTerms(entries) == 3)
        let stored = try await store.termbase().entries
        #expect(stored == entries)
        let stats = try await store.stats()
        #expect(stats.glossaryEntries == 3 && stats.units == 0)
    }

    @Test(arguments: S.Engine.available) func importingAgainReplacesTheSameKeyWhateverItsCase(engine: S.Engine) async throws {
        let store = try await S.store(engine)
        defer { Task { await store.close() } }
        #expect(try await store.addTerms([Self.entry("pump housing", "Pumpengehäuse")]) == 1)
        // Same folded term, languages, target term and glossary: one entry, the newer status.
        #expect(try await store.addTerms([Self.entry("Pump Housing", "Pumpengehäuse", .admitted, line: 9)]) == 0)
        // Another glossary keeps its own entry.
        #expect(try await store.addTerms([Self.entry("pump housing", "Pumpengehäuse", glossary: "other.tbx")]) == 1)
        let stored = try await store.termbase().entries
        #expect(stored.count == 2)
        #expect(stored[0].term == "Pump Housing" && stored[0].status == .admitted && stored[0].line == 9)
    }

    @Test(arguments: S.Engine.available) func theImporterStoresAFileAndCountsWhatItSkipped(engine: S.Engine) async throws {
        let store = try await S.store(engine)
        defer { Task { await store.close() } }
        let dir = try TemporaryDirectory.make("l10n-glossary")
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("valves.csv")
        try Data("term,language,target term,part of speech,status,note\nvalve,de,Ventil,noun,preferred,\ncheck valve,de,,noun,preferred,\nvalve,pt-BR,válvula,noun,preferred,\n".utf8).write(to: csv)
        let importer = GlossaryImporter(store: store)
        let first = try await importer.importFile(csv.path)
        #expect((first.read, first.added, first.updated, first.removed) == (2, 2, 0, 0))
        #expect(first.skipped.map(\.line) == [3])
        let again = try await importer.importFile(csv.path)
        #expect((again.read, again.added, again.updated, again.removed) == (2, 0, 2, 0))
        let hits = TermMatcher(try await store.termbase(), sourceLanguage: LanguageTag("en")!, targetLanguage: LanguageTag("pt-BR")!)
            .hits(in: "Two valves.")
        #expect(hits.map(\.text) == ["valves"])
        #expect(hits.first?.entries.map(\.targetTerm) == ["válvula"])
    }

    @Test(arguments: S.Engine.available) func aFileImportedAgainIsWhatTheIndexHoldsForItsGlossary(engine: S.Engine) async throws {
        let store = try await S.store(engine)
        defer { Task { await store.close() } }
        try await store.addTerms([Self.entry("AquaFlow", nil, to: nil, .doNotTranslate, glossary: "do-not-translate.csv")])
        let first = try await store.replaceTerms(glossary: "pumps.csv", with: [
            Self.entry("pump", "Pumpe"), Self.entry("impeller", "Laufrad"), Self.entry("valve", "Ventil"),
        ])
        #expect(first == TermReplacement(added: 3, updated: 0, removed: 0))
        // The file lost "valve", changed "impeller" and gained "seal".
        let second = try await store.replaceTerms(glossary: "pumps.csv", with: [
            Self.entry("pump", "Pumpe"), Self.entry("impeller", "Laufrad", .admitted), Self.entry("seal", "Dichtung"),
        ])
        #expect(second == TermReplacement(added: 1, updated: 2, removed: 1))
        let stored = try await store.termbase().entries
        #expect(Set(stored.map(\.term)) == ["AquaFlow", "pump", "impeller", "seal"], "another glossary's rows are left alone")
        #expect(stored.first { $0.term == "impeller" }?.status == .admitted)
    }
}
