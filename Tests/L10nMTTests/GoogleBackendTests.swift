import Foundation
import L10nCore
import L10nMT
import L10nTestSupport
import Testing

/// The `google` (v2) backend over AsyncHTTPClient against ``FakeGoogleTranslate``.
@Suite struct GoogleBackendTests {
    static let key = "AIza-google-secret-key-000"
    static let context = TranslationContext(sourceLanguage: LanguageTag("en-US")!, targetLanguage: LanguageTag("pt-BR")!)

    func backend(_ fake: FakeGoogleTranslate, key: String = key) throws -> GoogleBackend {
        try GoogleBackend(configuration: BackendConfiguration(environment: ["GOOGLE_API_KEY": key, "GOOGLE_TRANSLATE_URL": fake.baseURL]),
                          sleep: { _ in })
    }

    @Test func codesTravelAsHTMLAndTheKeyOnlyInItsHeader() async throws {
        let fake = try await FakeGoogleTranslate.start(key: Self.key, faults: [.status(503)])
        defer { Task { try? await fake.stop() } }
        let batch = DeepLBackendTests.batch + [SegmentRequest(key: "u3-s1", source: Content(text: "It's the pump's best year."))]
        let results = try await backend(fake).translate(batch, context: Self.context)
        #expect(fake.requests.count == 2, "503 retried")
        let request = try #require(fake.requests.last)
        #expect(request.path == "/language/translate/v2" && !request.uri.contains(Self.key), "the key is not in the URL")
        let body = try #require(fake.bodies.last)
        #expect(body["format"] as? String == "html" && body["target"] as? String == "pt" && body["source"] as? String == "en")
        for (request, result) in zip(batch, results) {
            guard case .translated(let target) = result else { Issue.record("\(result)"); continue }
            #expect(TranslationGuard.problem(source: request.source, target: target) == nil, "\(target)")
            #expect(target.plainText == request.source.plainText.uppercased(), "Google's &#39; read back as an apostrophe")
        }
    }

    @Test func aBadKeyIsA400NamingTheVariableNotRetried() async throws {
        let fake = try await FakeGoogleTranslate.start(key: "the-real-key")
        defer { Task { try? await fake.stop() } }
        let error = await #expect(throws: BackendError.self) { try await backend(fake).translate(DeepLBackendTests.batch, context: Self.context) }
        #expect(error?.httpStatus == 400)
        #expect(error?.description.contains("GOOGLE_API_KEY") == true && error?.description.contains(Self.key) == false)
        #expect(fake.requests.count == 1)
        #expect(GoogleWire.targetLanguage(LanguageTag("pt-PT")!) == "pt-PT" && GoogleWire.targetLanguage(LanguageTag("zh-TW")!) == "zh-TW")
    }

    @Test func droppedTagsAreCaughtByTheGuard() async throws {
        let fake = try await FakeGoogleTranslate.start(key: Self.key, faults: [.dropTag])
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
}
