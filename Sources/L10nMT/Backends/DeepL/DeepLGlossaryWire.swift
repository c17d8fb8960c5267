import Foundation
import L10nCore

/// DeepL API v2 glossaries on the wire, pure: the requests for `GET /v2/glossary-language-pairs`,
/// `GET /v2/glossaries`, `POST /v2/glossaries`, `GET /v2/glossaries/{id}` and
/// `DELETE /v2/glossaries/{id}`, and what their answers say, as DeepL documents them (JSON
/// bodies, `Authorization: DeepL-Auth-Key …`, glossary languages as bare lower-case codes such
/// as `en`, `de`, `pt`: a `pt` glossary serves both `PT-BR` and `PT-PT`).
public enum DeepLGlossaryWire {
    /// A glossary as DeepL describes it.
    public struct Glossary: Hashable, Sendable, Decodable {
        public var id: String
        public var name: String
        public var ready: Bool
        public var sourceLanguage: String
        public var targetLanguage: String
        public var entryCount: Int
        public var creationTime: String?

        public init(id: String, name: String, ready: Bool, sourceLanguage: String, targetLanguage: String, entryCount: Int, creationTime: String? = nil) {
            self.id = id
            self.name = name
            self.ready = ready
            self.sourceLanguage = sourceLanguage
            self.targetLanguage = targetLanguage
            self.entryCount = entryCount
            self.creationTime = creationTime
        }

        enum CodingKeys: String, CodingKey {
            case id = "glossary_id", name, ready, sourceLanguage = "source_lang", targetLanguage = "target_lang", entryCount = "entry_count"
            case creationTime = "creation_time"
        }
    }

    /// A glossary's languages, lower-cased (`en` → `de`).
    public struct Pair: Hashable, Sendable {
        public var source: String
        public var target: String

        public init(_ source: String, _ target: String) {
            self.source = source.lowercased()
            self.target = target.lowercased()
        }

        /// The glossary pair a translation between these languages uses: bare languages.
        public init(_ context: TranslationContext) {
            self.init(context.sourceLanguage.language, context.targetLanguage.language)
        }
    }

    struct CreateBody: Encodable {
        var name: String
        var source_lang: String
        var target_lang: String
        var entries: String
        var entries_format = "tsv"
    }

    /// `POST /v2/glossaries` with `entries` as TSV.
    public static func create(name: String, pair: Pair, entries: DeepLGlossaryEntries, key: String, server: URL) throws -> HTTPRequest {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = CreateBody(name: name, source_lang: pair.source, target_lang: pair.target, entries: entries.tsv)
        return HTTPRequest(method: "POST", url: server.appendingPathComponent("v2/glossaries"),
                           headers: headers(key) + [("Content-Type", "application/json")], body: try encoder.encode(body))
    }

    /// `GET /v2/glossaries`: every glossary of the account.
    public static func list(key: String, server: URL) -> HTTPRequest {
        HTTPRequest(method: "GET", url: server.appendingPathComponent("v2/glossaries"), headers: headers(key))
    }

    /// `GET /v2/glossaries/{id}`: one glossary (to see whether it is ready).
    public static func get(id: String, key: String, server: URL) -> HTTPRequest {
        HTTPRequest(method: "GET", url: server.appendingPathComponent("v2/glossaries").appendingPathComponent(id), headers: headers(key))
    }

    /// `DELETE /v2/glossaries/{id}`.
    public static func delete(id: String, key: String, server: URL) -> HTTPRequest {
        HTTPRequest(method: "DELETE", url: server.appendingPathComponent("v2/glossaries").appendingPathComponent(id), headers: headers(key))
    }

    /// `GET /v2/glossary-language-pairs`: the pairs glossaries can be made for.
    public static func languagePairs(key: String, server: URL) -> HTTPRequest {
        HTTPRequest(method: "GET", url: server.appendingPathComponent("v2/glossary-language-pairs"), headers: headers(key))
    }

    private static func headers(_ key: String) -> [(name: String, value: String)] {
        [("Authorization", "DeepL-Auth-Key \(key)"), ("User-Agent", "l10n")]
    }

    /// The glossary of a 2xx answer to create or get.
    public static func glossary(from response: HTTPResponse) throws -> Glossary {
        try decode(Glossary.self, response, what: "glossary")
    }

    struct Listing: Decodable { var glossaries: [Glossary] }

    /// The glossaries of a 2xx answer to list.
    public static func glossaries(from response: HTTPResponse) throws -> [Glossary] {
        try decode(Listing.self, response, what: "glossary list").glossaries
    }

    struct Pairs: Decodable {
        struct Item: Decodable { var source_lang: String; var target_lang: String }
        var supported_languages: [Item]
    }

    /// The pairs of a 2xx answer to glossary-language-pairs.
    public static func pairs(from response: HTTPResponse) throws -> Set<Pair> {
        Set(try decode(Pairs.self, response, what: "glossary language pairs").supported_languages.map { Pair($0.source_lang, $0.target_lang) })
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ response: HTTPResponse, what: String) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: response.body)
        } catch {
            throw BackendError(.invalidResponse, backend: DeepLBackend.id, "unreadable \(what) (not DeepL's JSON)", httpStatus: response.status)
        }
    }
}
