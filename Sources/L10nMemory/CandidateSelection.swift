import L10nCore

/// The engine-neutral half of a lookup: which postings to read, which candidates to read whole,
/// and how the read units are scored and ordered. Each engine only runs the SQL in between, so
/// SQLite and PostgreSQL give the same answers.
enum CandidateSelection {
    /// How many candidates from the postings are scored exactly, at most.
    static let scoredCandidates = 300

    /// The most units a word may occur in to be read only for ranking candidates.
    static let rankingTermLimit = 20_000

    /// What to read from the postings for a fuzzy lookup.
    struct PostingsQuery {
        /// A candidate must hold one of these (the prefix filter).
        var required: [Int64]
        /// These rank the candidates (the required terms and a few more rare ones).
        var ranking: [Int64]
        /// Word counts that can reach the threshold: 100 × shorter ÷ longer ≥ threshold.
        var shortest: Int
        var longest: Int
    }

    /// A candidate's stored match text, before its unit is read.
    struct Brief {
        var id: Int64
        var wordCount: Int
        var matchText: String
        var market: String
    }

    /// The index terms of the query's words, one per occurrence (numbers left out).
    static func occurrences(_ text: MatchText, _ query: MemoryQuery) -> [Int64] {
        text.shapes.filter { $0 != "#" }.map { MatchText.term($0, from: query.sourceLanguage, to: query.targetLanguage) }
    }

    /// Units sharing the most of the query's words are read from the postings of its rarest words.
    ///
    /// A unit scoring at least `threshold` has at least ⌈threshold% × n⌉ of the query's n words
    /// (the edit distance leaves no fewer in common), so it holds at least one of the n − that + 1
    /// rarest: reading those postings finds every such unit. A few more words rank the candidates;
    /// the best ``scoredCandidates`` are scored exactly. Nil when no stored unit can match.
    static func postings(_ text: MatchText, occurrences: [Int64], df: [Int64: Int], threshold: Int) -> PostingsQuery? {
        let n = text.words.count
        let mustShare = (threshold * n + 99) / 100
        let rarestFirst = occurrences.sorted { (df[$0] ?? 0, $0) < (df[$1] ?? 0, $1) }
        var prefix: [Int64] = []
        for term in rarestFirst.prefix(max(1, n - mustShare + 1)) where !prefix.contains(term) { prefix.append(term) }
        // Terms no unit has cannot find candidates. A few more rare words rank them; common
        // words would only make the postings read longer.
        let required = prefix.filter { (df[$0] ?? 0) > 0 }
        guard !required.isEmpty else { return nil }
        let extra = rarestFirst.dropFirst(prefix.count).filter { (1...rankingTermLimit).contains(df[$0] ?? 0) && !required.contains($0) }
        let ranking = Array(Set(required + extra.prefix(4)))
        return PostingsQuery(required: required, ranking: ranking, shortest: (threshold * n + 99) / 100,
                             longest: threshold > 0 ? 100 * n / threshold : Int(Int32.max))
    }

    /// The `limit` best of `candidates` by fuzzy score, from their stored match texts (no unit is
    /// decoded): only these are read whole. Exact and number-substituted candidates do not need
    /// this (their own lookups found them), so the fuzzy score ranks the rest faithfully.
    static func rankedByFuzzyScore(_ candidates: [Brief], query: MemoryQuery, text: MatchText, limit: Int, threshold: Int) -> [Int64] {
        var scored: [(score: Int, id: Int64)] = []
        for candidate in candidates {
            if let market = query.market, !candidate.market.isEmpty, candidate.market != market { continue }
            guard MatchScorer.fuzzyBound(text.words.count, candidate.wordCount) >= threshold else { continue }
            // Penalties only lower the word score: below the threshold, nothing more to parse.
            guard MatchScorer.wordScore(text.words, MatchText.words(ofSerialized: candidate.matchText)) >= threshold,
                  let stored = MatchText(serialized: candidate.matchText) else { continue }
            let score = MatchScorer.fuzzyScore(text, stored)
            if score >= threshold { scored.append((score, candidate.id)) }
        }
        scored.sort { ($0.score, $0.id) > ($1.score, $1.id) }
        // Ties at the cut are kept: the newest of equal scores wins in `best`.
        guard scored.count > limit else { return scored.map(\.id) }
        let cut = scored[limit - 1].score
        return scored.prefix { $0.score >= cut }.prefix(limit * 4).map(\.id)
    }

    /// Scores the read units against the query: the best `limit` at or above `threshold`, best
    /// first, the newest first among equals.
    static func best(_ rows: [UnitRow], query: MemoryQuery, text: MatchText, limit: Int, threshold: Int,
                     location: String) throws -> [MemoryCandidate] {
        let previous = query.previous.map(MatchText.contextHash) ?? "", next = query.next.map(MatchText.contextHash) ?? ""
        var found: [(candidate: MemoryCandidate, changed: Double)] = []
        for row in rows where row.targetLanguage == query.targetLanguage.rawValue {
            if let market = query.market, !row.market.isEmpty, row.market != market { continue }
            let unit = try row.unit(location: location)
            let sameContext = (previous, next) == (row.previousHash, row.nextHash) && !(previous.isEmpty && next.isEmpty)
            let storedText = row.matchText.flatMap(MatchText.init(serialized:)) ?? MatchText(unit.source, language: unit.sourceLanguage)
            let result = MatchScorer.score(query: query.source, queryText: text, stored: unit.source, storedText: storedText,
                                           storedTarget: unit.target, sameContext: sameContext)
            guard result.score >= threshold else { continue }
            found.append((MemoryCandidate(unit: unit, score: result.score, kind: result.kind, target: result.target, id: row.id),
                          row.changedAt))
        }
        found.sort { ($0.candidate.score, $0.changed, $0.candidate.id) > ($1.candidate.score, $1.changed, $1.candidate.id) }
        return found.prefix(limit).map(\.candidate)
    }
}
