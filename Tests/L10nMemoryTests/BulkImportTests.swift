import Foundation
import GRDB
import L10nCore
@testable import L10nMemory
import L10nTestSupport
import Testing

/// A TMX import into an empty or small SQLite memory goes in bulk (``SQLiteBulkImport``: indexes
/// built at the end, postings written once per term and flush): the memory it leaves, and the one
/// it leaves when stopped half way, must be the batch-by-batch import's.
@Suite struct BulkImportTests {
    typealias S = MemoryTestSupport

    /// Generated families of near-identical sentences, a tenth of them again with a new target
    /// (duplicates within a batch and across batches), and a few with codes and numbers.
    static func units() -> [TranslationUnit] {
        let base = CandidateIndexRecallTests.generatedUnits(seed: 31, families: 120)
        var units = base
        for (i, unit) in base.enumerated() where i % 10 == 3 {
            var again = unit
            again.target = Content(text: "again \(i)")
            units.insert(again, at: min(units.count, i + 1 + i % 7))
        }
        units.append(S.unit(S.bold("The pump delivers ", "25", " litres per minute."), S.bold("A bomba fornece ", "25", " litros por minuto.")))
        units.append(S.unit(Content(text: "Order 12 valves."), Content(text: "Encomende 12 válvulas.")))
        return units
    }

    /// `units` as a TMX file, and the units an import reads back from it (codes and dates as
    /// TMX gives them), to store batch by batch for comparison.
    static func tmx(_ units: [TranslationUnit]) throws -> (url: URL, units: [TranslationUnit]) {
        let url = try TemporaryDirectory.make("l10n-bulk").appendingPathComponent("memory.tmx")
        let writer = try TMXWriter(path: url.path, sourceLanguage: S.en)
        for unit in units { try writer.write(unit) }
        try writer.finish()
        var read: [TranslationUnit] = []
        _ = try TMXReader().read(contentsOf: url) { read += $0.translationUnits() }
        #expect(read.count == units.count)
        return (url, read)
    }

    /// The memory batch by batch: `add` without an import around it.
    static func batchByBatch(_ units: [TranslationUnit], batchSize: Int) async throws -> (SQLiteMemoryStore, added: Int) {
        let store = try SQLiteMemoryStore(path: try TemporaryDirectory.make("l10n-bulk").appendingPathComponent("batches.sqlite").path)
        var added = 0
        for start in stride(from: 0, to: units.count, by: batchSize) {
            added += try await store.add(Array(units[start..<min(start + batchSize, units.count)]))
        }
        return (store, added)
    }

    /// Lookups (fuzzy, exact, number-substituted), stats and the export of `a` and `b` agree.
    static func expectSameMemory(_ a: SQLiteMemoryStore, _ b: SQLiteMemoryStore, _ units: [TranslationUnit]) async throws {
        let statsA = try await a.stats(), statsB = try await b.stats()
        #expect(statsA.units == statsB.units)
        #expect(statsA.pairs == statsB.pairs)
        var exportA: [TranslationUnit] = [], exportB: [TranslationUnit] = []
        try await a.forEachUnit(sourceLanguage: nil, targetLanguage: nil) { exportA.append($0) }
        try await b.forEachUnit(sourceLanguage: nil, targetLanguage: nil) { exportB.append($0) }
        #expect(exportA.map(\.source) == exportB.map(\.source))
        #expect(exportA.map(\.target) == exportB.map(\.target))
        var matched = 0
        let queries = CandidateIndexRecallTests.generatedQueries(seed: 32, units: units, count: 60)
            + units.prefix(20).map(\.source) + [Content(text: "Order 7 valves.")]
        for query in queries {
            let ra = try await a.lookup(S.query(query), limit: 5, threshold: 70)
            let rb = try await b.lookup(S.query(query), limit: 5, threshold: 70)
            #expect(ra.map(\.score) == rb.map(\.score), "\(query.plainText)")
            #expect(ra.map(\.target) == rb.map(\.target), "\(query.plainText)")
            if !ra.isEmpty { matched += 1 }
        }
        #expect(matched > queries.count / 2)
    }

