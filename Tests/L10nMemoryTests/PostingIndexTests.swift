import Foundation
import GRDB
import L10nCore
@testable import L10nMemory
import L10nTestSupport
import Testing

/// The candidate index: its compact posting blocks, the score bounds that let a lookup stop
/// early, and the migration of a memory written with one row per posting (schema v1–v3).
@Suite struct PostingIndexTests {
    typealias S = MemoryTestSupport

    @Test func postingBlocksRoundTripAndAppend() {
        let entries = [PostingList.Entry(unit: 7, length: 5), .init(unit: 8, length: 12), .init(unit: 300, length: 0),
                       .init(unit: 1 << 40, length: 200)]
        var bytes: [UInt8] = []
        PostingList.encode(entries.prefix(2), after: 7, into: &bytes)
        PostingList.encode(entries.dropFirst(2), after: 8, into: &bytes)
        #expect(PostingList.decode(bytes, first: 7) == entries)
        #expect(bytes.count < 16, "small deltas take a byte each")
        var filtered: [PostingList.Entry] = []
        bytes.withUnsafeBytes { PostingList.decode($0, first: 7, lengths: 5...12, into: &filtered) }
        #expect(filtered.map(\.unit) == [7, 8])
    }

    @Test func theBoundIsNeverBelowTheFuzzyScore() {
        // Random sentences over a small vocabulary (many shared words, repeats, numbers): the
        // bound computed from any read subset of the query's terms must hold the real score.
        var random = SplitMix64(seed: 7)
        let words = "a b c d e f g h 12 34".split(separator: " ").map(String.init)
        func sentence() -> String { (0..<Int.random(in: 1...9, using: &random)).map { _ in words.randomElement(using: &random)! }.joined(separator: " ") }
        var checked = 0
        for _ in 0..<3000 {
            let query = MatchText(Content(text: sentence()), language: S.en), stored = MatchText(Content(text: sentence()), language: S.en)
            let occurrences = query.shapes.filter { $0 != "#" }.map { MatchText.term($0, from: S.en, to: S.pt) }
            var df: [Int64: Int] = [:]
            for term in occurrences { df[term] = Int.random(in: 1...100_000, using: &random) }
            guard var plan = CandidateSelection.postings(query, occurrences: occurrences, df: df, threshold: 0) else { continue }
            let held = stored.indexTerms(from: S.en, to: S.pt)
            let weight = plan.weights.filter { held.contains($0.key) }.values.reduce(0, +)
            var candidates = [CandidateSelection.Candidate(unit: 1, length: stored.words.count, weight: weight)]
            let score = MatchScorer.fuzzyScore(query, stored)
            #expect(CandidateSelection.bound(candidates[0], plan) >= score, "\(query.words) vs \(stored.words)")
            // Reading the unread terms one by one (as a lookup with many candidates does) keeps it a bound.
            while let next = plan.unreadTerms.first {
                let entries = held.contains(next.term) ? [PostingList.Entry(unit: 1, length: stored.words.count)] : []
                CandidateSelection.read(entries, &plan, into: &candidates, threshold: score)
                #expect(candidates.count == 1, "a candidate scoring \(score) was dropped: \(query.words) vs \(stored.words)")
                guard let c = candidates.first else { break }
                #expect(CandidateSelection.bound(c, plan) >= score)
            }
            checked += 1
        }
        #expect(checked > 2000)
    }

