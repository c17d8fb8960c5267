import L10nCore
import L10nGlossary
import PostgresNIO

extension PostgresMemoryStore {
    @discardableResult
    public func addTerms(_ entries: [TermEntry]) async throws -> Int {
        guard !entries.isEmpty else { return 0 }
        let records = entries.map { TermRecord($0) }
        return try await withTransaction { connection in
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
