/// The XLIFF versions l10n writes and reads.
public enum XLIFFVersion: String, Hashable, Sendable, CaseIterable, Codable {
    case v1_2 = "1.2"
    case v2_0 = "2.0"
    case v2_1 = "2.1"
    case v2_2 = "2.2"

    /// 2.1: the version most CAT tools read today, and a superset-compatible 2.0.
    public static let `default`: XLIFFVersion = .v2_1

    /// The document namespace. 2.0 and 2.1 share one; 2.2 has its own.
    public var namespace: String {
        switch self {
        case .v1_2: return "urn:oasis:names:tc:xliff:document:1.2"
        case .v2_0, .v2_1: return "urn:oasis:names:tc:xliff:document:2.0"
        case .v2_2: return "urn:oasis:names:tc:xliff:document:2.2"
        }
    }

    /// True for the 2.x family, which shares one processing model.
    public var isVersion2: Bool { self != .v1_2 }

    /// Reads the version from the root's namespace and `version` attribute; nil when the root is
    /// not an XLIFF element this validator knows.
    static func detect(rootName: String, namespace: String?, version: String?) -> XLIFFVersion? {
        guard rootName == "xliff" else { return nil }
        switch namespace {
        case XLIFFNamespace.core20:
            return version == "2.1" ? .v2_1 : .v2_0
        case XLIFFNamespace.core22:
            return .v2_2
        case XLIFFNamespace.core12:
            return .v1_2
        case nil:
            // Many 1.x tools write no namespace at all; the rules still apply, the schema cannot.
            if let version, version.hasPrefix("1.") { return .v1_2 }
            return nil
        default:
            return nil
        }
    }
}
