/// Metadata module (`mda:`, XLIFF 2 §5.5; metadata.sch).
enum MetadataRules: XLIFFRuleGroup {
    static let uniqueID = XLIFFValidationRule(
        "xliff.mda.unique-id", "<mda:metaGroup> ids are unique within their <mda:metadata> and differ from its id.")

    static let rules = [uniqueID]

    static func check(_ context: inout ValidationContext) {
        let ns = XLIFFNamespace.metadata
        for metadata in context.allElements where metadata.isElement("metadata", in: ns) {
            var seen: [String: Int] = [:]
            if let id = metadata["id"] { seen[id] = metadata.line }
            for group in metadata.descendants where group.isElement("metaGroup", in: ns) {
                guard let id = group["id"] else { continue }
                if let first = seen[id] {
                    context.report(group, "metadata id '\(id)' is already used on line \(first) in this <mda:metadata>", rule: uniqueID)
                } else {
                    seen[id] = group.line
                }
            }
        }
    }
}
