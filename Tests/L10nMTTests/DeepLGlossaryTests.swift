import Foundation
import L10nCore
import L10nMT
import L10nTestSupport
import Logging
import Testing

/// DeepL glossaries and `context`: the pure request builders and parsers on fixtures, then the
/// `deepl` backend against ``FakeDeepL``'s glossary endpoints — created once, reused by name
/// (content hash) across batches and backends, never twice for batches at once, gone without
/// when DeepL has no glossaries for the pair or refuses one, and no key in any message.
@Suite struct DeepLGlossaryTests {
    static let key = "7a6b5c4d-glossary-secret-key:fx"
    static let terms = [
        GlossaryTerm(term: "pump", translations: ["Pumpe"], status: "preferred"),
        GlossaryTerm(term: "housing", translations: ["Gehäuse", "Gehause"], status: "admitted"),
        GlossaryTerm(term: "AquaFlow", translations: [], status: "do-not-translate"),
    ]
    /// `l10n-` and the first 32 hex digits of SHA-256("l10n-glossary-v1\nen\nde\n" + the TSV),
    /// worked out apart from the code (Python's hashlib): the name must never drift, or every
    /// account would pay for its glossaries again.
    static let pinnedName = "l10n-c4744c89908d9134f61d3a0fdb2ec428"
    static let tsv = "AquaFlow\tAquaFlow\nhousing\tGehäuse\npump\tPumpe"
    static let context = TranslationContext(sourceLanguage: LanguageTag("en-US")!, targetLanguage: LanguageTag("de-DE")!, terms: terms)
    static let batch = [
        SegmentRequest(key: "u1-s1", source: Content([.text("The pump housing is quiet.")])),
        SegmentRequest(key: "u2-s1", source: Content([.text("AquaFlow runs for years.")])),
    ]

    // MARK: - Helpers

    /// Every message logged, with its level.
    final class Logs: @unchecked Sendable {
        // @unchecked: `entries` is only touched while holding `lock`.
        private let lock = NSLock()
        private var entries: [(level: Logger.Level, message: String)] = []
        func append(_ level: Logger.Level, _ message: String) { lock.withLock { entries.append((level, message)) } }
        var all: [(level: Logger.Level, message: String)] { lock.withLock { entries } }
        var warnings: [String] { all.filter { $0.level == .warning }.map(\.message) }
        var logger: Logger { Logger(label: "test.deepl") { _ in Handler(logs: self) } }

        struct Handler: LogHandler {
            let logs: Logs
            var metadata: Logger.Metadata = [:]
            var logLevel: Logger.Level = .trace
            subscript(metadataKey key: String) -> Logger.Metadata.Value? {
                get { metadata[key] }
                set { metadata[key] = newValue }
            }
            func log(event: LogEvent) { logs.append(event.level, "\(event.message)") }
        }
    }

    func backend(_ fake: FakeDeepL, logs: Logs = Logs(), sleeps: DeepLBackendTests.Sleeps = .init(), key: String = key) throws -> DeepLBackend {
        try DeepLBackend(configuration: BackendConfiguration(environment: ["DEEPL_AUTH_KEY": key, "DEEPL_SERVER_URL": fake.baseURL]),
                         policy: HTTPPolicy(requestTimeout: .seconds(10), maxAttempts: 2), sleep: { sleeps.record($0) }, logger: logs.logger)
    }

    func texts(_ results: [SegmentResult]) -> [String?] {
        results.map { if case .translated(let c) = $0 { return c.plainText } else { return nil } }
    }

    /// The `POST /v2/glossaries` requests the fake received.
    func creations(_ fake: FakeDeepL) -> Int { fake.glossaryRequests.filter { $0.method == "POST" }.count }

    func lists(_ fake: FakeDeepL) -> Int { fake.glossaryRequests.filter { $0.method == "GET" && $0.path == "/v2/glossaries" }.count }

    // MARK: - Pure: entries, name, requests, answers

