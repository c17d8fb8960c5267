import Foundation
import L10nCore

/// Google Cloud Translation Basic (v2) on the wire, pure: `POST /language/translate/v2` with
/// `{"q": [texts], "source", "target", "format": "html"}` in, `{"data": {"translations":
/// [{"translatedText"}]}}` out. The key travels in the `X-Goog-Api-Key` header (Google APIs
/// accept it there as well as in `?key=`), so it is never part of a URL.
public enum GoogleWire {
    public static let defaultServer = URL(string: "https://translation.googleapis.com")!

    struct Body: Encodable {
        var q: [String]
        var source: String
        var target: String
        var format = "html"
    }

    public static func request(texts: [String], context: TranslationContext, key: String, server: URL) throws -> HTTPRequest {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = Body(q: texts, source: context.sourceLanguage.language, target: targetLanguage(context.targetLanguage))
        return HTTPRequest(method: "POST", url: server.appendingPathComponent("language/translate/v2"),
                           headers: [("X-Goog-Api-Key", key), ("Content-Type", "application/json; charset=utf-8"), ("User-Agent", "l10n")],
                           body: try encoder.encode(body))
    }

    struct Answer: Decodable {
        struct Data: Decodable {
            struct Translation: Decodable { var translatedText: String }
            var translations: [Translation]
        }
        var data: Data
    }

    public static func texts(from response: HTTPResponse) throws -> [String] {
        do {
            return try JSONDecoder().decode(Answer.self, from: response.body).data.translations.map(\.translatedText)
        } catch {
            throw BackendError(.invalidResponse, backend: GoogleBackend.id, "unreadable answer (not Google's JSON)", httpStatus: response.status)
        }
    }

    /// Google's codes: the bare language, except `pt-PT` and Chinese by script.
    public static func targetLanguage(_ tag: LanguageTag) -> String {
        switch tag.language {
        case "pt": return tag.region == "PT" ? "pt-PT" : "pt"
        case "zh": return tag.rawValue.contains("Hant") || tag.region == "TW" || tag.region == "HK" ? "zh-TW" : "zh-CN"
        default: return tag.language
        }
    }
}
