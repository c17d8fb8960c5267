import Foundation
import L10nTestSupport

extension FixtureFolder {
    /// This target's own fixtures (`Tests/L10nGlossaryTests/Fixtures/`, copied into its bundle).
    static let local = FixtureFolder(bundle: .module)
}
