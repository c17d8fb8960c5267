import Foundation

/// The profiles a file's size restrictions are measured under (XLIFF 2 `<slr:profiles>` in a
/// `<file>`, with its `<slr:normalization>`). Without a profile, restrictions of that kind are
/// not checked (the module's default, an empty profile, disables them).
///
/// Standard profiles, which ``measure(_:)`` implements:
/// - general `xliff:codepoints`: the number of Unicode code points;
/// - storage `xliff:utf8`, `xliff:utf16`, `xliff:utf32`: the number of bytes in that encoding,
///   without a byte order mark.
/// Both count the text after the profile's normalization (`none`, `nfc`, `nfd`; none by default).
/// Inline codes contribute nothing (the module's default when a code carries no `slr:sizeInfo`
/// or `slr:equivStorage`), except a protected span (URL, e-mail, model number): its text is part
/// of what the translation puts in the document, so it counts as text (and the XLIFF writer says
/// so in `slr:sizeInfo`/`slr:equivStorage` on its `<ph>`, for other tools).
public struct SizeProfiles: Hashable, Sendable, Codable {
    public static let codepoints = "xliff:codepoints"
    public static let utf8 = "xliff:utf8"
    public static let utf16 = "xliff:utf16"
    public static let utf32 = "xliff:utf32"

    /// `generalProfile` (`xliff:codepoints`), as written; nil when the file names none.
    public var general: String?
    /// `storageProfile` (`xliff:utf8`), as written; nil when the file names none.
    public var storage: String?
    /// `<slr:normalization general>` (`none`, `nfc`, `nfd`), as written; nil when not stated.
    public var generalNormalization: String?
    /// `<slr:normalization storage>`, as written; nil when not stated.
    public var storageNormalization: String?

    public init(general: String? = nil, storage: String? = nil, generalNormalization: String? = nil, storageNormalization: String? = nil) {
        self.general = general
        self.storage = storage
        self.generalNormalization = generalNormalization
        self.storageNormalization = storageNormalization
    }

    /// The profiles XLIFF 1.2's `size-unit="char"` and `"byte"` (and `maxbytes`) mean here:
    /// code points, and bytes of UTF-8 (1.2 names no encoding; the file's own is UTF-8).
    public static let xliff12 = SizeProfiles(general: codepoints, storage: utf8)

    /// A Unicode normalization form of the module.
    public enum Normalization: String, Hashable, Sendable, CaseIterable {
        case none, nfc, nfd

        /// `value` as written, nil (not stated) being `none`; nil for anything else.
        public init?(attribute value: String?) {
            guard let value else { self = .none; return }
            self.init(rawValue: value)
        }

        public func apply(_ s: String) -> String {
            switch self {
            case .none: return s
            case .nfc: return s.precomposedStringWithCanonicalMapping
            case .nfd: return s.decomposedStringWithCanonicalMapping
            }
        }
    }

    /// What a standard profile counts.
    public enum Measure: Hashable, Sendable {
        case codePoints, utf8Bytes, utf16Bytes, utf32Bytes

        /// The measure of a standard profile name; nil for any other.
        public init?(profile: String?) {
            switch profile {
            case SizeProfiles.codepoints?: self = .codePoints
            case SizeProfiles.utf8?: self = .utf8Bytes
            case SizeProfiles.utf16?: self = .utf16Bytes
            case SizeProfiles.utf32?: self = .utf32Bytes
            default: return nil
            }
        }

        public func count(_ s: String) -> Int {
            switch self {
            case .codePoints: return s.unicodeScalars.count
            case .utf8Bytes: return s.utf8.count
            case .utf16Bytes: return s.utf16.count * 2
            case .utf32Bytes: return s.unicodeScalars.count * 4
            }
        }

        /// `code points`, `bytes in UTF-8`…, for messages.
        public var unit: String {
            switch self {
            case .codePoints: return "code points"
            case .utf8Bytes: return "bytes in UTF-8"
            case .utf16Bytes: return "bytes in UTF-16"
            case .utf32Bytes: return "bytes in UTF-32"
            }
        }
    }

    /// The text a restriction measures in `content`: its text runs and the text of its protected
    /// spans, other codes left out.
    public static func measuredText(_ content: Content) -> String { content.readableText }
}
