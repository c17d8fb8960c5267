import Foundation
import L10nCore
import L10nMemory
import L10nTestSupport
import Testing

@Suite struct MemoryImporterTests {
    typealias S = MemoryTestSupport

    /// A file that breaks off mid-unit: the batches committed before the damage stay, whole; the
    /// import reports the error with its line instead of ending quietly.
    @Test(arguments: S.Engine.available) func aBrokenFileKeepsTheCommittedBatchesAndNoHalfUnit(engine: S.Engine) async throws {
        let text = try FixtureFolder.local.text("tmx/trados-lighting.tmx")
        let cut = try #require(text.range(of: "Nur für den Innenbereich"))
        let file = try TemporaryDirectory.make("l10n-import").appendingPathComponent("cut.tmx")
        try Data(text[..<cut.lowerBound].utf8).write(to: file)
        let store = try await S.store(engine)
        let error = try await #require(throws: FormatError.self) { try await MemoryImporter(store: store, batchSize: 1).importTMX(at: file) }
        #expect(error.code == .malformed)
        #expect(error.location?.file == file.path)
        #expect(error.location?.line != nil)
        var units: [TranslationUnit] = []
        try await store.forEachUnit(sourceLanguage: nil, targetLanguage: nil) { units.append($0) }
        #expect(units.count == 2, "the two complete units before the damage")
        #expect(units.allSatisfy { !$0.target.isEmpty && $0.target.codes.count == $0.source.codes.count })
    }

    @Test(arguments: S.Engine.available) func importingTheSameFileTwiceUpdatesInsteadOfDuplicating(engine: S.Engine) async throws {
        let store = try await S.store(engine)
        let file = try FixtureFolder.local.url("tmx/memoq-kitchen.tmx")
        let first = try await MemoryImporter(store: store).importFile(at: file)
        let second = try await MemoryImporter(store: store).importFile(at: file)
        #expect(first.added == 3 && first.updated == 0)
        #expect(second.added == 0 && second.updated == 3)
        #expect(try await store.stats().units == 3)
    }

    @Test func otherFileKindsAreRefusedByName() async throws {
        let store = try await S.store()
        let error = try await #require(throws: FormatError.self) {
            try await MemoryImporter(store: store).importFile(at: URL(fileURLWithPath: "/tmp/glossary.csv"))
        }
        #expect(error.description.contains("glossary.csv"))
    }
}
