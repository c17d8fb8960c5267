import Foundation
import L10nCore

/// LibreTranslate's `/translate` on the wire, pure: `{"q": [texts], "source", "target",
/// "format": "html", "api_key"}` in, `{"translatedText": [texts]}` out (a list for a list of `q`).
/// The key, when the server wants one, travels in the body, as LibreTranslate documents.
public enum LibreTranslateWire {
    struct Body: Encodable {
        var q: [String]
        var source: String
        var target: String
        var format = "html"
        var api_key: String?
    }

    public static func request(texts: [String], context: TranslationContext, key: String?, server: URL) throws -> HTTPRequest {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = Body(q: texts, source: context.sourceLanguage.language, target: context.targetLanguage.language, api_key: key)
        return HTTPRequest(method: "POST", url: server.appendingPathComponent("translate"),
                           headers: [("Content-Type", "application/json"), ("User-Agent", "l10n")], body: try encoder.encode(body))
    }

    struct Answer: Decodable {
        var translatedText: [String]
    }

    public static func texts(from response: HTTPResponse) throws -> [String] {
        do {
            return try JSONDecoder().decode(Answer.self, from: response.body).translatedText
        } catch {
            throw BackendError(.invalidResponse, backend: LibreTranslateBackend.id, "unreadable answer (not LibreTranslate's JSON)", httpStatus: response.status)
        }
    }
}