    @Test func manySmallBatchesGiveTheLookupsOfOneBigOne() async throws {
        let units = (0..<300).map { i in
            S.unit(Content(text: "Pump \(["housing", "valve", "seal", "motor"][i % 4]) model k\(i % 37) with \(["cast", "steel", "brass"][i % 3]) body size s\(i % 11)."),
                   Content(text: "T\(i)"))
        }
        let one = try await S.store(), many = try await S.store()
        try await one.add(units)
        for start in stride(from: 0, to: units.count, by: 7) { try await many.add(Array(units[start..<min(start + 7, units.count)])) }
        let blocks = try await DatabaseQueue(path: many.location).read { try Int.fetchOne($0, sql: "SELECT max(count) FROM posting_block") }
        #expect((blocks ?? 0) > 7, "small batches append to a term's last block")
        for i in stride(from: 0, to: 300, by: 13) {
            let query = S.query(Content(text: "Pump \(["housing", "valve", "seal", "motor"][i % 4]) model k\(i % 37) with steel body size s\(i % 5)."))
            let a = try await one.lookup(query, limit: 5, threshold: 60), b = try await many.lookup(query, limit: 5, threshold: 60)
            #expect(a.map(\.score) == b.map(\.score))
            #expect(a.map(\.target) == b.map(\.target))
            #expect(!a.isEmpty)
        }
    }

    @Test func aMemoryWithOneRowPerPostingMigratesToTheSameLookups() async throws {
        let units = CandidateIndexRecallTests.generatedUnits(seed: 21, families: 80)
        let current = try await S.store()
        try await current.add(units)

        // A memory as schema v3 wrote it: one `posting` row per term, length and unit.
        let path = try TemporaryDirectory.make("l10n-tm").appendingPathComponent("v3.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try SQLiteMemoryStore.migrator.migrate(queue, upTo: "v3-glossary")
        try await queue.write { db in
            var df: [Int64: Int] = [:]
            for unit in units {
                let r = UnitRecord(unit)
                try db.execute(sql: """
                    INSERT INTO unit (source_language, target_language, source_key, previous_hash, next_hash, project, market,
                    shape_key, match_text, word_count, source_text, source_codes, target_text, target_codes, document, origin,
                    properties, notes, created_at, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [r.sourceLanguage, r.targetLanguage, r.sourceKey, r.previousHash, r.nextHash, r.project, r.market,
                                     r.shapeKey, r.matchText, r.wordCount, r.sourceText, r.sourceCodes, r.targetText, r.targetCodes,
                                     r.document, r.origin, r.properties, r.notes, r.createdAt, r.changedAt])
                let id = db.lastInsertedRowID
                for term in r.indexTerms {
                    df[term, default: 0] += 1
                    try db.execute(sql: "INSERT INTO posting (term, length, unit) VALUES (?, ?, ?)", arguments: [term, r.wordCount, id])
                }
            }
            for (term, n) in df { try db.execute(sql: "INSERT INTO term (term, df) VALUES (?, ?)", arguments: [term, n]) }
        }
        try queue.close()

        let migrated = try SQLiteMemoryStore(path: path)
        #expect(try await migrated.stats().schemaVersion == "v6-compact-match-text")
        let tables = try await DatabaseQueue(path: path).read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
        #expect(!tables.contains("posting"))
        #expect(tables.contains("posting_block"))

        var matched = 0
        for query in CandidateIndexRecallTests.generatedQueries(seed: 22, units: units, count: 40) {
            let a = try await current.lookup(S.query(query), limit: 3, threshold: 70)
            let b = try await migrated.lookup(S.query(query), limit: 3, threshold: 70)
            #expect(a.map(\.score) == b.map(\.score), "\(query)")
            #expect(a.map(\.target) == b.map(\.target), "\(query)")
            if !b.isEmpty { matched += 1 }
        }
        #expect(matched > 20)
        // And it keeps growing: a new unit is found through the migrated index.
        try await migrated.add([S.unit("Brass impeller seal kit for outdoor pumps.", "Kit de vedação.")])
        #expect(try await migrated.lookup(S.query("Brass impeller seal kit for indoor pumps."), limit: 1, threshold: 75).first?.target == "Kit de vedação.")
        // v5 rebuilt the unit table with its key as a named index: a stored unit is still replaced, not doubled.
        #expect(try await migrated.add([units[0]]) == 0)
        #expect(try await migrated.stats().units == (try await current.stats().units) + 1)
    }
}
