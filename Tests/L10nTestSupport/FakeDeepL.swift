import Foundation

/// DeepL API v2 as DeepL documents it, in process (on ``FakeHTTPServer``): `/v2/translate` with a
/// JSON body (`text`, `target_lang`…), `Authorization: DeepL-Auth-Key <key>`, answers
/// `{"translations": [{"detected_source_language": "EN", "text": …}]}`, 403 for a wrong key,
/// 456 when the quota is used up, `{"message": …}` error bodies; and the glossary endpoints
/// (``FakeDeepLGlossaries``). It "translates" by upper-casing the text outside tags and
/// entities, so tests see that text was translated and tags kept; with a `glossary_id` (which
/// needs `source_lang`, and the glossary's pair: else a 400) each glossary source term found
/// in the upper-cased text is replaced by its target as written, so tests see the glossary used.
/// Faults are scripted per `/v2/translate` request, in order; `createFaults` per glossary
/// creation.
public final class FakeDeepL: Sendable {
    public enum Fault: Sendable {
        case rateLimited(retryAfter: String)
        case status(Int)
        case slow(Duration)
        case malformedJSON
        case wrongCount
        case dropTag
        case duplicateTag
        case reorderTags
        /// An answer whose first translation has no text (Google v3 documents that a text that
        /// failed may come back without `translatedText`); DeepL answers it normally.
        case missingText
        /// This status with exactly this body (every fake): an error body that echoes the key, a
        /// proxy's HTML page. JSON when it starts with `{`, else `text/html`.
        case errorBody(status: Int, body: String)
    }

    /// The languages DeepL's v2 glossary documentation lists (every ordered pair of two).
    public static let glossaryLanguages: Set<String> = ["da", "de", "en", "es", "fr", "it", "ja", "ko", "nb", "nl", "pl", "pt", "ru", "sv", "zh"]

    public let key: String
    public let server: FakeHTTPServer
    /// The account's glossaries.
    public let glossaries: FakeDeepLGlossaries
    private let script: Script

    public var baseURL: String { server.baseURL }
    /// Every request received, whatever the endpoint, in order.
    public var requests: [FakeHTTPServer.Request] { server.requests }
    /// The `/v2/translate` requests.
    public var translateRequests: [FakeHTTPServer.Request] { requests.filter { $0.path == "/v2/translate" } }
    /// The requests to glossary endpoints (`/v2/glossaries…`, `/v2/glossary-language-pairs`).
    public var glossaryRequests: [FakeHTTPServer.Request] { requests.filter { $0.path.hasPrefix("/v2/glossar") } }

    /// `faults[i]` applies to the i-th `/v2/translate` request (nil: answer normally); later
    /// requests are normal. `persistent`: the fault for every translate request after those.
    /// `createFaults[i]` applies to the i-th `POST /v2/glossaries` (`.status`, `.rateLimited`,
    /// `.slow`, `.malformedJSON`). Glossaries can be made between `glossaryLanguages`; a new one is
    /// ready at once, or after `glossariesReadyAfter` looks at it (`GET /v2/glossaries/{id}`).
    public static func start(key: String, faults: [Fault?] = [], persistent: Fault? = nil, glossaryLanguages: Set<String> = glossaryLanguages,
                             createFaults: [Fault?] = [], glossariesReadyAfter: Int = 0) async throws -> FakeDeepL {
        let script = Script(faults: faults, persistent: persistent)
        let createScript = Script(faults: createFaults, persistent: nil)
        let glossaries = FakeDeepLGlossaries(languages: glossaryLanguages, readyAfterChecks: glossariesReadyAfter)
        let server = try await FakeHTTPServer.start { request in
            answer(request, key: key, script: script, createScript: createScript, glossaries: glossaries)
        }
        return FakeDeepL(key: key, server: server, glossaries: glossaries, script: script)
    }

    private init(key: String, server: FakeHTTPServer, glossaries: FakeDeepLGlossaries, script: Script) {
        self.key = key
        self.server = server
        self.glossaries = glossaries
        self.script = script
    }

