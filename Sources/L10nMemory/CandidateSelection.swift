import L10nCore

/// The engine-neutral half of a lookup: which postings to read, which candidates to read whole,
/// and how the read units are scored and ordered. Each engine only runs the SQL in between, so
/// SQLite and PostgreSQL give the same answers.
enum CandidateSelection {
    /// How many candidates are scored exactly, at most (a bound on the rare query whose words
    /// are all common; a typical lookup scores a few).
    static let verifiedCandidates = 1_000

    /// The most units a word beyond the prefix may occur in to be read for the bounds.
    static let boundingTermLimit = 50_000

    /// The most postings a lookup reads beyond the prefix's own.
    static let boundingBudget = 150_000

    /// What to read from the postings for a fuzzy lookup.
    struct PostingsQuery: Sendable {
        /// A candidate must hold one of these (the prefix filter).
        var required: [Int64]
        /// Every term read (the required ones and rare others) with how often it occurs in the
        /// query: a candidate's weight is the sum over the read terms it holds.
        var weights: [Int64: Int]
        /// The query's words no read term covers (common words left unread, and numbers): each
        /// may be one more word a candidate shares.
        var unread: Int
        /// The query's words no read term covers, rarest first, with how often each occurs in
        /// the query and in how many units: an engine may read some of them to tighten the
        /// bounds (``read(_:_:into:threshold:)``).
        var unreadTerms: [(term: Int64, count: Int, df: Int)]
        /// The query's word count.
        var words: Int
        /// Word counts that can reach the threshold: 100 × shorter ÷ longer ≥ threshold.
        var shortest: Int
        var longest: Int
    }

    /// A unit the postings gave: its word count and the weight of the read terms it holds.
    struct Candidate: Hashable, Sendable {
        var unit: Int64
        var length: Int
        var weight: Int
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

    /// Which postings to read: the prefix filter's terms, and rare terms beyond it to bound
    /// each candidate's score before it is read.
    ///
    /// A unit scoring at least `threshold` against the query's n words shares at least
    /// s = ⌈threshold% × n⌉ of them (the edit distance leaves no fewer in common), so at least
    /// s − (numbers) of its non-number words: it holds one of the q − that + 1 rarest of the q
    /// non-number words. Reading those postings finds every such unit. Nil when no stored unit
    /// can match.
    static func postings(_ text: MatchText, occurrences: [Int64], df: [Int64: Int], threshold: Int) -> PostingsQuery? {
        let n = text.words.count, numbers = n - occurrences.count
        var multiplicity: [Int64: Int] = [:]
        for term in occurrences { multiplicity[term, default: 0] += 1 }
        let rarestFirst = multiplicity.keys.sorted { (df[$0] ?? 0, $0) < (df[$1] ?? 0, $1) }
        let mustShare = (threshold * n + 99) / 100 - numbers
        let prefixOccurrences = occurrences.count - mustShare + 1
        var required: [Int64] = [], weights: [Int64: Int] = [:]
        var covered = 0, read = 0, index = 0
        // The prefix: terms no unit holds cover their occurrences without a read.
        while index < rarestFirst.count, covered < prefixOccurrences {
            let term = rarestFirst[index]
            let count = df[term] ?? 0
            covered += multiplicity[term]!
            weights[term] = multiplicity[term]!
            if count > 0 { required.append(term); read += count }
            index += 1
        }
        guard !required.isEmpty else { return nil }
        // Rare terms beyond it tighten the bounds; common ones would only lengthen the reads.
        var extra = 0
        while index < rarestFirst.count {
            let term = rarestFirst[index], count = df[term] ?? 0
            guard count <= boundingTermLimit, extra + count <= boundingBudget else { break }
            extra += count
            covered += multiplicity[term]!
            weights[term] = multiplicity[term]!
            index += 1
        }
        let unreadTerms = rarestFirst[index...].map { (term: $0, count: multiplicity[$0]!, df: df[$0] ?? 0) }
        return PostingsQuery(required: required, weights: weights, unread: occurrences.count - covered + numbers,
                             unreadTerms: unreadTerms, words: n,
                             shortest: (threshold * n + 99) / 100, longest: threshold > 0 ? 100 * n / threshold : Int(Int32.max))
    }

    /// The highest word score `candidate` can reach: it shares at most its weight plus the
    /// unread words (and no more than either side has), over the longer word count.
    static func bound(_ candidate: Candidate, _ plan: PostingsQuery) -> Int {
        let longest = max(plan.words, candidate.length)
        guard longest > 0 else { return 100 }
        let shared = min(candidate.weight + plan.unread, plan.words, candidate.length)
        return 100 * shared / longest
    }

    /// The candidates that can reach `threshold`, the highest bound first (the newest first
    /// among equals): the order they are scored in.
    static func ordered(_ candidates: [Candidate], _ plan: PostingsQuery, threshold: Int) -> [(unit: Int64, bound: Int)] {
        var out: [(unit: Int64, bound: Int)] = []
        out.reserveCapacity(candidates.count)
        for candidate in candidates {
            let b = bound(candidate, plan)
            if b >= threshold { out.append((candidate.unit, b)) }
        }
        out.sort { ($0.bound, $0.unit) > ($1.bound, $1.unit) }
        return out
    }

    /// Merges posting lists sorted by unit into candidates sorted by unit. `required` lists
    /// admit units; the others only add their weight to admitted ones.
    static func candidates(required: [(entries: [PostingList.Entry], weight: Int)],
                           others: [(entries: [PostingList.Entry], weight: Int)]) -> [Candidate] {
        var merged: [Candidate] = []
        for list in required {
            var next: [Candidate] = []
            next.reserveCapacity(merged.count + list.entries.count)
            var i = 0, j = 0
            let a = merged, b = list.entries
            while i < a.count || j < b.count {
                if j == b.count || (i < a.count && a[i].unit < b[j].unit) {
                    next.append(a[i]); i += 1
                } else if i == a.count || b[j].unit < a[i].unit {
                    next.append(Candidate(unit: b[j].unit, length: b[j].length, weight: list.weight)); j += 1
                } else {
                    var c = a[i]
                    c.weight += list.weight
                    next.append(c); i += 1; j += 1
                }
            }
            merged = next
        }
        for list in others { add(list.entries, weight: list.weight, to: &merged) }
        return merged
    }

    /// Adds `weight` to the candidates that `entries` (sorted by unit) hold.
    static func add(_ entries: [PostingList.Entry], weight: Int, to candidates: inout [Candidate]) {
        var i = 0, j = 0
        while i < candidates.count && j < entries.count {
            if candidates[i].unit < entries[j].unit { i += 1 } else if entries[j].unit < candidates[i].unit { j += 1 } else {
                candidates[i].weight += weight
                i += 1; j += 1
            }
        }
    }

    /// Reads the next unread term's postings (`entries`, from ``PostingsQuery/unreadTerms``)
    /// into the candidates' weights and the plan, and drops the candidates that can no longer
    /// reach `threshold`. An engine does this while many candidates are left and the term's
    /// postings cost less to read than scoring them would.
    static func read(_ entries: [PostingList.Entry], _ plan: inout PostingsQuery, into candidates: inout [Candidate], threshold: Int) {
        guard !plan.unreadTerms.isEmpty else { return }
        let next = plan.unreadTerms.removeFirst()
        add(entries, weight: next.count, to: &candidates)
        plan.weights[next.term] = next.count
        plan.unread -= next.count
        candidates.removeAll { bound($0, plan) < threshold }
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
