/// The XLIFF versions l10n writes and reads.
public enum XLIFFVersion: String, Hashable, Sendable, CaseIterable {
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
}
