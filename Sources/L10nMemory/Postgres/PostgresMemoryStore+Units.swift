import L10nCore
import PostgresNIO

extension PostgresMemoryStore {
    // MARK: writing

    /// Units per `INSERT`: each column travels as one array parameter, so a statement's size,
    /// not the parameter limit, bounds a batch.
    static let unitsPerStatement = 1_000

    @discardableResult
    public func add(_ units: [TranslationUnit]) async throws -> Int {
        guard !units.isEmpty else { return 0 }
        return try await add(records: units.map { UnitRecord($0) })
    }

    func beginBulkImport() async throws {}
    func endBulkImport() async throws {}

    func add(records batch: [UnitRecord]) async throws -> Int {
        guard !batch.isEmpty else { return 0 }
        // One row per key: a key twice in one statement cannot be both inserted and updated
        // (PostgreSQL refuses), and added one by one the later unit would replace the earlier.
        var records: [UnitRecord] = []
        var slot: [UnitKey: Int] = [:]
        for r in batch {
            if let k = slot[UnitKey(r)] { records[k] = r } else { slot[UnitKey(r)] = records.count; records.append(r) }
        }
        return try await withTransaction { connection in
            var added = 0
            // Postings and document frequencies go in one statement each per batch.
            var frequencies: [Int64: Int] = [:]
            var postings: (terms: [Int64], lengths: [Int64], units: [Int64]) = ([], [], [])
            for start in stride(from: 0, to: records.count, by: Self.unitsPerStatement) {
                let batch = records[start..<min(start + Self.unitsPerStatement, records.count)]
                let rows = try await connection.query(Self.insertion(batch), logger: Self.logger)
                // xmax is 0 for a row this statement inserted, not for one it updated.
                for try await (id, inserted, key) in rows.decode((Int64, Bool, String).self) where inserted {
                    guard let k = slot[UnitKey(joined: key)] else { continue }
                    let r = records[k]
                    added += 1
                    for term in r.indexTerms {
                        frequencies[term, default: 0] += 1
                        postings.terms.append(term)
                        postings.lengths.append(Int64(r.wordCount))
                        postings.units.append(id)
                    }
                }
            }
            if !postings.terms.isEmpty {
                try await Self.run("""
                    INSERT INTO l10n_posting (term, length, unit)
                    SELECT * FROM unnest(\(postings.terms)::int8[], \(postings.lengths)::int8[], \(postings.units)::int8[])
                    ON CONFLICT DO NOTHING
                    """, on: connection)
            }
            if !frequencies.isEmpty {
                // Sorted, so that two runners adding at once lock the terms in the same order.
                let terms = frequencies.keys.sorted()
                try await Self.run("""
                    INSERT INTO l10n_term (term, df) SELECT * FROM unnest(\(terms)::int8[], \(terms.map { Int64(frequencies[$0]!) })::int8[])
                    ON CONFLICT (term) DO UPDATE SET df = l10n_term.df + EXCLUDED.df
                    """, on: connection)
            }
            return added
        }
    }

    /// One `INSERT … SELECT FROM unnest(…)` for `batch` (keys unique), returning each row's id,
    /// whether it was inserted, and its key (rows come back in no promised order).
    private static func insertion(_ batch: ArraySlice<UnitRecord>) -> PostgresQuery {
        func column<T>(_ path: KeyPath<UnitRecord, T>) -> [T] { batch.map { $0[keyPath: path] } }
        let documents = batch.map { $0.document ?? "" }, noDocument = batch.map { $0.document == nil }
        return """
            INSERT INTO l10n_unit (source_language, target_language, source_key, previous_hash, next_hash, project, market,
            shape_key, match_text, word_count, source_text, source_codes, target_text, target_codes, document, origin,
            properties, notes, created_at, changed_at)
            SELECT sl, tl, sk, ph, nh, pj, mk, sh, mt, wc, st, sc, tt, tc, CASE WHEN nd THEN NULL ELSE dc END, og, pr, nt, ca, ch
            FROM unnest(\(column(\.sourceLanguage))::text[], \(column(\.targetLanguage))::text[], \(column(\.sourceKey))::text[],
                 \(column(\.previousHash))::text[], \(column(\.nextHash))::text[], \(column(\.project))::text[],
                 \(column(\.market))::text[], \(column(\.shapeKey))::text[], \(column(\.matchText))::text[],
                 \(column(\.wordCount))::int8[], \(column(\.sourceText))::text[], \(column(\.sourceCodes))::text[],
                 \(column(\.targetText))::text[], \(column(\.targetCodes))::text[], \(documents)::text[], \(noDocument)::bool[],
                 \(column(\.origin))::text[], \(column(\.properties))::text[], \(column(\.notes))::text[],
                 \(column(\.createdAt))::float8[], \(column(\.changedAt))::float8[])
                 AS u(sl, tl, sk, ph, nh, pj, mk, sh, mt, wc, st, sc, tt, tc, dc, nd, og, pr, nt, ca, ch)
            ON CONFLICT (source_language, target_language, source_key, previous_hash, next_hash, project, market) DO UPDATE SET
            source_text = EXCLUDED.source_text, source_codes = EXCLUDED.source_codes, target_text = EXCLUDED.target_text,
            target_codes = EXCLUDED.target_codes, document = EXCLUDED.document, origin = EXCLUDED.origin,
            properties = EXCLUDED.properties, notes = EXCLUDED.notes, changed_at = EXCLUDED.changed_at
            RETURNING id, (xmax = 0), concat_ws(E'\\x01', source_language, target_language, source_key, previous_hash, next_hash, project, market)
            """
    }

