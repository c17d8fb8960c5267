import GRDB
import L10nCore
import L10nGlossary

extension SQLiteMemoryStore {
    @discardableResult
    public func addTerms(_ entries: [TermEntry]) async throws -> Int {
        guard !entries.isEmpty else { return 0 }
        return try run {
            try pool.write { db in try Self.upsert(entries.map { TermRecord($0) }, db) }
        }
    }

    public func replaceTerms(glossary: String, with entries: [TermEntry]) async throws -> TermReplacement {
        try run {
            try pool.write { db in
                // Every row written now carries this one stamp; the glossary's other rows are gone from its file.
                let records = TermRecord.stamped(entries, glossary: glossary)
                let added = try Self.upsert(records, db)
                try db.execute(sql: "DELETE FROM glossary_entry WHERE glossary = ? AND changed_at <> ?",
                               arguments: [glossary, records.first?.changedAt ?? .infinity])
                return TermReplacement(added: added, updated: records.count - added, removed: db.changesCount)
            }
        }
    }

    /// Inserts or updates `records`; returns how many were new.
    private static func upsert(_ records: [TermRecord], _ db: Database) throws -> Int {
        var added = 0
        for r in records {
            let key: StatementArguments = [r.sourceLanguage, r.termKey, r.targetLanguage, r.targetTerm, r.glossary]
            let values: StatementArguments = [r.term, r.partOfSpeech, r.status, r.note, r.line, r.changedAt]
            try db.cachedStatement(sql: """
                INSERT INTO glossary_entry (source_language, term_key, target_language, target_term, glossary,
                term, part_of_speech, status, note, line, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """).execute(arguments: key + values)
            if db.changesCount > 0 { added += 1; continue }
            try db.cachedStatement(sql: """
                UPDATE glossary_entry SET term = ?, part_of_speech = ?, status = ?, note = ?, line = ?, changed_at = ?
                WHERE source_language = ? AND term_key = ? AND target_language = ? AND target_term = ? AND glossary = ?
                """).execute(arguments: values + key)
        }
        return added
    }

    public func termbase() async throws -> Termbase {
        try run {
            try pool.read { db in
                let rows = try Row.fetchCursor(db, sql: "SELECT \(TermRecord.columns) FROM glossary_entry ORDER BY id")
                var entries: [TermEntry] = []
                while let row = try rows.next() {
                    if let entry = TermRecord.entry(sourceLanguage: row["source_language"], term: row["term"], targetLanguage: row["target_language"],
                                                    targetTerm: row["target_term"], partOfSpeech: row["part_of_speech"], status: row["status"],
                                                    note: row["note"], glossary: row["glossary"], line: row["line"]) {
                        entries.append(entry)
                    }
                }
                return Termbase(entries)
            }
        }
    }
}
