/// Change Tracking module (`ctr:`, XLIFF 2.1 §5.6): revisions must say unambiguously which
/// element they track and which of its properties changed.
enum ChangeTrackingRules: XLIFFRuleGroup {
    static let ref = XLIFFValidationRule(
        "xliff.ctr.ref",
        "<ctr:revisions ref> names an element with that id in the enclosing element; ref is required when several elements of kind appliesTo have ids.")
    static let property = XLIFFValidationRule(
        "xliff.ctr.property", "<ctr:item property> is 'content' or an attribute of the tracked element, and is given once per <ctr:revision>.")

    static let rules = [ref, property]

    static func check(_ context: inout ValidationContext) {
        let ns = XLIFFNamespace.changeTracking
        for revisions in context.allElements where revisions.isElement("revisions", in: ns) {
            guard let appliesTo = revisions["appliesTo"],
                  let owner = revisions.firstAncestor(where: { $0.namespace != ns }) else { continue }
            let candidates = ([owner] + owner.descendants).filter { $0.name == appliesTo && $0.isCore }
            var tracked: XMLElementRef?
            if let id = revisions["ref"] {
                // The TC's suite resolves ref by id alone (appliesTo="source" ref="<note id>" is valid).
                tracked = candidates.first { $0["id"] == id }
                    ?? owner.descendants.first { $0.isCore && $0["id"] == id }
                if tracked == nil {
                    context.report(revisions, "ref=\"\(id)\" names no element with that id in the enclosing <\(owner.name)>", rule: ref)
                }
            } else if candidates.count == 1 {
                tracked = candidates[0]
            } else if candidates.filter({ $0.has("id") }).count > 1 {
                context.report(revisions, "appliesTo=\"\(appliesTo)\" matches \(candidates.count) elements with ids in the enclosing <\(owner.name)>; ref must say which", rule: ref)
            }
            for revision in revisions.children where revision.isElement("revision", in: ns) {
                var seen: [String: Int] = [:]
                for item in revision.children where item.isElement("item", in: ns) {
                    guard let name = item["property"] else { continue }
                    if let first = seen[name] {
                        context.report(item, "property '\(name)' is already given on line \(first) in this <ctr:revision>", rule: property)
                    } else {
                        seen[name] = item.line
                    }
                    if name != "content", let tracked, !tracked.attributes.contains(where: { $0.name == name }) {
                        context.report(item, "property '\(name)' is neither 'content' nor an attribute of the tracked <\(tracked.name)> (line \(tracked.line))", rule: property)
                    }
                }
            }
        }
    }
}
