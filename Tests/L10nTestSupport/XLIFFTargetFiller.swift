import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Does what a translator who changes nothing does: copies every source into a target, working
/// on the XML itself (not through l10n's reader), so the round trip tests the real file.
public enum XLIFFTargetFiller {
    public static func fill(_ data: Data) throws -> Data {
        let doc = try XMLDocument(data: data, options: [.nodePreserveAll])
        guard let root = doc.rootElement() else { return data }
        // `attributes`, not `attribute(forName:)`: swift-corelibs-foundation finds nothing with the
        // latter on a default-namespaced root, which sent XLIFF 1.2 down the XLIFF 2 branch.
        if root.attributes?.first(where: { $0.name == "version" })?.stringValue == "1.2" {
            for unit in root.descendants(named: "trans-unit") {
                let source = unit.elements(forName: "seg-source").first ?? unit.elements(forName: "source").first
                guard let source, unit.elements(forName: "target").isEmpty else { continue }
                let target = source.copy() as! XMLElement
                target.name = "target"
                target.removeAttribute(forName: "xml:lang")
                target.addAttribute(XMLNode.attribute(withName: "state", stringValue: "translated") as! XMLNode)
                let index = (source.index + 1)
                unit.insertChild(target, at: index)
            }
        } else {
            for segment in root.descendants(named: "segment") {
                guard let source = segment.elements(forName: "source").first, segment.elements(forName: "target").isEmpty else { continue }
                let target = source.copy() as! XMLElement
                target.name = "target"
                segment.insertChild(target, at: source.index + 1)
                segment.removeAttribute(forName: "state")
                segment.addAttribute(XMLNode.attribute(withName: "state", stringValue: "translated") as! XMLNode)
            }
        }
        return doc.xmlData(options: [.nodePreserveAll])
    }
}
