import Foundation

/// What a service said when it refused a request, from its error body, made fit to show: the
/// reason a user needs ("Value for 'target_lang' not supported", "model not found") is in the
/// body, not in the status code.
///
/// The documented error bodies of the engines, in one parser (OpenAI-compatible servers use
/// more than one of them):
/// - DeepL: `{"message": "…", "detail"?: "…"}`;
/// - Google (v2 and v3): `{"error": {"code": 400, "message": "…", "status": "INVALID_ARGUMENT"}}`;
/// - OpenAI: `{"error": {"message": "…", "type": "invalid_request_error", "code": "invalid_api_key"|null}}`
///   (vLLM answers `{"object": "error", "message": "…"}`);
/// - LibreTranslate (and Ollama): `{"error": "…"}`.
///
/// A body that is none of these (a proxy's HTML page, plain text) gives a short excerpt of its
/// text. Either way control characters and markup are dropped, whitespace runs become one space,
/// keys are taken out (``SecretRedaction``) before the text is cut to its length, so half a key
/// never shows either.
public enum ServiceErrorMessage {
    /// The most characters of a service's message shown.
    public static let maxCharacters = 300
    /// The most characters shown of a body that is not a documented error.
    public static let maxExcerptCharacters = 160

    /// The service's message in `body`, safe to show, or nil when the body says nothing usable.
    public static func message(in body: Data, secrets: [String]) -> String? {
        let raw: String?, limit: Int
        if let parsed = parse(body) {
            (raw, limit) = (parsed, maxCharacters)
        } else {
            (raw, limit) = (excerpt(body), maxExcerptCharacters)
        }
        guard let raw, let redacted = SecretRedaction.redact(clean(raw), secrets: secrets), !redacted.isEmpty else { return nil }
        return redacted.count <= limit ? redacted : String(redacted.prefix(limit - 1)).trimmingCharacters(in: .whitespaces) + "…"
    }

    /// The message of a documented error body, with the service's status or code in front
    /// (`PERMISSION_DENIED: …`, `invalid_api_key: …`), unsanitized; nil for any other body.
    static func parse(_ body: Data) -> String? {
        guard let object = (try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed])) as? [String: Any] else { return nil }
        func text(_ value: Any?) -> String? {
            guard let value = value as? String, !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
            return value
        }
        if let error = object["error"] as? [String: Any] {
            let label = text(error["status"]) ?? text(error["code"]) ?? text(error["type"])
            guard let message = text(error["message"]) else { return label }
            return label.map { "\($0): \(message)" } ?? message
        }
        if let error = text(object["error"]) { return error }
        guard let message = text(object["message"]) ?? text(object["detail"]) else { return nil }
        if let detail = text(object["detail"]), detail != message { return "\(message) (\(detail))" }
        return message
    }

    /// The text of a body that is not a documented error: markup dropped (a proxy's error page).
    static func excerpt(_ body: Data) -> String? {
        let text = String(decoding: body.prefix(16 * 1024), as: UTF8.self)
        var out = "", inTag = false
        for c in text {
            if c == "<" { inTag = true; out.append(" ") } else if c == ">" && inTag { inTag = false } else if !inTag { out.append(c) }
        }
        return out
    }

    /// Control and format characters (line breaks, bidi overrides) and undecodable bytes dropped,
    /// whitespace runs made one space, ends trimmed.
    static func clean(_ text: String) -> String {
        var out = "", space = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || scalar.properties.generalCategory == .control {
                space = !out.isEmpty
                continue
            }
            if scalar.properties.generalCategory == .format || scalar == "\u{FFFD}" { continue }
            if space { out.append(" ") }
            space = false
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
