import Foundation

/// Fresh, uniquely named folders under the system temporary directory, one per test, so tests
/// running in parallel never see each other's files. Every folder made is removed when the test
/// process exits, whether or not its test removed it (a failed expectation, a time limit, a test
/// that keeps its memory file to the end): test runs leave nothing in `/tmp`.
public enum TemporaryDirectory {
    /// Creates an empty folder named `<prefix>-<UUID>`.
    public static func make(_ prefix: String = "l10n-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        Made.shared.add(url.path)
        return url
    }

    /// The folders made so far, removed at exit.
    private final class Made: @unchecked Sendable {
        // @unchecked: `paths` is only touched while holding `lock`.
        static let shared: Made = {
            let made = Made()
            atexit { Made.shared.removeAll() }
            return made
        }()

        private let lock = NSLock()
        private var paths: [String] = []

        func add(_ path: String) { lock.withLock { paths.append(path) } }

        func removeAll() {
            for path in lock.withLock({ paths }) { try? FileManager.default.removeItem(atPath: path) }
        }
    }

    /// Every regular file under `folder` by relative path, with its bytes: for comparing whole
    /// output trees.
    public static func contents(of folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
            let url = folder.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }
}
