import Foundation

/// Finds the XSDs bundled with the L10nFormats target (`Schemas/`, see its ORIGIN.md).
enum SchemaBundle {
    /// The bundled `Schemas` folder, or nil when the resource bundle is missing.
    static let directory: URL? = Bundle.module.url(forResource: "Schemas", withExtension: nil)

    static func path(_ relative: String) -> String? {
        directory?.appendingPathComponent(relative).path
    }
}
