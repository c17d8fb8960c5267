import Foundation
import L10nCore

/// Reads HTML pages and fragments (a product description pasted from a CMS) with libxml2's
/// forgiving HTML parser, keeping every unit tied to its exact bytes so that merge rebuilds the
/// page byte for byte.
///
/// ```swift
/// let drafts = try HTMLFilter().read(data, text: text, file: "product.html")
/// let document = try DocumentBuilder().build(original: "product.html", format: HTMLFilter.formatID,
///                                            bytes: data, sourceLanguage: "en", drafts: drafts)
/// ```
///
/// Unit types: `html:<block>` for text (`html:p`, `html:li`, `html:title`, `html:label`…) and
/// `html:attr-<name>` for attribute values (`html:attr-alt`, `html:attr-title`,
/// `html:attr-content` for `<meta name="description">`…). See ``HTMLUnitExtractor`` for what
/// becomes a unit, a code or skeleton, and ``HTMLTreeBuilder`` for how positions are found.
public struct HTMLFilter: DocumentFilter {
    public static let formatID = "html"
    public static let fileExtensions = ["html", "htm", "xhtml"]

    public init() {}

    public var escaper: any TextEscaping { HTMLEscaper() }

    public func read(_ bytes: Data, text: String, file: String) throws -> [UnitDraft] {
        guard !bytes.isEmpty else { return [] }
        let buffer = [UInt8](bytes)
        return try buffer.withUnsafeBufferPointer { b in
            let tree = try HTMLTreeBuilder.parse(b, file: file)
            var extractor = HTMLUnitExtractor(bytes: b, tree: tree)
            return extractor.extract()
        }
    }
}
