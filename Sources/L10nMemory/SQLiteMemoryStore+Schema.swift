import Foundation
import GRDB

/// The schema, as versioned migrations: a migration, once released, is never edited; a change is
/// a new one appended here. The database records which ran (GRDB's `grdb_migrations`), so an
/// older l10n refuses a memory a newer one migrated instead of misreading it.
extension SQLiteMemoryStore {
    /// `PRAGMA application_id` of an l10n memory ("L10N"): tells our database from another
    /// program's SQLite file.
    static let applicationID: Int32 = 0x4C31_304E

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-units") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            // Empty strings, not NULL, for absent context/project/market: SQLite's UNIQUE treats
            // NULLs as distinct, and the key must dedupe units without them.
            try db.execute(sql: """
                CREATE TABLE unit (
                    id INTEGER PRIMARY KEY,
                    source_language TEXT NOT NULL,
                    target_language TEXT NOT NULL,
                    source_key TEXT NOT NULL,
                    previous_hash TEXT NOT NULL DEFAULT '',
                    next_hash TEXT NOT NULL DEFAULT '',
                    project TEXT NOT NULL DEFAULT '',
                    market TEXT NOT NULL DEFAULT '',
                    shape_key TEXT NOT NULL,
                    -- MatchText.serialized of the source and its word count: candidates are
                    -- scored from these, without ICU or the code table.
                    match_text TEXT NOT NULL,
                    word_count INTEGER NOT NULL,
                    source_text TEXT NOT NULL,
                    source_codes TEXT NOT NULL,
                    target_text TEXT NOT NULL,
                    target_codes TEXT NOT NULL,
                    document TEXT,
                    origin TEXT NOT NULL,
                    properties TEXT NOT NULL DEFAULT '[]',
                    notes TEXT NOT NULL DEFAULT '[]',
                    created_at REAL NOT NULL,
                    changed_at REAL NOT NULL,
                    UNIQUE (source_language, target_language, source_key, previous_hash, next_hash, project, market)
                );
                CREATE INDEX unit_shape ON unit (source_language, shape_key);
                -- The candidate index: which units hold which word (per language pair), and in
                -- how many units each word occurs, so a lookup reads only its rarest words'
                -- postings; by word count within a word, so it reads only the lengths that can
                -- reach the threshold.
                CREATE TABLE term (term INTEGER PRIMARY KEY, df INTEGER NOT NULL);
                CREATE TABLE posting (
                    term INTEGER NOT NULL, length INTEGER NOT NULL, unit INTEGER NOT NULL,
                    PRIMARY KEY (term, length, unit)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v2-claims") { db in
            // Who is translating which sentence (ClaimKey) until when (seconds since 1970), so
            // runners sharing the memory never pay twice for one sentence.
            try db.execute(sql: """
                CREATE TABLE claim (key TEXT PRIMARY KEY, owner TEXT NOT NULL, expires_at REAL NOT NULL) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v3-glossary") { db in
            // The termbase index (TermRecord): glossary files stay the source of truth; this is
            // what `glossary import` read from them, one row per source term × target language ×
            // target term × glossary ('' target language: every language).
            try db.execute(sql: """
                CREATE TABLE glossary_entry (
                    id INTEGER PRIMARY KEY,
                    source_language TEXT NOT NULL,
                    term TEXT NOT NULL,
                    term_key TEXT NOT NULL,
                    target_language TEXT NOT NULL DEFAULT '',
                    target_term TEXT NOT NULL DEFAULT '',
                    part_of_speech TEXT,
                    status TEXT NOT NULL,
                    note TEXT,
                    glossary TEXT NOT NULL DEFAULT '',
                    line INTEGER,
                    changed_at REAL NOT NULL,
                    UNIQUE (source_language, term_key, target_language, target_term, glossary)
                );
                CREATE INDEX glossary_entry_language ON glossary_entry (source_language, target_language);
                """)
        }
        migrator.registerMigration("v4-posting-lists") { db in
            // The candidate index as PostingList blocks: one row per term and block of units,
            // the units of a block as varint deltas with their word counts, instead of one
            // B-tree row per (term, length, unit). An import wrote ~11 rows per unit in random
            // key order; now one per distinct word of a batch. v1's postings move over.
            try db.execute(sql: """
                CREATE TABLE posting_block (
                    term INTEGER NOT NULL, first_unit INTEGER NOT NULL, last_unit INTEGER NOT NULL,
                    count INTEGER NOT NULL, entries BLOB NOT NULL,
                    PRIMARY KEY (term, first_unit)
                ) WITHOUT ROWID;
                """)
            try rebuildPostingBlocks(db)
            try db.execute(sql: "DROP TABLE posting")
        }
        migrator.registerMigration("v5-bulk-import") { db in
            // The unit key as a named index (v1's UNIQUE clause made it an automatic index, which
            // cannot be dropped), so that a bulk import (SQLiteBulkImport) can build the key and
            // shape indexes once, sorted, after its units are in; and the record of a bulk import
            // under way, so that whoever next writes or opens the memory completes its deferred
            // work should it stop half way.
            try db.execute(sql: """
                CREATE TABLE unit_v5 (
                    id INTEGER PRIMARY KEY,
                    source_language TEXT NOT NULL,
                    target_language TEXT NOT NULL,
                    source_key TEXT NOT NULL,
                    previous_hash TEXT NOT NULL DEFAULT '',
                    next_hash TEXT NOT NULL DEFAULT '',
                    project TEXT NOT NULL DEFAULT '',
                    market TEXT NOT NULL DEFAULT '',
                    shape_key TEXT NOT NULL,
                    match_text TEXT NOT NULL,
                    word_count INTEGER NOT NULL,
                    source_text TEXT NOT NULL,
                    source_codes TEXT NOT NULL,
                    target_text TEXT NOT NULL,
                    target_codes TEXT NOT NULL,
                    document TEXT,
                    origin TEXT NOT NULL,
                    properties TEXT NOT NULL DEFAULT '[]',
                    notes TEXT NOT NULL DEFAULT '[]',
                    created_at REAL NOT NULL,
                    changed_at REAL NOT NULL
                );
                INSERT INTO unit_v5 SELECT id, source_language, target_language, source_key, previous_hash, next_hash, project,
                    market, shape_key, match_text, word_count, source_text, source_codes, target_text, target_codes, document,
                    origin, properties, notes, created_at, changed_at FROM unit ORDER BY id;
                DROP TABLE unit;
                ALTER TABLE unit_v5 RENAME TO unit;
                CREATE TABLE bulk_import (
                    id INTEGER PRIMARY KEY CHECK (id = 1), token TEXT NOT NULL, postings_through INTEGER NOT NULL
                );
                """)
            // (v5's own statements: the shape index's column order changed in v6.)
            try db.execute(sql: "CREATE UNIQUE INDEX IF NOT EXISTS unit_key ON unit (source_language, target_language, source_key, previous_hash, next_hash, project, market)")
            try db.execute(sql: "CREATE INDEX IF NOT EXISTS unit_shape ON unit (source_language, shape_key)")
        }
        migrator.registerMigration("v6-compact-match-text") { db in
            // No row is rewritten: `match_text` is now written in MatchText's compact form (the
            // written words, punctuation and codes; words, shapes and numbers follow from them),
            // a third of a unit's row less. Both forms read back, so older rows stay; the version
            // makes an older l10n, which reads only the full form, refuse the memory.
            // The shape index leads with the shape (see unitIndexes).
            try db.execute(sql: "DROP INDEX IF EXISTS unit_shape")
            try db.execute(sql: unitIndexes[1])
        }
        return migrator
    }

    /// The unit table's secondary indexes: the key that makes a unit unique (exact and in-context
    /// lookups, and the upsert), and the shape (number-substituted lookups). Empty strings, not
    /// NULL, for absent context/project/market: SQLite's UNIQUE treats NULLs as distinct.
    ///
    /// The shape index leads with the shape key (v6; v5 led with the source language): a bulk
    /// import builds it by sorting every unit, and SQLite's sorter decides on the first column
    /// alone when that differs, where an equal language made it unpack and compare whole keys.
    /// (The unit key keeps the languages first: `tm stats` groups by them along that index.)
    static let unitIndexes = [
        "CREATE UNIQUE INDEX IF NOT EXISTS unit_key ON unit (source_language, target_language, source_key, previous_hash, next_hash, project, market)",
        "CREATE INDEX IF NOT EXISTS unit_shape ON unit (shape_key, source_language)",
    ]

    /// Entries per block when the whole index is written at once.
    static let rebuiltBlockSize = 4096

    /// Writes v1's `posting` rows (in key order: by term, then length) as `posting_block` rows.
    private static func rebuildPostingBlocks(_ db: Database) throws {
        let insert = try db.makeStatement(sql: "INSERT INTO posting_block (term, first_unit, last_unit, count, entries) VALUES (?, ?, ?, ?, ?)")
        var term: Int64?
        var entries: [PostingList.Entry] = []
        func write() throws {
            guard let term else { return }
            entries.sort { $0.unit < $1.unit }
            for start in stride(from: 0, to: entries.count, by: rebuiltBlockSize) {
                let block = entries[start..<min(start + rebuiltBlockSize, entries.count)]
                var bytes: [UInt8] = []
                PostingList.encode(block, after: block.first!.unit, into: &bytes)
                try insert.execute(arguments: [term, block.first!.unit, block.last!.unit, block.count, Data(bytes)])
            }
            entries.removeAll(keepingCapacity: true)
        }
        let rows = try Row.fetchCursor(db, sql: "SELECT term, length, unit FROM posting ORDER BY term, length, unit")
        while let row = try rows.next() {
            let t: Int64 = row[0]
            if t != term {
                try write()
                term = t
            }
            entries.append(PostingList.Entry(unit: row[2], length: row[1]))
        }
        try write()
    }
}
