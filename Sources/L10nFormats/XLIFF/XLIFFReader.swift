import Foundation
import L10nCore
import L10nXML

/// Reads an XLIFF file written by ``XLIFFWriter`` — possibly after a CAT tool or a translator
/// edited it — back into documents with targets, states, notes and the embedded skeleton.
///
/// Reads 1.2 and 2.0/2.1/2.2 (told apart by namespace and `version`). What comes back from a CAT
/// tool may differ from what was written, and is accepted:
/// - codes are identified by id (and open/close/standalone kind); their data and attributes are
///   restored from the skeleton, else from `<originalData>`; `<pc>` and `<sc>`/`<ec>` (1.2: `<g>`
///   and `<bx>`/`<ex>`, also `<bpt>`/`<ept>`/`<ph>`/`<it>`) are equivalent;
/// - annotations (`<mrk>`, `<sm>`/`<em>`) are dropped, their content kept; `<cp hex>` becomes
///   the character;
/// - segments merged or split by the translator are kept as they are (merge then renders the
///   unit from its segments); targets reordered with `order` collapse the unit to one segment.
///
/// An empty `<target/>` (or empty 1.2 target mrk) means "not translated" — CAT tools write them
/// for untranslated segments — unless the 2.x segment state is translated, reviewed or final,
/// which marks a deliberately empty translation.
///
/// Parsing is hardened for untrusted files by the shared ``XMLPolicy``: no network, no DTD
/// loading, no entity substitution, no XInclude, size and depth limits; a DOCTYPE declaring
/// entities is refused (`FormatError.Code.forbiddenConstruct`).
public struct XLIFFReader: Sendable {
    /// How much of the units nobody translated a caller needs.
    public enum Detail: Sendable {
        /// Everything: sources, notes, original data, codes, restrictions.
        case full
        /// What `merge` needs: a unit without targets whose segments are the skeleton's comes
        /// back with its segments' ids and kinds and empty sources (merge copies it from the
        /// original bytes); every other unit with its segments but without notes, glossary
        /// entries or size restrictions (XLIFF 2), which merge does not write. Saves building
        /// and freeing the content of an untranslated document.
        case merging
    }

    /// The XML safety policy and limits files are parsed under.
    public var xmlPolicy: XMLPolicy
    public var detail: Detail
    /// Whether a file must carry the skeleton `l10n extract` embeds. Merge needs it to rebuild
    /// the document; checking translations does not, so `l10n qa` reads any tool's XLIFF (a file
    /// without one comes back with an empty skeleton, its codes as its own elements describe them).
    public var requiresSkeleton: Bool

    public init(xmlPolicy: XMLPolicy = .standard, detail: Detail = .full, requiresSkeleton: Bool = true) {
        self.xmlPolicy = xmlPolicy
        self.detail = detail
        self.requiresSkeleton = requiresSkeleton
    }

    public func read(_ data: Data, file: String) throws -> [Document] {
        let root = try SafeXMLParser.parse(data, file: file, policy: xmlPolicy)
        guard root.name == "xliff" else {
            throw FormatError(.invalidXLIFF, "not an XLIFF document: the root element is <\(root.name)>", at: SourceLocation(file: file, line: root.line))
        }
        switch (root.namespace, root["version"]) {
        case (XLIFFVersion.v1_2.namespace?, _), (nil, "1.2"?), (nil, "1.1"?):
            return try XLIFF12Reader(file: file, namespace: root.namespace, detail: detail, requiresSkeleton: requiresSkeleton).read(root)
        case (XLIFFVersion.v2_0.namespace?, _), (XLIFFVersion.v2_2.namespace?, _):
            return try XLIFF2Reader(file: file, namespace: root.namespace!, detail: detail, requiresSkeleton: requiresSkeleton).read(root)
        default:
            throw FormatError(.unsupported, "unsupported XLIFF: namespace \(root.namespace ?? "none"), version \(root["version"] ?? "none")",
                              at: SourceLocation(file: file, line: root.line))
        }
    }
}
