import L10nCore
import L10nGlossary
import PostgresNIO

extension PostgresMemoryStore {
    @discardableResult
    public func addTerms(_ entries: [TermEntry]) async throws -> Int {
        guard !entries.isEmpty else { return 0 }
        let records = entries.map { TermRecord($0) }
        return try await withTransaction { try await Self.upsert(records, on: $0) }
    }

    public func replaceTerms(glossary: String, with entries: [TermEntry]) async throws -> TermReplacement {
        // Every row written now carries this one stamp; the glossary's other rows are gone from its file.
        let records = TermRecord.stamped(entries, glossary: glossary)
        let stamp = records.first?.changedAt ?? .infinity
        return try await withTransaction { connection in
            let added = try await Self.upsert(records, on: connection)
            var removed = 0
            let rows = try await connection.query("""
                WITH gone AS (DELETE FROM l10n_glossary_entry WHERE glossary = \(glossary) AND changed_at <> \(stamp) RETURNING 1)
                SELECT count(*) FROM gone
                """, logger: Self.logger)
            for try await n in rows.decode(Int.self) { removed = n }
            return TermReplacement(added: added, updated: records.count - added, removed: removed)
        }
    }

    /// Inserts or updates `records`; returns how many were new.
    private static func upsert(_ records: [TermRecord], on connection: PostgresConnection) async throws -> Int {
        var added = 0
        for r in records {
            let rows = try await connection.query("""
                INSERT INTO l10n_glossary_entry (source_language, term_key, target_language, target_term, glossary,
                term, part_of_speech, status, note, line, changed_at)
                VALUES (\(r.sourceLanguage), \(r.termKey), \(r.targetLanguage), \(r.targetTerm), \(r.glossary), \(r.term),
                \(r.partOfSpeech), \(r.status), \(r.note), \(r.line), \(r.changedAt))
                ON CONFLICT (source_language, term_key, target_language, target_term, glossary) DO UPDATE SET
                term = EXCLUDED.term, part_of_speech = EXCLUDED.part_of_speech, status = EXCLUDED.status, note = EXCLUDED.note,
                line = EXCLUDED.line, changed_at = EXCLUDED.changed_at
                RETURNING (xmax = 0)
                """, logger: Self.logger)
            // xmax is 0 for a row this statement inserted, not for one it updated.
            for try await inserted in rows.decode(Bool.self) where inserted { added += 1 }
        }
        return added
    }

    public func termbase() async throws -> Termbase {
        try await withConnection { connection in
            let rows = try await connection.query("SELECT \(unescaped: TermRecord.columns) FROM l10n_glossary_entry ORDER BY id", logger: Self.logger)
            var entries: [TermEntry] = []
            for try await (source, term, target, targetTerm, pos, status, note, glossary, line)
                in rows.decode((String, String, String, String, String?, String, String?, String, Int?).self) {
                if let entry = TermRecord.entry(sourceLanguage: source, term: term, targetLanguage: target, targetTerm: targetTerm,
                                                partOfSpeech: pos, status: status, note: note, glossary: glossary, line: line) {
                    entries.append(entry)
                }
            }
            return Termbase(entries)
        }
    }
}
