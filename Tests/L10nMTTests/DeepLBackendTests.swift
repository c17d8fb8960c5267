import Foundation
import L10nCore
import L10nMT
import L10nTestSupport
import Testing

/// The `deepl` backend over the real HTTP stack (AsyncHTTPClient) against ``FakeDeepL``, an
/// in-process server speaking DeepL's documented wire format, with its faults. Waits between
/// retries are recorded, not slept.
@Suite struct DeepLBackendTests {
    static let key = "0f1e2d3c-test-secret-key:fx"
    static let bold = InlineCode(kind: .open, id: "1", data: "<b>", type: .fmt)
    static let boldEnd = InlineCode(kind: .close, id: "1", data: "</b>", type: .fmt)
    static let url = InlineCode(kind: .standalone, id: "2", data: "https://example.com/xp?ref=a&b=1", subType: "l10n:url",
                                equiv: "https://example.com/xp?ref=a&b=1", canDelete: false)
    static let br = InlineCode(kind: .standalone, id: "3", data: "<br>", type: .fmt)
    static let batch = [
        SegmentRequest(key: "u1-s1", source: Content([.text("The pump is "), .code(bold), .text("fast & quiet"), .code(boldEnd), .text(" <really>.")])),
        SegmentRequest(key: "u2-s1", source: Content([.text("See "), .code(url), .text(" or"), .code(br), .text("call us.")])),
    ]
    static let context = TranslationContext(sourceLanguage: LanguageTag("en-US")!, targetLanguage: LanguageTag("pt-BR")!, formality: .formal)

    /// Records the waits the client would have slept.
    final class Sleeps: @unchecked Sendable {
        // @unchecked: `waits` is only touched while holding `lock`.
        private let lock = NSLock()
        private var waits: [Duration] = []
        func record(_ d: Duration) { lock.withLock { waits.append(d) } }
        var all: [Duration] { lock.withLock { waits } }
    }

    func backend(_ fake: FakeDeepL, sleeps: Sleeps, timeout: Duration = .seconds(10), key: String = key) throws -> DeepLBackend {
        try DeepLBackend(configuration: BackendConfiguration(environment: ["DEEPL_AUTH_KEY": key, "DEEPL_SERVER_URL": fake.baseURL]),
                         policy: HTTPPolicy(requestTimeout: timeout, maxAttempts: 3), sleep: { sleeps.record($0) })
    }

    func translations(_ results: [SegmentResult]) -> [Content?] {
        results.map { if case .translated(let c) = $0 { return c } else { return nil } }
    }

    @Test func aBatchTravelsAsDeepLDocumentsItAndComesBackWithItsCodes() async throws {
        let fake = try await FakeDeepL.start(key: Self.key)
        defer { Task { try? await fake.stop() } }
        let sleeps = Sleeps()
        let results = try await backend(fake, sleeps: sleeps).translate(Self.batch, context: Self.context)

        let request = try #require(fake.requests.first)
        #expect(fake.requests.count == 1, "one request per batch")
        #expect(request.method == "POST" && request.path == "/v2/translate")
        #expect(request.header("Authorization") == "DeepL-Auth-Key \(Self.key)")
        let body = try #require(fake.bodies.first)
        #expect(body["target_lang"] as? String == "PT-BR")
        #expect(body["source_lang"] as? String == "EN")
        #expect(body["tag_handling"] as? String == "xml")
        #expect(body["formality"] as? String == "prefer_more", "the market's formal address")
        let texts = try #require(body["text"] as? [String])
        #expect(texts == [#"The pump is <g id="0">fast &amp; quiet</g> &lt;really&gt;."#, #"See <x id="0"/> or<x id="1"/>call us."#])
        #expect(!String(decoding: request.body, as: UTF8.self).contains("example.com"), "protected spans are never sent")

        let targets = translations(results)
        #expect(targets[0] == Content([.text("THE PUMP IS "), .code(Self.bold), .text("FAST & QUIET"), .code(Self.boldEnd), .text(" <REALLY>.")]))
        #expect(targets[1] == Content([.text("SEE "), .code(Self.url), .text(" OR"), .code(Self.br), .text("CALL US.")]))
        #expect(sleeps.all.isEmpty)
    }

    @Test func rateLimitsAndServerErrorsAreRetriedHonouringRetryAfter() async throws {
        let fake = try await FakeDeepL.start(key: Self.key, faults: [.rateLimited(retryAfter: "2"), .status(503), .status(500)])
        defer { Task { try? await fake.stop() } }
        let sleeps = Sleeps()
        let backend = try backend(fake, sleeps: sleeps)
        let policy = HTTPPolicy(maxAttempts: 3)
        // Three attempts: 429 then 503, then 500 is the last: the call fails.
        let error = await #expect(throws: BackendError.self) { try await backend.translate(Self.batch, context: Self.context) }
        #expect(error?.code == .unavailable && error?.httpStatus == 500)
        #expect(fake.requests.count == 3)
        #expect(sleeps.all.first == .seconds(2), "Retry-After honoured")
        let backoff = try #require(sleeps.all.last)
        #expect(backoff >= policy.backoff(after: 2, jitter: 0) && backoff <= policy.backoff(after: 2, jitter: 1))
        // The next call gets through.
        let results = try await backend.translate(Self.batch, context: Self.context)
        #expect(translations(results).allSatisfy { $0 != nil })
    }

    @Test func aResponseSlowerThanTheTimeoutIsRetried() async throws {
        // The first answer would come after ten minutes: only the client's timeout ends that
        // attempt (no race between two clocks), and a retry gets the translation.
        let fake = try await FakeDeepL.start(key: Self.key, faults: [.slow(.seconds(600))])
        defer { Task { try? await fake.stop() } }
        let sleeps = Sleeps()
        let results = try await backend(fake, sleeps: sleeps, timeout: .seconds(2)).translate(Self.batch, context: Self.context)
        #expect(translations(results).allSatisfy { $0 != nil })
        #expect(fake.requests.count >= 2)
        #expect(sleeps.all.count == fake.requests.count - 1, "one backoff before each retry")
    }

