/// Structural requirements of XLIFF 2 core that the XSD cannot express (Schematron F1–F3, F7,
/// F18, F19, F21–F23, F26, F29, K7).
enum StructureRules: XLIFFRuleGroup {
    static let trgLang = XLIFFValidationRule("xliff.trglang-required", "trgLang is set on <xliff> when the document has <target> elements.")
    static let skeleton = XLIFFValidationRule("xliff.skeleton", "<skeleton> has either an href or content, never both and never neither.")
    static let unitSegment = XLIFFValidationRule("xliff.unit-segment", "Every <unit> has at least one <segment>.")
    static let state = XLIFFValidationRule(
        "xliff.state", "subState needs an explicit state; state translated, reviewed or final needs a <target>.")
    static let order = XLIFFValidationRule(
        "xliff.order", "Target order values (explicit or implicit) are unique in the unit and between 1 and the number of segments and ignorables.")
    static let xmlSpace = XLIFFValidationRule("xliff.xml-space", "A <target> has the same effective xml:space as its <source>.")
    static let subFlows = XLIFFValidationRule(
        "xliff.subflows", "subFlows, subFlowsStart and subFlowsEnd list ids of units in the same <file>; subFlowsStart and subFlowsEnd come together.")
    static let pcAttributePairs = XLIFFValidationRule("xliff.pc-attribute-pairs", "equivStart and equivEnd on <pc> come together.")

    static let rules = [trgLang, skeleton, unitSegment, state, order, xmlSpace, subFlows, pcAttributePairs]

    static func check(_ context: inout ValidationContext) {
        let elements = context.allElements
        let root = context.root
        if root["trgLang"] == nil,
           let target = elements.first(where: { $0.isCore("target") && ($0.parent?.isCore(oneOf: ["segment", "ignorable"]) ?? false) }) {
            context.report(target, "the document has <target> elements but <xliff> has no trgLang attribute", rule: trgLang)
        }
        for element in elements where element.isCore {
            switch element.name {
            case "skeleton":
                if element["href"] == nil && !element.hasChildNodes {
                    context.report(element, "<skeleton> without href must not be empty", rule: skeleton)
                } else if element["href"] != nil && element.hasChildNodes {
                    context.report(element, "<skeleton> with href must be empty", rule: skeleton)
                }
            case "unit":
                if element.coreChildren("segment").isEmpty {
                    context.report(element, "<unit id=\"\(element["id"] ?? "")\"> has no <segment>", rule: unitSegment)
                }
                checkOrder(InlineScope.unit(element), into: &context)
            case "segment":
                if element["subState"] != nil && element["state"] == nil {
                    context.report(element, "<segment> has subState but no state", rule: state)
                }
                if let s = element["state"], ["translated", "reviewed", "final"].contains(s), element.coreChildren("target").isEmpty {
                    context.report(element, "<segment> with state '\(s)' must have a <target>", rule: state)
                }
                checkXMLSpace(element, into: &context)
            case "ignorable":
                checkXMLSpace(element, into: &context)
            case "pc":
                if (element["equivStart"] == nil) != (element["equivEnd"] == nil) {
                    context.report(element, "\(element.label) must have both equivStart and equivEnd, or neither", rule: pcAttributePairs)
                }
            default:
                break
            }
            checkSubFlows(element, into: &context)
        }
    }

    /// The `order` of a target is explicit or its part's position; the values must be a
    /// permutation-compatible set: unique and within 1…N.
    private static func checkOrder(_ scope: InlineScope, into context: inout ValidationContext) {
        let count = scope.parts.count
        var used: [Int: XMLElementRef] = [:]
        for (position, part) in scope.parts.enumerated() {
            for target in part.coreChildren("target") {
                let order: Int
                if let explicit = target["order"] {
                    guard let value = Int(explicit), value >= 1, value <= count else {
                        context.report(target, "order '\(explicit)' is not between 1 and \(count), the number of segments and ignorables in the unit", rule: self.order)
                        continue
                    }
                    order = value
                } else {
                    order = position + 1
                }
                if let other = used[order] {
                    let how = target["order"] == nil ? "implicit" : "explicit"
                    context.report(target, "\(how) order \(order) of this <target> is already taken by the <target> on line \(other.line)", rule: self.order)
                } else {
                    used[order] = target
                }
            }
        }
    }

    private static func checkXMLSpace(_ part: XMLElementRef, into context: inout ValidationContext) {
        guard let source = part.coreChildren("source").first else { return }
        let sourceSpace = source.inherited("space", in: XLIFFNamespace.xml) ?? "default"
        for target in part.coreChildren("target") {
            let targetSpace = target.inherited("space", in: XLIFFNamespace.xml) ?? "default"
            if sourceSpace != targetSpace {
                context.report(target, "<target> has xml:space '\(targetSpace)' but its <source> has '\(sourceSpace)'", rule: xmlSpace)
            }
        }
    }

    private static func checkSubFlows(_ element: XMLElementRef, into context: inout ValidationContext) {
        let names = ["subFlows", "subFlowsStart", "subFlowsEnd"]
        guard element.isInline, names.contains(where: element.has) else { return }
        let units = Set((element.enclosingFile?.descendants ?? []).filter { $0.isCore("unit") }.compactMap { $0["id"] })
        for name in names {
            guard let value = element[name] else { continue }
            for id in value.split(whereSeparator: \.isWhitespace) where !units.contains(String(id)) {
                context.report(element, "\(name) of \(element.label) refers to unit '\(id)', which is not in this <file>", rule: subFlows)
            }
        }
        if element.isCore("pc") && element.has("subFlowsStart") != element.has("subFlowsEnd") {
            context.report(element, "\(element.label) must have both subFlowsStart and subFlowsEnd, or neither", rule: subFlows)
        }
    }
}
