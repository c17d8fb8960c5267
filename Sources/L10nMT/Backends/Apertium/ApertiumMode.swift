import L10nCore

/// One installed Apertium translation direction (`eng-spa`, `es-pt_BR`), read from the name of
/// its `modes/<name>.mode` file: source and target language codes (ISO 639-1 or 639-3, as the
/// pair's authors chose) and an optional variant (`BR`, `US`, `valencia`).
public struct ApertiumMode: Hashable, Sendable, CustomStringConvertible {
    public var name: String
    /// The source and target languages as BCP 47 primary subtags (`eng` → `en`).
    public var source: String
    public var target: String
    public var variant: String?

    /// Nil for names that are not a plain `src-tgt[_variant]` direction (`eco-es-fr`, debug modes).
    public init?(name: String) {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let targetParts = parts[1].split(separator: "_", maxSplits: 1, omittingEmptySubsequences: false)
        let src = String(parts[0]), tgt = String(targetParts[0])
        guard Self.isLanguageCode(src), Self.isLanguageCode(tgt) else { return nil }
        self.name = name
        self.source = Self.primarySubtag(src)
        self.target = Self.primarySubtag(tgt)
        self.variant = targetParts.count > 1 ? String(targetParts[1]) : nil
    }

    public var description: String { name }

    static func isLanguageCode(_ s: String) -> Bool {
        (2...3).contains(s.count) && s.allSatisfy { $0.isASCII && $0.isLowercase }
    }

    /// BCP 47 uses the two-letter code where ISO 639-1 has one; Apertium's newer pairs use
    /// three-letter codes (`eng-spa`), older ones two (`es-pt`).
    static func primarySubtag(_ code: String) -> String { iso639_3to1[code] ?? code }

    /// The three-letter codes of the languages Debian's Apertium pairs cover.
    static let iso639_3to1: [String: String] = [
        "afr": "af", "arg": "an", "bel": "be", "bre": "br", "bul": "bg", "cat": "ca", "dan": "da", "deu": "de",
        "eng": "en", "epo": "eo", "eus": "eu", "fra": "fr", "glg": "gl", "hin": "hi", "isl": "is", "ita": "it",
        "mkd": "mk", "nld": "nl", "nno": "nn", "nob": "nb", "nor": "no", "oci": "oc", "pol": "pl", "por": "pt",
        "ron": "ro", "rus": "ru", "slv": "sl", "spa": "es", "srd": "sc", "swe": "sv", "ukr": "uk", "ind": "id",
    ]
}
