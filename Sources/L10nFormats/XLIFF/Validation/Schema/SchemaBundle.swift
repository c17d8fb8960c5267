import Foundation

/// Finds the XSDs bundled with the L10nFormats target (`Schemas/`, see its ORIGIN.md).
enum SchemaBundle {
    /// The bundled `Schemas` folder, or nil when the resource bundle is missing.
    static let directory: URL? = Bundle.module.url(forResource: "Schemas", withExtension: nil)

    /// The W3C `xml.xsd` that the XLIFF schemas import.
    static let xmlSchemaPath: String? = directory?
        .appendingPathComponent("xliff-2.1/informativeCopiesOf3rdPartySchemas/w3c/xml.xsd").path

    /// A bundled file standing in for a schema URL on the network, if there is one.
    static func localCopy(ofNetworkURL url: String) -> String? {
        switch url {
        case "http://www.w3.org/2001/xml.xsd", "https://www.w3.org/2001/xml.xsd": return xmlSchemaPath
        default: return nil
        }
    }

    /// A bundled file standing in for a schema a bundled schema imports but its folder lacks:
    /// the 2.2 `itsm.xsd` imports `xliff_core_2.0.xsd`, which only the 2.1 folder has.
    static func substitute(forMissingLocalPath path: String) -> String? {
        guard path.hasSuffix("/xliff-2.2/xliff_core_2.0.xsd"), let directory,
              path.hasPrefix(directory.path), !FileManager.default.fileExists(atPath: path) else { return nil }
        return self.path("xliff-2.1/xliff_core_2.0.xsd")
    }

    static func path(_ relative: String) -> String? {
        directory?.appendingPathComponent(relative).path
    }
}