    static func indexes(_ store: SQLiteMemoryStore) async throws -> (names: Set<String>, pending: Int) {
        try await DatabaseQueue(path: store.location).read { db in
            (Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'unit'")),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM bulk_import") ?? -1)
        }
    }

    @Test func aBulkImportLeavesTheMemoryOfABatchByBatchOne() async throws {
        let units = Self.units()
        var bulk = try SQLiteMemoryStore(path: try TemporaryDirectory.make("l10n-bulk").appendingPathComponent("bulk.sqlite").path)
        bulk.bulkPostingBudget = 200  // several flushes, each term written more than once
        let file = try Self.tmx(units)
        let summary = try await MemoryImporter(store: bulk, batchSize: 37).importTMX(at: file.url)
        let (batches, added) = try await Self.batchByBatch(file.units, batchSize: 37)
        #expect(summary.added == added)
        #expect(summary.updated == units.count - added)
        #expect(summary.updated > 10, "the file repeats units")
        try await Self.expectSameMemory(bulk, batches, file.units)
        let number = try await bulk.lookup(S.query(Content(text: "Order 7 valves.")), limit: 1, threshold: 75)
        #expect(number.first?.kind == .numberSubstituted)
        #expect(try await bulk.lookup(S.query(file.units[5].source), limit: 1, threshold: 100).first?.score == 100)
        let after = try await Self.indexes(bulk)
        #expect(after.names.isSuperset(of: ["unit_key", "unit_shape"]))
        #expect(after.pending == 0)
        // The unique index is back: adding a stored unit again replaces its target.
        #expect(try await bulk.add([units[0]]) == 0)
    }

    @Test func aBulkImportIntoASmallMemoryKeepsItsUnitsAndReplacesTheirTargets() async throws {
        let units = Self.units()
        let (early, late) = (Array(units.prefix(100)), Array(units.dropFirst(60)))
        let bulk = try SQLiteMemoryStore(path: try TemporaryDirectory.make("l10n-bulk").appendingPathComponent("small.sqlite").path)
        let earlyAdded = try await bulk.add(early)
        let file = try Self.tmx(late)
        let summary = try await MemoryImporter(store: bulk, batchSize: 50).importTMX(at: file.url)
        let (batches, added) = try await Self.batchByBatch(early + file.units, batchSize: 50)
        #expect(summary.added == added - earlyAdded)
        #expect(summary.updated >= 40, "the file repeats 40 stored units")
        try await Self.expectSameMemory(bulk, batches, early + file.units)
    }

    /// A crash (or a kill) between batches: the committed batches are a memory that the next
    /// process to open completes (postings, indexes) and that answers as the whole import's
    /// first batches would; the import itself, should it still run, goes on batch by batch.
    @Test func aBulkImportStoppedHalfWayLeavesAMemoryThatOpensAndAnswers() async throws {
        let units = Self.units()
        let path = try TemporaryDirectory.make("l10n-bulk").appendingPathComponent("stopped.sqlite").path
        var importing = try SQLiteMemoryStore(path: path)
        importing.bulkPostingBudget = 150
        try await importing.beginBulkImport()
        let stored = Array(units.prefix(200))
        for start in stride(from: 0, to: stored.count, by: 40) {
            try await importing.add(records: stored[start..<min(start + 40, stored.count)].map { UnitRecord($0) })
        }
        let during = try await Self.indexes(importing)
        #expect(during.names.isDisjoint(with: ["unit_key", "unit_shape"]), "the import runs in bulk")
        #expect(during.pending == 1)

        // The next process to open the memory completes the deferred work.
        let reopened = try SQLiteMemoryStore(path: path)
        let (batches, _) = try await Self.batchByBatch(stored, batchSize: 40)
        try await Self.expectSameMemory(reopened, batches, stored)
        let after = try await Self.indexes(reopened)
        #expect(after.names.isSuperset(of: ["unit_key", "unit_shape"]))
        #expect(after.pending == 0)

        // The import that was still running goes on batch by batch: no unit twice.
        let rest = Array(units.dropFirst(150))
        var added = 0
        for start in stride(from: 0, to: rest.count, by: 40) {
            added += try await importing.add(records: rest[start..<min(start + 40, rest.count)].map { UnitRecord($0) })
        }
        try await importing.endBulkImport()
        let (whole, wholeAdded) = try await Self.batchByBatch(units, batchSize: 40)
        #expect(try await reopened.stats().units == wholeAdded)
        #expect(added < rest.count)
        try await Self.expectSameMemory(reopened, whole, units)
    }

    /// Another writer during a bulk import completes its deferred work before writing, so the
    /// unique key holds for both.
    @Test func anotherWriterDuringABulkImportKeepsUnitsUnique() async throws {
        let units = Self.units()
        let path = try TemporaryDirectory.make("l10n-bulk").appendingPathComponent("two.sqlite").path
        let importing = try SQLiteMemoryStore(path: path), other = try SQLiteMemoryStore(path: path)
        try await importing.beginBulkImport()
        try await importing.add(records: units.prefix(100).map { UnitRecord($0) })
        let firstHundred = try await Self.batchByBatch(Array(units.prefix(100)), batchSize: 100).added
        let firstHundredTwenty = try await Self.batchByBatch(Array(units.prefix(120)), batchSize: 120).added
        #expect(try await other.add(Array(units.prefix(120))) == firstHundredTwenty - firstHundred)
        try await importing.add(records: units.dropFirst(100).map { UnitRecord($0) })
        try await importing.endBulkImport()
        let (whole, _) = try await Self.batchByBatch(units, batchSize: 100)
        try await Self.expectSameMemory(importing, whole, units)
    }
}
