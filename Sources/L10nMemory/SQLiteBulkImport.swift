import Foundation
import GRDB
import L10nCore

/// A TMX import into an empty or small SQLite memory, done in bulk: the unit table's key and
/// shape indexes are dropped while it runs and built once, sorted, at its end; the candidate
/// index's postings are kept in memory (up to ``postingBudget``) and written once per term and
/// flush rather than once per term and batch. At a million units the batch-by-batch import wrote
/// 7.2 GB to the WAL for a 714 MB file: each batch of hash-ordered keys touched most of the two
/// indexes' leaf pages, and each rewrote a block of nearly every word.
///
/// Every batch is still one transaction, and what it commits is a usable memory: the import's
/// record (`bulk_import`: its token, and the last unit whose postings are written) commits with
/// the index drop, so whoever next writes units or opens the memory (``complete(_:)``) first
/// writes the postings of later units from their stored match texts, builds the indexes and
/// deletes the record, should the import have stopped half way. The import checks its record at
/// each batch and goes on batch by batch once another writer has done so. While the unique index
/// is absent, units are de-duplicated here by a hash of their key, each hit checked against the
/// stored row, so a unit whose key is stored replaces that unit's target exactly as before.
struct SQLiteBulkImport: Sendable {
    /// The most units a memory may hold for an import into it to go in bulk: its keys are read
    /// into memory and its indexes rebuilt at the end.
    static let maximumStoredUnits = 100_000
    /// Postings held in memory before they are written (16 bytes each: 64 MiB).
    static let postingBudget = 4_000_000

    private let token: String
    private let postingBudget: Int
    /// The key hash (``keyHash(_:_:_:_:_:_:_:)``) of every unit stored → its id (the first, on a
    /// hash collision: ``add(_:_:)`` then looks the key up in the table).
    private var keys: [UInt64: Int64]
    private var postings: [Int64: [PostingList.Entry]] = [:]
    private var pendingPostings = 0
    private var lastInserted: Int64

