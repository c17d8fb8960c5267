/// Glossary module (`gls:`, XLIFF 2 §5.2; glossary.sch).
enum GlossaryRules: XLIFFRuleGroup {
    static let uniqueID = XLIFFValidationRule("xliff.gls.unique-id", "<gls:glossEntry> and <gls:translation> ids are unique within their <gls:glossary>.")
    static let entry = XLIFFValidationRule("xliff.gls.entry", "A <gls:glossEntry> has a <gls:translation> or a <gls:definition>.")
    static let ref = XLIFFValidationRule("xliff.gls.ref", "A glossary ref points to a segment or annotation of the same unit.")

    static let rules = [uniqueID, entry, ref]

    static func check(_ context: inout ValidationContext) {
        let ns = XLIFFNamespace.glossary
        for glossary in context.allElements where glossary.isElement("glossary", in: ns) {
            var seen: [String: Int] = [:]
            for element in glossary.descendants where element.isElement("glossEntry", in: ns) || element.isElement("translation", in: ns) {
                if let id = element["id"] {
                    if let first = seen[id] {
                        context.report(element, "glossary id '\(id)' is already used on line \(first) in this <gls:glossary>", rule: uniqueID)
                    } else {
                        seen[id] = element.line
                    }
                }
                if element.name == "glossEntry",
                   !element.children.contains(where: { $0.isElement("translation", in: ns) || $0.isElement("definition", in: ns) }) {
                    context.report(element, "<gls:glossEntry> has neither <gls:translation> nor <gls:definition>", rule: entry)
                }
                // Only same-document references are resolved; other IRIs point elsewhere.
                if let value = element["ref"], value.hasPrefix("#"), let unit = element.enclosingUnit {
                    if FragmentIdentifierRules.resolveSpan(value, in: unit, options: context.options) == nil {
                        context.report(element, "ref=\"\(value)\" of <gls:\(element.name)> does not point to a segment or annotation of its unit", rule: ref)
                    }
                }
            }
        }
    }
}
