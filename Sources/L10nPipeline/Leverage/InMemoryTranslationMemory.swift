import L10nCore
import L10nMemory

/// A translation memory held in memory: exact (100) and in-context exact (101) matches over
/// translated documents an embedding program already has (a translated XLIFF read back, an
/// earlier run's output). The SQLite/PostgreSQL stores of the memory layer answer the same
/// protocol with fuzzy matching on top.
///
/// Sources are compared by their text and their codes' kinds and original markup, not by code
/// ids (ids are numbered per unit, so the same sentence in another paragraph has other ids); a
/// match's target gets the query's code ids back, position by position.
public struct InMemoryTranslationMemory: TranslationMemory {
    private struct Entry: Sendable {
        var source: Content
        var target: Content
        var previous: String?
        var next: String?
        var market: String?
        var origin: Provenance.Origin
    }

    private var entries: [String: [Entry]] = [:]

    public init() {}

    /// The translated segments of `documents` (``Segment/isTranslated``: not an untouched prefilled copy).
    public init(learningFrom documents: [Document], market: String? = nil) {
        for document in documents { learn(document, market: market) }
    }

    /// Adds one translation. `previous`/`next` are the neighbouring sources, for 101 matches.
    public mutating func add(source: Content, target: Content, sourceLanguage: LanguageTag, targetLanguage: LanguageTag,
                             previous: Content? = nil, next: Content? = nil, market: String? = nil, origin: Provenance.Origin = .human) {
        let key = Self.key(sourceLanguage, targetLanguage, source)
        entries[key, default: []].append(Entry(source: source, target: target, previous: previous.map(Self.fingerprint),
                                               next: next.map(Self.fingerprint), market: market, origin: origin))
    }

    /// Adds every translated segment of `document`.
    public mutating func learn(_ document: Document, market: String? = nil) {
        guard let sourceLanguage = LanguageTag(document.sourceLanguage), let targetLanguage = document.targetLanguage.flatMap(LanguageTag.init) else { return }
        let segments = document.units.filter(\.translate).flatMap { $0.segments.filter { !$0.isIgnorable } }
        for (i, segment) in segments.enumerated() {
            guard segment.isTranslated, let target = segment.target else { continue }
            add(source: segment.source, target: target, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
                previous: i > 0 ? segments[i - 1].source : nil, next: i + 1 < segments.count ? segments[i + 1].source : nil,
                market: market, origin: segment.provenance?.origin ?? .human)
        }
    }

    public var count: Int { entries.values.reduce(0) { $0 + $1.count } }

    public func bestMatches(for queries: [MemoryQuery], minimumQuality: Int) async throws -> [MemoryMatch?] {
        queries.map { best(for: $0, minimumQuality: minimumQuality) }
    }

    private func best(for query: MemoryQuery, minimumQuality: Int) -> MemoryMatch? {
        guard let candidates = entries[Self.key(query.sourceLanguage, query.targetLanguage, query.source)] else { return nil }
        let previous = query.previous.map(Self.fingerprint), next = query.next.map(Self.fingerprint)
        var best: (entry: Entry, quality: Int)?
        // Later entries win ties: the newest translation of a sentence is the one to reuse.
        for entry in candidates {
            if let m = entry.market, let q = query.market, m != q { continue }
            let quality = entry.previous == previous && entry.next == next ? 101 : 100
            if quality >= minimumQuality, quality >= (best?.quality ?? 0) { best = (entry, quality) }
        }
        guard let best, let target = MatchScorer.renumber(best.entry.target, from: best.entry.source, to: query.source) else { return nil }
        return MemoryMatch(target: target, quality: best.quality, origin: best.entry.origin)
    }

    private static func key(_ source: LanguageTag, _ target: LanguageTag, _ content: Content) -> String {
        source.rawValue + "\u{1}" + target.rawValue + "\u{1}" + fingerprint(content)
    }

    /// Text plus each code's kind and original markup; ids left out (the SQLite store's key too).
    private static func fingerprint(_ content: Content) -> String { MatchText.fingerprint(content) }
}
