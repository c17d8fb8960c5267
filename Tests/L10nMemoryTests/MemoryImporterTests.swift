import Foundation
import L10nCore
import L10nMemory
import L10nTestSupport
import Testing

@Suite struct MemoryImporterTests {
    typealias S = MemoryTestSupport

    /// A file that breaks off mid-unit: the batches committed before the damage stay, whole; the
    /// import reports the error with its line instead of ending quietly.
    @Test func aBrokenFileKeepsTheCommittedBatchesAndNoHalfUnit() throws {
        let text = try FixtureFolder.local.text("tmx/trados-lighting.tmx")
        let cut = try #require(text.range(of: "Nur für den Innenbereich"))
        let file = try TemporaryDirectory.make("l10n-import").appendingPathComponent("cut.tmx")
        try Data(text[..<cut.lowerBound].utf8).write(to: file)
        let store = try S.store()
        let error = try #require(throws: FormatError.self) { try MemoryImporter(store: store, batchSize: 1).importTMX(at: file) }
        #expect(error.code == .malformed)
        #expect(error.location?.file == file.path)
        #expect(error.location?.line != nil)
        var units: [TranslationUnit] = []
        try store.forEachUnit(sourceLanguage: nil, targetLanguage: nil) { units.append($0) }
        #expect(units.count == 2, "the two complete units before the damage")
        #expect(units.allSatisfy { !$0.target.isEmpty && $0.target.codes.count == $0.source.codes.count })
    }

    @Test func importingTheSameFileTwiceUpdatesInsteadOfDuplicating() throws {
        let store = try S.store()
        let file = try FixtureFolder.local.url("tmx/memoq-kitchen.tmx")
        let first = try MemoryImporter(store: store).importFile(at: file)
        let second = try MemoryImporter(store: store).importFile(at: file)
        #expect(first.added == 3 && first.updated == 0)
        #expect(second.added == 0 && second.updated == 3)
        #expect(try store.stats().units == 3)
    }

    @Test func otherFileKindsAreRefusedByName() throws {
        let error = try #require(throws: FormatError.self) {
            try MemoryImporter(store: S.store()).importFile(at: URL(fileURLWithPath: "/tmp/glossary.csv"))
        }
        #expect(error.description.contains("glossary.csv"))
    }
}
