import Foundation

/// An OpenAI-compatible `/v1/chat/completions`, in process: reads the user message's JSON
/// document of segments (their notes and the document's `about` are read past) and answers a
/// chat completion whose content is `{"translations": [{"id", "text"}]}` with each text
/// upper-cased outside tags (a "model" that follows the instructions).
/// Faults as ``FakeDeepL``'s: `.wrongCount` leaves a segment out, `.malformedJSON` answers prose.
public final class FakeOpenAI: Sendable {
    public let server: FakeHTTPServer
    /// `http://127.0.0.1:<port>/v1`, what `OPENAI_BASE_URL` takes.
    public var baseURL: String { server.baseURL + "/v1" }
    public var requests: [FakeHTTPServer.Request] { server.requests }

    /// `key`: the bearer token the server wants (nil: none, as local servers).
    public static func start(key: String?, faults: [FakeDeepL.Fault?] = []) async throws -> FakeOpenAI {
        let script = Script(faults: faults, persistent: nil)
        let server = try await FakeHTTPServer.start { request in answer(request, key: key, script: script) }
        return FakeOpenAI(server: server)
    }

    private init(server: FakeHTTPServer) { self.server = server }

    public func stop() async throws { try await server.stop() }

    public var bodies: [[String: Any]] {
        requests.compactMap { (try? JSONSerialization.jsonObject(with: $0.body)) as? [String: Any] }
    }

    private static func error(_ status: Int, _ message: String, _ type: String) -> FakeHTTPServer.Response {
        .json(#"{"error":{"message":"\#(message)","type":"\#(type)","param":null,"code":null}}"#, status: status)
    }

    private static func answer(_ request: FakeHTTPServer.Request, key: String?, script: Script) -> FakeHTTPServer.Response {
        guard request.method == "POST", request.path == "/v1/chat/completions" else { return error(404, "Not found", "invalid_request_error") }
        if let key, request.header("Authorization") != "Bearer \(key)" {
            return error(401, "Incorrect API key provided.", "invalid_request_error")
        }
        guard let body = (try? JSONSerialization.jsonObject(with: request.body)) as? [String: Any],
              let messages = body["messages"] as? [[String: Any]], let user = messages.last?["content"] as? String,
              let document = (try? JSONSerialization.jsonObject(with: Data(user.utf8))) as? [String: Any],
              let segments = document["segments"] as? [[String: Any]] else {
            return error(400, "Invalid request", "invalid_request_error")
        }
        var translations = segments.map { ["id": $0["id"] as? String ?? "", "text": FakeDeepL.translate($0["text"] as? String ?? "")] }
        var content: String?
        switch script.next() {
        case .errorBody(let status, let body)?:
            return .raw(body, status: status)
        case .rateLimited(let after)?:
            return FakeHTTPServer.Response.json(#"{"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}}"#,
                                                status: 429, headers: ["Retry-After": after])
        case .status(let status)?:
            return error(status, "The server had an error", "server_error")
        case .wrongCount?:
            translations.removeFirst()
        case .malformedJSON?:
            content = "Sure! Here are your translations."
        case .dropTag?:
            translations = translations.map { ["id": $0["id"]!, "text": FakeDeepL.dropTag($0["text"]!)] }
        default:
            break
        }
        let json = content ?? String(decoding: try! JSONSerialization.data(withJSONObject: ["translations": translations], options: [.sortedKeys]), as: UTF8.self)
        let completion: [String: Any] = [
            "id": "chatcmpl-fake", "object": "chat.completion", "created": 1_700_000_000, "model": body["model"] as? String ?? "",
            "choices": [["index": 0, "finish_reason": "stop", "message": ["role": "assistant", "content": json]]],
        ]
        return .json(String(decoding: try! JSONSerialization.data(withJSONObject: completion, options: [.sortedKeys]), as: UTF8.self))
    }
}
