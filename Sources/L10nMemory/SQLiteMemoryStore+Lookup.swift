import GRDB
import GRDBSQLite
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
                    ids += try fuzzyMatches(text, query: query, limit: limit, threshold: threshold, db)
                }
                let unique = Array(Set(ids))
                guard !unique.isEmpty else { return [] }
                let rows = try Row.fetchAll(db, sql: "SELECT \(UnitRow.columns), match_text FROM unit WHERE id IN \(Self.placeholders(unique.count))",
                                            arguments: StatementArguments(unique)).map(Self.unitRow)
                return try CandidateSelection.best(rows, query: query, text: text, limit: limit, threshold: threshold, location: path)
            }
        }
    }

    /// Candidates scored from their match texts in the order of their bounds, until no other can
    /// enter the result (see ``FuzzyRanking``).
    private func fuzzyMatches(_ text: MatchText, query: MemoryQuery, limit: Int, threshold: Int, _ db: Database) throws -> [Int64] {
        let candidates = try fuzzyCandidates(text, query: query, threshold: threshold, db)
        guard !candidates.isEmpty else { return [] }
        var ranking = FuzzyRanking(query: query, text: text, limit: limit, threshold: threshold)
        var start = 0
        // A few at a time: most lookups stop after the first chunk.
        let chunk = 16
        // One cached statement: the last chunk is padded with an id no row has.
        let statement = try db.cachedStatement(sql: """
            SELECT id, word_count, match_text, market FROM unit WHERE id IN \(Self.placeholders(chunk)) AND target_language = ?
            """)
        while start < candidates.count, ranking.wants(candidates[start].bound) {
            let slice = candidates[start..<min(start + chunk, candidates.count)]
            var briefs: [Int64: CandidateSelection.Brief] = [:]
            let ids = slice.map(\.unit) + Array(repeating: -1, count: chunk - slice.count)
            for row in try Row.fetchAll(statement, arguments: StatementArguments(ids) + [query.targetLanguage.rawValue]) {
                let brief = CandidateSelection.Brief(id: row["id"], wordCount: row["word_count"], matchText: row["match_text"], market: row["market"])
                briefs[brief.id] = brief
            }
            for candidate in slice {
                guard ranking.wants(candidate.bound) else { break }
                if let brief = briefs[candidate.unit] { ranking.consider(brief) }
            }
            start += slice.count
        }
        return ranking.ids
    }

    /// The candidates the postings give, in scoring order (see ``CandidateSelection``).
    private func fuzzyCandidates(_ text: MatchText, query: MemoryQuery, threshold: Int, _ db: Database) throws -> [(unit: Int64, bound: Int)] {
        let occurrences = CandidateSelection.occurrences(text, query)
        guard !occurrences.isEmpty else { return [] }
        let distinct = Array(Set(occurrences))
        var df: [Int64: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT term, df FROM term WHERE term IN \(Self.placeholders(distinct.count))",
                                    arguments: StatementArguments(distinct)) {
            df[row["term"]] = row["df"]
        }
        guard var plan = CandidateSelection.postings(text, occurrences: occurrences, df: df, threshold: threshold) else { return [] }
        let lengths = plan.shortest...max(plan.shortest, plan.longest)
        let reader = try PostingReader(db)
        defer { reader.close() }
        let required = try plan.required.map { (entries: try reader.entries(of: $0, lengths: lengths), weight: plan.weights[$0]!) }
        let others = try plan.weights.keys.filter { !plan.required.contains($0) }.sorted().map {
            (entries: try reader.entries(of: $0, lengths: lengths), weight: plan.weights[$0]!)
        }
        var candidates = CandidateSelection.candidates(required: required, others: others)
        candidates.removeAll { CandidateSelection.bound($0, plan) < threshold }
        // Many candidates left (a short query of common words): reading a common word's postings
        // (a few ns each) is cheaper than scoring hundreds of candidates (µs each).
        while candidates.count > 16, let next = plan.unreadTerms.first,
              next.df <= Self.postingsPerScoredCandidate * min(candidates.count, CandidateSelection.verifiedCandidates) {
            CandidateSelection.read(try reader.entries(of: next.term, lengths: lengths), &plan, into: &candidates, threshold: threshold)
        }
        return CandidateSelection.ordered(candidates, plan, threshold: threshold)
    }

    /// How many postings reading costs about as much as scoring one candidate.
    static let postingsPerScoredCandidate = 300

    static func placeholders(_ count: Int) -> String {
        "(" + Array(repeating: "?", count: count).joined(separator: ",") + ")"
    }
}
