import Foundation

/// Google Cloud Translation v2 (`POST /language/translate/v2`) as documented, in process: JSON
/// `q` (a list), `source`, `target`, `format`; the key in `X-Goog-Api-Key`; `{"data":
/// {"translations": [{"translatedText"}]}}` back, HTML-escaped as Google escapes (`&#39;`);
/// a bad key is a 400 with Google's `{"error": {"code", "message", "status"}}`. Faults as ``FakeDeepL``'s.
public final class FakeGoogleTranslate: Sendable {
    public let server: FakeHTTPServer
    public var baseURL: String { server.baseURL }
    public var requests: [FakeHTTPServer.Request] { server.requests }

    public static func start(key: String, faults: [FakeDeepL.Fault?] = []) async throws -> FakeGoogleTranslate {
        let script = Script(faults: faults, persistent: nil)
        let server = try await FakeHTTPServer.start { request in answer(request, key: key, script: script) }
        return FakeGoogleTranslate(server: server)
    }

    private init(server: FakeHTTPServer) { self.server = server }

    public func stop() async throws { try await server.stop() }

    public var bodies: [[String: Any]] {
        requests.compactMap { (try? JSONSerialization.jsonObject(with: $0.body)) as? [String: Any] }
    }

    private static func error(_ code: Int, _ message: String, _ status: String) -> FakeHTTPServer.Response {
        .json(#"{"error":{"code":\#(code),"message":"\#(message)","errors":[{"message":"\#(message)","domain":"global","reason":"badRequest"}],"status":"\#(status)"}}"#,
              status: code)
    }

    private static func answer(_ request: FakeHTTPServer.Request, key: String, script: Script) -> FakeHTTPServer.Response {
        guard request.method == "POST", request.path == "/language/translate/v2" else { return error(404, "Not Found", "NOT_FOUND") }
        guard request.header("X-Goog-Api-Key") == key else {
            return error(400, "API key not valid. Please pass a valid API key.", "INVALID_ARGUMENT")
        }
        guard let body = (try? JSONSerialization.jsonObject(with: request.body)) as? [String: Any], let q = body["q"] as? [String],
              body["target"] is String else {
            return error(400, "Required Text", "INVALID_ARGUMENT")
        }
        var texts = q.map { FakeDeepL.translate($0).replacingOccurrences(of: "'", with: "&#39;") }
        switch script.next() {
        case .rateLimited(let after)?:
            return .json(#"{"error":{"code":429,"message":"User Rate Limit Exceeded","status":"RESOURCE_EXHAUSTED"}}"#, status: 429,
                         headers: ["Retry-After": after])
        case .status(let status)?:
            return error(status, "Backend Error", "INTERNAL")
        case .wrongCount?:
            texts.removeLast()
        case .malformedJSON?:
            return .json(#"{"data": {"translations": "#)
        case .dropTag?:
            texts = texts.map(FakeDeepL.dropTag)
        default:
            break
        }
        let items = texts.map { ["translatedText": $0, "detectedSourceLanguage": "en"] }
        let data = try! JSONSerialization.data(withJSONObject: ["data": ["translations": items]], options: [.sortedKeys])
        return .json(String(decoding: data, as: UTF8.self))
    }
}
