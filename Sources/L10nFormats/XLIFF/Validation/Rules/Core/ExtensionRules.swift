/// Extensibility limits (XLIFF 2 core §4.8 "Extension Mechanisms"): inline codes accept only the
/// module attributes the specification lists, and names in a module's namespace are the ones
/// that module defines.
enum ExtensionRules: XLIFFRuleGroup {
    static let inlineAttribute = XLIFFValidationRule(
        "xliff.extension-attribute", "<pc>, <sc>, <ec> and <ph> carry no attributes from other namespaces than fs, slr and ITS.")
    static let moduleVocabulary = XLIFFValidationRule(
        "xliff.module-vocabulary", "Elements and attributes in a module namespace are declared by that module's schema.")

    static let rules = [inlineAttribute, moduleVocabulary]

    /// Module namespaces whose attributes the core lists on inline codes.
    private static let codeAttributeNamespaces: Set<String> = [
        XLIFFNamespace.formatStyle, XLIFFNamespace.sizeRestriction, XLIFFNamespace.its, XLIFFNamespace.itsMapping,
    ]

    static func check(_ context: inout ValidationContext) {
        let vocabulary = SchemaCache.shared.vocabulary(SchemaSet.forVersion(context.version))
        for element in context.allElements {
            if element.isCode {
                for attribute in element.attributes {
                    guard let ns = attribute.namespace, !codeAttributeNamespaces.contains(ns) else { continue }
                    context.report(element, "attribute {\(ns)}\(attribute.name) is not allowed on <\(element.name)>; only fs, slr and ITS attributes are", rule: inlineAttribute)
                }
            }
            if let ns = element.namespace, vocabulary.knows(ns), !vocabulary.declaresElement(element.name, in: ns) {
                context.report(element, "element <\(element.name)> is not defined by the module of namespace \(ns)", rule: moduleVocabulary)
            }
            for attribute in element.attributes {
                guard let ns = attribute.namespace, vocabulary.knows(ns), !vocabulary.declaresAttribute(attribute.name, in: ns) else { continue }
                context.report(element, "attribute \(attribute.name) is not defined by the module of namespace \(ns)", rule: moduleVocabulary)
            }
        }
    }
}
