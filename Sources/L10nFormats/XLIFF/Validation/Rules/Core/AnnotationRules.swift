/// Annotations (XLIFF 2 core §4.7.3: `mrk`, `sm`/`em`; Schematron F11–F13, F24, F27, F28).
enum AnnotationRules: XLIFFRuleGroup {
    static let pairing = XLIFFValidationRule(
        "xliff.sm-em-pairing", "Every <sm> has exactly one later <em startRef> on the same side of its unit, and every <em> an earlier <sm>.")
    static let comment = XLIFFValidationRule(
        "xliff.comment-annotation", "A comment annotation has exactly one of value and ref, and its ref points to a <note> of the same unit.")
    static let translate = XLIFFValidationRule(
        "xliff.translate-annotation", "A generic annotation (type generic or none) says what it annotates with translate (a warning).")
    static let matchAnnotation = XLIFFValidationRule(
        "xliff.mtc.annotation", "An annotation of type mtc:match has no ref: the <mtc:match> points to it, not the other way round.")

    static let rules = [pairing, comment, translate, matchAnnotation]

    static func check(_ context: inout ValidationContext) {
        for scope in context.inlineScopes {
            for side in [InlineScope.Side.source, .target] {
                checkMarkers(scope.inline(side), side: side, into: &context)
            }
        }
        for element in context.allElements where element.isCore(oneOf: ["mrk", "sm"]) {
            let type = element["type"] ?? "generic"
            if type == "comment" {
                checkComment(element, context: &context)
            } else if type == "generic" && element["translate"] == nil && element.enclosingUnit != nil {
                context.report(element, "\(element.label) is a generic annotation without translate", rule: translate, severity: .warning)
            } else if type == "mtc:match" && element.has("ref") {
                context.report(element, "\(element.label) of type mtc:match must not have ref", rule: matchAnnotation)
            }
        }
    }

    private static func checkMarkers(_ inline: [XMLElementRef], side: InlineScope.Side, into context: inout ValidationContext) {
        for (i, marker) in inline.enumerated() {
            if marker.name == "sm", let id = marker["id"] {
                let ends = inline[(i + 1)...].filter { $0.name == "em" && $0["startRef"] == id }
                if ends.count != 1 {
                    let why = ends.isEmpty ? "no later <em startRef=\"\(id)\">" : "\(ends.count) <em startRef=\"\(id)\">"
                    context.report(marker, "\(marker.label) has \(why) in the \(side.rawValue) of its unit", rule: pairing)
                }
            } else if marker.name == "em", let ref = marker["startRef"] {
                if !inline[..<i].contains(where: { $0.name == "sm" && $0["id"] == ref }) {
                    context.report(marker, "\(marker.label) has no earlier <sm id=\"\(ref)\"> in the \(side.rawValue) of its unit", rule: pairing)
                }
            }
        }
    }

    private static func checkComment(_ element: XMLElementRef, context: inout ValidationContext) {
        let value = element["value"], ref = element["ref"]
        guard (value == nil) != (ref == nil) else {
            let what = value == nil ? "neither value nor ref" : "both value and ref"
            context.report(element, "comment annotation \(element.label) has \(what); it needs exactly one", rule: comment)
            return
        }
        guard let ref, let unit = element.enclosingUnit else { return }
        let prefixes = Set(context.options.extensionFragmentPrefixes.keys)
        guard case .success(let fragment) = FragmentIdentifier.parse(ref, extensionPrefixes: prefixes),
              let leaf = fragment.leaf, leaf.prefix == "n", fragment.value(of: "g") == nil,
              fragment.value(of: "f").map({ $0 == unit.enclosingFile?["id"] && fragment.value(of: "u") != nil }) ?? true,
              fragment.value(of: "u").map({ $0 == unit["id"] }) ?? true,
              unit.coreChildren("notes").flatMap({ $0.coreChildren("note") }).contains(where: { $0["id"] == leaf.id })
        else {
            context.report(element, "ref=\"\(ref)\" of comment annotation \(element.label) does not point to a <note> of its unit (use #n=<note id>)", rule: comment)
            return
        }
    }
}
