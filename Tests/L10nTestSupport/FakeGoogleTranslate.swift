import Foundation

/// Google Cloud Translation as documented, in process, both versions:
///
/// - v2 (`POST /language/translate/v2`): JSON `q` (a list), `source`, `target`, `format`; the key
///   in `X-Goog-Api-Key`; `{"data": {"translations": [{"translatedText"}]}}` back, HTML-escaped as
///   Google escapes (`&#39;`); a bad key is a 400.
/// - v3 (`POST /v3/projects/{project}/locations/{location}:translateText`): JSON `contents`,
///   `mimeType`, `sourceLanguageCode`, `targetLanguageCode`, `model`, `glossaryConfig`; an OAuth
///   token as `Authorization: Bearer …` (else 401 `UNAUTHENTICATED`), the fake's project only (else
///   403 `PERMISSION_DENIED`), at most 1,024 contents and 30,000 code points (Google's documented
///   maximum and recommendation; more is a 400 `INVALID_ARGUMENT` here); `{"translations":
///   [{"translatedText", "model"?}]}` back, and `glossaryTranslations` too with a glossary: one of
///   the fake's, in the request's project and a location other than `global`, whose source terms
///   (found in the upper-cased text) become their targets as written.
///
/// Errors are Google's `{"error": {"code", "message", "status"}}`. It "translates" by
/// upper-casing outside tags and entities. Faults as ``FakeDeepL``'s, per translate request of
/// either version, in order: `.status(n)` answers n with Google's status for it
/// (`INVALID_ARGUMENT`, `PERMISSION_DENIED`, `INTERNAL`, `UNAVAILABLE`…), `.rateLimited` a 429
/// `RESOURCE_EXHAUSTED` with `Retry-After`, `.missingText` (v3) a first translation without text.
public final class FakeGoogleTranslate: Sendable {
    public let server: FakeHTTPServer
    public var baseURL: String { server.baseURL }
    public var requests: [FakeHTTPServer.Request] { server.requests }
    /// The v3 `translateText` requests.
    public var v3Requests: [FakeHTTPServer.Request] { requests.filter { $0.path.hasPrefix("/v3/") } }

    /// `key`: v2's API key. `token` and `project`: what v3 accepts; `glossaries`: v3 glossaries
    /// by resource name (`projects/p/locations/us-central1/glossaries/g`), source term → target.
    public static func start(key: String, token: String = "", project: String = "l10n-test", glossaries: [String: [String: String]] = [:],
                             faults: [FakeDeepL.Fault?] = []) async throws -> FakeGoogleTranslate {
        let script = Script(faults: faults, persistent: nil)
        let v3 = V3(token: token, project: project, glossaries: glossaries)
        let server = try await FakeHTTPServer.start { request in
            request.path.hasPrefix("/v3/") ? v3.answer(request, script: script) : answer(request, key: key, script: script)
        }
        return FakeGoogleTranslate(server: server)
    }

    private init(server: FakeHTTPServer) { self.server = server }

    public func stop() async throws { try await server.stop() }

    public var bodies: [[String: Any]] {
        requests.compactMap { (try? JSONSerialization.jsonObject(with: $0.body)) as? [String: Any] }
    }

    /// Google's error body, with `status` (`INVALID_ARGUMENT`…) for the HTTP code.
    static func error(_ code: Int, _ message: String, _ status: String? = nil) -> FakeHTTPServer.Response {
        let status = status ?? statuses[code] ?? "UNKNOWN"
        let body: [String: Any] = ["error": ["code": code, "message": message, "status": status]]
        return .json(String(decoding: try! JSONSerialization.data(withJSONObject: body, options: [.sortedKeys]), as: UTF8.self), status: code)
    }

    /// The canonical status Google's JSON errors carry for each HTTP code.
    static let statuses = [400: "INVALID_ARGUMENT", 401: "UNAUTHENTICATED", 403: "PERMISSION_DENIED", 404: "NOT_FOUND", 409: "ABORTED",
                           429: "RESOURCE_EXHAUSTED", 500: "INTERNAL", 501: "NOT_IMPLEMENTED", 503: "UNAVAILABLE", 504: "DEADLINE_EXCEEDED"]

