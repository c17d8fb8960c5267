import Foundation
import L10nCore

/// Google Cloud Translation Advanced (v3) `translateText` on the wire, pure, as Google documents
/// it: `POST /v3/projects/{project}/locations/{location}:translateText` with `{"contents":
/// [texts], "mimeType": "text/html", "sourceLanguageCode", "targetLanguageCode", "model"?,
/// "glossaryConfig"?: {"glossary"}}` in, `{"translations": [{"translatedText",
/// "detectedLanguageCode"?, "model"?}], "glossaryTranslations"?: […]}` out. An OAuth 2.0 access
/// token travels as `Authorization: Bearer …`, never in a URL; `x-goog-user-project` names the
/// project billed for quota when one is given (user credentials from `gcloud` need it).
public enum GoogleV3Wire {
    /// At most this many texts in one request (Google's documented maximum of `contents`).
    public static let maxContents = 1_024
    /// Google recommends keeping a request's contents under 30,000 code points.
    public static let maxCodePoints = 30_000

    /// Where a request goes and who pays for it.
    public struct Target: Hashable, Sendable {
        public var server: URL
        public var project: String
        public var location: String
        /// `x-goog-user-project`: the project billed for quota, when not the token's own.
        public var quotaProject: String?
        /// A model: a full resource name (`projects/…/models/…`), or a model id under the
        /// project and location (`general/nmt`, `general/translation-llm`, a custom model's id).
        public var model: String?
        /// A glossary: a full resource name (`projects/…/glossaries/…`), or its id under the
        /// project and location.
        public var glossary: String?

        public init(server: URL = GoogleWire.defaultServer, project: String, location: String = "global", quotaProject: String? = nil,
                    model: String? = nil, glossary: String? = nil) {
            self.server = server
            self.project = project
            self.location = location
            self.quotaProject = quotaProject
            self.model = model
            self.glossary = glossary
        }

        /// `projects/{project}/locations/{location}`: the request's `parent`.
        public var parent: String { "projects/\(project)/locations/\(location)" }

        /// The model's resource name, if a model is set.
        public var modelName: String? { model.map { resource($0, kind: "models") } }

        /// The glossary's resource name, if a glossary is set.
        public var glossaryName: String? { glossary.map { resource($0, kind: "glossaries") } }

        private func resource(_ value: String, kind: String) -> String {
            value.hasPrefix("projects/") ? value : "\(parent)/\(kind)/\(value)"
        }
    }

    /// The body Google reads (field names as documented).
    struct Body: Encodable {
        var contents: [String]
        var mimeType = "text/html"
        var sourceLanguageCode: String
        var targetLanguageCode: String
        var model: String?
        var glossaryConfig: GlossaryConfig?

        struct GlossaryConfig: Encodable {
            var glossary: String
        }
    }

    /// Whether `value` can stand in a URL path segment (a project or location id): letters,
    /// digits, `-`, `_`, `.` and `:` (domain-scoped projects), nothing that would change the path.
    public static func isPathSafe(_ value: String) -> Bool {
        !value.isEmpty && value.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.:".unicodeScalars.contains($0)) }
    }

    public static func request(texts: [String], context: TranslationContext, token: String, target: Target) throws -> HTTPRequest {
        guard isPathSafe(target.project), isPathSafe(target.location) else {
            throw BackendError(.misconfigured, backend: GoogleV3Backend.id, "the project and location must be Google ids (letters, digits, - _ . :)")
        }
        let body = Body(contents: texts, sourceLanguageCode: context.sourceLanguage.language,
                        targetLanguageCode: GoogleWire.targetLanguage(context.targetLanguage), model: target.modelName,
                        glossaryConfig: target.glossaryName.map { Body.GlossaryConfig(glossary: $0) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // `…/locations/global:translateText`: the method is part of the last path segment.
        let path = "v3/\(target.parent):translateText"
        guard let url = URL(string: path, relativeTo: directory(target.server))?.absoluteURL else {
            throw BackendError(.misconfigured, backend: GoogleV3Backend.id, "cannot make a URL for the project and location")
        }
        var headers: [(name: String, value: String)] = [("Authorization", "Bearer \(token)"), ("Content-Type", "application/json; charset=utf-8")]
        if let quota = target.quotaProject { headers.append(("x-goog-user-project", quota)) }
        headers.append(("User-Agent", "l10n"))
        return HTTPRequest(method: "POST", url: url, headers: headers, body: try encoder.encode(body))
    }

    /// `server` as a directory, so a relative path goes below it (`http://host/prefix/` + `v3/…`).
    static func directory(_ server: URL) -> URL {
        server.absoluteString.hasSuffix("/") ? server : URL(string: server.absoluteString + "/") ?? server
    }

    struct Answer: Decodable {
        struct Translation: Decodable {
            var translatedText: String?
        }
        var translations: [Translation]
        var glossaryTranslations: [Translation]?
    }

    /// The translated texts of a 2xx response, in order: the glossary's translations when the
    /// request had a glossary and Google gave them, else the plain ones; nil for a text Google
    /// left out (it documents that a text that failed may have no `translatedText`).
    public static func texts(from response: HTTPResponse, glossary: Bool) throws -> [String?] {
        guard let answer = try? JSONDecoder().decode(Answer.self, from: response.body) else {
            throw BackendError(.invalidResponse, backend: GoogleV3Backend.id, "unreadable answer (not Google's JSON)", httpStatus: response.status)
        }
        let chosen = glossary ? (answer.glossaryTranslations ?? answer.translations) : answer.translations
        return chosen.map(\.translatedText)
    }
}
