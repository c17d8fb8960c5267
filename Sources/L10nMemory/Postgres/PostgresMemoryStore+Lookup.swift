import L10nCore
import PostgresNIO

extension PostgresMemoryStore {
    /// The SQLite engine's lookup (see ``SQLiteMemoryStore``), statement for statement, on one
    /// leased connection.
    public func lookup(_ query: MemoryQuery, limit: Int = 5, threshold: Int = MemoryLookup.defaultThreshold) async throws -> [MemoryCandidate] {
        let text = MatchText(query.source, language: query.sourceLanguage)
        let location = self.location
        return try await withConnection { connection in
            let (source, target) = (query.sourceLanguage.rawValue, query.targetLanguage.rawValue)
            // Exact and in-context: the unique key's index.
            var ids = try await Self.ids("""
                SELECT id FROM l10n_unit WHERE source_language = \(source) AND target_language = \(target)
                AND source_key = \(MatchText.exactKey(query.source))
                """, connection)
            // Only numbers differ: the shape index.
            if !text.numbers.isEmpty {
                ids += try await Self.ids("""
                    SELECT id FROM l10n_unit WHERE source_language = \(source) AND shape_key = \(text.shapeKey)
                    AND target_language = \(target) LIMIT 50
                    """, connection)
            }
            if threshold < 100 {
                let candidates = try await Self.fuzzyCandidates(text, query: query, threshold: threshold, connection)
                var ranking = FuzzyRanking(query: query, text: text, limit: limit, threshold: threshold)
                var start = 0
                while start < candidates.count, ranking.wants(candidates[start].bound) {
                    let slice = candidates[start..<min(start + 16, candidates.count)]
                    var briefs: [Int64: CandidateSelection.Brief] = [:]
                    for try await (id, words, matchText, market) in try await connection.query("""
                        SELECT id, word_count, match_text, market FROM l10n_unit WHERE id = ANY(\(slice.map(\.unit))) AND target_language = \(target)
                        """, logger: Self.logger).decode((Int64, Int, String, String).self) {
                        briefs[id] = CandidateSelection.Brief(id: id, wordCount: words, matchText: matchText, market: market)
                    }
                    for candidate in slice {
                        guard ranking.wants(candidate.bound) else { break }
                        if let brief = briefs[candidate.unit] { ranking.consider(brief) }
                    }
                    start += slice.count
                }
                ids += ranking.ids
            }
            let unique = Array(Set(ids))
            guard !unique.isEmpty else { return [] }
            var rows: [UnitRow] = []
            for try await row in try await connection.query("""
                SELECT \(unescaped: UnitRow.columns), match_text FROM l10n_unit WHERE id = ANY(\(unique))
                """, logger: Self.logger) {
                rows.append(try Self.unitRow(row, matchText: true))
            }
            return try CandidateSelection.best(rows, query: query, text: text, limit: limit, threshold: threshold, location: location)
        }
    }

    private static func ids(_ query: PostgresQuery, _ connection: PostgresConnection) async throws -> [Int64] {
        var ids: [Int64] = []
        for try await id in try await connection.query(query, logger: logger).decode(Int64.self) { ids.append(id) }
        return ids
    }

    /// The candidates the postings give, in scoring order (see ``CandidateSelection``): the
    /// server sums each unit's weight over the read terms, as the SQLite engine does in memory.
    private static func fuzzyCandidates(_ text: MatchText, query: MemoryQuery, threshold: Int,
                                        _ connection: PostgresConnection) async throws -> [(unit: Int64, bound: Int)] {
        let occurrences = CandidateSelection.occurrences(text, query)
        guard !occurrences.isEmpty else { return [] }
        var df: [Int64: Int] = [:]
        for try await (term, n) in try await connection.query("""
            SELECT term, df FROM l10n_term WHERE term = ANY(\(Array(Set(occurrences))))
            """, logger: logger).decode((Int64, Int).self) {
            df[term] = n
        }
        guard let plan = CandidateSelection.postings(text, occurrences: occurrences, df: df, threshold: threshold) else { return [] }
        let terms = plan.weights.keys.sorted(), weights = terms.map { Int64(plan.weights[$0]!) }
        var candidates: [CandidateSelection.Candidate] = []
        for try await (unit, length, weight) in try await connection.query("""
            SELECT p.unit, min(p.length)::int8, sum(w.weight)::int8 FROM l10n_posting p
            JOIN unnest(\(terms)::int8[], \(weights)::int8[]) AS w(term, weight) ON p.term = w.term
            WHERE p.length BETWEEN \(plan.shortest) AND \(plan.longest)
            GROUP BY p.unit HAVING bool_or(p.term = ANY(\(plan.required)))
            """, logger: logger).decode((Int64, Int, Int).self) {
            candidates.append(CandidateSelection.Candidate(unit: unit, length: length, weight: weight))
        }
        return CandidateSelection.ordered(candidates, plan, threshold: threshold)
    }
}