    @Test func entriesAreMadeValidForDeepLFirstSourceWinningAndSortedByBytes() {
        let long = String(repeating: "ü", count: 513)  // 1,026 UTF-8 bytes
        let entries = DeepLGlossaryEntries([
            GlossaryTerm(term: "  impeller\tblade\n", translations: ["Laufrad\r\nschaufel"], status: "preferred"),
            GlossaryTerm(term: "pump", translations: ["Pumpe"], status: "preferred"),
            GlossaryTerm(term: "pump", translations: ["Kreiselpumpe"], status: "admitted"),  // a source again: the first wins
            GlossaryTerm(term: "seal", translations: [], status: "forbidden", definition: "not: Siegel"),
            GlossaryTerm(term: "valve", translations: [], status: "preferred"),  // nothing to map to
            GlossaryTerm(term: "\u{2028}\u{0007}", translations: ["x"], status: "preferred"),  // nothing left of the source
            GlossaryTerm(term: "flange", translations: [" \t", "Flansch"], status: "preferred"),  // first usable translation
            GlossaryTerm(term: long, translations: ["zu lang"], status: "preferred"),
            GlossaryTerm(term: "Ölpumpe", translations: ["oil\u{0085}pump"], status: "preferred"),
            GlossaryTerm(term: "XP-2000", translations: ["XP-2000"], status: "do-not-translate"),
            GlossaryTerm(term: "Zoll", translations: [], status: "do-not-translate"),
        ])
        #expect(entries.entries.map(\.source) == ["XP-2000", "Zoll", "flange", "impeller blade", "pump", "Ölpumpe"])
        #expect(entries.tsv == "XP-2000\tXP-2000\nZoll\tZoll\nflange\tFlansch\nimpeller blade\tLaufrad schaufel\npump\tPumpe\nÖlpumpe\toil pump")
        #expect(DeepLGlossaryEntries.clean(" a \t\n b ") == "a b")
        #expect(DeepLGlossaryEntries.clean("\u{0085}\u{00A0} ") == nil)
        #expect(DeepLGlossaryEntries.clean(String(repeating: "a", count: 1024)) != nil && DeepLGlossaryEntries.clean(long) == nil)
        #expect(DeepLGlossaryEntries([GlossaryTerm(term: "seal", translations: [], status: "forbidden")]).isEmpty)
    }

