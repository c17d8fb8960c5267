import GRDB
import L10nCore

extension SQLiteMemoryStore {
    public func lookup(_ query: MemoryQuery, limit: Int = 5, threshold: Int = MemoryLookup.defaultThreshold) throws -> [MemoryCandidate] {
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
                    ids += try rankedByFuzzyScore(candidates, query: query, text: text, limit: limit, threshold: threshold, db)
                }
                return try score(Array(Set(ids)), query: query, text: text, limit: limit, threshold: threshold, db)
            }
        }
    }

    /// The `limit` best of `candidates` by fuzzy score, from their stored match texts (no unit is
    /// decoded): only these are read whole. Exact and number-substituted candidates do not need
    /// this (their own lookups found them), so the fuzzy score ranks the rest faithfully.
    private func rankedByFuzzyScore(_ candidates: [Int64], query: MemoryQuery, text: MatchText, limit: Int, threshold: Int,
                                    _ db: Database) throws -> [Int64] {
        guard !candidates.isEmpty else { return [] }
        var scored: [(score: Int, id: Int64)] = []
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, word_count, match_text, market FROM unit WHERE id IN \(Self.placeholders(candidates.count)) AND target_language = ?
            """, arguments: StatementArguments(candidates) + [query.targetLanguage.rawValue])
        while let row = try rows.next() {
            if let market = query.market, let unitMarket: String = row["market"], !unitMarket.isEmpty, unitMarket != market { continue }
            guard MatchScorer.fuzzyBound(text.words.count, row["word_count"]) >= threshold else { continue }
            let serialized: String = row["match_text"]
            // Penalties only lower the word score: below the threshold, nothing more to parse.
            guard MatchScorer.wordScore(text.words, MatchText.words(ofSerialized: serialized)) >= threshold,
                  let stored = MatchText(serialized: serialized) else { continue }
            let score = MatchScorer.fuzzyScore(text, stored)
            if score >= threshold { scored.append((score, row["id"])) }
        }
        scored.sort { ($0.score, $0.id) > ($1.score, $1.id) }
        // Ties at the cut are kept: the newest of equal scores wins in `score`.
        guard scored.count > limit else { return scored.map(\.id) }
        let cut = scored[limit - 1].score
        return scored.prefix { $0.score >= cut }.prefix(limit * 4).map(\.id)
    }

    /// Units sharing the most of the query's words, read from the postings of its rarest words.
    ///
    /// A unit scoring at least `threshold` has at least ⌈threshold% × n⌉ of the query's n words
    /// (the edit distance leaves no fewer in common), so it holds at least one of the n − that + 1
    /// rarest: reading those postings finds every such unit. A few more words rank the candidates;
    /// the best ``scoredCandidates`` are scored exactly.
    private func fuzzyCandidates(_ text: MatchText, query: MemoryQuery, threshold: Int, _ db: Database) throws -> [Int64] {
        let occurrences = text.shapes.filter { $0 != "#" }.map { MatchText.term($0, from: query.sourceLanguage, to: query.targetLanguage) }
        guard !occurrences.isEmpty else { return [] }
        let distinct = Array(Set(occurrences))
        var df: [Int64: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT term, df FROM term WHERE term IN \(Self.placeholders(distinct.count))",
                                    arguments: StatementArguments(distinct)) {
            df[row["term"]] = row["df"]
        }
        let n = text.words.count
        let mustShare = (threshold * n + 99) / 100
        let rarestFirst = occurrences.sorted { (df[$0] ?? 0, $0) < (df[$1] ?? 0, $1) }
        var prefix: [Int64] = []
        for term in rarestFirst.prefix(max(1, n - mustShare + 1)) where !prefix.contains(term) { prefix.append(term) }
        // Terms no unit has cannot find candidates. A few more rare words rank them; common
        // words would only make the postings read longer.
        let required = prefix.filter { (df[$0] ?? 0) > 0 }
        guard !required.isEmpty else { return [] }
        let extra = rarestFirst.dropFirst(prefix.count).filter { (1...Self.rankingTermLimit).contains(df[$0] ?? 0) && !required.contains($0) }
        let ranking = Array(Set(required + extra.prefix(4)))
        // Word counts that can reach the threshold: 100 × shorter ÷ longer ≥ threshold.
        let shortest = (threshold * n + 99) / 100
        let longest = threshold > 0 ? 100 * n / threshold : Int(Int32.max)
        return try Int64.fetchAll(db, sql: """
            SELECT unit FROM posting WHERE term IN \(Self.placeholders(ranking.count)) AND length BETWEEN ? AND ?
            GROUP BY unit HAVING sum(term IN \(Self.placeholders(required.count))) > 0
            ORDER BY count(*) DESC, unit DESC LIMIT \(Self.scoredCandidates)
            """, arguments: StatementArguments(ranking) + [shortest, longest] + StatementArguments(required))
    }

    private func score(_ ids: [Int64], query: MemoryQuery, text: MatchText, limit: Int, threshold: Int, _ db: Database) throws -> [MemoryCandidate] {
        guard !ids.isEmpty else { return [] }
        let previous = query.previous.map(MatchText.contextHash) ?? "", next = query.next.map(MatchText.contextHash) ?? ""
        var found: [(candidate: MemoryCandidate, changed: Double)] = []
        let rows = try Row.fetchAll(db, sql: "SELECT \(Self.unitColumns), match_text FROM unit WHERE id IN \(Self.placeholders(ids.count))",
                                    arguments: StatementArguments(ids))
        for row in rows where (row["target_language"] as String) == query.targetLanguage.rawValue {
            let unitMarket: String = row["market"]
            if let market = query.market, !unitMarket.isEmpty, unitMarket != market { continue }
            let unit = try unit(row)
            let sameContext = (previous, next) == (unit.previousHash ?? "", unit.nextHash ?? "") && !(previous.isEmpty && next.isEmpty)
            let storedText = MatchText(serialized: row["match_text"]) ?? MatchText(unit.source, language: unit.sourceLanguage)
            let result = MatchScorer.score(query: query.source, queryText: text, stored: unit.source, storedText: storedText,
                                           storedTarget: unit.target, sameContext: sameContext)
            guard result.score >= threshold else { continue }
            found.append((MemoryCandidate(unit: unit, score: result.score, kind: result.kind, target: result.target, id: row["id"]),
                          row["changed_at"]))
        }
        found.sort { ($0.candidate.score, $0.changed, $0.candidate.id) > ($1.candidate.score, $1.changed, $1.candidate.id) }
        return found.prefix(limit).map(\.candidate)
    }

    /// The most units a word may occur in to be read only for ranking candidates.
    static let rankingTermLimit = 20_000

    static func placeholders(_ count: Int) -> String {
        "(" + Array(repeating: "?", count: count).joined(separator: ",") + ")"
    }
}
