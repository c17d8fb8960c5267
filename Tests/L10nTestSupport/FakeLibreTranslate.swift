import Foundation

/// LibreTranslate's `/translate` as its API documentation shows it, in process: a JSON body
/// with `q` (a list), `source`, `target`, `format`, `api_key`; `{"translatedText": [...]}` back;
/// `{"error": …}` with 400 or 403 (a wrong key). Like a real HTML-minded server it writes empty
/// elements as start and end tag (`<x id="0"></x>`). "Translates" by upper-casing outside tags;
/// faults as ``FakeDeepL``'s.
public final class FakeLibreTranslate: Sendable {
    public let server: FakeHTTPServer
    public var baseURL: String { server.baseURL }
    public var requests: [FakeHTTPServer.Request] { server.requests }

    /// `key`: the key the server wants (nil: none).
    public static func start(key: String?, faults: [FakeDeepL.Fault?] = []) async throws -> FakeLibreTranslate {
        let script = Script(faults: faults, persistent: nil)
        let server = try await FakeHTTPServer.start { request in answer(request, key: key, script: script) }
        return FakeLibreTranslate(server: server)
    }

    private init(server: FakeHTTPServer) { self.server = server }

    public func stop() async throws { try await server.stop() }

    public var bodies: [[String: Any]] {
        requests.compactMap { (try? JSONSerialization.jsonObject(with: $0.body)) as? [String: Any] }
    }

    private static func answer(_ request: FakeHTTPServer.Request, key: String?, script: Script) -> FakeHTTPServer.Response {
        guard request.method == "POST", request.path == "/translate" else { return .json(#"{"error":"Not Found"}"#, status: 404) }
        guard let body = (try? JSONSerialization.jsonObject(with: request.body)) as? [String: Any], let q = body["q"] as? [String],
              body["source"] is String, body["target"] is String else {
            return .json(#"{"error":"Invalid request: missing q parameter"}"#, status: 400)
        }
        if let key, body["api_key"] as? String != key {
            return .json(#"{"error":"Invalid API key"}"#, status: 403)
        }
        var texts = q.map { FakeDeepL.translate($0).replacingOccurrences(of: #"/>"#, with: ">").replacing(/<x (id="[0-9]+")>/) { "<x \($0.1)></x>" } }
        switch script.next() {
        case .errorBody(let status, let body)?:
            return .raw(body, status: status)
        case .rateLimited(let after)?:
            return .json(#"{"error":"Slowdown: too many requests"}"#, status: 429, headers: ["Retry-After": after])
        case .status(let status)?:
            return .json(#"{"error":"Internal Server Error"}"#, status: status)
        case .wrongCount?:
            texts.removeLast()
        case .malformedJSON?:
            return .json(#"{"translatedText": ["#)
        default:
            break
        }
        let data = try! JSONSerialization.data(withJSONObject: ["translatedText": texts], options: [.sortedKeys])
        return .json(String(decoding: data, as: UTF8.self))
    }
}
