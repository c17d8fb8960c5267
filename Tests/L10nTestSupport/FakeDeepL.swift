import Foundation

/// DeepL API v2 `/v2/translate` as DeepL documents it, in process (on ``FakeHTTPServer``):
/// JSON body with `text`, `target_lang`…, `Authorization: DeepL-Auth-Key <key>`, answers
/// `{"translations": [{"detected_source_language": "EN", "text": …}]}`, 403 for a wrong key,
/// 456 when the quota is used up, `{"message": …}` error bodies. It "translates" by upper-casing
/// the text outside tags and entities, so tests see that text was translated and tags kept.
/// Faults are scripted per request, in order.
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
    }

    public let key: String
    public let server: FakeHTTPServer
    private let script: Script

    public var baseURL: String { server.baseURL }
    public var requests: [FakeHTTPServer.Request] { server.requests }

    /// `faults[i]` applies to the i-th request (nil: answer normally); later requests are normal.
    /// `persistent`: the fault for every request after those.
    public static func start(key: String, faults: [Fault?] = [], persistent: Fault? = nil) async throws -> FakeDeepL {
        let script = Script(faults: faults, persistent: persistent)
        let server = try await FakeHTTPServer.start { request in answer(request, key: key, script: script) }
        return FakeDeepL(key: key, server: server, script: script)
    }

    private init(key: String, server: FakeHTTPServer, script: Script) {
        self.key = key
        self.server = server
        self.script = script
    }

    public func stop() async throws { try await server.stop() }

    /// The request bodies DeepL received, decoded.
    public var bodies: [[String: Any]] {
        requests.compactMap { (try? JSONSerialization.jsonObject(with: $0.body)) as? [String: Any] }
    }

    private static func answer(_ request: FakeHTTPServer.Request, key: String, script: Script) -> FakeHTTPServer.Response {
        guard request.path == "/v2/translate" else { return .json(#"{"message":"Not found"}"#, status: 404) }
        guard request.method == "POST" else { return .json(#"{"message":"Method not allowed"}"#, status: 405) }
        guard request.header("Authorization") == "DeepL-Auth-Key \(key)" else {
            return .json(#"{"message":"Authorization failure, check auth_key"}"#, status: 403)
        }
        guard request.header("Content-Type")?.hasPrefix("application/json") == true,
              let body = (try? JSONSerialization.jsonObject(with: request.body)) as? [String: Any],
              let texts = body["text"] as? [String], !texts.isEmpty, texts.count <= 50, request.body.count <= 128 * 1024 else {
            return .json(#"{"message":"Bad request. Reason: Parameter 'text' not specified."}"#, status: 400)
        }
        guard let target = body["target_lang"] as? String, !target.isEmpty else {
            return .json(#"{"message":"Value for 'target_lang' not supported."}"#, status: 400)
        }
        var translations = texts.map(translate)
        switch script.next() {
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
        case nil:
            break
        }
        return .json(encode(translations))
    }

    private static func encode(_ texts: [String]) -> String {
        let items = texts.map { ["detected_source_language": "EN", "text": $0] }
        let data = try! JSONSerialization.data(withJSONObject: ["translations": items], options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
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
