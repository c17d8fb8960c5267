import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

extension XMLElement {
    /// Every element below this one named `name` (local name or qualified), in document order:
    /// what `elements(forName:)` gives for children only, and what XPath would give on a
    /// default-namespaced XLIFF if swift-corelibs-foundation's namespace handling allowed it.
    func descendants(named name: String) -> [XMLElement] {
        var out: [XMLElement] = []
        for child in children ?? [] {
            guard let child = child as? XMLElement else { continue }
            if child.localName == name || child.name == name { out.append(child) }
            out += child.descendants(named: name)
        }
        return out
    }
}
