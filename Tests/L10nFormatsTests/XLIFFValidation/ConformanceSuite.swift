import Foundation
import L10nTestSupport
import Testing

/// The OASIS conformance suites copied under `Fixtures/xliff-conformance` (see ORIGIN.md there).
enum ConformanceSuite {
    struct Case: CustomTestStringConvertible, Sendable, Hashable {
        /// `xliff-21` or `xliff-22`.
        var suite: String
        /// `core/valid`, `modules/invalid`…
        var folder: String
        var name: String
        var url: URL

        var expectsValid: Bool { !folder.hasSuffix("invalid") }
        var testDescription: String { "\(suite)/\(folder)/\(name)" }
    }

    static let root: URL = FixtureFolder.local.root!.appendingPathComponent("xliff-conformance")

    static let folders = ["core/valid", "core/in-out", "core/invalid", "modules/valid", "modules/invalid"]

    /// Every `.xlf` file of `suite`'s folders whose validity matches `valid`, sorted by path.
    static func cases(valid: Bool) -> [Case] {
        var out: [Case] = []
        for suite in ["xliff-21", "xliff-22"] {
            for folder in folders where folder.hasSuffix("invalid") != valid {
                let dir = root.appendingPathComponent(suite).appendingPathComponent(folder)
                let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
                for name in names.sorted() where name.hasSuffix(".xlf") {
                    out.append(Case(suite: suite, folder: folder, name: name, url: dir.appendingPathComponent(name)))
                }
            }
        }
        return out
    }
}
