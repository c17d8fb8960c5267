import Foundation

/// Fixture files a test target owns and copies into its bundle (`resources: [.copy("Fixtures")]`).
/// The target passes its own `Bundle.module`, since only it can name that bundle; lookups throw
/// an error naming the missing path rather than handing a test nothing to check.
public struct FixtureFolder: Sendable {
    /// The fixtures folder inside the bundle; nil when the bundle has no resources.
    public let root: URL?

    /// The `subdirectory` (normally `Fixtures`) of `bundle`'s resources.
    public init(bundle: Bundle, subdirectory: String = "Fixtures") {
        root = bundle.resourceURL?.appendingPathComponent(subdirectory)
    }

    public init(root: URL) { self.root = root }

    /// The file or folder at `path` (relative to the fixtures folder); throws when it is not there.
    public func url(_ path: String) throws -> URL {
        guard let root else { throw TestSupportError("the test bundle has no resources (looking for fixture \(path))") }
        let url = path.isEmpty ? root : root.appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path) else { throw TestSupportError("missing fixture \(path) (looked at \(url.path))") }
        return url
    }

    public func data(_ path: String) throws -> Data { try Data(contentsOf: url(path)) }

    public func text(_ path: String) throws -> String { try String(contentsOf: url(path), encoding: .utf8) }

    /// The files directly in `folder` whose extension is `ext`, sorted by name; throws when the
    /// folder is missing or holds none, so a loop over them always has something to check.
    public func files(in folder: String, withExtension ext: String) throws -> [URL] {
        let dir = try url(folder)
        let files = try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == ext }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        guard !files.isEmpty else { throw TestSupportError("no .\(ext) fixtures in \(dir.path)") }
        return files
    }
}
