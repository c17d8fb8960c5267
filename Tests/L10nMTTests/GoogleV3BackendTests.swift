import Foundation
import L10nCore
import L10nMT
import L10nTestSupport
import Testing

/// The `google-v3` backend: the pure request builder and response parser on fixtures written
/// from Google's documentation, then the backend over AsyncHTTPClient against
/// ``FakeGoogleTranslate``'s v3 endpoint, with Google's documented error bodies. The token never
/// appears in a URL, an error or a result.
@Suite struct GoogleV3BackendTests {
    static let token = "ya29.a0-google-v3-secret-token-000"
    static let project = "l10n-test"
    static let context = TranslationContext(sourceLanguage: LanguageTag("en-US")!, targetLanguage: LanguageTag("pt-BR")!)
    static let server = URL(string: "https://translation.googleapis.com")!

    func backend(_ fake: FakeGoogleTranslate, token: String = token, sleeps: DeepLBackendTests.Sleeps = .init(),
                 extra: [String: String] = [:]) throws -> GoogleV3Backend {
        let environment = ["GOOGLE_ACCESS_TOKEN": token, "GOOGLE_CLOUD_PROJECT": Self.project, "GOOGLE_TRANSLATE_URL": fake.baseURL]
            .merging(extra) { _, new in new }
        return try GoogleV3Backend(configuration: BackendConfiguration(environment: environment), policy: HTTPPolicy(maxAttempts: 3),
                                   sleep: { sleeps.record($0) })
    }

    func texts(_ results: [SegmentResult]) -> [String?] {
        results.map { if case .translated(let c) = $0 { return c.plainText } else { return nil } }
    }

    /// Every way a token could leak: the error's description and message.
    func expectNoToken(_ error: BackendError?, _ token: String = token) {
        #expect(error.map { !$0.description.contains(token) && !$0.message.contains(token) } ?? true)
    }

    // MARK: - Pure: request and answer

