import L10nCore

/// A translation memory store: what every engine (SQLite now, PostgreSQL later) provides, so the
/// CLI, the importers and the leverage stage work with any of them.
///
/// Writes go in batches, each one transaction: a crash loses at most the batch in flight and
/// never leaves half a unit. Adding a unit whose source, languages, neighbours, project and
/// market are already stored replaces that unit's target (the newest translation wins).
public protocol MemoryStore: TranslationMemory {
    /// Stores `units` in one transaction; returns how many were new (the rest updated a unit).
    @discardableResult
    func add(_ units: [TranslationUnit]) throws -> Int

    /// The best `limit` candidates for `query` scoring at least `threshold`, best first (ties: newest first).
    func lookup(_ query: MemoryQuery, limit: Int, threshold: Int) throws -> [MemoryCandidate]

    func stats() throws -> MemoryStats

    /// Every unit, optionally only one language pair, in storage order, handed over in batches so
    /// an export never holds the whole memory.
    func forEachUnit(sourceLanguage: LanguageTag?, targetLanguage: LanguageTag?,
                     _ body: (TranslationUnit) throws -> Void) throws
}

extension MemoryStore {
    /// The leverage stage's question, answered from ``lookup(_:limit:threshold:)``.
    public func bestMatches(for queries: [MemoryQuery], minimumQuality: Int) async throws -> [MemoryMatch?] {
        try matches(for: queries, minimumQuality: minimumQuality)
    }

    /// The same, synchronously (the store's I/O is a local file): fuzzy and number-substituted
    /// matches count only when their codes map onto the query's.
    public func matches(for queries: [MemoryQuery], minimumQuality: Int) throws -> [MemoryMatch?] {
        try queries.map { query in
            try lookup(query, limit: 5, threshold: minimumQuality).first { $0.target != nil }.map {
                MemoryMatch(target: $0.target!, quality: $0.score, origin: $0.unit.origin.provenanceOrigin)
            }
        }
    }
}
