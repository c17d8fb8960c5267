import Foundation

/// Paths in a project: written relative to the project folder (so reports, records and messages
/// never contain a machine's absolute paths) and resolved against it only for I/O.
package enum ProjectPaths {
    /// `path` against `directory` unless it is absolute.
    package static func resolve(_ path: String, in directory: String) -> String {
        path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
    }

    /// `a/./b/../c` → `a/c`; leading `..` are kept. `.` for the empty path.
    package static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    /// `path` relative to `base` when it lies below it (both project-relative), else nil.
    package static func relative(_ path: String, below base: String) -> String? {
        let path = normalize(path), base = normalize(base)
        if base == "." { return path.hasPrefix("../") ? nil : path }
        guard path.hasPrefix(base + "/") else { return nil }
        return String(path.dropFirst(base.count + 1))
    }
}
