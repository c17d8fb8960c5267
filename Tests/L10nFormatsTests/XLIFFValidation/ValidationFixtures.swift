import Foundation
import L10nTestSupport

/// l10n's own validator fixtures under `Fixtures/xliff-validation`, each named for the case it proves.
enum ValidationFixtures {
    static func data(_ relativePath: String) throws -> Data {
        try FixtureFolder.local.data("xliff-validation/\(relativePath)")
    }
}
