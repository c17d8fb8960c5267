import Foundation
import L10nCore
import L10nMemory
import L10nMT

/// A ``TranslationCache`` in a translation memory: each machine translation is a unit whose
/// origin is `mt:<backend>`, so the memory a team already keeps (SQLite, or a shared
/// PostgreSQL for many CI runners) is also what stops paying twice — and a translator can see
/// and export those drafts like any other unit.
///
/// Only an exact source (same text, same inline codes) from the same engine with the same inputs
/// is a hit: the unit carries the ``EngineSignature/digest(of:context:)`` of the request it
/// answered (languages, engine settings such as the model, and the formality, glossary terms
/// and notes the engine reads; not what the page is about) as its ``inputsProperty``, and a lookup wants that
/// digest exactly; anything looser would change what the engine would have said. Units stored
/// before the digest existed have none and simply miss. The market is not part of it: another
/// market with the same language and formality (a second English-language shop) reuses the answer.
///
/// Answers to one source under other inputs (a sentence with other adaptation notes, or under
/// another glossary entry) are separate units, side by side: each is stored with ``inputsMarker(_:)``
/// as its preceding neighbour, which makes it its own unit in the memory's unique key (source,
/// languages, neighbours, project, market) and the in-context match of a lookup with the same
/// inputs, so it comes first however many other answers the sentence has. Machine units are never
/// leverage (``PeopleOnlyMemory``), so no in-context match for real copy is taken from them.
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

    /// The claim key of a request: engine, languages, the digest of its inputs and the exact source.
    static func key(_ request: SegmentRequest, backend: EngineSignature, context: TranslationContext) -> String {
        ["mt", backend.id, context.sourceLanguage.rawValue, context.targetLanguage.rawValue, backend.digest(of: request, context: context),
         MatchText.exactKey(request.source)].joined(separator: "|")
    }

    public func reserve(_ requests: [SegmentRequest], backend: EngineSignature, context: TranslationContext) async throws -> Set<Int> {
        guard !requests.isEmpty else { return [] }
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

    public func awaitOthers(_ requests: [SegmentRequest], backend: EngineSignature, context: TranslationContext) async throws {
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

    public func release(_ requests: [SegmentRequest], backend: EngineSignature, context: TranslationContext) async throws {
        try await store.release(keys: requests.map { Self.key($0, backend: backend, context: context) }, owner: owner)
    }

    /// The TMX property that records the formality an answer was asked in (for people reading an
    /// export; the digest already holds it).
    public static let formalityProperty = "x-l10n-formality"

    /// The TMX property that holds the ``EngineSignature/digest(of:context:)`` of the request an
    /// answer was made for.
    public static let inputsProperty = "x-l10n-mt-inputs"

    public func lookup(_ requests: [SegmentRequest], backend: EngineSignature, context: TranslationContext) async throws -> [Content?] {
        let origin = MemoryOrigin.machine(backend.id)
        var targets: [Content?] = []
        for request in requests {
            let digest = backend.digest(of: request, context: context)
            let query = MemoryQuery(source: request.source, sourceLanguage: context.sourceLanguage, targetLanguage: context.targetLanguage,
                                    previous: Self.inputsMarker(digest))
            let properties = Self.properties(request, backend: backend, context: context)
            targets.append(try await store.lookup(query, limit: 8, threshold: 100)
                .first { $0.unit.origin == origin && $0.unit.source == request.source && $0.unit.properties == properties }?.unit.target)
        }
        return targets
    }

    /// What a unit made for `request` carries: the formality (when the engine reads it) and the
    /// digest of the request's inputs.
    static func properties(_ request: SegmentRequest, backend: EngineSignature, context: TranslationContext) -> [TranslationUnit.Property] {
        let formality = backend.readsFormality ? context.formality.map { [TranslationUnit.Property(type: formalityProperty, value: $0.rawValue)] } : nil
        return (formality ?? []) + [TranslationUnit.Property(type: inputsProperty, value: backend.digest(of: request, context: context))]
    }

    /// What a unit made under inputs with this digest is stored with as its preceding neighbour
    /// (never text of a page: the slot's hash keeps answers under other inputs apart).
    static func inputsMarker(_ digest: String) -> Content { Content([.text(inputsProperty + ":" + digest)]) }

    public func store(_ translations: [(request: SegmentRequest, target: Content)], backend: EngineSignature, context: TranslationContext) async throws {
        guard !translations.isEmpty else { return }
        try await store.add(translations.map {
            TranslationUnit(source: $0.request.source, target: $0.target, sourceLanguage: context.sourceLanguage, targetLanguage: context.targetLanguage,
                            previous: Self.inputsMarker(backend.digest(of: $0.request, context: context)), origin: .machine(backend.id),
                            properties: Self.properties($0.request, backend: backend, context: context))
        })
    }
}