    /// A scripted fault that ends the request with an error, or nil.
    static func failure(_ fault: FakeDeepL.Fault?) -> FakeHTTPServer.Response? {
        switch fault {
        case .errorBody(let status, let body)?:
            return .raw(body, status: status)
        case .rateLimited(let after)?:
            var response = error(429, "Quota exceeded for quota metric 'v3 general model characters' and limit 'per minute per user'.")
            response.headers["Retry-After"] = after
            return response
        case .status(let status)?:
            let messages = [400: "Invalid Value", 403: "The caller does not have permission", 500: "Internal error encountered.",
                            503: "The service is currently unavailable."]
            return error(status, messages[status] ?? "Backend Error")
        default:
            return nil
        }
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
        let fault = script.next()
        if let failure = failure(fault) { return failure }
        switch fault {
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

    /// The v3 endpoint.
    private struct V3: Sendable {
        var token: String
        var project: String
        var glossaries: [String: [String: String]]

        func answer(_ request: FakeHTTPServer.Request, script: Script) -> FakeHTTPServer.Response {
            // /v3/projects/{project}/locations/{location}:translateText
            let path = request.path
            guard request.method == "POST", path.hasPrefix("/v3/projects/"), path.hasSuffix(":translateText") else {
                return error(404, "The requested URL was not found on this server.")
            }
            let parent = String(path.dropFirst("/v3/".count).dropLast(":translateText".count))
            let parts = parent.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 4, parts[2] == "locations", !parts[3].isEmpty else {
                return error(404, "The requested URL was not found on this server.")
            }
            guard let authorization = request.header("Authorization"), authorization == "Bearer \(token)", !token.isEmpty else {
                return error(401, "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.")
            }
            guard parts[1] == project else {
                return error(403, "Permission 'cloudtranslate.generalModels.predict' denied on resource '\(parent)' (or it may not exist).")
            }
            guard request.header("Content-Type")?.hasPrefix("application/json") == true,
                  let body = (try? JSONSerialization.jsonObject(with: request.body)) as? [String: Any] else {
                return error(400, "Invalid JSON payload received.")
            }
            guard let contents = body["contents"] as? [String], !contents.isEmpty else {
                return error(400, "Empty contents.")
            }
            guard contents.count <= 1_024 else { return error(400, "Number of contents exceeds the limit of 1024.") }
            guard contents.reduce(0, { $0 + $1.unicodeScalars.count }) <= 30_000 else {
                return error(400, "Text is too long: keep a request below 30000 code points.")
            }
            guard let target = body["targetLanguageCode"] as? String, !target.isEmpty else {
                return error(400, "Target language is empty.")
            }
            if let mime = body["mimeType"], !["text/html", "text/plain"].contains(mime as? String ?? "") {
                return error(400, "Unsupported mime type.")
            }
            var model: String?
            if let value = body["model"] {
                guard let name = value as? String, name.hasPrefix(parent + "/models/") else {
                    return error(400, "Invalid model name: it must be in the request's project and location.")
                }
                model = name
            }
            var entries: [String: String]?
            if let config = body["glossaryConfig"] {
                guard let name = (config as? [String: Any])?["glossary"] as? String else { return error(400, "Invalid glossary config.") }
                guard parts[3] != "global" else { return error(400, "Glossary is not supported in location 'global'; use a regional location.") }
                guard name.hasPrefix(parent + "/glossaries/"), let found = glossaries[name] else {
                    return error(400, "Glossary not found: it must be in the request's project and location.")
                }
                entries = found
            }
            let fault = script.next()
            if let failure = failure(fault) { return failure }
            var texts: [String?] = contents.map { FakeDeepL.translate($0) }
            switch fault {
            case .wrongCount?:
                texts.removeLast()
            case .malformedJSON?:
                return .json(#"{"translations": [{"translatedText": "#)
            case .dropTag?:
                texts = texts.map { $0.map(FakeDeepL.dropTag) }
            case .missingText?:
                texts[0] = nil
            default:
                break
            }
            func item(_ text: String?) -> [String: Any] {
                var item: [String: Any] = [:]
                item["translatedText"] = text
                // Google gives the model back with the project number in place of its id.
                item["model"] = model.map { $0.replacingOccurrences(of: "projects/\(project)/", with: "projects/123456789012/") }
                if body["sourceLanguageCode"] == nil { item["detectedLanguageCode"] = "en" }
                return item
            }
            var answer: [String: Any] = ["translations": texts.map(item)]
            if let entries {
                answer["glossaryTranslations"] = texts.map { text in
                    item(text.map { text in
                        entries.sorted { $0.key.count > $1.key.count }.reduce(text) { $0.replacingOccurrences(of: FakeDeepL.translate($1.key), with: $1.value) }
                    })
                }
            }
            let data = try! JSONSerialization.data(withJSONObject: answer, options: [.sortedKeys])
            return .json(String(decoding: data, as: UTF8.self))
        }
    }
}
