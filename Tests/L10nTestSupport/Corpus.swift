import Foundation

/// The Markdown and HTML files in `corpora/`. Listing never throws (it feeds `@Test(arguments:)`),
/// so every test that loops over it must also assert it is not empty: an empty list would
/// otherwise pass without checking anything.
public enum Corpus {
    static let extensions: Set<String> = ["md", "html", "htm"]

    /// Every Markdown/HTML file in `corpora/`, README.md included (it is a fine round-trip
    /// input), sorted by name; expected outputs (`*.expected.*`) left out.
    public static func files() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: PackagePaths.corpora.path)) ?? []
        return names.filter { extensions.contains(URL(fileURLWithPath: $0).pathExtension) && !$0.contains(".expected.") }.sorted()
    }

    /// The product pages: ``files()`` without `README.md`.
    public static func pages() -> [String] { files().filter { $0 != "README.md" } }

    /// The file `name` in `corpora/`.
    public static func url(_ name: String) -> URL { PackagePaths.corpora.appendingPathComponent(name) }

    /// Copies `names` from `corpora/` into `folder`, so a run can use short relative paths
    /// (and its outputs do not depend on where the test ran).
    public static func copy(_ names: [String], into folder: URL) throws {
        for name in names { try FileManager.default.copyItem(at: url(name), to: folder.appendingPathComponent(name)) }
    }
}
