import L10nCore

/// Scores a lookup's fuzzy candidates from their stored match texts (no unit is decoded), in the
/// order ``CandidateSelection/ordered(_:_:threshold:)`` gives, and says when to stop: once
/// `limit` candidates are scored, one whose bound is below the `limit`-th best score cannot
/// enter the result, and neither can any after it. The result is what scoring every candidate
/// would give (up to ``CandidateSelection/verifiedCandidates`` scored).
///
/// Exact and number-substituted candidates do not need this (their own lookups found them), so
/// the fuzzy score ranks the rest faithfully.
struct FuzzyRanking {
    let query: MemoryQuery
    let text: MatchText
    let limit: Int
    let threshold: Int
    private(set) var scored: [(score: Int, id: Int64)] = []
    private(set) var verified = 0
    /// The best `limit` scores so far, best first.
    private var top: [Int] = []

    init(query: MemoryQuery, text: MatchText, limit: Int, threshold: Int) {
        (self.query, self.text, self.limit, self.threshold) = (query, text, max(1, limit), threshold)
    }

    /// Whether a candidate that can score at most `bound` may still enter the result (ties at
    /// the cut included: the newest of equal scores wins later).
    func wants(_ bound: Int) -> Bool {
        guard bound >= threshold, verified < CandidateSelection.verifiedCandidates else { return false }
        return top.count < limit || bound >= top[limit - 1]
    }

    mutating func consider(_ candidate: CandidateSelection.Brief) {
        verified += 1
        if let market = query.market, !candidate.market.isEmpty, candidate.market != market { return }
        guard MatchScorer.fuzzyBound(text.words.count, candidate.wordCount) >= threshold else { return }
        // Penalties only lower the word score: below the threshold, nothing more to parse.
        guard MatchScorer.wordScore(text.words, MatchText.words(ofSerialized: candidate.matchText)) >= threshold,
              let stored = MatchText(serialized: candidate.matchText) else { return }
        let score = MatchScorer.fuzzyScore(text, stored)
        guard score >= threshold else { return }
        scored.append((score, candidate.id))
        let at = top.firstIndex { $0 < score } ?? top.count
        if at < limit {
            top.insert(score, at: at)
            if top.count > limit { top.removeLast() }
        }
    }

    /// The ids to read whole: the `limit` best, and those tied with the last of them (up to
    /// four times `limit`).
    var ids: [Int64] {
        let sorted = scored.sorted { ($0.score, $0.id) > ($1.score, $1.id) }
        guard sorted.count > limit else { return sorted.map(\.id) }
        let cut = sorted[limit - 1].score
        return sorted.prefix { $0.score >= cut }.prefix(limit * 4).map(\.id)
    }
}
