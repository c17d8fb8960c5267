/// How a glossary term may be used in a translation.
public enum TermStatus: String, Hashable, Sendable, Codable, CaseIterable {
    /// The translation to use.
    case preferred
    /// An acceptable translation, second to a preferred one.
    case admitted
    /// A translation that must not be used (TBX `deprecatedTerm-admn-sts`, `supersededTerm-admn-sts`).
    case forbidden
    /// A name that stays as written in every language (brands, standards, product names).
    case doNotTranslate = "do-not-translate"

    /// The status a CSV cell or a TBX `administrativeStatus` value names, or nil: our own words
    /// (`preferred`, `do-not-translate`…) and TBX's picklist values (`preferredTerm-admn-sts`…).
    public init?(name: String) {
        let value = name.trimmingCharacters(in: .whitespaces).lowercased()
        if let status = TermStatus(rawValue: value) { self = status; return }
        switch value {
        case "": self = .preferred
        case "preferredterm-admn-sts", "preferred-term": self = .preferred
        case "admittedterm-admn-sts", "admitted-term": self = .admitted
        case "deprecatedterm-admn-sts", "supersededterm-admn-sts", "deprecated", "superseded", "deprecated-term": self = .forbidden
        case "donottranslate", "do not translate", "dnt", "donottranslate-admn-sts": self = .doNotTranslate
        default: return nil
        }
    }

    /// The words the translator reads in an XLIFF note or glossary definition.
    public var label: String {
        switch self {
        case .preferred: return "preferred"
        case .admitted: return "admitted"
        case .forbidden: return "FORBIDDEN"
        case .doNotTranslate: return "DO NOT TRANSLATE"
        }
    }
}
