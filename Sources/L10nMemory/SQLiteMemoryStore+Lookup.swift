import GRDB
import L10nCore

extension SQLiteMemoryStore {
    public func lookup(_ query: MemoryQuery, limit: Int = 5, threshold: Int = MemoryLookup.defaultThreshold) throws -> [MemoryCandidate] {
        let text = MatchText(query.source, language: query.sourceLanguage)
        return try run {
            try pool.read { db in
                var ids: [Int64] = []
                // Exact and in-context: the unique key's index.
                ids += try Int64.fetchAll(db, sql: """
                    SELECT id FROM unit WHERE source_language = ? AND target_language = ? AND source_key = ?
                    """, arguments: [query.sourceLanguage.rawValue, query.targetLanguage.rawValue, MatchText.exactKey(query.source)])
                // Only numbers differ: the shape index.
                if !text.numbers.isEmpty {
                    ids += try Int64.fetchAll(db, sql: """
                        SELECT id FROM unit WHERE source_language = ? AND shape_key = ? AND target_language = ? LIMIT 50
                        """, arguments: [query.sourceLanguage.rawValue, text.shapeKey, query.targetLanguage.rawValue])
                }
                if threshold < 100 { ids += try fuzzyCandidates(text, language: query.sourceLanguage, threshold: threshold, db) }
                return try score(Array(Set(ids)), query: query, text: text, limit: limit, threshold: threshold, db)
            }
        }
    }

    /// Units sharing the most of the query's words, read from the postings of its rarest words.
    ///
    /// A unit scoring at least `threshold` has at least ⌈threshold% × n⌉ of the query's n words
    /// (the edit distance leaves no fewer in common), so it holds at least one of the n − that + 1
    /// rarest: reading those postings finds every such unit. A few more words rank the candidates;
    /// the best ``scoredCandidates`` are scored exactly.
    private func fuzzyCandidates(_ text: MatchText, language: LanguageTag, threshold: Int, _ db: Database) throws -> [Int64] {
        let occurrences = text.shapes.filter { $0 != "#" }.map { MatchText.term($0, language: language) }
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
        // Terms no unit has cannot find candidates; the next rarest rank them.
        let ranking = Array(Set(prefix + rarestFirst.prefix(prefix.count + 4))).filter { (df[$0] ?? 0) > 0 }
        let required = prefix.filter { (df[$0] ?? 0) > 0 }
        guard !required.isEmpty else { return [] }
        return try Int64.fetchAll(db, sql: """
            SELECT unit FROM posting WHERE term IN \(Self.placeholders(ranking.count))
            GROUP BY unit HAVING sum(term IN \(Self.placeholders(required.count))) > 0
            ORDER BY count(*) DESC, unit DESC LIMIT \(Self.scoredCandidates)
            """, arguments: StatementArguments(ranking) + StatementArguments(required))
    }

    private func score(_ ids: [Int64], query: MemoryQuery, text: MatchText, limit: Int, threshold: Int, _ db: Database) throws -> [MemoryCandidate] {
        guard !ids.isEmpty else { return [] }
        let previous = query.previous.map(MatchText.contextHash) ?? "", next = query.next.map(MatchText.contextHash) ?? ""
        var found: [(candidate: MemoryCandidate, changed: Double)] = []
        let rows = try Row.fetchAll(db, sql: "SELECT \(Self.unitColumns) FROM unit WHERE id IN \(Self.placeholders(ids.count))",
                                    arguments: StatementArguments(ids))
        for row in rows where (row["target_language"] as String) == query.targetLanguage.rawValue {
            let unitMarket: String = row["market"]
            if let market = query.market, !unitMarket.isEmpty, unitMarket != market { continue }
            let unit = try unit(row)
            let sameContext = (previous, next) == (unit.previousHash ?? "", unit.nextHash ?? "") && !(previous.isEmpty && next.isEmpty)
            let result = MatchScorer.score(query: query.source, queryText: text, stored: unit.source,
                                           storedText: MatchText(unit.source, language: unit.sourceLanguage),
                                           storedTarget: unit.target, sameContext: sameContext)
            guard result.score >= threshold else { continue }
            found.append((MemoryCandidate(unit: unit, score: result.score, kind: result.kind, target: result.target, id: row["id"]),
                          row["changed_at"]))
        }
        found.sort { ($0.candidate.score, $0.changed, $0.candidate.id) > ($1.candidate.score, $1.changed, $1.candidate.id) }
        return found.prefix(limit).map(\.candidate)
    }

    static func placeholders(_ count: Int) -> String {
        "(" + Array(repeating: "?", count: count).joined(separator: ",") + ")"
    }
}
