import Foundation

/// An output path pattern from a project file: `build/{market}/{dir}{stem}.{ext}`.
///
/// Placeholders: `{market}` (market id), `{lang}` (BCP 47 target language), `{path}` (the
/// source's path below `source.root`), `{dir}` (its folder with a trailing `/`, or nothing),
/// `{stem}` (file name without extension), `{slug}` (the market's slug for the page, else the
/// stem), `{ext}` (the source's extension).
package struct OutputPattern: Hashable, Sendable {
    package static let placeholders: Set<String> = ["market", "lang", "path", "dir", "stem", "slug", "ext"]

    package struct Problem: Error {
        package var message: String
    }

    /// Throws a ``Problem`` for unknown placeholders or unbalanced braces.
    package static func check(_ pattern: String) throws {
        var rest = Substring(pattern)
        while let open = rest.firstIndex(where: { $0 == "{" || $0 == "}" }) {
            guard rest[open] == "{", let close = rest[open...].firstIndex(of: "}") else {
                throw Problem(message: "has an unbalanced brace: '\(pattern)'")
            }
            let name = String(rest[rest.index(after: open)..<close])
            guard placeholders.contains(name) else {
                throw Problem(message: "has an unknown placeholder {\(name)}; use \(placeholders.sorted().map { "{\($0)}" }.joined(separator: ", "))")
            }
            rest = rest[rest.index(after: close)...]
        }
    }

    /// The values a page gives the placeholders.
    package struct Values: Sendable {
        package var market: String
        package var language: String
        /// Path below `source.root`, `/`-separated.
        package var relativePath: String
        package var slug: String?

        package init(market: String, language: String, relativePath: String, slug: String? = nil) {
            self.market = market
            self.language = language
            self.relativePath = relativePath
            self.slug = slug
        }

        /// `pumps/solar-pump` for `pumps/solar-pump.md`: how slugs are keyed.
        package var pageKey: String {
            let ext = (relativePath as NSString).pathExtension
            return ext.isEmpty ? relativePath : String(relativePath.dropLast(ext.count + 1))
        }
    }

    /// `pattern` with the placeholders filled in.
    package static func expand(_ pattern: String, _ values: Values) -> String {
        let path = values.relativePath
        let name = (path as NSString).lastPathComponent
        let ext = (name as NSString).pathExtension
        let stem = ext.isEmpty ? name : String(name.dropLast(ext.count + 1))
        let dir = String(path.dropLast(name.count))
        let substitutions: [String: String] = [
            "market": values.market, "lang": values.language, "path": path, "dir": dir, "stem": stem,
            "slug": values.slug ?? stem, "ext": ext,
        ]
        var result = ""
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            result += substitutions[name] ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