    /// The unique key of a unit row, as the `ON CONFLICT` clause names it.
    private struct UnitKey: Hashable {
        var joined: String

        init(joined: String) { self.joined = joined }

        init(_ r: UnitRecord) {
            joined = [r.sourceLanguage, r.targetLanguage, r.sourceKey, r.previousHash, r.nextHash, r.project, r.market]
                .joined(separator: "\u{1}")
        }
    }

    // MARK: reading

    static func unitRow(_ row: PostgresRow, matchText: Bool = false) throws -> UnitRow {
        let r = row.makeRandomAccess()
        return UnitRow(
            id: try r["id"].decode(Int64.self), sourceLanguage: try r["source_language"].decode(String.self),
            targetLanguage: try r["target_language"].decode(String.self), previousHash: try r["previous_hash"].decode(String.self),
            nextHash: try r["next_hash"].decode(String.self), project: try r["project"].decode(String.self),
            market: try r["market"].decode(String.self), sourceText: try r["source_text"].decode(String.self),
            sourceCodes: try r["source_codes"].decode(String.self), targetText: try r["target_text"].decode(String.self),
            targetCodes: try r["target_codes"].decode(String.self), document: try r["document"].decode(String?.self),
            origin: try r["origin"].decode(String.self), properties: try r["properties"].decode(String.self),
            notes: try r["notes"].decode(String.self), createdAt: try r["created_at"].decode(Double.self),
            changedAt: try r["changed_at"].decode(Double.self), matchText: matchText ? try r["match_text"].decode(String.self) : nil)
    }

    public func forEachUnit(sourceLanguage: LanguageTag? = nil, targetLanguage: LanguageTag? = nil,
                            _ body: (TranslationUnit) throws -> Void) async throws {
        let location = self.location
        try await withConnection { connection in
            let rows = try await connection.query("""
                SELECT \(unescaped: UnitRow.columns) FROM l10n_unit
                WHERE (\(sourceLanguage?.rawValue)::text IS NULL OR source_language = \(sourceLanguage?.rawValue))
                AND (\(targetLanguage?.rawValue)::text IS NULL OR target_language = \(targetLanguage?.rawValue))
                ORDER BY id
                """, logger: Self.logger)
            for try await row in rows { try body(Self.unitRow(row).unit(location: location)) }
        }
    }

    public func stats() async throws -> MemoryStats {
        try await withConnection { connection in
            var units = 0
            for try await n in try await connection.query("SELECT count(*) FROM l10n_unit", logger: Self.logger).decode(Int.self) { units = n }
            var pairs: [MemoryStats.Pair] = []
            for try await (source, target, n) in try await connection.query("""
                SELECT source_language, target_language, count(*) FROM l10n_unit
                GROUP BY source_language, target_language ORDER BY source_language, target_language
                """, logger: Self.logger).decode((String, String, Int).self) {
                pairs.append(MemoryStats.Pair(sourceLanguage: source, targetLanguage: target, units: n))
            }
            var origins: [String: Int] = [:]
            for try await (origin, n) in try await connection.query("SELECT origin, count(*) FROM l10n_unit GROUP BY origin",
                                                                     logger: Self.logger).decode((String, Int).self) {
                origins[origin] = n
            }
            var glossaryEntries = 0
            for try await n in try await connection.query("SELECT count(*) FROM l10n_glossary_entry", logger: Self.logger).decode(Int.self) {
                glossaryEntries = n
            }
            return MemoryStats(units: units, pairs: pairs, origins: origins, schemaVersion: try await Self.schemaVersion(connection),
                               glossaryEntries: glossaryEntries)
        }
    }
}
