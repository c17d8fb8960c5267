/// Syntax of same-document references (`ref="#…"`) on annotations and module elements, and that
/// the references a module defines land on what they must (XLIFF 2 core §4.9, matches and
/// glossary modules' `ref`).
enum FragmentIdentifierRules: XLIFFRuleGroup {
    static let syntax = XLIFFValidationRule(
        "xliff.fragment-id", "A same-document reference (#…) is a well-formed XLIFF fragment identifier with known prefixes in a valid order.")

    static let rules = [syntax]

    static func check(_ context: inout ValidationContext) {
        let prefixes = Set(context.options.extensionFragmentPrefixes.keys)
        for element in context.allElements {
            guard let ref = element["ref"], ref.hasPrefix("#"), carriesFragmentReference(element) else { continue }
            if case .failure(let problem) = FragmentIdentifier.parse(ref, extensionPrefixes: prefixes) {
                context.report(element, "ref=\"\(ref)\" of \(element.label) is not a valid fragment identifier: it \(problem.reason)", rule: syntax)
            }
        }
    }

    /// Elements whose `ref` is an IRI that may point into this document.
    static func carriesFragmentReference(_ element: XMLElementRef) -> Bool {
        element.isCore(oneOf: ["mrk", "sm"])
            || element.isElement("match", in: XLIFFNamespace.matches)
            || element.isElement("glossEntry", in: XLIFFNamespace.glossary)
            || element.isElement("translation", in: XLIFFNamespace.glossary)
    }

    /// The element a module `ref` (`#m1`, `#t=m1`, `#/f=f1/u=u1/m1`) selects in `unit`: a segment
    /// or an inline element, in a source (or a target with `t=`). Nil when it selects nothing there.
    static func resolveSpan(_ ref: String, in unit: XMLElementRef, options: XLIFFValidator.Options) -> XMLElementRef? {
        guard case .success(let fragment) = FragmentIdentifier.parse(ref, extensionPrefixes: Set(options.extensionFragmentPrefixes.keys)),
              let leaf = fragment.leaf, leaf.prefix == nil || leaf.prefix == "t" else { return nil }
        if let f = fragment.value(of: "f"), f != unit.enclosingFile?["id"] { return nil }
        if let u = fragment.value(of: "u"), u != unit["id"] { return nil }
        if fragment.value(of: "g") != nil { return nil }
        let scope = InlineScope.unit(unit)
        if leaf.prefix == "t" { return scope.inline(.target).first { $0["id"] == leaf.id } }
        return (scope.parts + scope.inline(.source)).first { $0["id"] == leaf.id }
    }
}
