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
        let request = [SegmentRequest(key: "u1-s1", source: source)]
        try await cache.store([(request[0], target)], backend: "engine", context: context("de", .formal))
        #expect(try await cache.lookup(request, backend: "engine", context: context("at", .formal)) == [target], "another market, same language and formality")
        #expect(try await cache.lookup(request, backend: "engine", context: context("de", .informal)) == [nil], "du is not Sie")
        #expect(try await cache.lookup(request, backend: "engine", context: context("de", nil)) == [nil])
        #expect(try await cache.lookup(request, backend: "other", context: context("de", .formal)) == [nil])
    }

    static let de = (source: LanguageTag("en-US")!, target: LanguageTag("de-DE")!)
    static let pump = GlossaryTerm(term: "pump", translations: ["Pumpe"], status: "preferred")

    /// A request as the translate stage makes it for an engine that reads everything.
    static func inputs(terms: [GlossaryTerm] = [pump], about: String? = "AquaFlow XP-2000B pump", formality: Formality? = .formal,
                       notes: [String] = ["units.length: \"33 ft\" → \"10 m\"."]) -> (SegmentRequest, TranslationContext) {
        (SegmentRequest(key: "u2-s1", source: Content([.text("The pump lifts water 10 m high.")]), notes: notes),
         TranslationContext(sourceLanguage: de.source, targetLanguage: de.target, market: "de", document: "pump.md", formality: formality,
                            terms: terms, about: about))
    }

    /// Every input the engine reads is part of the key, except what the page is about.
    @Test func everyInputTheEngineReadsIsPartOfTheKey() async throws {
        let (store, dir) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cache = MemoryTranslationCache(store: store)
        let engine = EngineSignature(id: "engine", settings: ["model=small"])
        let (request, context) = Self.inputs()
        let target = Content([.text("Die Pumpe hebt Wasser 10 m hoch.")])
        try await cache.store([(request, target)], backend: engine, context: context)
        func lookup(_ inputs: (SegmentRequest, TranslationContext), _ engine: EngineSignature = engine) async throws -> Content? {
            try await cache.lookup([inputs.0], backend: engine, context: inputs.1)[0]
        }

        #expect(try await lookup(Self.inputs()) == target, "the same request is a hit")
        var renamed = Self.inputs()
        renamed.0.key = "u7-s1"
        renamed.1.document = "other.md"
        #expect(try await lookup(renamed) == target, "another segment key or page name with the same inputs is a hit")
        let otherPump = GlossaryTerm(term: "pump", translations: ["Förderpumpe"], status: "preferred")
        #expect(try await lookup(Self.inputs(terms: [otherPump])) == nil, "another glossary translation for a term in the segment")
        #expect(try await lookup(Self.inputs(terms: [])) == nil, "no glossary")
        let forbidden = GlossaryTerm(term: "pump", translations: [], status: "forbidden", definition: "say Pumpe")
        #expect(try await lookup(Self.inputs(terms: [Self.pump, forbidden])) == nil, "another entry for a term in the segment")
        let elsewhere = GlossaryTerm(term: "care guide", translations: ["Pflegeanleitung"], status: "admitted")
        #expect(try await lookup(Self.inputs(terms: [elsewhere, Self.pump])) == target, "a term the segment does not contain does not count")
        #expect(try await lookup(Self.inputs(notes: [])) == nil, "other notes")
        #expect(try await lookup(Self.inputs(about: "Garden hoses")) == target,
                "page context is not keyed, so a page edit (its title or lead) does not re-buy its sentences")
        #expect(try await lookup(Self.inputs(about: nil)) == target, "nor does a page losing its page context")
        #expect(try await lookup(Self.inputs(formality: .informal)) == nil, "du is not Sie")
        #expect(try await lookup(Self.inputs(), EngineSignature(id: "engine", settings: ["model=large"])) == nil, "another model")
        #expect(try await lookup(Self.inputs(), EngineSignature(id: "engine")) == nil)
    }

    @Test func answersUnderOtherInputsAreKeptSideBySide() async throws {
        let (store, dir) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cache = MemoryTranslationCache(store: store)
        // One sentence on a dozen pages (more than one lookup's worth of candidates), each with its
        // own adaptation notes (keyed, unlike the page's context).
        let pages = (1...12).map { Self.inputs(about: "Page \($0)", notes: ["units.length: \"\($0) ft\" → \"\($0) m\"."]) }
        for (i, page) in pages.enumerated() {
            try await cache.store([(page.0, Content([.text("Antwort \(i)")]))], backend: "engine", context: page.1)
        }
        for (i, page) in pages.enumerated() {
            #expect(try await cache.lookup([page.0], backend: "engine", context: page.1) == [Content([.text("Antwort \(i)")])],
                    "page \(i + 1)'s answer, whatever was stored after it")
        }
    }

    @Test func inputsTheEngineDoesNotReadDoNotSplitTheCache() async throws {
        let (store, dir) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cache = MemoryTranslationCache(store: store)
        let engine = EngineSignature(id: "plain", readsFormality: false, readsGlossary: false, readsContext: false)
        let (request, context) = Self.inputs()
        let target = Content([.text("Die Pumpe hebt Wasser 10 m hoch.")])
        try await cache.store([(request, target)], backend: engine, context: context)
        let other = Self.inputs(terms: [], about: "Garden hoses", formality: .informal, notes: [])
        #expect(try await cache.lookup([other.0], backend: engine, context: other.1) == [target],
                "an engine that reads neither glossary, page, notes nor formality answers them alike")
    }

    @Test func answersStoredBeforeTheDigestSimplyMiss() async throws {
        let (store, dir) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (request, context) = Self.inputs()
        // What an earlier version stored: origin and formality, no digest of the inputs.
        try await store.add([TranslationUnit(source: request.source, target: Content([.text("alt")]), sourceLanguage: Self.de.source,
                                             targetLanguage: Self.de.target, origin: .machine("engine"),
                                             properties: [.init(type: MemoryTranslationCache.formalityProperty, value: "formal")])])
        let cache = MemoryTranslationCache(store: store)
        #expect(try await cache.lookup([request], backend: "engine", context: context) == [nil])
        // Translated again, it is stored with its digest and found from then on.
        let target = Content([.text("neu")])
        try await cache.store([(request, target)], backend: "engine", context: context)
        #expect(try await cache.lookup([request], backend: "engine", context: context) == [target])
    }

    @Test func theDigestIsTheSameInEveryRunAndProcess() {
        let (request, context) = Self.inputs()
        let engine = EngineSignature(id: "deepl", settings: ["model=small"])
        // Fixed bytes: any run, process or machine gives this digest (no per-process hashing).
        #expect(engine.digest(of: request, context: context) == Self.fixedDigest)
        #expect(engine.digest(of: request, context: context).count == 64)
        // Settings and the glossary's term order do not depend on how they were listed.
        let care = GlossaryTerm(term: "water", translations: ["Wasser"], status: "preferred")
        var reordered = context
        reordered.terms = [care, Self.pump]
        var ordered = context
        ordered.terms = [Self.pump, care]
        #expect(engine.digest(of: request, context: reordered) == engine.digest(of: request, context: ordered))
        #expect(EngineSignature(id: "x", settings: ["a=1", "b=2"]).digest(of: request, context: context)
                == EngineSignature(id: "x", settings: ["b=2", "a=1"]).digest(of: request, context: context))
    }

    /// SHA-256 over the length-prefixed parts (u64 little-endian length, then UTF-8 bytes; label
    /// then value): version (`l10n-mt-inputs-v2`), engine, setting, source and target language,
    /// formality, the term (term, status, translation), the note — not about.
    /// Computed independently of Swift (Python's hashlib) when this test was written.
    static let fixedDigest = "38d3a629ddebea75e17aea867bb1e890f4c0345c0603326cdd97a1852ff15f1a"

    @Test func aChangedGlossaryIsTranslatedAgainAnUnchangedOneIsNot() async throws {
        let (store, dir) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let en = LanguageTag("en")!
        func glossary(_ pump: String) -> Termbase {
            Termbase([TermEntry(sourceLanguage: en, term: "pump", targetLanguage: LanguageTag("de"), targetTerm: pump, status: .preferred)])
        }
        func localize(_ termbase: Termbase) async throws -> (RecordingBackend, MarketLocalization) {
            let backend = RecordingBackend(id: "engine", producesDrafts: true, reads: true) { .translated($0.source.mapText { $0.uppercased() }) }
            let localizer = Localizer(Localizer.Configuration(backend: backend, memory: PeopleOnlyMemory(store: store),
                                                              translationCache: MemoryTranslationCache(store: store), glossary: termbase))
            return (backend, try await localizer.localize(PipelineFixtures.markdownSource, markets: ["de"]).results[0])
        }
        let (first, _) = try await localize(glossary("Pumpe"))
        let sent = first.batches.flatMap { $0 }
        #expect(sent.contains { $0.source.plainText.contains("pump") })
        #expect(first.contexts.allSatisfy { !$0.terms.isEmpty })

        let (same, cached) = try await localize(glossary("Pumpe"))
        #expect(same.batches.isEmpty, "same glossary, same page: every sentence came from the memory")
        #expect(cached.translation?.reused == sent.count)

        let (changed, result) = try await localize(glossary("Förderpumpe"))
        let again = changed.batches.flatMap { $0 }
        #expect(!again.isEmpty, "a cached answer is not reused after the glossary changed")
        #expect(again.allSatisfy { $0.source.plainText.contains("pump") }, "only the sentences with the term: \(again.map(\.source.plainText))")
        #expect(result.translation?.reused == sent.count - again.count)
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
