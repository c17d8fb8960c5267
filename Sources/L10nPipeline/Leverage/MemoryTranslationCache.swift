import Foundation
import L10nCore
import L10nMemory
import L10nMT

/// A ``TranslationCache`` in a translation memory: each machine translation is a unit whose
/// origin is `mt:<backend>`, so the memory a team already keeps (SQLite, or a shared
/// PostgreSQL for many CI runners) is also what stops paying twice — and a translator can see
/// and export those drafts like any other unit.
///
/// Only an exact source (same text, same inline codes) from the same engine for the same
/// languages and formality is a hit: anything looser would change what the engine would have
/// said. The market is not part of it: another market with the same language and formality
/// (a second English-language shop) reuses the answer.
///
/// Runners that share the memory at once (shards on one PostgreSQL) reserve each sentence before
/// sending it (the store's claims, one owner per runner): a sentence another runner is
/// translating is waited for, not bought again; a runner that died lets its reservations lapse
/// after `reservation` and another takes them over.
public struct MemoryTranslationCache: TranslationCache {
    public let store: any MemoryStore
    /// Who this runner is, in the store's claims.
    public let owner: String
    /// How long a reservation holds without being released.
    public let reservation: Duration

    public init(store: any MemoryStore, owner: String = MemoryTranslationCache.processOwner, reservation: Duration = .seconds(600)) {
        self.store = store
        self.owner = owner
        self.reservation = reservation
    }

    /// This process, unique among runners: host, process id and a random part.
    public static let processOwner: String = {
        "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
    }()

    /// A copy with an owner of its own (this runner's, plus a random part).
    public func forOneDocument() -> any TranslationCache {
        MemoryTranslationCache(store: store, owner: owner + "/" + UUID().uuidString.prefix(8), reservation: reservation)
    }

    /// The claim key of a request: engine, languages, formality and the exact source.
    static func key(_ request: SegmentRequest, backend: String, context: TranslationContext) -> String {
        ["mt", backend, context.sourceLanguage.rawValue, context.targetLanguage.rawValue, context.formality?.rawValue ?? "-",
         MatchText.exactKey(request.source)].joined(separator: "|")
    }

    public func reserve(_ requests: [SegmentRequest], backend: String, context: TranslationContext) async throws -> Set<Int> {
        let keys = requests.map { Self.key($0, backend: backend, context: context) }
        let held = try await store.claim(keys: keys, owner: owner, ttl: reservation)
        let mine = keys.indices.filter { held.contains(keys[$0]) }
        // Another runner may have stored a sentence and let go of it between the caller's lookup
        // and this claim: such a one is not this runner's to buy.
        let landed = try await lookup(mine.map { requests[$0] }, backend: backend, context: context)
        let done = zip(mine, landed).filter { $1 != nil }.map(\.0)
        try await store.release(keys: done.map { keys[$0] }, owner: owner)
        return Set(mine).subtracting(done)
    }

    public func awaitOthers(_ requests: [SegmentRequest], backend: String, context: TranslationContext) async throws {
        var waiting = requests
        var first = true
        while !waiting.isEmpty {
            if !first { try await Task.sleep(for: .milliseconds(250)) }
            first = false
            let landed = try await lookup(waiting, backend: backend, context: context)
            waiting = zip(waiting, landed).filter { $1 == nil }.map(\.0)
            guard !waiting.isEmpty else { return }
            // A lapsed reservation (its runner died) is this runner's now: stop waiting for it.
            let keys = waiting.map { Self.key($0, backend: backend, context: context) }
            let taken = try await store.claim(keys: keys, owner: owner, ttl: reservation)
            waiting = keys.indices.filter { !taken.contains(keys[$0]) }.map { waiting[$0] }
        }
    }

    public func release(_ requests: [SegmentRequest], backend: String, context: TranslationContext) async throws {
        try await store.release(keys: requests.map { Self.key($0, backend: backend, context: context) }, owner: owner)
    }

    /// The TMX property that records the formality an answer was asked in.
    public static let formalityProperty = "x-l10n-formality"

    public func lookup(_ requests: [SegmentRequest], backend: String, context: TranslationContext) async throws -> [Content?] {
        let origin = MemoryOrigin.machine(backend)
        let formality = Self.properties(context)
        var targets: [Content?] = []
        for request in requests {
            let query = MemoryQuery(source: request.source, sourceLanguage: context.sourceLanguage, targetLanguage: context.targetLanguage)
            targets.append(try await store.lookup(query, limit: 8, threshold: 100)
                .first { $0.unit.origin == origin && $0.unit.source == request.source && $0.unit.properties == formality }?.unit.target)
        }
        return targets
    }

    private static func properties(_ context: TranslationContext) -> [TranslationUnit.Property] {
        context.formality.map { [TranslationUnit.Property(type: formalityProperty, value: $0.rawValue)] } ?? []
    }

    public func store(_ translations: [(source: Content, target: Content)], backend: String, context: TranslationContext) async throws {
        guard !translations.isEmpty else { return }
        try await store.add(translations.map {
            TranslationUnit(source: $0.source, target: $0.target, sourceLanguage: context.sourceLanguage, targetLanguage: context.targetLanguage,
                            origin: .machine(backend), properties: Self.properties(context))
        })
    }
}
