import Foundation
import GRDB
import L10nCore

/// The embedded translation memory: one SQLite file through GRDB, in WAL mode (readers never
/// wait for a writer; two processes writing take turns on SQLite's lock and stay consistent).
///
/// Lookups never scan the memory: exact and in-context matches use the unique key's index,
/// number-substituted ones the shape index, fuzzy ones the word postings (``MatchText``,
/// ``PostingList``): only the query's rarest words admit candidates, enough of them that every
/// unit which could score at the threshold holds at least one (a prefix filter), and candidates
/// are scored best bound first until no other can enter the result (``FuzzyRanking``).
public struct SQLiteMemoryStore: MemoryStore, RecordStore {
    public let path: String
    let pool: DatabasePool
    /// The bulk import this store runs, between ``beginBulkImport()`` and ``endBulkImport()``.
    private let bulk = SQLiteBulkImportSlot()
    /// Postings a bulk import holds in memory before writing them (tests make it small).
    var bulkPostingBudget = SQLiteBulkImport.postingBudget

    public var location: String { path }

    /// Opens the memory at `path`, creating it when `create` allows and the file is absent, and
    /// brings its schema up to date. Throws ``MemoryError`` for a file that is not an l10n memory.
    public init(path: String, create: Bool = true) throws {
        self.path = path
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists && !create {
            throw MemoryError(.missing, "no translation memory here (create one with `l10n tm import` or `l10n tm learn`)", file: path)
        }
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // 64 MiB of page cache at most (the default is 2 MiB): an import inserts into the
            // unit key's and shape's indexes in hash order, and a cache smaller than the pages
            // a batch touches re-reads and spills them.
            try db.execute(sql: "PRAGMA cache_size = -65536")
        }
        configuration.busyMode = .timeout(30)
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try Self.prepare(pool, path: path)
        } catch let error as MemoryError {
            throw error
        } catch let error as DatabaseError {
            throw Self.openError(error, path: path)
        }
    }

    private static func openError(_ error: DatabaseError, path: String) -> MemoryError {
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return MemoryError(.corrupt, "not an SQLite database, or a damaged one (\(error.message ?? "\(error.resultCode)"))", file: path)
        default:
            return MemoryError(.cannotOpen, "cannot open: \(error.message ?? "\(error.resultCode)")", file: path)
        }
    }

    /// Checks what the file is, then runs the migrations it lacks.
    private static func prepare(_ pool: DatabasePool, path: String) throws {
        let migrator = Self.migrator
        try pool.barrierWriteWithoutTransaction { db in
            let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
            let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0
            if id != applicationID {
                guard tables == 0 else {
                    throw MemoryError(.foreign, "an SQLite database that is not an l10n translation memory (application_id \(id)); give another path", file: path)
                }
            } else if try migrator.hasBeenSuperseded(db) {
                let unknown = try migrator.appliedIdentifiers(db).subtracting(migrator.migrations).sorted()
                throw MemoryError(.schemaVersion, "written by a newer l10n (schema \(unknown.joined(separator: ", ")); this version knows up to \(migrator.migrations.last ?? "none")); upgrade l10n", file: path)
            }
        }
        try migrator.migrate(pool)
        // A bulk import that stopped half way (or runs in another process, which then goes on
        // batch by batch): its deferred postings and indexes are completed before any use.
        if try pool.read({ try Bool.fetchOne($0, sql: "SELECT EXISTS (SELECT 1 FROM bulk_import)") }) == true {
            try pool.write { try SQLiteBulkImport.complete($0, location: path) }
        }
    }

    /// The last migration applied: the schema version, for `tm stats`.
    public func schemaVersion() throws -> String {
        try run { try pool.read { db in try Self.migrator.completedMigrations(db).last ?? "none" } }
    }

    /// Runs `body`, turning SQLite's errors into ``MemoryError``s that name the file.
    func run<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as DatabaseError {
            throw Self.openError(error, path: path)
        }
    }

    // MARK: writing

    @discardableResult
    public func add(_ units: [TranslationUnit]) async throws -> Int {
        guard !units.isEmpty else { return 0 }
        return try await add(records: units.map { UnitRecord($0) })
    }

    func add(records: [UnitRecord]) async throws -> Int {
        guard !records.isEmpty else { return 0 }
        // Taken out while the batch is written, put back once it is committed: after a failed
        // batch the import's postings in memory may name rolled-back units, so they are dropped
        // and ``SQLiteBulkImport/complete(_:location:)`` writes them from the table instead.
        var bulkImport = bulk.take()
        let added = try run {
            try pool.write { db in
                if bulkImport != nil, try bulkImport!.isCurrent(db) { return try bulkImport!.add(records, db) }
                bulkImport = nil
                try SQLiteBulkImport.complete(db, location: path)
                var added = 0
                let postings = try PostingWriter(db), writer = try UnitWriter(db)
                defer { postings.close(); writer.close() }
                for record in records where try upsert(record, writer: writer, postings: postings, db) { added += 1 }
                try postings.flush()
                return added
            }
        }
        bulk.put(bulkImport)
        return added
    }

    /// While a TMX import runs, the WAL is checkpointed once it holds 64k pages (256 MiB), not
    /// SQLite's 1,000: a batch dirties ~25,000 index pages at a million units, so the default
    /// copied (and synced) every batch back into the file; now a page rewritten by several
    /// batches is copied once. Commits are as durable as before (they are in the WAL either way);
    /// ``endBulkImport()`` checkpoints and truncates the WAL, so the next process to open the
    /// memory does not read a large one.
    ///
    /// Into an empty or small memory, the import goes in bulk (``SQLiteBulkImport``): its
    /// indexes and postings are written once, at the end (or by whoever next opens the memory).
    func beginBulkImport() async throws {
        try run { try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_autocheckpoint = 65536") } }
        guard bulk.isEmpty else { return }  // this store runs one already
        let started = try run { try pool.write { try SQLiteBulkImport.begin($0, location: path, postingBudget: bulkPostingBudget) } }
        bulk.put(started)
    }

    func endBulkImport() async throws {
        var bulkImport = bulk.take()
        try run {
            try pool.write { db in
                if bulkImport != nil, try bulkImport!.isCurrent(db) { try bulkImport!.flushPostings(db) }
                try SQLiteBulkImport.complete(db, location: path)
            }
        }
        bulkImport = nil
        try run {
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA wal_autocheckpoint = 1000")
                // TRUNCATE waits (the busy timeout) for readers; a busy result leaves the WAL to
                // SQLite's own checkpoints, which is not an error.
                _ = try? db.checkpoint(.truncate)
            }
        }
    }

    /// Inserts `record`, or replaces the target of the unit with the same key; true when inserted.
    private func upsert(_ r: UnitRecord, writer: UnitWriter, postings: PostingWriter, _ db: Database) throws -> Bool {
        guard let id = try writer.insert(r) else {
            // The key is stored: the new target replaces the old one.
            try Self.replaceTarget(of: r, id: nil, db)
            return false
        }
        for term in r.indexTerms { postings.add(term: term, length: r.wordCount, unit: id) }
        return true
    }

    /// Gives the stored unit with `r`'s key (and id `id`, when given) `r`'s target and what goes
    /// with it; false when no unit has that key (and id).
    @discardableResult
    static func replaceTarget(of r: UnitRecord, id: Int64?, _ db: Database) throws -> Bool {
        try db.cachedStatement(sql: """
            UPDATE unit SET source_text = ?, source_codes = ?, target_text = ?, target_codes = ?, document = ?, origin = ?,
            properties = ?, notes = ?, changed_at = ? WHERE source_language = ? AND target_language = ? AND source_key = ?
            AND previous_hash = ? AND next_hash = ? AND project = ? AND market = ?\(id == nil ? "" : " AND id = ?")
            """).execute(arguments: [r.sourceText, r.sourceCodes, r.targetText, r.targetCodes, r.document, r.origin,
                                     r.properties, r.notes, r.changedAt, r.sourceLanguage, r.targetLanguage, r.sourceKey,
                                     r.previousHash, r.nextHash, r.project, r.market] + (id.map { [$0] } ?? []))
        return db.changesCount > 0
    }

    // MARK: reading

    static func unitRow(_ row: Row) -> UnitRow {
        UnitRow(id: row["id"], sourceLanguage: row["source_language"], targetLanguage: row["target_language"],
                previousHash: row["previous_hash"], nextHash: row["next_hash"], project: row["project"], market: row["market"],
                sourceText: row["source_text"], sourceCodes: row["source_codes"], targetText: row["target_text"],
                targetCodes: row["target_codes"], document: row["document"], origin: row["origin"], properties: row["properties"],
                notes: row["notes"], createdAt: row["created_at"], changedAt: row["changed_at"], matchText: row["match_text"])
    }

    public func forEachUnit(sourceLanguage: LanguageTag? = nil, targetLanguage: LanguageTag? = nil,
                            _ body: (TranslationUnit) throws -> Void) async throws {
        var conditions: [String] = [], arguments: StatementArguments = []
        if let sourceLanguage { conditions.append("source_language = ?"); arguments += [sourceLanguage.rawValue] }
        if let targetLanguage { conditions.append("target_language = ?"); arguments += [targetLanguage.rawValue] }
        let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        try run {
            try pool.read { db in
                let rows = try Row.fetchCursor(db, sql: "SELECT \(UnitRow.columns) FROM unit\(filter) ORDER BY id", arguments: arguments)
                while let row = try rows.next() { try body(Self.unitRow(row).unit(location: path)) }
            }
        }
    }

    public func stats() async throws -> MemoryStats {
        try run {
            try pool.read { db in
                let units = try Int.fetchOne(db, sql: "SELECT count(*) FROM unit") ?? 0
                let pairs = try Row.fetchAll(db, sql: """
                    SELECT source_language, target_language, count(*) AS n FROM unit
                    GROUP BY source_language, target_language ORDER BY source_language, target_language
                    """).map { MemoryStats.Pair(sourceLanguage: $0["source_language"], targetLanguage: $0["target_language"], units: $0["n"]) }
                var origins: [String: Int] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT origin, count(*) AS n FROM unit GROUP BY origin") { origins[row["origin"]] = row["n"] }
                let version = try Self.migrator.completedMigrations(db).last ?? "none"
                let glossaryEntries = try Int.fetchOne(db, sql: "SELECT count(*) FROM glossary_entry") ?? 0
                return MemoryStats(units: units, pairs: pairs, origins: origins, schemaVersion: version, glossaryEntries: glossaryEntries)
            }
        }
    }
}