    public func stop() async throws { try await server.stop() }

    /// The `/v2/translate` request bodies DeepL received, decoded.
    public var bodies: [[String: Any]] {
        translateRequests.compactMap { (try? JSONSerialization.jsonObject(with: $0.body)) as? [String: Any] }
    }

    /// The `POST /v2/glossaries` request bodies DeepL received, decoded (refused ones included).
    public var glossaryBodies: [[String: Any]] {
        glossaryRequests.filter { $0.method == "POST" }.compactMap { (try? JSONSerialization.jsonObject(with: $0.body)) as? [String: Any] }
    }

    private static func answer(_ request: FakeHTTPServer.Request, key: String, script: Script, createScript: Script,
                               glossaries: FakeDeepLGlossaries) -> FakeHTTPServer.Response {
        let path = request.path
        let glossaryEndpoint = path == "/v2/glossary-language-pairs" || path == "/v2/glossaries" || path.hasPrefix("/v2/glossaries/")
        guard path == "/v2/translate" || glossaryEndpoint else { return .json(#"{"message":"Not found"}"#, status: 404) }
        guard request.header("Authorization") == "DeepL-Auth-Key \(key)" else {
            return .json(#"{"message":"Authorization failure, check auth_key"}"#, status: 403)
        }
        guard !glossaryEndpoint else {
            if request.method == "POST", path == "/v2/glossaries", let fault = createScript.next() {
                switch fault {
                case .rateLimited(let after):
                    return .json(#"{"message":"Too many requests"}"#, status: 429, headers: ["Retry-After": after])
                case .status(let status):
                    return .json(status == 456 ? #"{"message":"Quota exceeded"}"# : #"{"message":"Glossary creation refused"}"#, status: status)
                case .slow(let delay):
                    var response = glossaries.answer(request)
                    response.delay = delay
                    return response
                case .malformedJSON:
                    return .json(#"{"glossary_id": "#, status: 201)
                default:
                    break
                }
            }
            return glossaries.answer(request)
        }
        return translation(request, script: script, glossaries: glossaries)
    }

    private static func translation(_ request: FakeHTTPServer.Request, script: Script, glossaries: FakeDeepLGlossaries) -> FakeHTTPServer.Response {
        guard request.method == "POST" else { return .json(#"{"message":"Method not allowed"}"#, status: 405) }
        guard request.header("Content-Type")?.hasPrefix("application/json") == true,
              let body = (try? JSONSerialization.jsonObject(with: request.body)) as? [String: Any],
              let texts = body["text"] as? [String], !texts.isEmpty, texts.count <= 50, request.body.count <= 128 * 1024 else {
            return .json(#"{"message":"Bad request. Reason: Parameter 'text' not specified."}"#, status: 400)
        }
        guard let target = body["target_lang"] as? String, !target.isEmpty else {
            return .json(#"{"message":"Value for 'target_lang' not supported."}"#, status: 400)
        }
        if let context = body["context"], !(context is String) {
            return .json(#"{"message":"Bad request. Reason: Parameter 'context' must be a string"}"#, status: 400)
        }
        var glossary: FakeDeepLGlossaries.Glossary?
        if let id = body["glossary_id"] {
            guard let source = body["source_lang"] as? String, !source.isEmpty else {
                return .json(#"{"message":"Bad request. Reason: Use of a glossary requires the source_lang parameter to be set"}"#, status: 400)
            }
            guard let id = id as? String, let found = glossaries.glossary(id), found.ready else {
                return .json(#"{"message":"Bad request. Reason: Glossary not found or not ready"}"#, status: 400)
            }
            // A glossary's target is a bare language: `pt` serves PT-BR and PT-PT.
            guard found.sourceLanguage == source.lowercased(), found.targetLanguage == String(target.lowercased().prefix { $0 != "-" }) else {
                return .json(#"{"message":"Language pair of the glossary doesn't match the language pair of the request"}"#, status: 400)
            }
            glossary = found
        }
        var translations = texts.map { applying(glossary, to: translate($0)) }
        switch script.next() {
        case .errorBody(let status, let body)?:
            return .raw(body, status: status)
        case .rateLimited(let after)?:
            return .json(#"{"message":"Too many requests"}"#, status: 429, headers: ["Retry-After": after])
        case .status(let status)?:
            return .json(#"{"message":"Internal error"}"#, status: status)
        case .slow(let delay)?:
            var response = FakeHTTPServer.Response.json(encode(translations))
            response.delay = delay
            return response
        case .malformedJSON?:
            return .json(#"{"translations": [{"detected_source_language": "EN", "text": "#)
        case .wrongCount?:
            translations.removeLast()
            if translations.isEmpty { translations = ["EXTRA", "EXTRA"] }
        case .dropTag?:
            translations = translations.map(dropTag)
        case .duplicateTag?:
            translations = translations.map(duplicateTag)
        case .reorderTags?:
            translations = translations.map(reorderTags)
        case .missingText?, nil:
            break
        }
        return .json(encode(translations))
    }

    private static func encode(_ texts: [String]) -> String {
        let items = texts.map { ["detected_source_language": "EN", "text": $0] }
        let data = try! JSONSerialization.data(withJSONObject: ["translations": items], options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    /// Each of the glossary's sources, upper-cased as ``translate(_:)`` left it, replaced by its
    /// target (longest sources first).
    static func applying(_ glossary: FakeDeepLGlossaries.Glossary?, to text: String) -> String {
        guard let glossary else { return text }
        var out = text
        for entry in glossary.entries.sorted(by: { $0.source.count > $1.source.count }) {
            out = out.replacingOccurrences(of: translate(entry.source), with: entry.target)
        }
        return out
    }

    /// Upper-cases what is outside tags and entities.
    static func translate(_ text: String) -> String {
        var out = "", inTag = false, inEntity = false
        for c in text {
            if c == "<" { inTag = true } else if c == "&" { inEntity = true }
            out += inTag || inEntity ? String(c) : c.uppercased()
            if c == ">" { inTag = false } else if c == ";" { inEntity = false }
        }
        return out
    }

    static func tags(in text: String) -> [Range<String.Index>] {
        text.ranges(of: /<[^>]+>/)
    }

    static func dropTag(_ text: String) -> String {
        guard let standalone = text.firstRange(of: /<x [^>]*\/>/) else {
            guard let open = text.firstRange(of: /<g [^>]*>/) else { return text }
            let rest = String(text[..<open.lowerBound]) + text[open.upperBound...]
            guard let close = rest.firstRange(of: "</g>") else { return rest }
            return String(rest[..<close.lowerBound]) + rest[close.upperBound...]
        }
        return String(text[..<standalone.lowerBound]) + text[standalone.upperBound...]
    }

    static func duplicateTag(_ text: String) -> String {
        guard let tag = text.firstRange(of: /<x [^>]*\/>/) ?? text.firstRange(of: /<g [^>]*>/) else { return text }
        return String(text[..<tag.upperBound]) + text[tag] + text[tag.upperBound...]
    }

    /// The first two tags swap places.
    static func reorderTags(_ text: String) -> String {
        let found = tags(in: text)
        guard found.count >= 2 else { return text }
        return String(text[..<found[0].lowerBound]) + text[found[1]] + text[found[0].upperBound..<found[1].lowerBound]
            + text[found[0]] + text[found[1].upperBound...]
    }
}

/// Faults to apply, request by request (the fakes of every engine use them).
final class Script: @unchecked Sendable {
    // @unchecked: `faults` is only touched while holding `lock`.
    private let lock = NSLock()
    private var faults: [FakeDeepL.Fault?]
    private let persistent: FakeDeepL.Fault?

    init(faults: [FakeDeepL.Fault?], persistent: FakeDeepL.Fault?) {
        self.faults = faults
        self.persistent = persistent
    }

    func next() -> FakeDeepL.Fault? {
        lock.withLock {
            if !faults.isEmpty { return faults.removeFirst() }
            return persistent
        }
    }
}
