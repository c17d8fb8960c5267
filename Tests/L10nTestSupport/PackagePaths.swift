import Foundation

/// Folders of the checkout the tests run from, found from this file's path so no test depends
/// on the working directory `swift test` was started in.
public enum PackagePaths {
    /// The package root (the folder holding `Package.swift`).
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `corpora/`: the product pages every end-to-end and round-trip test runs on.
    public static var corpora: URL { root.appendingPathComponent("corpora") }

    /// The bundled market files in the source tree, for tests that read them one by one.
    public static var markets: URL { root.appendingPathComponent("Sources/L10nAdapt/Resources/Markets") }

    /// A path under the package root, e.g. `Sources/L10nAdapt/Resources/Spelling`.
    public static func url(_ relativePath: String) -> URL { root.appendingPathComponent(relativePath) }
}
