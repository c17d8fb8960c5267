/// Resource Data module (`res:`, XLIFF 2 §5.6; resource_data.sch).
enum ResourceDataRules: XLIFFRuleGroup {
    static let uniqueID = XLIFFValidationRule(
        "xliff.res.unique-id", "<res:resourceItem> and <res:resourceItemRef> ids are unique within their <res:resourceData>.")
    static let href = XLIFFValidationRule("xliff.res.href", "<res:source> and <res:target> have either href or content, not both and not neither.")
    static let mimeType = XLIFFValidationRule(
        "xliff.res.mime-type", "A <res:resourceItem> without mimeType has element content in its <res:source> and <res:target>.")
    static let xmlLang = XLIFFValidationRule("xliff.res.xml-lang", "xml:lang on <res:source> matches srcLang (on <res:target> a differing trgLang is a warning).")
    static let ref = XLIFFValidationRule("xliff.res.ref", "<res:resourceItemRef ref> names a <res:resourceItem> of the same file (a warning).")

    static let rules = [uniqueID, href, mimeType, xmlLang, ref]

    static func check(_ context: inout ValidationContext) {
        let ns = XLIFFNamespace.resourceData
        let root = context.root
        for element in context.allElements where element.namespace == ns {
            switch element.name {
            case "resourceData":
                var seen: [String: Int] = [:]
                for item in element.children where item.name == "resourceItem" || item.name == "resourceItemRef" {
                    guard item.namespace == ns, let id = item["id"] else { continue }
                    if let first = seen[id] {
                        context.report(item, "resource id '\(id)' is already used on line \(first) in this <res:resourceData>", rule: uniqueID)
                    } else {
                        seen[id] = item.line
                    }
                }
            case "resourceItem":
                if element["mimeType"] == nil {
                    for child in element.children where (child.name == "source" || child.name == "target") && child.namespace == ns && child.children.isEmpty {
                        context.report(child, "<res:\(child.name)> of a <res:resourceItem> without mimeType has no element content", rule: mimeType)
                    }
                }
            case "source", "target":
                if element["href"] == nil && !element.hasChildNodes {
                    context.report(element, "<res:\(element.name)> without href must not be empty", rule: href)
                } else if element["href"] != nil && element.hasChildNodes {
                    context.report(element, "<res:\(element.name)> with href must be empty", rule: href)
                }
                let expected = element.name == "source" ? root["srcLang"] : root["trgLang"]
                if let lang = element.xmlLang, let expected, !BCP47.matches(lang, range: expected) {
                    // A warning for targets: the TC's valid suite has res:target languages that differ from trgLang.
                    context.report(element, "xml:lang '\(lang)' of <res:\(element.name)> does not match \(element.name == "source" ? "srcLang" : "trgLang") '\(expected)'",
                                   rule: xmlLang, severity: element.name == "source" ? .error : .warning)
                }
            case "resourceItemRef":
                guard let value = element["ref"] else { break }
                let items = (element.enclosingFile?.descendants ?? []).filter { $0.isElement("resourceItem", in: ns) }
                if !items.contains(where: { $0["id"] == value }) {
                    // A warning: the TC's valid suite refers to items that are not in the file.
                    context.report(element, "ref=\"\(value)\" of <res:resourceItemRef> names no <res:resourceItem> in this file", rule: ref, severity: .warning)
                }
            default:
                break
            }
        }
    }
}
