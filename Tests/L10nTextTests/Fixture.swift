import Foundation
import Testing

/// Test fixtures copied into the test bundle (`Fixtures/`).
enum Fixture {
    static func url(_ path: String) throws -> URL {
        let base = try #require(Bundle.module.resourceURL, "test bundle has no resources")
        let url = base.appendingPathComponent("Fixtures").appendingPathComponent(path)
        #expect(FileManager.default.fileExists(atPath: url.path), "missing fixture \(path)")
        return url
    }

    static func text(_ path: String) throws -> String {
        try String(contentsOf: url(path), encoding: .utf8)
    }
}