    /// Starts a bulk import in `db`'s transaction when the memory holds few enough units (nil
    /// otherwise): completes any earlier one, reads the stored keys, drops the two indexes.
    static func begin(_ db: Database, location: String, postingBudget: Int = postingBudget) throws -> SQLiteBulkImport? {
        try complete(db, location: location)
        let stored = try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT 1 FROM unit LIMIT ?)", arguments: [maximumStoredUnits + 1]) ?? 0
        guard stored <= maximumStoredUnits else { return nil }
        var keys: [UInt64: Int64] = [:]
        keys.reserveCapacity(stored)
        let rows = try Row.fetchCursor(db, sql: "SELECT id, source_language, target_language, source_key, previous_hash, next_hash, project, market FROM unit ORDER BY id")
        while let row = try rows.next() {
            let hash = keyHash(row[1], row[2], row[3], row[4], row[5], row[6], row[7])
            if keys[hash] == nil { keys[hash] = row[0] }
        }
        let last = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM unit") ?? 0
        try db.execute(sql: "DROP INDEX IF EXISTS unit_key")
        try db.execute(sql: "DROP INDEX IF EXISTS unit_shape")
        let token = UUID().uuidString
        try db.execute(sql: "INSERT INTO bulk_import (id, token, postings_through) VALUES (1, ?, ?)", arguments: [token, last])
        return SQLiteBulkImport(token: token, postingBudget: postingBudget, keys: keys, lastInserted: last)
    }

    /// Whether the memory still records this import: false once another writer completed it.
    func isCurrent(_ db: Database) throws -> Bool {
        try String.fetchOne(db, sql: "SELECT token FROM bulk_import") == token
    }

    /// Stores `records` in `db`'s transaction, as ``SQLiteMemoryStore/add(records:)`` does batch
    /// by batch; returns how many were new.
    mutating func add(_ records: [UnitRecord], _ db: Database) throws -> Int {
        // Through a buffer pointer: its elements are borrowed in place, where the array's were
        // still copied (every string retained and released) on their way to the writer.
        try records.withUnsafeBufferPointer { try add($0, db) }
    }

    private mutating func add(_ records: UnsafeBufferPointer<UnitRecord>, _ db: Database) throws -> Int {
        let writer = try UnitWriter(db)
        defer { writer.close() }
        var added = 0
        for i in records.indices {
            let hash = Self.keyHash(records[i].sourceLanguage, records[i].targetLanguage, records[i].sourceKey,
                                    records[i].previousHash, records[i].nextHash, records[i].project, records[i].market)
            if let id = keys[hash] {
                if try SQLiteMemoryStore.replaceTarget(of: records[i], id: id, db) { continue }
                // Another key with the same hash (not seen in practice): the table decides.
                if try SQLiteMemoryStore.replaceTarget(of: records[i], id: nil, db) { continue }
            }
            guard let id = try writer.insert(records[i]) else { continue }
            if keys[hash] == nil { keys[hash] = id }
            lastInserted = id
            added += 1
            let entry = PostingList.Entry(unit: id, length: records[i].wordCount)
            for term in records[i].indexTerms { postings[term, default: []].append(entry) }
            pendingPostings += records[i].indexTerms.count
        }
        if pendingPostings >= postingBudget { try flushPostings(db) }
        return added
    }

    /// Writes the postings held in memory, in `db`'s transaction, and records how far they go.
    mutating func flushPostings(_ db: Database) throws {
        guard !postings.isEmpty else { return }
        let writer = try PostingWriter(db)
        defer { writer.close() }
        try writer.write(postings)
        try db.execute(sql: "UPDATE bulk_import SET postings_through = ?", arguments: [lastInserted])
        postings = [:]
        pendingPostings = 0
    }

    /// Completes the bulk import `db` records, if any, in `db`'s transaction: the postings of the
    /// units past its last flush (from their stored match texts), the unit table's indexes, and
    /// the record's removal. Run before units are written batch by batch, when a memory opens,
    /// and at a bulk import's end (after ``flushPostings(_:)``).
    static func complete(_ db: Database, location: String) throws {
        guard let through = try Int64.fetchOne(db, sql: "SELECT postings_through FROM bulk_import") else { return }
        let writer = try PostingWriter(db)
        defer { writer.close() }
        let rows = try Row.fetchCursor(db, sql: """
            SELECT \(UnitRow.columns), match_text, word_count FROM unit WHERE id > ? ORDER BY id
            """, arguments: [through])
        while let row = try rows.next() {
            let unit = SQLiteMemoryStore.unitRow(row)
            guard let source = LanguageTag(unit.sourceLanguage), let target = LanguageTag(unit.targetLanguage) else {
                throw MemoryError(.damagedUnit, "unit \(unit.id) cannot be read back (its languages are not language tags)", file: location)
            }
            let text = try MatchText(serialized: unit.matchText ?? "") ?? MatchText(unit.unit(location: location).source, language: source)
            let length: Int = row["word_count"]
            for term in text.indexTermList(from: source, to: target) { writer.add(term: term, length: length, unit: unit.id) }
        }
        try writer.flush()
        for sql in SQLiteMemoryStore.unitIndexes { try db.execute(sql: sql) }
        try db.execute(sql: "DELETE FROM bulk_import")
    }

    /// 64-bit FNV-1a of a unit's key columns, each followed by U+0001 (seven parameters, not a
    /// variadic list: no array per unit).
    static func keyHash(_ sourceLanguage: String, _ targetLanguage: String, _ sourceKey: String, _ previousHash: String,
                        _ nextHash: String, _ project: String, _ market: String) -> UInt64 {
        var h = FNV1a.offsetBasis
        func field(_ s: String) {
            h = FNV1a.hash(byte: 1, continuing: FNV1a.hash(s, continuing: h))
        }
        field(sourceLanguage); field(targetLanguage); field(sourceKey); field(previousHash); field(nextHash)
        field(project); field(market)
        return h
    }
}
