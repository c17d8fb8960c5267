import Foundation
import L10nCore
import L10nMT
import L10nTestSupport
import Testing

/// The `libretranslate` backend over AsyncHTTPClient against ``FakeLibreTranslate``.
@Suite struct LibreTranslateBackendTests {
    static let key = "libre-secret-key-77"
    static let context = TranslationContext(sourceLanguage: LanguageTag("en-US")!, targetLanguage: LanguageTag("es-MX")!)

    func backend(_ fake: FakeLibreTranslate, key: String? = key) throws -> LibreTranslateBackend {
        var environment = ["LIBRETRANSLATE_URL": fake.baseURL]
        environment["LIBRETRANSLATE_API_KEY"] = key
        return try LibreTranslateBackend(configuration: BackendConfiguration(environment: environment), sleep: { _ in })
    }

    @Test func htmlFormatCarriesTheCodesAndTheKeyStaysInTheBody() async throws {
        let fake = try await FakeLibreTranslate.start(key: Self.key, faults: [.rateLimited(retryAfter: "0")])
        defer { Task { try? await fake.stop() } }
        let batch = DeepLBackendTests.batch
        let results = try await backend(fake).translate(batch, context: Self.context)
        #expect(fake.requests.count == 2, "429 retried")
        let body = try #require(fake.bodies.last)
        #expect(body["format"] as? String == "html" && body["source"] as? String == "en" && body["target"] as? String == "es")
        #expect(body["api_key"] as? String == Self.key)
        #expect((body["q"] as? [String])?.count == batch.count)
        for (request, result) in zip(batch, results) {
            guard case .translated(let target) = result else { Issue.record("\(result)"); continue }
            #expect(TranslationGuard.problem(source: request.source, target: target) == nil, "\(target)")
            #expect(target.plainText == request.source.plainText.uppercased())
        }
    }

    @Test func aWrongKeyIsRefusedOnceNamingTheVariable() async throws {
        let fake = try await FakeLibreTranslate.start(key: "the-right-one")
        defer { Task { try? await fake.stop() } }
        let error = await #expect(throws: BackendError.self) { try await backend(fake).translate(DeepLBackendTests.batch, context: Self.context) }
        #expect(error?.code == .unauthorized)
        #expect(error?.description.contains("LIBRETRANSLATE_API_KEY") == true && error?.description.contains(Self.key) == false)
        #expect(fake.requests.count == 1)
        let missing = #expect(throws: BackendError.self) { try BackendRegistry.builtIn.make("libretranslate", configuration: BackendConfiguration()) }
        #expect(missing?.description.contains("LIBRETRANSLATE_URL") == true)
    }

    @Test func aWrongNumberOfTextsIsAskedAgain() async throws {
        let fake = try await FakeLibreTranslate.start(key: nil, faults: [.wrongCount])
        defer { Task { try? await fake.stop() } }
        let results = try await backend(fake, key: nil).translate(DeepLBackendTests.batch, context: Self.context)
        #expect(results.allSatisfy { if case .translated = $0 { return true } else { return false } })
        #expect(fake.requests.count == 2)
        #expect(fake.bodies.allSatisfy { $0["api_key"] == nil }, "no key, none sent")
    }
}
