import Foundation
import L10nCore

/// DeepL API v2 `/v2/translate` on the wire, pure: the request for a batch and the texts of a
/// response, as DeepL documents them (JSON body, `Authorization: DeepL-Auth-Key …`,
/// `tag_handling=xml`, `{"translations": [{"detected_source_language", "text"}]}`), with a
/// glossary's `glossary_id` (``DeepLGlossaryWire``) and a `context` (what the page is about,
/// ``TranslationContext/about``: it steers the translation and is neither translated nor billed).
public enum DeepLWire {
    /// The free API's endpoint serves keys ending in `:fx`; every other key goes to the pro one.
    public static func server(forKey key: String) -> URL {
        URL(string: key.hasSuffix(":fx") ? "https://api-free.deepl.com" : "https://api.deepl.com")!
    }

    /// The body DeepL reads (field names as documented).
    struct Body: Encodable {
        var text: [String]
        var source_lang: String
        var target_lang: String
        var tag_handling = "xml"
        /// Each text is one sentence already: no further splitting.
        var split_sentences = "0"
        var formality: String?
        var context: String?
        /// DeepL requires `source_lang` with it: always sent.
        var glossary_id: String?
    }

    public static func request(texts: [String], context: TranslationContext, glossaryID: String? = nil, key: String, server: URL) throws -> HTTPRequest {
        let body = Body(text: texts, source_lang: sourceLanguage(context.sourceLanguage), target_lang: targetLanguage(context.targetLanguage),
                        formality: context.formality.map { $0 == .formal ? "prefer_more" : "prefer_less" },
                        context: contextText(context.about), glossary_id: glossaryID)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return HTTPRequest(method: "POST", url: server.appendingPathComponent("v2/translate"),
                           headers: [("Authorization", "DeepL-Auth-Key \(key)"), ("Content-Type", "application/json"),
                                     ("User-Agent", "l10n")],
                           body: try encoder.encode(body))
    }

    struct Answer: Decodable {
        struct Translation: Decodable {
            var text: String
        }
        var translations: [Translation]
    }

    /// The translated texts of a 2xx response, in order.
    public static func texts(from response: HTTPResponse) throws -> [String] {
        do {
            return try JSONDecoder().decode(Answer.self, from: response.body).translations.map(\.text)
        } catch {
            throw BackendError(.invalidResponse, backend: DeepLBackend.id, "unreadable answer (not DeepL's JSON)", httpStatus: response.status)
        }
    }

    /// The most `context` sent: enough for a title and a lead paragraph, little next to a batch.
    public static let maxContextCharacters = 1_000

    /// `about` as DeepL's `context`: each line's whitespace runs made one space, blank lines
    /// dropped, cut at a word boundary to at most ``maxContextCharacters`` characters (a first
    /// word longer than that is cut itself); nil when nothing is left.
    public static func contextText(_ about: String?) -> String? {
        guard let about else { return nil }
        var out = "", count = 0
        lines: for line in about.split(whereSeparator: \.isNewline) {
            var first = true
            for word in line.split(whereSeparator: \.isWhitespace) {
                let separator = count == 0 ? 0 : 1, n = word.count
                guard count + separator + n <= maxContextCharacters else {
                    if count == 0 { out = String(word.prefix(maxContextCharacters)) }
                    break lines
                }
                if separator == 1 { out += first ? "\n" : " " }
                out += word
                count += separator + n
                first = false
            }
        }
        return out.isEmpty ? nil : out
    }

    /// DeepL's source codes are bare languages (`EN`).
    public static func sourceLanguage(_ tag: LanguageTag) -> String { tag.language.uppercased() }

    /// Target codes carry a variant where DeepL has one (`PT-BR`/`PT-PT`, `EN-US`/`EN-GB`,
    /// `ZH-HANS`/`ZH-HANT`), else the bare language.
    public static func targetLanguage(_ tag: LanguageTag) -> String {
        let region = tag.region?.uppercased()
        switch tag.language {
        case "pt": return region == "PT" || region == "AO" || region == "MZ" ? "PT-PT" : "PT-BR"
        case "en": return region == "GB" || region == "IE" || region == "AU" || region == "NZ" ? "EN-GB" : "EN-US"
        case "zh": return tag.rawValue.contains("Hant") || region == "TW" || region == "HK" || region == "MO" ? "ZH-HANT" : "ZH-HANS"
        default: return tag.language.uppercased()
        }
    }

    /// The languages DeepL documents (sources; every one is also a target).
    public static let languages = ["ar", "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "hu", "id", "it", "ja", "ko", "lt", "lv",
                                   "nb", "nl", "pl", "pt", "ro", "ru", "sk", "sl", "sv", "tr", "uk", "zh"]

    /// DeepL takes at most 128 KiB of request body.
    public static let maxBodyBytes = 128 * 1024
}
