/// Language attributes (XLIFF 2 core srcLang, trgLang, xml:lang; Schematron F4S/F4T): tags are
/// well-formed BCP 47, and a source or target's language, explicit or inherited, agrees with the
/// document's source or target language.
enum LanguageRules: XLIFFRuleGroup {
    static let languageTag = XLIFFValidationRule("xliff.language-tag", "srcLang, trgLang and xml:lang values are well-formed BCP 47 tags.")
    static let xmlLang = XLIFFValidationRule(
        "xliff.xml-lang", "The explicit or inherited xml:lang of a <source> matches srcLang, and of a <target> matches trgLang.")

    static let rules = [languageTag, xmlLang]

    static func check(_ context: inout ValidationContext) {
        let root = context.root
        for element in context.allElements {
            for attribute in element.attributes where isLanguageAttribute(attribute, on: element) {
                if !BCP47.isWellFormed(attribute.value) {
                    let name = attribute.namespace == XLIFFNamespace.xml ? "xml:lang" : attribute.name
                    context.report(element, "\(name) '\(attribute.value)' is not a well-formed BCP 47 language tag", rule: languageTag)
                }
            }
            guard element.isCore(oneOf: ["source", "target"]), element.parent?.isCore(oneOf: ["segment", "ignorable"]) ?? false,
                  let lang = element.inherited("lang", in: XLIFFNamespace.xml) else { continue }
            let (attribute, expected) = element.name == "source" ? ("srcLang", root["srcLang"]) : ("trgLang", root["trgLang"])
            guard let expected else { continue }
            if !BCP47.matches(lang, range: expected) {
                let how = element.xmlLang == nil ? "inherits xml:lang" : "has xml:lang"
                context.report(element, "<\(element.name)> \(how) '\(lang)', which does not match \(attribute) '\(expected)'", rule: xmlLang)
            }
        }
    }

    private static func isLanguageAttribute(_ attribute: XMLTree.Attribute, on element: XMLElementRef) -> Bool {
        if attribute.namespace == XLIFFNamespace.xml { return attribute.name == "lang" && !attribute.value.isEmpty }
        return attribute.namespace == nil && element.isCore("xliff") && (attribute.name == "srcLang" || attribute.name == "trgLang")
    }
}