    @Test func theNameIsAStableHashOfThePairAndTheEntries() {
        let entries = DeepLGlossaryEntries(Self.terms)
        #expect(entries.tsv == Self.tsv)
        #expect(entries.name(source: "en", target: "de") == Self.pinnedName)
        #expect(entries.name(source: "EN", target: "DE") == Self.pinnedName, "codes are compared lower-cased")
        #expect(DeepLGlossaryEntries(Self.terms.reversed()).name(source: "en", target: "de") == Self.pinnedName, "the terms' order does not matter")
        #expect(entries.name(source: "en", target: "fr") != Self.pinnedName)
        var other = Self.terms
        other[0].translations = ["Kreiselpumpe"]
        #expect(DeepLGlossaryEntries(other).name(source: "en", target: "de") != Self.pinnedName)
        #expect(DeepLGlossaryEntries(Self.terms + [GlossaryTerm(term: "seal", translations: [], status: "forbidden")]).name(source: "en", target: "de")
                == Self.pinnedName, "terms that make no entry do not change the glossary")
    }

    @Test func glossaryRequestsAreDeepLsDocumentedCalls() throws {
        let server = try #require(URL(string: "https://api-free.deepl.com"))
        let pair = DeepLGlossaryWire.Pair(Self.context)
        #expect(pair == DeepLGlossaryWire.Pair("en", "de"))
        #expect(DeepLGlossaryWire.Pair(TranslationContext(sourceLanguage: LanguageTag("en-US")!, targetLanguage: LanguageTag("pt-BR")!))
                == DeepLGlossaryWire.Pair("en", "pt"), "glossaries are between bare languages")
        let entries = DeepLGlossaryEntries(Self.terms)
        let create = try DeepLGlossaryWire.create(name: Self.pinnedName, pair: pair, entries: entries, key: Self.key, server: server)
        #expect(create.method == "POST" && create.url.absoluteString == "https://api-free.deepl.com/v2/glossaries")
        #expect(create.header("Authorization") == "DeepL-Auth-Key \(Self.key)" && create.header("Content-Type") == "application/json")
        let body = String(decoding: try #require(create.body), as: UTF8.self)
        #expect(body == #"{"entries":"AquaFlow\tAquaFlow\nhousing\tGehäuse\npump\tPumpe","entries_format":"tsv","name":"l10n-c4744c89908d9134f61d3a0fdb2ec428","source_lang":"en","target_lang":"de"}"#)
        #expect(!create.description.contains(Self.key))

        let calls = [DeepLGlossaryWire.list(key: Self.key, server: server), DeepLGlossaryWire.get(id: "def3a26b", key: Self.key, server: server),
                     DeepLGlossaryWire.delete(id: "def3a26b", key: Self.key, server: server),
                     DeepLGlossaryWire.languagePairs(key: Self.key, server: server)]
        #expect(calls.map { "\($0.method) \($0.url.path)" }
                == ["GET /v2/glossaries", "GET /v2/glossaries/def3a26b", "DELETE /v2/glossaries/def3a26b", "GET /v2/glossary-language-pairs"])
        #expect(calls.allSatisfy { $0.header("Authorization") == "DeepL-Auth-Key \(Self.key)" && $0.body == nil && !$0.description.contains(Self.key) })
    }

    @Test func glossaryAnswersAreReadAsDocumentedAndGarbageIsAnInvalidResponse() throws {
        let one = #"{"glossary_id":"def3a26b-3e84-45b3-84ae-0c0aaf3525f7","ready":true,"name":"My Glossary","source_lang":"en","target_lang":"de","creation_time":"2021-08-03T14:16:18.329Z","entry_count":1}"#
        let glossary = try DeepLGlossaryWire.glossary(from: HTTPResponse(status: 201, body: Data(one.utf8)))
        #expect(glossary == DeepLGlossaryWire.Glossary(id: "def3a26b-3e84-45b3-84ae-0c0aaf3525f7", name: "My Glossary", ready: true, sourceLanguage: "en",
                                                       targetLanguage: "de", entryCount: 1, creationTime: "2021-08-03T14:16:18.329Z"))
        let list = try DeepLGlossaryWire.glossaries(from: HTTPResponse(status: 200, body: Data(#"{"glossaries":[\#(one),\#(one)]}"#.utf8)))
        #expect(list.count == 2 && list[1].entryCount == 1)
        let pairs = try DeepLGlossaryWire.pairs(from: HTTPResponse(status: 200, body: Data(
            #"{"supported_languages":[{"source_lang":"de","target_lang":"en"},{"source_lang":"EN","target_lang":"DE"}]}"#.utf8)))
        #expect(pairs == [DeepLGlossaryWire.Pair("de", "en"), DeepLGlossaryWire.Pair("en", "de")])
        let garbage = #expect(throws: BackendError.self) { try DeepLGlossaryWire.glossaries(from: HTTPResponse(status: 200, body: Data("<html>".utf8))) }
        #expect(garbage?.code == .invalidResponse && garbage?.httpStatus == 200)
    }

    @Test func aTranslationWithAGlossaryAlwaysNamesItsSourceLanguage() throws {
        let server = DeepLWire.server(forKey: Self.key)
        let with = try DeepLWire.request(texts: ["x"], context: Self.context, glossaryID: "g-1", key: Self.key, server: server)
        let data = try #require(with.body)
        let body = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(body["glossary_id"] as? String == "g-1" && body["source_lang"] as? String == "EN" && body["target_lang"] as? String == "DE")
        let without = try DeepLWire.request(texts: ["x"], context: Self.context, key: Self.key, server: server)
        let plain = String(decoding: try #require(without.body), as: UTF8.self)
        #expect(!plain.contains("glossary_id") && !plain.contains("context"), "nothing sent that was not asked for")
    }

    @Test func contextIsCutAtAWordWithinTheLimit() throws {
        #expect(DeepLWire.contextText(nil) == nil)
        #expect(DeepLWire.contextText(" \n\t ") == nil)
        #expect(DeepLWire.contextText("  AquaFlow  XP-2000\n\n  Quiet   pump\r\nfor wells ") == "AquaFlow XP-2000\nQuiet pump\nfor wells")
        let words = (0..<400).map { "word\($0)" }.joined(separator: " ")  // ~2,700 characters
        let cut = try #require(DeepLWire.contextText(words))
        #expect(cut.count <= DeepLWire.maxContextCharacters && cut.count > DeepLWire.maxContextCharacters - 10)
        #expect(words.hasPrefix(cut) && words.dropFirst(cut.count).first == " ", "cut before a word, never inside one")
        let huge = try #require(DeepLWire.contextText(String(repeating: "x", count: 5_000)))
        #expect(huge.count == DeepLWire.maxContextCharacters)
    }

    // MARK: - The backend against the fake

    @Test func theFirstBatchCreatesOneGlossaryAndTranslatesWithIt() async throws {
        let fake = try await FakeDeepL.start(key: Self.key)
        defer { Task { try? await fake.stop() } }
        let logs = Logs(), sleeps = DeepLBackendTests.Sleeps()
        let results = try await backend(fake, logs: logs, sleeps: sleeps).translate(Self.batch, context: Self.context)

        #expect(fake.requests.map { "\($0.method) \($0.path)" }
                == ["GET /v2/glossary-language-pairs", "GET /v2/glossaries", "POST /v2/glossaries", "POST /v2/translate"])
        let stored = try #require(fake.glossaries.all.first)
        #expect(fake.glossaries.all.count == 1)
        #expect(stored.name == Self.pinnedName && stored.sourceLanguage == "en" && stored.targetLanguage == "de")
        #expect(stored.entries.map { "\($0.source)→\($0.target)" } == ["AquaFlow→AquaFlow", "housing→Gehäuse", "pump→Pumpe"])
        let body = try #require(fake.bodies.first)
        #expect(body["glossary_id"] as? String == stored.id)
        #expect(body["source_lang"] as? String == "EN" && body["target_lang"] as? String == "DE")
        #expect(texts(results) == ["THE Pumpe Gehäuse IS QUIET.", "AquaFlow RUNS FOR YEARS."], "the fake applied the glossary")
        #expect(logs.warnings.isEmpty, "\(logs.warnings)")
        #expect(sleeps.all.isEmpty)
    }

    @Test func aSecondBatchAndASecondBackendReuseTheGlossary() async throws {
        let fake = try await FakeDeepL.start(key: Self.key)
        defer { Task { try? await fake.stop() } }
        let first = try backend(fake)
        _ = try await first.translate(Self.batch, context: Self.context)
        let afterFirst = fake.glossaryRequests.count
        _ = try await first.translate([Self.batch[1]], context: Self.context)
        #expect(fake.glossaryRequests.count == afterFirst, "the same backend asks nothing more")

        // Another run (a new backend) finds the glossary by name and does not pay for it again.
        let results = try await backend(fake).translate(Self.batch, context: Self.context)
        #expect(creations(fake) == 1 && fake.glossaries.createdCount == 1)
        #expect(lists(fake) == 2, "each backend lists the glossaries once")
        let ids = fake.bodies.map { $0["glossary_id"] as? String }
        #expect(ids.count == 3 && Set(ids).count == 1 && ids[0] == fake.glossaries.all.first?.id)
        #expect(texts(results)[0] == "THE Pumpe Gehäuse IS QUIET.")
    }

    @Test func aGlossaryLeftByAnotherRunIsFoundAndDuplicatesResolveToTheOldest() async throws {
        let fake = try await FakeDeepL.start(key: Self.key)
        defer { Task { try? await fake.stop() } }
        let entries = [(source: "AquaFlow", target: "AquaFlow"), (source: "housing", target: "Gehäuse"), (source: "pump", target: "Pumpe")]
        fake.glossaries.add(name: "My own glossary", source: "en", target: "de", entries: [(source: "pump", target: "Kreiselpumpe")])
        let older = fake.glossaries.add(name: Self.pinnedName, source: "en", target: "de", entries: entries)
        fake.glossaries.add(name: Self.pinnedName, source: "en", target: "de", entries: entries)
        _ = try await backend(fake).translate(Self.batch, context: Self.context)
        #expect(creations(fake) == 0)
        #expect(fake.bodies.first?["glossary_id"] as? String == older.id)
    }

    @Test func otherTermsMakeAnotherGlossary() async throws {
        let fake = try await FakeDeepL.start(key: Self.key)
        defer { Task { try? await fake.stop() } }
        let backend = try backend(fake)
        _ = try await backend.translate(Self.batch, context: Self.context)
        var other = Self.context
        other.terms = [GlossaryTerm(term: "pump", translations: ["Kreiselpumpe"], status: "preferred")]
        let results = try await backend.translate(Self.batch, context: other)
        let all = fake.glossaries.all
        #expect(creations(fake) == 2 && all.count == 2)
        #expect(Set(all.map(\.name)).count == 2 && all.allSatisfy { $0.name.hasPrefix("l10n-") && $0.name.count == 37 })
        #expect(fake.bodies.map { $0["glossary_id"] as? String } == all.map(\.id))
        #expect(texts(results)[0] == "THE Kreiselpumpe HOUSING IS QUIET.")
        #expect(lists(fake) == 1, "listed once per backend, whatever the glossaries")
    }

    @Test func batchesWithoutTermsNeverTouchGlossaries() async throws {
        let fake = try await FakeDeepL.start(key: Self.key)
        defer { Task { try? await fake.stop() } }
        var context = Self.context
        context.terms = [GlossaryTerm(term: "seal", translations: [], status: "forbidden")]  // no entry to make
        _ = try await backend(fake).translate(Self.batch, context: context)
        #expect(fake.glossaryRequests.isEmpty)
        #expect(fake.bodies.count == 1 && fake.bodies[0]["glossary_id"] == nil)
    }

    @Test func aPairWithoutGlossariesIsTranslatedWithoutOne() async throws {
        let fake = try await FakeDeepL.start(key: Self.key)
        defer { Task { try? await fake.stop() } }
        let logs = Logs()
        var context = Self.context
        context.targetLanguage = LanguageTag("uk-UA")!  // DeepL translates into Ukrainian; the fake has no en → uk glossaries
        let backend = try backend(fake, logs: logs)
        let results = try await backend.translate(Self.batch, context: context)
        _ = try await backend.translate(Self.batch, context: context)
        #expect(texts(results) == ["THE PUMP HOUSING IS QUIET.", "AQUAFLOW RUNS FOR YEARS."])
        #expect(creations(fake) == 0 && lists(fake) == 0)
        #expect(fake.bodies.count == 2 && fake.bodies.allSatisfy { $0["glossary_id"] == nil })
        #expect(logs.warnings.count == 1 && logs.warnings[0].contains("en → uk"), "\(logs.warnings)")
    }

    @Test(arguments: [400, 403, 456])
    func aRefusedGlossaryLeavesTheBatchToTranslateWithoutIt(status: Int) async throws {
        let fake = try await FakeDeepL.start(key: Self.key, createFaults: [.status(status)])
        defer { Task { try? await fake.stop() } }
        let logs = Logs()
        let backend = try backend(fake, logs: logs)
        let results = try await backend.translate(Self.batch, context: Self.context)
        _ = try await backend.translate(Self.batch, context: Self.context)
        #expect(texts(results) == ["THE PUMP HOUSING IS QUIET.", "AQUAFLOW RUNS FOR YEARS."])
        #expect(fake.bodies.count == 2 && fake.bodies.allSatisfy { $0["glossary_id"] == nil })
        #expect(creations(fake) == 1, "not asked again in the same run (no retry on a 4xx, no second try per batch)")
        #expect(fake.glossaries.all.isEmpty)
        let warning = try #require(logs.warnings.first)
        #expect(logs.warnings.count == 1)
        #expect(warning.contains("HTTP \(status)") && warning.contains(Self.pinnedName) && warning.contains("without"), "\(warning)")
        #expect(!logs.all.contains { $0.message.contains(Self.key) }, "no key in any log line")
    }

    @Test func concurrentBatchesCreateTheGlossaryOnce() async throws {
        let fake = try await FakeDeepL.start(key: Self.key)
        defer { Task { try? await fake.stop() } }
        let backend = try backend(fake)
        let batch = Self.batch
        let all = try await withThrowingTaskGroup(of: [SegmentResult].self) { group in
            for i in 0..<8 {
                group.addTask { try await backend.translate([batch[i % 2]], context: Self.context) }
            }
            return try await group.reduce(into: [[SegmentResult]]()) { $0.append($1) }
        }
        #expect(all.count == 8 && all.allSatisfy { texts($0).allSatisfy { $0 != nil } })
        #expect(creations(fake) == 1 && fake.glossaries.all.count == 1)
        #expect(lists(fake) == 1)
        #expect(fake.glossaryRequests.filter { $0.path == "/v2/glossary-language-pairs" }.count == 1)
        let ids = fake.bodies.map { $0["glossary_id"] as? String }
        #expect(ids.count == 8 && Set(ids) == [fake.glossaries.all.first?.id])
    }

    @Test func aGlossaryNotReadyYetIsWaitedFor() async throws {
        let fake = try await FakeDeepL.start(key: Self.key, glossariesReadyAfter: 2)
        defer { Task { try? await fake.stop() } }
        let sleeps = DeepLBackendTests.Sleeps()
        let results = try await backend(fake, sleeps: sleeps).translate(Self.batch, context: Self.context)
        let id = try #require(fake.glossaries.all.first?.id)
        #expect(fake.glossaryRequests.filter { $0.method == "GET" && $0.path == "/v2/glossaries/\(id)" }.count == 2)
        #expect(sleeps.all == [.milliseconds(250), .milliseconds(500)])
        #expect(fake.bodies.first?["glossary_id"] as? String == id)
        #expect(texts(results)[0] == "THE Pumpe Gehäuse IS QUIET.")
    }

    @Test func aGlossaryDeletedDuringTheRunIsDroppedAndTheBatchTranslated() async throws {
        let fake = try await FakeDeepL.start(key: Self.key)
        defer { Task { try? await fake.stop() } }
        let logs = Logs()
        let backend = try backend(fake, logs: logs)
        _ = try await backend.translate(Self.batch, context: Self.context)
        let id = try #require(fake.glossaries.all.first?.id)
        // Someone cleans up with DELETE /v2/glossaries/{id} (the documented call) meanwhile.
        let transport = AsyncHTTPClientTransport()
        let server = try #require(URL(string: fake.baseURL))
        let deleted = try await transport.send(DeepLGlossaryWire.delete(id: id, key: Self.key, server: server), timeout: .seconds(10))
        #expect(deleted.status == 204)
        let again = try await transport.send(DeepLGlossaryWire.delete(id: id, key: Self.key, server: server), timeout: .seconds(10))
        #expect(again.status == 404)
        let gone = try await transport.send(DeepLGlossaryWire.get(id: id, key: Self.key, server: server), timeout: .seconds(10))
        #expect(gone.status == 404)

        let results = try await backend.translate(Self.batch, context: Self.context)
        _ = try await backend.translate(Self.batch, context: Self.context)
        #expect(texts(results) == ["THE PUMP HOUSING IS QUIET.", "AQUAFLOW RUNS FOR YEARS."])
        // First batch with it; second refused (400) and sent again without; third without.
        #expect(fake.bodies.map { $0["glossary_id"] as? String } == [id, id, nil, nil])
        #expect(logs.warnings.count == 1 && logs.warnings[0].contains(id) && logs.warnings[0].contains("HTTP 400"), "\(logs.warnings)")
        #expect(creations(fake) == 1, "not created again in the same run")
    }

    @Test func contextGoesAlongBounded() async throws {
        let fake = try await FakeDeepL.start(key: Self.key)
        defer { Task { try? await fake.stop() } }
        var context = TranslationContext(sourceLanguage: LanguageTag("en-US")!, targetLanguage: LanguageTag("pt-BR")!)
        context.about = "AquaFlow XP-2000 submersible pump\n" + String(repeating: "Quiet and efficient for deep wells. ", count: 100)
        let backend = try backend(fake)
        _ = try await backend.translate(Self.batch, context: context)
        let sent = try #require(fake.bodies.first?["context"] as? String)
        // 33 + 1 + 26 sentences of 35 characters with a space between them = 969; then whole
        // words while they fit: " Quiet and efficient for deep" (998), not " wells." (1,005).
        let sentences = Array(repeating: "Quiet and efficient for deep wells.", count: 26).joined(separator: " ")
        #expect(sent == "AquaFlow XP-2000 submersible pump\n" + sentences + " Quiet and efficient for deep")
        #expect(sent.count == 998)
        #expect(!(fake.bodies.first?["text"] as? [String] ?? []).contains { $0.contains("submersible") }, "context is not a text to translate")

        context.about = nil
        _ = try await backend.translate(Self.batch, context: context)
        #expect(fake.bodies.count == 2 && fake.bodies[1]["context"] == nil)
    }

    @Test func aWrongKeyNeverAppearsInErrorsOrLogs() async throws {
        let fake = try await FakeDeepL.start(key: Self.key)
        defer { Task { try? await fake.stop() } }
        let logs = Logs()
        let wrong = "wrong-glossary-secret-99:fx"
        let error = await #expect(throws: BackendError.self) {
            try await backend(fake, logs: logs, key: wrong).translate(Self.batch, context: Self.context)
        }
        #expect(error?.code == .unauthorized && error?.httpStatus == 403)
        #expect(error.map { !$0.description.contains(wrong) && !$0.message.contains(wrong) } == true)
        #expect(error?.description.contains("DEEPL_AUTH_KEY") == true)
        #expect(!logs.warnings.isEmpty, "the refused glossary call was noted")
        #expect(logs.all.allSatisfy { !$0.message.contains(wrong) && !$0.message.contains(Self.key) })
        #expect(logs.warnings.allSatisfy { $0.contains("DEEPL_AUTH_KEY") })
        #expect(creations(fake) == 0)
    }

    // MARK: - The fake keeps DeepL's rules (so the tests above mean something)

    @Test func theFakeRefusesWhatDeepLRefuses() async throws {
        let fake = try await FakeDeepL.start(key: Self.key)
        defer { Task { try? await fake.stop() } }
        let transport = AsyncHTTPClientTransport(), server = try #require(URL(string: fake.baseURL))
        func create(_ tsv: String, _ source: String = "en", _ target: String = "de") async throws -> HTTPResponse {
            var request = try DeepLGlossaryWire.create(name: "t", pair: .init(source, target), entries: DeepLGlossaryEntries([]), key: Self.key, server: server)
            request.body = try JSONSerialization.data(withJSONObject: ["name": "t", "source_lang": source, "target_lang": target, "entries": tsv,
                                                                        "entries_format": "tsv"])
            return try await transport.send(request, timeout: .seconds(10))
        }
        for bad in ["pump", "pump\tPumpe\tx", "pump\t ", "pump\tPumpe\npump\tKreiselpumpe", "pu\u{0007}mp\tPumpe", ""] {
            let response = try await create(bad)
            #expect(response.status == 400, "\(bad.debugDescription)")
            #expect(String(decoding: response.body, as: UTF8.self).contains("Invalid glossary entries provided"))
        }
        #expect(try await create("pump\tPumpe", "en", "uk").status == 400, "no en → uk glossaries")
        let made = try await create("pump\tPumpe\n\nvalve\tVentil\n")
        #expect(made.status == 201)
        let glossary = try DeepLGlossaryWire.glossary(from: made)
        #expect(glossary.entryCount == 2 && glossary.ready && glossary.name == "t")
        let entries = try await transport.send(HTTPRequest(method: "GET", url: server.appendingPathComponent("v2/glossaries/\(glossary.id)/entries"),
                                                           headers: [("Authorization", "DeepL-Auth-Key \(Self.key)")]), timeout: .seconds(10))
        #expect(String(decoding: entries.body, as: UTF8.self) == "pump\tPumpe\nvalve\tVentil")
        let listing = try await transport.send(DeepLGlossaryWire.list(key: Self.key, server: server), timeout: .seconds(10))
        let listed = try DeepLGlossaryWire.glossaries(from: listing)
        #expect(listed.map(\.id) == [glossary.id])
        let wrongKey = try await transport.send(DeepLGlossaryWire.list(key: "nope", server: server), timeout: .seconds(10))
        #expect(wrongKey.status == 403)

        // A translation naming a glossary needs source_lang and the glossary's pair.
        func translate(_ body: [String: Any]) async throws -> Int {
            let request = HTTPRequest(method: "POST", url: server.appendingPathComponent("v2/translate"),
                                      headers: [("Authorization", "DeepL-Auth-Key \(Self.key)"), ("Content-Type", "application/json")],
                                      body: try JSONSerialization.data(withJSONObject: body))
            return try await transport.send(request, timeout: .seconds(10)).status
        }
        #expect(try await translate(["text": ["pump"], "target_lang": "DE", "glossary_id": glossary.id]) == 400)
        #expect(try await translate(["text": ["pump"], "source_lang": "EN", "target_lang": "FR", "glossary_id": glossary.id]) == 400)
        #expect(try await translate(["text": ["pump"], "source_lang": "EN", "target_lang": "DE", "glossary_id": "unknown"]) == 400)
        #expect(try await translate(["text": ["pump"], "source_lang": "EN", "target_lang": "DE", "glossary_id": glossary.id]) == 200)
    }
}
