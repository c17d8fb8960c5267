/// A compiled set of XSDs that validates one XLIFF version: core, modules and `xml.xsd`, through one
/// of the bundled driver schemas.
enum SchemaSet: String, Hashable, Sendable, CaseIterable {
    case xliff20 = "xliff-2.0"
    case xliff22 = "xliff-2.2"
    case xliff12Strict = "xliff-1.2-strict"
    case xliff12Transitional = "xliff-1.2-transitional"

    /// Path of the driver schema, relative to the bundled `Schemas` folder.
    var driver: String { "drivers/\(rawValue).xsd" }

    /// Module schemas whose declared names define the vocabulary of each module namespace.
    var moduleSchemas: [String] {
        switch self {
        case .xliff20:
            return ["metadata", "matches", "glossary", "fs", "resource_data", "size_restriction", "validation", "its", "itsm"]
                .map { "xliff-2.1/\($0).xsd" } + ["xliff-2.1/informativeCopiesOf3rdPartySchemas/extensions/change_tracking.xsd"]
        case .xliff22:
            return ["metadata", "matches", "glossary", "fs", "resource_data", "size_restriction", "validation", "its", "itsm", "plural_gender_select"]
                .map { "xliff-2.2/\($0).xsd" } + ["xliff-2.1/informativeCopiesOf3rdPartySchemas/extensions/change_tracking.xsd"]
        case .xliff12Strict, .xliff12Transitional:
            return []
        }
    }

    static func forVersion(_ version: XLIFFVersion) -> SchemaSet {
        switch version {
        case .v2_0, .v2_1: return .xliff20
        case .v2_2: return .xliff22
        case .v1_2: return .xliff12Strict
        }
    }
}
