import L10nCore

/// Uniqueness of `id` values (XLIFF 2 core §4.3.1.x "id" constraints, Schematron K1–K6): every
/// reference (`startRef`, `dataRef`, fragment identifiers) relies on ids naming one thing.
enum IdentifierRules: XLIFFRuleGroup {
    static let file = XLIFFValidationRule("xliff.unique-id.file", "<file> ids are unique within <xliff>.")
    static let group = XLIFFValidationRule("xliff.unique-id.group", "<group> ids are unique within their <file>.")
    static let unit = XLIFFValidationRule("xliff.unique-id.unit", "<unit> ids are unique within their <file>.")
    static let part = XLIFFValidationRule("xliff.unique-id.segment", "<segment> and <ignorable> ids are unique within their <unit>.")
    static let inline = XLIFFValidationRule(
        "xliff.unique-id.inline",
        "Inline ids are unique among the unit's segments, ignorables and source content; a target element reuses only the id of the same element in a source.")
    static let data = XLIFFValidationRule("xliff.unique-id.data", "<data> ids are unique within their <originalData>.")
    static let note = XLIFFValidationRule("xliff.unique-id.note", "<note> ids are unique within their <notes>.")
    static let extensionElement = XLIFFValidationRule(
        "xliff.unique-id.extension", "Extension elements' id / xml:id values are unique within their enclosing XLIFF element.")

    static let rules = [file, group, unit, part, inline, data, note, extensionElement]

    static func check(_ context: inout ValidationContext) {
        let elements = context.allElements
        reportDuplicates(context.root.coreChildren("file"), rule: file, what: "file", scope: "<xliff>", into: &context)
        for f in elements where f.isCore("file") {
            let inFile = f.descendants
            reportDuplicates(inFile.filter { $0.isCore("group") }, rule: group, what: "group", scope: "its <file>", into: &context)
            reportDuplicates(inFile.filter { $0.isCore("unit") }, rule: unit, what: "unit", scope: "its <file>", into: &context)
        }
        for notes in elements where notes.isCore("notes") {
            reportDuplicates(notes.coreChildren("note"), rule: note, what: "note", scope: "its <notes>", into: &context)
        }
        for originalData in elements where originalData.isCore("originalData") {
            reportDuplicates(originalData.coreChildren("data"), rule: data, what: "data", scope: "its <originalData>", into: &context)
        }
        for scope in context.inlineScopes {
            checkInlineIDs(scope, into: &context)
        }
        checkExtensionIDs(elements, into: &context)
    }

    /// Reports every element whose id an earlier element already used.
    private static func reportDuplicates(_ elements: [XMLElementRef], rule: XLIFFValidationRule, what: String, scope: String, into context: inout ValidationContext) {
        var seen: [String: Int] = [:]
        for element in elements {
            guard let id = element["id"] else { continue }
            if let first = seen[id] {
                context.report(rule, "\(what) id '\(id)' is used more than once in \(scope) (first on line \(first))", at: element)
            } else {
                seen[id] = element.line
            }
        }
    }

    /// Schematron K6S/K6T: segments, ignorables and source inline elements share one id space per
    /// unit (per match for translation candidates); a target element may only repeat the id of its
    /// counterpart, an element of the same name in a source.
    private static func checkInlineIDs(_ scope: InlineScope, into context: inout ValidationContext) {
        var seen: [String: XMLElementRef] = [:]
        for part in scope.parts {
            guard let id = part["id"] else { continue }
            if let first = seen[id] {
                context.report(part, "<\(part.name)> id '\(id)' is already used by <\(first.name)> on line \(first.line) in this unit", rule: self.part)
            } else {
                seen[id] = part
            }
        }
        let sourceInline = scope.inline(.source).filter { $0.has("id") }
        for element in sourceInline {
            let id = element["id"]!
            if let first = seen[id] {
                context.report(element, "id '\(id)' of \(element.label) is already used by <\(first.name)> on line \(first.line) in this \(scope.isUnit ? "unit" : "match")", rule: inline)
            } else {
                seen[id] = element
            }
        }
        var targetSeen: [String: XMLElementRef] = [:]
        for element in scope.inline(.target) {
            guard let id = element["id"] else { continue }
            if let other = targetSeen[id] {
                context.report(element, "id '\(id)' of \(element.label) is already used by <\(other.name)> on line \(other.line) in a target of this \(scope.isUnit ? "unit" : "match")", rule: inline)
                continue
            }
            targetSeen[id] = element
            if let counterpart = seen[id], counterpart.name != element.name || !counterpart.isInline {
                context.report(element, "id '\(id)' of \(element.label) in the target belongs to <\(counterpart.name)> on line \(counterpart.line); a target element may only reuse the id of the same element in the source", rule: inline)
            }
        }
    }

    /// Extension elements (neither core nor module namespace) with `id` or `xml:id` must not share
    /// a value within the same enclosing core element.
    private static func checkExtensionIDs(_ elements: [XMLElementRef], into context: inout ValidationContext) {
        var seen: [Int: [String: Int]] = [:]
        for element in elements {
            guard !element.isCore, let ns = element.namespace, !XLIFFNamespace.modules.contains(ns),
                  let id = element["id"] ?? element.attribute("id", in: XLIFFNamespace.xml),
                  let owner = element.firstAncestor(where: \.isCore) else { continue }
            if let first = seen[owner.index]?[id] {
                context.report(element, "extension element id '\(id)' is already used on line \(first) within the same <\(owner.name)>", rule: extensionElement)
            } else {
                seen[owner.index, default: [:]][id] = element.line
            }
        }
    }
}
