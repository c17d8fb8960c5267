import Foundation
import L10nCore
import L10nMT
import L10nTestSupport
import Testing

/// Every HTTP backend, over AsyncHTTPClient against its in-process fake, when the service refuses:
/// the error a user sees says what the service said (from its documented error body), and never
/// the key, even when the service echoes it back.
@Suite struct ServiceErrorBodyTests {
    static let batch = [SegmentRequest(key: "u1-s1", source: Content(text: "The pump is quiet."))]

    /// The service's words are in the error (and its description, which is what is printed); no key is.
    func expect(_ error: BackendError?, says words: String, status: Int, never secrets: [String],
                sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(error?.httpStatus == status, sourceLocation: sourceLocation)
        #expect(error?.serviceMessage?.contains(words) == true, "\(String(describing: error))", sourceLocation: sourceLocation)
        #expect(error?.description.contains(words) == true, sourceLocation: sourceLocation)
        for secret in secrets {
            #expect(error?.description.contains(secret) == false, "\(String(describing: error))", sourceLocation: sourceLocation)
            #expect(error?.message.contains(secret) == false, sourceLocation: sourceLocation)
            #expect(error?.serviceMessage?.contains(secret) == false, sourceLocation: sourceLocation)
        }
    }

    @Test func deepLSaysWhyAndItsEchoOfTheKeyIsTakenOut() async throws {
        let key = DeepLBackendTests.key
        let fake = try await FakeDeepL.start(key: key, faults: [
            .errorBody(status: 400, body: #"{"message":"Value for 'target_lang' not supported (auth_key \#(key))."}"#),
        ])
        defer { Task { try? await fake.stop() } }
        let backend = try DeepLBackend(configuration: BackendConfiguration(environment: ["DEEPL_AUTH_KEY": key, "DEEPL_SERVER_URL": fake.baseURL]),
                                       sleep: { _ in })
        let error = await #expect(throws: BackendError.self) { try await backend.translate(Self.batch, context: DeepLBackendTests.context) }
        expect(error, says: "Value for 'target_lang' not supported", status: 400, never: [key])
        #expect(fake.translateRequests.count == 1, "no retry on 400")

        // DeepL's own body for a wrong key says so.
        let wrong = "wrong-secret-key-123"
        let refused = await #expect(throws: BackendError.self) {
            try await DeepLBackend(configuration: BackendConfiguration(environment: ["DEEPL_AUTH_KEY": wrong, "DEEPL_SERVER_URL": fake.baseURL]),
                                   sleep: { _ in }).translate(Self.batch, context: DeepLBackendTests.context)
        }
        #expect(refused?.code == .unauthorized)
        expect(refused, says: "Authorization failure, check auth_key", status: 403, never: [wrong, key])
    }

    @Test func googleV2SaysWhyWithItsStatus() async throws {
        let key = GoogleBackendTests.key
        let fake = try await FakeGoogleTranslate.start(key: key)
        defer { Task { try? await fake.stop() } }
        let wrong = "AIza-wrong-google-key-999"
        let error = await #expect(throws: BackendError.self) {
            try await GoogleBackend(configuration: BackendConfiguration(environment: ["GOOGLE_API_KEY": wrong, "GOOGLE_TRANSLATE_URL": fake.baseURL]),
                                    sleep: { _ in }).translate(Self.batch, context: GoogleBackendTests.context)
        }
        expect(error, says: "INVALID_ARGUMENT: API key not valid. Please pass a valid API key.", status: 400, never: [wrong, key])
    }

    @Test func googleV3SaysWhyAndTheTokenItEchoesIsTakenOut() async throws {
        let token = GoogleV3BackendTests.token
        let echo = #"{"error":{"code":400,"message":"Invalid model for credentials \#(token): general/unknown","status":"INVALID_ARGUMENT"}}"#
        let fake = try await FakeGoogleTranslate.start(key: "", token: token, faults: [.errorBody(status: 400, body: echo)])
        defer { Task { try? await fake.stop() } }
        let environment = ["GOOGLE_ACCESS_TOKEN": token, "GOOGLE_CLOUD_PROJECT": GoogleV3BackendTests.project, "GOOGLE_TRANSLATE_URL": fake.baseURL]
        let backend = try GoogleV3Backend(configuration: BackendConfiguration(environment: environment), sleep: { _ in })
        let error = await #expect(throws: BackendError.self) { try await backend.translate(Self.batch, context: GoogleV3BackendTests.context) }
        expect(error, says: "INVALID_ARGUMENT: Invalid model for credentials [redacted]: general/unknown", status: 400, never: [token, "a0-google"])
    }

    @Test func openAISaysWhyAndItsMaskedKeyIsTakenOut() async throws {
        let key = OpenAIBackendTests.key
        // OpenAI shows the start and end of a wrong key in its message.
        let echo = #"{"error":{"message":"Incorrect API key provided: sk-opena****0123. You can find your API key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}"#
        let fake = try await FakeOpenAI.start(key: key, faults: [.errorBody(status: 401, body: echo)])
        defer { Task { try? await fake.stop() } }
        let environment = ["OPENAI_BASE_URL": fake.baseURL, "OPENAI_API_KEY": key]
        let backend = try OpenAIBackend(configuration: BackendConfiguration(environment: environment), sleep: { _ in })
        let error = await #expect(throws: BackendError.self) { try await backend.translate(Self.batch, context: OpenAIBackendTests.context) }
        #expect(error?.code == .unauthorized)
        expect(error, says: "invalid_api_key: Incorrect API key provided: [redacted] You can find your API key", status: 401,
               never: [key, "sk-opena", "0123"])
    }

    @Test func libreTranslateSaysWhyAndTheKeyFromItsBodyIsTakenOut() async throws {
        let key = LibreTranslateBackendTests.key
        let fake = try await FakeLibreTranslate.start(key: key, faults: [
            .errorBody(status: 400, body: #"{"error":"es-MX is not supported; api_key \#(key) is valid"}"#),
        ])
        defer { Task { try? await fake.stop() } }
        let environment = ["LIBRETRANSLATE_URL": fake.baseURL, "LIBRETRANSLATE_API_KEY": key]
        let backend = try LibreTranslateBackend(configuration: BackendConfiguration(environment: environment), sleep: { _ in })
        let error = await #expect(throws: BackendError.self) { try await backend.translate(Self.batch, context: LibreTranslateBackendTests.context) }
        expect(error, says: "es-MX is not supported; api_key [redacted] is valid", status: 400, never: [key])
    }

    @Test func aProxyPageAfterTheLastRetryGivesAShortExcerpt() async throws {
        let key = DeepLBackendTests.key
        let page = "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>"
        let fake = try await FakeDeepL.start(key: key, persistent: .errorBody(status: 502, body: page))
        defer { Task { try? await fake.stop() } }
        let backend = try DeepLBackend(configuration: BackendConfiguration(environment: ["DEEPL_AUTH_KEY": key, "DEEPL_SERVER_URL": fake.baseURL]),
                                       policy: HTTPPolicy(maxAttempts: 2), sleep: { _ in })
        let error = await #expect(throws: BackendError.self) { try await backend.translate(Self.batch, context: DeepLBackendTests.context) }
        #expect(error?.code == .unavailable)
        expect(error, says: "502 Bad Gateway 502 Bad Gateway nginx", status: 502, never: [key])
        #expect(error?.serviceMessage?.contains("<") == false)
    }
}