    @Test(arguments: [FakeDeepL.Fault.malformedJSON, .wrongCount])
    func brokenAnswersAreAskedOnceMoreThenFailPerSegment(fault: FakeDeepL.Fault) async throws {
        let once = try await FakeDeepL.start(key: Self.key, faults: [fault])
        defer { Task { try? await once.stop() } }
        let recovered = try await backend(once, sleeps: Sleeps()).translate(Self.batch, context: Self.context)
        #expect(translations(recovered).allSatisfy { $0 != nil })
        #expect(once.requests.count == 2)

        let always = try await FakeDeepL.start(key: Self.key, persistent: fault)
        defer { Task { try? await always.stop() } }
        let results = try await backend(always, sleeps: Sleeps()).translate(Self.batch, context: Self.context)
        #expect(results.count == Self.batch.count)
        #expect(results.allSatisfy { if case .failed(let reason) = $0 { return reason.contains("twice") } else { return false } })
        #expect(always.requests.count == 2)
    }

    @Test(arguments: [FakeDeepL.Fault.dropTag, .duplicateTag, .reorderTags])
    func tagsTheEngineBrokeNeverPassTheGuard(fault: FakeDeepL.Fault) async throws {
        let fake = try await FakeDeepL.start(key: Self.key, persistent: fault)
        defer { Task { try? await fake.stop() } }
        let results = try await backend(fake, sleeps: Sleeps()).translate(Self.batch, context: Self.context)
        #expect(results.count == Self.batch.count)
        var reorders = false
        if case .reorderTags = fault { reorders = true }
        for (request, result) in zip(Self.batch, results) {
            switch result {
            case .translated(let target) where TranslationGuard.problem(source: request.source, target: target) == nil:
                // Lone codes may change places (a link moves within the sentence); nothing else passes.
                #expect(reorders && target.codes != request.source.codes && Set(target.codes) == Set(request.source.codes)
                        && target.codes.allSatisfy { $0.kind == .standalone }, "\(fault): \(target)")
            case .translated:
                break
            case .failed(let reason):
                #expect(reason.contains("markup"))
            case .untranslated:
                Issue.record("a text DeepL answered is not left untranslated")
            }
        }
    }

    @Test func refusalsAreNotRetriedAndNameTheVariableNeverTheKey() async throws {
        let fake = try await FakeDeepL.start(key: Self.key)
        defer { Task { try? await fake.stop() } }
        let wrongKey = "wrong-secret-key-123"
        let error = await #expect(throws: BackendError.self) {
            try await backend(fake, sleeps: Sleeps(), key: wrongKey).translate(Self.batch, context: Self.context)
        }
        #expect(error?.code == .unauthorized && error?.httpStatus == 403)
        #expect(error?.description.contains("DEEPL_AUTH_KEY") == true)
        #expect(error?.description.contains(wrongKey) == false)
        #expect(fake.requests.count == 1, "no retry on 403")

        let quota = try await FakeDeepL.start(key: Self.key, faults: [.status(456)])
        defer { Task { try? await quota.stop() } }
        let exceeded = await #expect(throws: BackendError.self) {
            try await backend(quota, sleeps: Sleeps()).translate(Self.batch, context: Self.context)
        }
        #expect(exceeded?.code == .quotaExceeded)
        #expect(exceeded?.exitCategory == .unavailable)
        #expect(exceeded?.description.contains(Self.key) == false)
        #expect(quota.requests.count == 1, "no retry on 456")
    }

    @Test func endpointsKeysAndLanguageCodes() throws {
        #expect(DeepLWire.server(forKey: "abc:fx").host == "api-free.deepl.com")
        #expect(DeepLWire.server(forKey: "abc").host == "api.deepl.com")
        #expect(DeepLWire.targetLanguage(LanguageTag("pt-BR")!) == "PT-BR")
        #expect(DeepLWire.targetLanguage(LanguageTag("pt-PT")!) == "PT-PT")
        #expect(DeepLWire.targetLanguage(LanguageTag("en-GB")!) == "EN-GB")
        #expect(DeepLWire.targetLanguage(LanguageTag("de-DE")!) == "DE")
        #expect(DeepLWire.targetLanguage(LanguageTag("zh-TW")!) == "ZH-HANT")
        let missing = #expect(throws: BackendError.self) { try BackendRegistry.builtIn.make("deepl", configuration: BackendConfiguration(environment: [:])) }
        #expect(missing?.code == .misconfigured && missing?.description.contains("DEEPL_AUTH_KEY") == true)
        let other = BackendConfiguration(options: ["api-key": "never-from-a-flag"], environment: ["MY_DEEPL": "k"], secretVariable: "MY_DEEPL")
        #expect(other.value(for: DeepLBackend.keyOption) == "k", "--api-key-env names the variable; keys never come from flags")
        let unset = #expect(throws: BackendError.self) {
            try BackendRegistry.builtIn.make("deepl", configuration: BackendConfiguration(environment: ["DEEPL_AUTH_KEY": "x"], secretVariable: "MY_DEEPL"))
        }
        #expect(unset?.description.contains("MY_DEEPL") == true)
        let request = try DeepLWire.request(texts: ["x"], context: Self.context, key: Self.key, server: DeepLWire.server(forKey: Self.key))
        #expect(!request.description.contains(Self.key), "a request's description shows header names only")
        #expect(request.url.absoluteString == "https://api-free.deepl.com/v2/translate")
    }
}
