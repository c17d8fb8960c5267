import Foundation
import L10nPipeline
import L10nTestSupport
import Testing

/// Machine translations kept in the memory: a page made from them is the page the engine makes,
/// and nothing is sent twice.
@Suite struct TranslationCacheTests {
    static func store() throws -> (SQLiteMemoryStore, URL) {
        let dir = try TemporaryDirectory.make("l10n-cache")
        return (try SQLiteMemoryStore(path: dir.appendingPathComponent("tm.sqlite").path, create: true), dir)
    }

    func localize(_ backend: RecordingBackend, store: SQLiteMemoryStore) async throws -> MarketLocalization {
        let localizer = Localizer(Localizer.Configuration(backend: backend, memory: PeopleOnlyMemory(store: store),
                                                          translationCache: MemoryTranslationCache(store: store)))
        return try await localizer.localize(PipelineFixtures.markdownSource, markets: ["de"]).results[0]
    }

    static func engine() -> RecordingBackend {
        RecordingBackend(id: "engine", producesDrafts: true) { .translated($0.source.mapText { $0.uppercased() }) }
    }

    @Test func aCachedPageIsByteIdenticalToAFreshOneAndCostsNothing() async throws {
        let (store, dir) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = Self.engine()
        let fresh = try await localize(first, store: store)
        let sent = first.batches.flatMap { $0 }.count
        #expect(sent > 0)
        #expect(fresh.translation?.reused == 0)

        let second = Self.engine()
        let cached = try await localize(second, store: store)
        #expect(second.batches.isEmpty, "every sentence came from the memory")
        #expect(cached.translation?.reused == sent)
        #expect(cached.translation?.characters == 0 && cached.translation?.requests == 0)
        #expect(cached.outputs.document == fresh.outputs.document)
        #expect(cached.outputs.xliff == fresh.outputs.xliff, "same targets, states and provenance (mt:engine, not tm)")
    }

    @Test func anotherEngineIsNotAHit() async throws {
        let (store, dir) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try await localize(Self.engine(), store: store)
        let other = RecordingBackend(id: "other", producesDrafts: true) { .translated($0.source.mapText { $0.lowercased() }) }
        let result = try await localize(other, store: store)
        #expect(!other.batches.isEmpty, "engine's answers are not other's")
        #expect(result.translation?.reused == 0)
    }

    @Test func formalityMattersTheMarketDoesNot() async throws {
        let (store, dir) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cache = MemoryTranslationCache(store: store)
        let source = Content([.text("Order now.")]), target = Content([.text("Bestellen Sie jetzt.")])
        func context(_ market: String, _ formality: Formality?) -> TranslationContext {
            TranslationContext(sourceLanguage: LanguageTag("en-US")!, targetLanguage: LanguageTag("de-DE")!, market: market, formality: formality)
        }
        try await cache.store([(source, target)], backend: "engine", context: context("de", .formal))
        let request = [SegmentRequest(key: "u1-s1", source: source)]
        #expect(try await cache.lookup(request, backend: "engine", context: context("at", .formal)) == [target], "another market, same language and formality")
        #expect(try await cache.lookup(request, backend: "engine", context: context("de", .informal)) == [nil], "du is not Sie")
        #expect(try await cache.lookup(request, backend: "engine", context: context("de", nil)) == [nil])
        #expect(try await cache.lookup(request, backend: "other", context: context("de", .formal)) == [nil])
    }

    @Test func peopleTranslationsComeFirstAndMachineDraftsAreNotLeverage() async throws {
        let (store, dir) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try await localize(Self.engine(), store: store)
        // Without the cache, the drafts in the memory are not offered as memory matches.
        let backend = Self.engine()
        let localizer = Localizer(Localizer.Configuration(backend: backend, memory: PeopleOnlyMemory(store: store)))
        let result = try await localizer.localize(PipelineFixtures.markdownSource, markets: ["de"]).results[0]
        #expect(result.leverage?.filled == 0)
        #expect(!backend.batches.isEmpty)
    }

    @Test func pseudoIsNeverCached() async throws {
        let (store, dir) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let pseudo = RecordingBackend(id: "pseudo-like") { .translated($0.source.mapText { "[" + $0 + "]" }) }
        _ = try await localize(pseudo, store: store)
        #expect(try await store.stats().units == 0, "a backend whose output is not a draft costs nothing: nothing stored")
    }
}