    @Test func theRequestIsGooglesDocumentedTranslateText() throws {
        let target = GoogleV3Wire.Target(server: Self.server, project: "my-proj")
        let request = try GoogleV3Wire.request(texts: [#"The pump is <g id="0">fast &amp; quiet</g>."#], context: Self.context,
                                               token: Self.token, target: target)
        #expect(request.method == "POST")
        #expect(request.url.absoluteString == "https://translation.googleapis.com/v3/projects/my-proj/locations/global:translateText")
        #expect(request.header("Authorization") == "Bearer \(Self.token)")
        #expect(request.header("Content-Type") == "application/json; charset=utf-8")
        #expect(request.header("x-goog-user-project") == nil, "no quota project unless one is given")
        #expect(!request.description.contains(Self.token) && !request.url.absoluteString.contains(Self.token))
        let body = String(decoding: try #require(request.body), as: UTF8.self)
        #expect(body == #"{"contents":["The pump is <g id=\"0\">fast &amp; quiet</g>."],"mimeType":"text/html","sourceLanguageCode":"en","targetLanguageCode":"pt"}"#)

        let regional = GoogleV3Wire.Target(server: URL(string: "http://127.0.0.1:8080/prefix")!, project: "my-proj", location: "us-central1",
                                           quotaProject: "billing-proj", model: "general/translation-llm", glossary: "pump-terms")
        let full = try GoogleV3Wire.request(texts: ["a", "b"], context: TranslationContext(sourceLanguage: LanguageTag("en-US")!,
                                                                                          targetLanguage: LanguageTag("zh-TW")!),
                                            token: Self.token, target: regional)
        #expect(full.url.absoluteString == "http://127.0.0.1:8080/prefix/v3/projects/my-proj/locations/us-central1:translateText")
        #expect(full.header("x-goog-user-project") == "billing-proj")
        let fullBody = try #require(full.body)
        let json = try #require(try JSONSerialization.jsonObject(with: fullBody) as? [String: Any])
        #expect(json["contents"] as? [String] == ["a", "b"] && json["targetLanguageCode"] as? String == "zh-TW")
        #expect(json["model"] as? String == "projects/my-proj/locations/us-central1/models/general/translation-llm")
        #expect((json["glossaryConfig"] as? [String: Any])?["glossary"] as? String == "projects/my-proj/locations/us-central1/glossaries/pump-terms")
        let named = GoogleV3Wire.Target(project: "p", model: "projects/p/locations/global/models/custom-1")
        #expect(named.modelName == "projects/p/locations/global/models/custom-1", "a resource name is taken as it is")

        for bad in ["my proj", "p/../../x", "p?x=1", ""] {
            let error = #expect(throws: BackendError.self) {
                try GoogleV3Wire.request(texts: ["a"], context: Self.context, token: Self.token, target: GoogleV3Wire.Target(project: bad))
            }
            #expect(error?.code == .misconfigured, "\(bad)")
        }
    }

    @Test func answersAreReadGlossaryTranslationsFirstAndATextGoogleLeftOutIsNil() throws {
        let answer = HTTPResponse(status: 200, body: Data("""
            {"translations": [{"translatedText": "A BOMBA", "model": "projects/123/locations/us-central1/models/general/nmt"},
                              {"model": "projects/123/locations/us-central1/models/general/nmt"}],
             "glossaryTranslations": [{"translatedText": "A MOTOBOMBA", "glossaryConfig": {"glossary": "projects/123/locations/us-central1/glossaries/g"}},
                                      {"translatedText": "B"}]}
            """.utf8))
        #expect(try GoogleV3Wire.texts(from: answer, glossary: false) == ["A BOMBA", nil])
        #expect(try GoogleV3Wire.texts(from: answer, glossary: true) == ["A MOTOBOMBA", "B"])
        let plain = HTTPResponse(status: 200, body: Data(#"{"translations": [{"translatedText": "X", "detectedLanguageCode": "en"}]}"#.utf8))
        #expect(try GoogleV3Wire.texts(from: plain, glossary: true) == ["X"], "no glossaryTranslations: the plain ones")
        let error = #expect(throws: BackendError.self) {
            try GoogleV3Wire.texts(from: HTTPResponse(status: 200, body: Data(#"{"error": {"code": 400}}"#.utf8)), glossary: false)
        }
        #expect(error?.code == .invalidResponse)
    }

    @Test func settingsComeFromTheEnvironmentAndTheTokenIsRequired() throws {
        let registry = BackendRegistry.builtIn
        #expect(registry.descriptor("google-v3")?.options.first { $0.name == "access-token" }?.isSecret == true)
        let missing = #expect(throws: BackendError.self) {
            try registry.make("google-v3", configuration: BackendConfiguration(environment: ["GOOGLE_CLOUD_PROJECT": "p"]))
        }
        #expect(missing?.code == .misconfigured && missing?.description.contains("GOOGLE_ACCESS_TOKEN") == true)
        let noProject = #expect(throws: BackendError.self) {
            try registry.make("google-v3", configuration: BackendConfiguration(environment: ["GOOGLE_ACCESS_TOKEN": Self.token]))
        }
        #expect(noProject?.description.contains("GOOGLE_CLOUD_PROJECT") == true)
        expectNoToken(noProject)
        let badLocation = #expect(throws: BackendError.self) {
            try registry.make("google-v3", configuration: BackendConfiguration(
                options: ["location": "us-central1/../x"], environment: ["GOOGLE_ACCESS_TOKEN": Self.token, "GOOGLE_CLOUD_PROJECT": "p"]))
        }
        #expect(badLocation?.code == .misconfigured && badLocation?.description.contains("location") == true)
        let fromFlags = BackendConfiguration(options: ["access-token": "never-from-a-flag", "project": "p"], environment: [:])
        #expect(fromFlags.value(for: GoogleV3Backend.tokenOption) == nil, "the token comes from the environment only")
        // With its project and token set, a run without --backend uses it (v2's key is not set).
        let automatic = registry.automatic(configuration: BackendConfiguration(environment: ["GOOGLE_ACCESS_TOKEN": Self.token,
                                                                                             "GOOGLE_CLOUD_PROJECT": "p"]))
        #expect((automatic as? AutomaticBackend)?.choose(from: LanguageTag("en-US")!, to: LanguageTag("de-DE")!).backend.descriptor.id == "google-v3")
    }

    // MARK: - Against the fake

    @Test func codesTravelAsHTMLAndTheTokenOnlyInItsHeader() async throws {
        let fake = try await FakeGoogleTranslate.start(key: "", token: Self.token, project: Self.project, faults: [.status(503)])
        defer { Task { try? await fake.stop() } }
        let batch = DeepLBackendTests.batch + [SegmentRequest(key: "u3-s1", source: Content(text: "It's the pump's best year."))]
        let sleeps = DeepLBackendTests.Sleeps()
        let results = try await backend(fake, sleeps: sleeps).translate(batch, context: Self.context)
        #expect(fake.requests.count == 2 && sleeps.all.count == 1, "503 retried once")
        let request = try #require(fake.requests.last)
        #expect(request.path == "/v3/projects/\(Self.project)/locations/global:translateText" && !request.uri.contains(Self.token))
        #expect(request.header("Authorization") == "Bearer \(Self.token)")
        let body = try #require(fake.bodies.last)
        #expect(body["mimeType"] as? String == "text/html" && body["targetLanguageCode"] as? String == "pt" && body["sourceLanguageCode"] as? String == "en")
        #expect(body["model"] == nil && body["glossaryConfig"] == nil)
        let contents = try #require(body["contents"] as? [String])
        #expect(contents[0] == #"The pump is <g id="0">fast &amp; quiet</g> &lt;really&gt;."#)
        #expect(!String(decoding: request.body, as: UTF8.self).contains("example.com"), "protected spans are never sent")
        for (request, result) in zip(batch, results) {
            guard case .translated(let target) = result else { Issue.record("\(result)"); continue }
            #expect(TranslationGuard.problem(source: request.source, target: target) == nil, "\(target)")
            #expect(target.codes == request.source.codes, "the codes survive as HTML tags")
            #expect(target.plainText == request.source.plainText.uppercased())
        }
    }

    @Test func aWrongTokenIsA401NamingTheVariableNeverTheToken() async throws {
        let fake = try await FakeGoogleTranslate.start(key: "", token: "ya29.the-right-token", project: Self.project)
        defer { Task { try? await fake.stop() } }
        let error = await #expect(throws: BackendError.self) { try await backend(fake).translate(DeepLBackendTests.batch, context: Self.context) }
        #expect(error?.code == .unauthorized && error?.httpStatus == 401)
        #expect(error?.description.contains("GOOGLE_ACCESS_TOKEN") == true)
        expectNoToken(error)
        #expect(fake.requests.count == 1, "no retry on 401")
    }

    @Test func anotherProjectIsA403PermissionDeniedNotRetried() async throws {
        let fake = try await FakeGoogleTranslate.start(key: "", token: Self.token, project: "someone-elses")
        defer { Task { try? await fake.stop() } }
        let error = await #expect(throws: BackendError.self) { try await backend(fake).translate(DeepLBackendTests.batch, context: Self.context) }
        #expect(error?.code == .unauthorized && error?.httpStatus == 403 && error?.exitCategory == .unavailable)
        #expect(error?.description.contains("GOOGLE_ACCESS_TOKEN") == true && error?.description.contains("GOOGLE_CLOUD_PROJECT") == true)
        expectNoToken(error)
        #expect(fake.requests.count == 1)
    }

    @Test func anInvalidArgumentIsA400NotRetried() async throws {
        let fake = try await FakeGoogleTranslate.start(key: "", token: Self.token, project: Self.project, faults: [.status(400)])
        defer { Task { try? await fake.stop() } }
        let error = await #expect(throws: BackendError.self) { try await backend(fake).translate(DeepLBackendTests.batch, context: Self.context) }
        #expect(error?.code == .invalidResponse && error?.httpStatus == 400)
        expectNoToken(error)
        #expect(fake.requests.count == 1)
    }

    @Test func resourceExhaustedHonoursRetryAfterAndServerErrorsEndTheCallAfterTheLastAttempt() async throws {
        let fake = try await FakeGoogleTranslate.start(key: "", token: Self.token, project: Self.project,
                                                       faults: [.rateLimited(retryAfter: "3"), .status(500), .status(503)])
        defer { Task { try? await fake.stop() } }
        let sleeps = DeepLBackendTests.Sleeps()
        let backend = try backend(fake, sleeps: sleeps)
        let error = await #expect(throws: BackendError.self) { try await backend.translate(DeepLBackendTests.batch, context: Self.context) }
        #expect(error?.code == .unavailable && error?.httpStatus == 503)
        expectNoToken(error)
        #expect(fake.requests.count == 3)
        #expect(sleeps.all.first == .seconds(3), "Retry-After honoured")
        let results = try await backend.translate(DeepLBackendTests.batch, context: Self.context)
        #expect(texts(results).allSatisfy { $0 != nil }, "the next call gets through")

        let limited = try await FakeGoogleTranslate.start(key: "", token: Self.token, project: Self.project,
                                                          faults: [.rateLimited(retryAfter: "0"), .rateLimited(retryAfter: "0"), .rateLimited(retryAfter: "0")])
        defer { Task { try? await limited.stop() } }
        let exhausted = await #expect(throws: BackendError.self) {
            try await self.backend(limited).translate(DeepLBackendTests.batch, context: Self.context)
        }
        #expect(exhausted?.code == .rateLimited && exhausted?.httpStatus == 429)
    }

    /// A text Google answered without a translation is asked for once more, alone: the next
    /// answer fills it; answered without one again, it fails alone.
    @Test func aTextGoogleAnsweredWithoutTranslationIsAskedOnceMoreThenFailsAlone() async throws {
        let once = try await FakeGoogleTranslate.start(key: "", token: Self.token, project: Self.project, faults: [.missingText])
        defer { Task { try? await once.stop() } }
        let recovered = try await backend(once).translate(DeepLBackendTests.batch, context: Self.context)
        #expect(once.requests.count == 2)
        #expect(texts(recovered).allSatisfy { $0 != nil })

        let fake = try await FakeGoogleTranslate.start(key: "", token: Self.token, project: Self.project, faults: [.missingText, .missingText])
        defer { Task { try? await fake.stop() } }
        let results = try await backend(fake).translate(DeepLBackendTests.batch, context: Self.context)
        #expect(fake.requests.count == 2)
        guard case .failed(let reason) = results[0] else { Issue.record("\(results[0])"); return }
        #expect(reason.contains("no translation") && !reason.contains("pump"), "the reason never quotes the text")
        #expect(texts(results)[1] == DeepLBackendTests.batch[1].source.plainText.uppercased())
    }

    @Test(arguments: [FakeDeepL.Fault.malformedJSON, .wrongCount])
    func brokenAnswersAreAskedOnceMoreThenFailPerSegment(fault: FakeDeepL.Fault) async throws {
        let fake = try await FakeGoogleTranslate.start(key: "", token: Self.token, project: Self.project, faults: [fault, fault])
        defer { Task { try? await fake.stop() } }
        let results = try await backend(fake).translate(DeepLBackendTests.batch, context: Self.context)
        #expect(fake.requests.count == 2)
        #expect(results.allSatisfy { if case .failed(let why) = $0 { return why.contains("twice") && !why.contains(Self.token) } else { return false } })
    }

    @Test func droppedTagsAreCaughtByTheGuard() async throws {
        let fake = try await FakeGoogleTranslate.start(key: "", token: Self.token, project: Self.project, faults: [.dropTag])
        defer { Task { try? await fake.stop() } }
        let results = try await backend(fake).translate(DeepLBackendTests.batch, context: Self.context)
        for (request, result) in zip(DeepLBackendTests.batch, results) {
            if case .translated(let target) = result {
                #expect(TranslationGuard.problem(source: request.source, target: target) != nil)
            } else {
                #expect(result != .untranslated)
            }
        }
    }

    @Test func requestsStayWithin30000CodePoints() async throws {
        let fake = try await FakeGoogleTranslate.start(key: "", token: Self.token, project: Self.project)
        defer { Task { try? await fake.stop() } }
        // 40 segments of 1,000 code points (multi-byte ones): one stage batch, two requests.
        let long = String(repeating: "Bomba d’água é ótima. ", count: 46).prefix(1_000)
        let batch = (0..<40).map { SegmentRequest(key: "u\($0)-s1", source: Content(text: String(long))) }
        let results = try await backend(fake).translate(batch, context: Self.context)
        #expect(fake.requests.count >= 2)
        for body in fake.bodies {
            let contents = try #require(body["contents"] as? [String])
            #expect(contents.reduce(0) { $0 + $1.unicodeScalars.count } <= GoogleV3Wire.maxCodePoints)
        }
        #expect(texts(results).allSatisfy { $0 != nil }, "nothing refused for its size")
        #expect(GoogleV3Backend.descriptor.limits == BatchLimits(maxSegments: 1_024, maxCharacters: 30_000))
    }

    @Test func aGlossaryInARegionIsSentAndItsTranslationsUsed() async throws {
        let name = "projects/\(Self.project)/locations/us-central1/glossaries/pump-terms"
        let fake = try await FakeGoogleTranslate.start(key: "", token: Self.token, project: Self.project, glossaries: [name: ["pump": "Motobomba"]])
        defer { Task { try? await fake.stop() } }
        let backend = try backend(fake, extra: ["GOOGLE_CLOUD_LOCATION": "us-central1", "GOOGLE_TRANSLATE_GLOSSARY": "pump-terms",
                                                "GOOGLE_TRANSLATE_MODEL": "general/nmt", "GOOGLE_CLOUD_QUOTA_PROJECT": "billing-proj"])
        let results = try await backend.translate(DeepLBackendTests.batch, context: Self.context)
        let request = try #require(fake.requests.first)
        #expect(request.path == "/v3/projects/\(Self.project)/locations/us-central1:translateText")
        #expect(request.header("x-goog-user-project") == "billing-proj")
        let body = try #require(fake.bodies.first)
        #expect((body["glossaryConfig"] as? [String: Any])?["glossary"] as? String == name)
        #expect(body["model"] as? String == "projects/\(Self.project)/locations/us-central1/models/general/nmt")
        #expect(texts(results)[0] == "THE Motobomba IS FAST & QUIET <REALLY>.", "the glossary's translation, not the plain one")

        // Google refuses a glossary in `global`: a 400, not retried.
        let global = try self.backend(fake, extra: ["GOOGLE_TRANSLATE_GLOSSARY": "pump-terms"])
        let error = await #expect(throws: BackendError.self) { try await global.translate(DeepLBackendTests.batch, context: Self.context) }
        #expect(error?.httpStatus == 400)
        expectNoToken(error)
    }
}
