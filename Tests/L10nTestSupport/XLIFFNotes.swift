import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One `<note>` of an XLIFF 1.2 `<trans-unit>`, read from the XML itself (not through l10n's
/// reader), so a round-trip test can compare what a foreign tool wrote back with what l10n wrote:
/// the unit it belongs to, its attributes and its text (entities resolved, so `"` and `&quot;`
/// are the same note).
public struct XLIFFNote: Hashable, Sendable, CustomStringConvertible {
    public var unit: String
    public var from: String?
    public var priority: String?
    public var annotates: String?
    public var text: String

    public var description: String {
        "\(unit) [\(from ?? "-")\(annotates.map { ", annotates=\($0)" } ?? "")] \(text)"
    }
}

public enum XLIFFNotes {
    /// Every `<note>` directly inside a `<trans-unit>`, in document order.
    public static func read(_ data: Data) throws -> [XLIFFNote] {
        let doc = try XMLDocument(data: data, options: [.nodePreserveAll])
        guard let root = doc.rootElement() else { return [] }
        var notes: [XLIFFNote] = []
        for unit in root.descendants(named: "trans-unit") {
            let id = attribute("id", of: unit) ?? ""
            for child in unit.children ?? [] {
                guard let note = child as? XMLElement, note.localName == "note" || note.name == "note" else { continue }
                notes.append(XLIFFNote(
                    unit: id,
                    from: attribute("from", of: note),
                    priority: attribute("priority", of: note),
                    annotates: attribute("annotates", of: note),
                    text: note.stringValue ?? ""))
            }
        }
        return notes
    }

    public static func read(contentsOf url: URL) throws -> [XLIFFNote] {
        try read(Data(contentsOf: url))
    }

    /// The attribute's value, looked up in `attributes` (swift-corelibs-foundation's
    /// `attribute(forName:)` finds nothing on elements of a default-namespaced document).
    private static func attribute(_ name: String, of element: XMLElement) -> String? {
        element.attributes?.first { $0.name == name || $0.localName == name }?.stringValue
    }
}
