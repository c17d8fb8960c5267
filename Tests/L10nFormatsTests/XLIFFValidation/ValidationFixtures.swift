import Foundation

/// l10n's own validator fixtures under `Fixtures/xliff-validation`, each named for the case it proves.
enum ValidationFixtures {
    static let root: URL = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
        .appendingPathComponent("xliff-validation")

    static func data(_ relativePath: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent(relativePath))
    }
}
