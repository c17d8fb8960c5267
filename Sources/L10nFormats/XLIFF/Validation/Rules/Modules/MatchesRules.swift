/// Translation Candidates module (`mtc:`, XLIFF 2 §5.1; matches.sch). Pairing, ids and data
/// references inside an `<mtc:match>` are checked with the unit rules, through ``InlineScope``.
enum MatchesRules: XLIFFRuleGroup {
    static let uniqueID = XLIFFValidationRule("xliff.mtc.unique-id", "<mtc:match> ids are unique within their <mtc:matches>.")
    static let ref = XLIFFValidationRule("xliff.mtc.ref", "<mtc:match ref> is a fragment identifier pointing to a segment or annotation of the same unit.")
    static let subType = XLIFFValidationRule("xliff.mtc.subtype", "<mtc:match> with subType also has type.")
    static let xmlLang = XLIFFValidationRule("xliff.mtc.xml-lang", "<mtc:match> has no xml:lang: its languages are the document's.")

    static let rules = [uniqueID, ref, subType, xmlLang]

    static func check(_ context: inout ValidationContext) {
        let ns = XLIFFNamespace.matches
        for matches in context.allElements where matches.isElement("matches", in: ns) {
            var seen: [String: Int] = [:]
            for match in matches.children where match.isElement("match", in: ns) {
                if let id = match["id"] {
                    if let first = seen[id] {
                        context.report(match, "match id '\(id)' is already used on line \(first) in this <mtc:matches>", rule: uniqueID)
                    } else {
                        seen[id] = match.line
                    }
                }
                if match["subType"] != nil && match["type"] == nil {
                    context.report(match, "<mtc:match> has subType but no type", rule: subType)
                }
                if match.xmlLang != nil {
                    context.report(match, "<mtc:match> must not have xml:lang", rule: xmlLang)
                }
                if let value = match["ref"], let unit = match.enclosingUnit,
                   FragmentIdentifierRules.resolveSpan(value, in: unit, options: context.options) == nil {
                    let hint = value.hasPrefix("#") ? "" : " (a same-document reference starts with '#')"
                    context.report(match, "ref=\"\(value)\" of <mtc:match> does not point to a segment or annotation of its unit\(hint)", rule: ref)
                }
            }
        }
    }
}
