/// Rules about the document as a whole, checked by the validator itself before any rule group.
enum DocumentRules {
    static let wellFormed = XLIFFValidationRule("xliff.well-formed", "The file is well-formed, namespace-well-formed XML.")
    static let entityDeclaration = XLIFFValidationRule(
        "xliff.entity-declaration",
        "No DOCTYPE entity declarations, no references to entities only a DTD could declare, no XInclude: they enable XXE and billion-laughs attacks, and XLIFF needs none.")
    static let tooLarge = XLIFFValidationRule(
        "xliff.too-large", "The file stays within the XML policy's limits: document size, nesting depth, attribute and text length.")
    static let version = XLIFFValidationRule("xliff.version", "The root is <xliff> in the XLIFF 1.2, 2.0 or 2.2 namespace.")
    static let schema = XLIFFValidationRule("xliff.schema", "The document is valid against the OASIS XSDs of its version (core and modules).")
    static let strictSchema = XLIFFValidationRule(
        "xliff.schema.strict", "XLIFF 1.2: valid against the strict schema, not only the transitional one (deprecated constructs).")
    static let schemaUnavailable = XLIFFValidationRule("xliff.schema-unavailable", "The bundled schemas could be loaded and compiled.")

    static let rules = [wellFormed, entityDeclaration, tooLarge, version, schema, strictSchema, schemaUnavailable]
}
