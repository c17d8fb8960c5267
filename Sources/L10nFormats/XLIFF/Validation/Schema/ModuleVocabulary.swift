import Foundation
import L10nXML

/// The element and attribute names each module namespace declares, read from the module XSDs.
///
/// The core schema lets module content in through `processContents="lax"` wildcards, and lax
/// validation skips names the module schema does not declare at all (`fs:Bad`,
/// `val:validationBad`). Reading the declared names from the bundled XSDs closes that gap without
/// a hand-kept list.
struct ModuleVocabulary: Sendable {
    private(set) var elements: [String: Set<String>] = [:]
    private(set) var attributes: [String: Set<String>] = [:]

    init(schemaPaths: [String]) {
        for path in schemaPaths {
            guard let data = FileManager.default.contents(atPath: path),
                  let document = try? XMLTreeDocument.parse(data, file: path),
                  let schema = XMLTree(document).root,
                  let namespace = schema["targetNamespace"] else { continue }
            let xs = "http://www.w3.org/2001/XMLSchema"
            for child in schema.children where child.namespace == xs && child.name == "attribute" {
                if let name = child["name"] { attributes[namespace, default: []].insert(name) }
            }
            let qualified = schema["elementFormDefault"] == "qualified"
            for element in schema.descendants where element.namespace == xs && element.name == "element" {
                guard let name = element["name"] else { continue }
                let isGlobal = element.parent == schema
                if isGlobal || qualified || element["form"] == "qualified" {
                    elements[namespace, default: []].insert(name)
                }
            }
        }
    }

    /// True when `namespace` has a bundled schema, so its names can be checked.
    func knows(_ namespace: String) -> Bool { elements[namespace] != nil || attributes[namespace] != nil }

    func declaresElement(_ name: String, in namespace: String) -> Bool { elements[namespace]?.contains(name) ?? false }
    func declaresAttribute(_ name: String, in namespace: String) -> Bool { attributes[namespace]?.contains(name) ?? false }
}
