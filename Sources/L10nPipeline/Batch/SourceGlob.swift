import Foundation

/// Glob patterns over `/`-separated relative paths: `*` and `?` within one path segment, `**`
/// for any number of segments (`corpora/**/*.md` matches `corpora/a.md` and `corpora/x/y/a.md`).
/// Matching is on whole paths, case-sensitive, like git's pathspecs.
package struct SourceGlob: Hashable, Sendable {
    private let segments: [Substring]
    package let pattern: String

    package init(_ pattern: String) {
        self.pattern = pattern
        var trimmed = Substring(pattern)
        while trimmed.hasPrefix("./") { trimmed = trimmed.dropFirst(2) }
        segments = trimmed.split(separator: "/", omittingEmptySubsequences: true)
    }

    /// The folder below which every match lies (`corpora` for `corpora/**/*.md`): where to
    /// start walking the tree.
    package var base: String {
        segments.prefix { !$0.contains(where: { $0 == "*" || $0 == "?" }) }.joined(separator: "/")
    }

    package func matches(_ path: String) -> Bool {
        Self.match(segments[...], path.split(separator: "/", omittingEmptySubsequences: true)[...])
    }

    private static func match(_ pattern: ArraySlice<Substring>, _ path: ArraySlice<Substring>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == "**" {
            let rest = pattern.dropFirst()
            for skip in 0...path.count where match(rest, path.dropFirst(skip)) { return true }
            return false
        }
        guard let segment = path.first, matchSegment(Array(first.unicodeScalars)[...], Array(segment.unicodeScalars)[...]) else { return false }
        return match(pattern.dropFirst(), path.dropFirst())
    }

    private static func matchSegment(_ p: ArraySlice<Unicode.Scalar>, _ s: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let c = p.first else { return s.isEmpty }
        switch c {
        case "*":
            for skip in 0...s.count where matchSegment(p.dropFirst(), s.dropFirst(skip)) { return true }
            return false
        case "?":
            return !s.isEmpty && matchSegment(p.dropFirst(), s.dropFirst())
        default:
            return s.first == c && matchSegment(p.dropFirst(), s.dropFirst())
        }
    }

    /// Every file below `directory` (relative to it, `/`-separated, sorted by code point so the
    /// order never depends on the file system) that an `include` glob matches and no `exclude`
    /// glob does. Hidden files and folders (`.git`, `.l10n`) are skipped.
    package static func files(in directory: String, include: [SourceGlob], exclude: [SourceGlob]) -> [String] {
        var found = Set<String>()
        let fm = FileManager.default
        for base in Set(include.map(\.base)) {
            let start = base.isEmpty ? directory : (directory as NSString).appendingPathComponent(base)
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: start, isDirectory: &isDirectory) else { continue }
            if !isDirectory.boolValue {
                found.insert(base)
                continue
            }
            guard let walker = fm.enumerator(atPath: start) else { continue }
            while let entry = walker.nextObject() as? String {
                if (entry as NSString).lastPathComponent.hasPrefix(".") {
                    walker.skipDescendants()
                    continue
                }
                let relative = base.isEmpty ? entry : base + "/" + entry
                var isDir: ObjCBool = false
                guard fm.fileExists(atPath: (directory as NSString).appendingPathComponent(relative), isDirectory: &isDir), !isDir.boolValue else { continue }
                found.insert(relative)
            }
        }
        return found.filter { path in include.contains { $0.matches(path) } && !exclude.contains { $0.matches(path) } }
            .sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
    }
}
