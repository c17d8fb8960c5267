import Foundation

/// Fresh, uniquely named folders under the system temporary directory, one per test, so tests
/// running in parallel never see each other's files.
public enum TemporaryDirectory {
    /// Creates an empty folder named `<prefix>-<UUID>`.
    public static func make(_ prefix: String = "l10n-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
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
