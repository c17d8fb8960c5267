import L10nCore
import L10nGlossary

/// A translation memory store: what every engine (SQLite, PostgreSQL) provides, so the CLI, the
/// importers and the leverage stage work with any of them. Open one from a `--tm` value with
/// ``MemoryLocation``.
///
/// Writes go in batches, each one transaction: a crash loses at most the batch in flight and
/// never leaves half a unit. Adding a unit whose source, languages, neighbours, project and
/// market are already stored replaces that unit's target (the newest translation wins).
///
/// Async because a store may be a server a network away; the SQLite engine answers at once.
public protocol MemoryStore: TranslationMemory {
    /// Where the memory is, fit to print: a path, or a URL without its password.
    var location: String { get }

    /// Stores `units` in one transaction; returns how many were new (the rest updated a unit).
    @discardableResult
    func add(_ units: [TranslationUnit]) async throws -> Int

    /// The best `limit` candidates for `query` scoring at least `threshold`, best first (ties: newest first).
    func lookup(_ query: MemoryQuery, limit: Int, threshold: Int) async throws -> [MemoryCandidate]

    func stats() async throws -> MemoryStats

    /// Every unit, optionally only one language pair, in storage order, handed over as it is read
    /// so an export never holds the whole memory.
    func forEachUnit(sourceLanguage: LanguageTag?, targetLanguage: LanguageTag?,
                     _ body: (TranslationUnit) throws -> Void) async throws

    // MARK: claims (see ClaimKey and docs/translation-memory.md)

    /// Claims `keys` (``ClaimKey``) for `owner` for `ttl`, so that runners sharing this memory do
    /// not pay twice for one sentence. Returns the keys `owner` holds now: those nobody held, those
    /// whose claim expired, and those `owner` already held (their expiry is renewed). The others
    /// are held by another live runner: wait for its translations with
    /// ``MemoryStore/waitForTranslations(of:owner:ttl:pollInterval:)``.
    /// Atomic per call: of two owners claiming one key at once, exactly one gets it.
    func claim(keys: [String], owner: String, ttl: Duration) async throws -> Set<String>

    /// Gives up `owner`'s claims on `keys` (others' claims are left alone); call it once the
    /// translations are stored with ``add(_:)``, or when giving up on them.
    func release(keys: [String], owner: String) async throws

    // MARK: termbase (see docs/glossaries.md)

    /// Stores glossary entries in the termbase index in one transaction; an entry already stored
    /// (same source language, folded term, target language, target term and glossary) is
    /// replaced. Returns how many were new.
    @discardableResult
    func addTerms(_ entries: [TermEntry]) async throws -> Int

    /// Makes the index hold exactly `entries` for the glossary file named `glossary` (entries of
    /// that glossary the file no longer has are removed), in one transaction: the file is the
    /// source of truth. Every entry is stored under `glossary`, whatever its own field says.
    func replaceTerms(glossary: String, with entries: [TermEntry]) async throws -> TermReplacement

    /// Every glossary entry stored, in the order they were first added.
    func termbase() async throws -> Termbase

    /// Closes connections. A store that is not closed closes when released; closing the SQLite
    /// store does nothing.
    func close() async
}

extension MemoryStore {
    /// The leverage stage's question, answered from ``lookup(_:limit:threshold:)``: fuzzy and
    /// number-substituted matches count only when their codes map onto the query's.
    public func bestMatches(for queries: [MemoryQuery], minimumQuality: Int) async throws -> [MemoryMatch?] {
        try await matches(for: queries, minimumQuality: minimumQuality, limit: 1).map(\.first)
    }

    public func matches(for queries: [MemoryQuery], minimumQuality: Int, limit: Int) async throws -> [[MemoryMatch]] {
        try await matches(for: queries, minimumQuality: minimumQuality, limit: limit) { _ in true }
    }

    /// Up to `limit` usable matches per query (a target whose codes map onto the query's), best
    /// first, among the units `admits`; two units with the same translation count once.
    package func matches(for queries: [MemoryQuery], minimumQuality: Int, limit: Int,
                         admitting admits: (TranslationUnit) -> Bool) async throws -> [[MemoryMatch]] {
        var all: [[MemoryMatch]] = []
        all.reserveCapacity(queries.count)
        for query in queries {
            var found: [MemoryMatch] = []
            for candidate in try await lookup(query, limit: max(5, 2 * limit), threshold: minimumQuality) {
                guard found.count < limit, let target = candidate.target, admits(candidate.unit),
                      !found.contains(where: { $0.target == target }) else { continue }
                found.append(MemoryMatch(target: target, quality: candidate.score, origin: candidate.unit.origin.provenanceOrigin,
                                         matchedSource: candidate.unit.source, matchedTarget: candidate.unit.target))
            }
            all.append(found)
        }
        return all
    }

    public func close() async {}
}
