/// Takes keys out of text a service wrote before anyone sees it: an error body may echo the key
/// it refused (whole, or masked as OpenAI does: `sk-abc1****wxyz`), and l10n never prints a key.
///
/// Every occurrence of a known secret (the key a backend was configured with, the credentials a
/// request carried) is replaced, and so is anything shaped like a credential whatever its value:
/// `Bearer …`, `DeepL-Auth-Key …`, OpenAI `sk-…` keys, Google `AIza…` keys and `ya29.…` tokens,
/// and `key`, `api_key`, `auth_key`, `access_token` and `token` values (`key=…`, `"api_key": "…"`).
public enum SecretRedaction {
    /// What stands where a secret was.
    public static let placeholder = "[redacted]"

    /// `text` without `secrets` or anything credential-shaped; nil when a secret too short to be
    /// told from ordinary words (under 4 characters) occurs in it, so nothing of it is shown.
    public static func redact(_ text: String, secrets: [String]) -> String? {
        var out = text
        for secret in Set(secrets.filter { !$0.isEmpty }).sorted(by: { $0.count > $1.count }) where out.contains(secret) {
            guard secret.count >= 4 else { return nil }
            out = out.replacingOccurrences(of: secret, with: placeholder)
        }
        out.replace(/(?i)\b(bearer|deepl-auth-key)\s+[^\s"',;]+/) { "\($0.1) \(placeholder)" }
        out.replace(/(?i)\b(api_?key|auth_key|access_token|token|key)=[^\s"',;&]+/) { "\($0.1)=\(placeholder)" }
        out.replace(/(?i)"(api_?key|auth_key|access_token|token|key)"\s*:\s*"[^"]*"/) { "\"\($0.1)\": \"\(placeholder)\"" }
        out.replace(/\bsk-[A-Za-z0-9_*.\-]{4,}/, with: placeholder)
        out.replace(/\bAIza[0-9A-Za-z_\-]{8,}/, with: placeholder)
        out.replace(/\bya29\.[0-9A-Za-z_.\-]+/, with: placeholder)
        return out
    }
}
