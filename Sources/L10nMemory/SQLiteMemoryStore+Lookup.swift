import GRDB
import L10nCore

extension SQLiteMemoryStore {
    public func lookup(_ query: MemoryQuery, limit: Int = 5, threshold: Int = MemoryLookup.defaultThreshold) async throws -> [MemoryCandidate] {
        let text = MatchText(query.source, language: query.sourceLanguage)
        return try run {
            try pool.read { db in
                // Exact and in-context: the unique key's index.
                var ids = try Int64.fetchAll(db, sql: """
                    SELECT id FROM unit WHERE source_language = ? AND target_language = ? AND source_key = ?
                    """, arguments: [query.sourceLanguage.rawValue, query.targetLanguage.rawValue, MatchText.exactKey(query.source)])
                // Only numbers differ: the shape index.
                if !text.numbers.isEmpty {
                    ids += try Int64.fetchAll(db, sql: """
                        SELECT id FROM unit WHERE source_language = ? AND shape_key = ? AND target_language = ? LIMIT 50
                        """, arguments: [query.sourceLanguage.rawValue, text.shapeKey, query.targetLanguage.rawValue])
                }
                if threshold < 100 {
                    let candidates = try fuzzyCandidates(text, query: query, threshold: threshold, db)
                    if !candidates.isEmpty {
                        let briefs = try Row.fetchAll(db, sql: """
                            SELECT id, word_count, match_text, market FROM unit WHERE id IN \(Self.placeholders(candidates.count)) AND target_language = ?
                            """, arguments: StatementArguments(candidates) + [query.targetLanguage.rawValue]).map {
                            CandidateSelection.Brief(id: $0["id"], wordCount: $0["word_count"], matchText: $0["match_text"], market: $0["market"])
                        }
                        ids += CandidateSelection.rankedByFuzzyScore(briefs, query: query, text: text, limit: limit, threshold: threshold)
                    }
                }
                let unique = Array(Set(ids))
                guard !unique.isEmpty else { return [] }
                let rows = try Row.fetchAll(db, sql: "SELECT \(UnitRow.columns), match_text FROM unit WHERE id IN \(Self.placeholders(unique.count))",
                                            arguments: StatementArguments(unique)).map(Self.unitRow)
                return try CandidateSelection.best(rows, query: query, text: text, limit: limit, threshold: threshold, location: path)
            }
        }
    }

    /// The candidates the postings give (see ``CandidateSelection/postings(_:occurrences:df:threshold:)``).
    private func fuzzyCandidates(_ text: MatchText, query: MemoryQuery, threshold: Int, _ db: Database) throws -> [Int64] {
        let occurrences = CandidateSelection.occurrences(text, query)
        guard !occurrences.isEmpty else { return [] }
        let distinct = Array(Set(occurrences))
        var df: [Int64: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT term, df FROM term WHERE term IN \(Self.placeholders(distinct.count))",
                                    arguments: StatementArguments(distinct)) {
            df[row["term"]] = row["df"]
        }
        guard let plan = CandidateSelection.postings(text, occurrences: occurrences, df: df, threshold: threshold) else { return [] }
        return try Int64.fetchAll(db, sql: """
            SELECT unit FROM posting WHERE term IN \(Self.placeholders(plan.ranking.count)) AND length BETWEEN ? AND ?
            GROUP BY unit HAVING sum(term IN \(Self.placeholders(plan.required.count))) > 0
            ORDER BY count(*) DESC, unit DESC LIMIT \(CandidateSelection.scoredCandidates)
            """, arguments: StatementArguments(plan.ranking) + [plan.shortest, plan.longest] + StatementArguments(plan.required))
    }

    static func placeholders(_ count: Int) -> String {
        "(" + Array(repeating: "?", count: count).joined(separator: ",") + ")"
    }
}
