import Foundation
import L10nCore

/// Opens glossaries by what a user types after `--glossary`: a file (`.csv`, `.tbx`), or the
/// name of an industry whose curated glossary ships with l10n (`glossaries/<industry>.csv` in
/// the repository, bundled as this target's resource so the binary finds it from any folder).
public struct GlossaryReader: Sendable {
    /// The language of the glossaries' source terms.
    public var sourceLanguage: LanguageTag

    public init(sourceLanguage: LanguageTag = LanguageTag("en")!) {
        self.sourceLanguage = sourceLanguage
    }

    /// Reads the glossary `nameOrPath` names: an existing file, else a bundled industry.
    public func read(_ nameOrPath: String) throws -> GlossaryFile {
        if FileManager.default.fileExists(atPath: nameOrPath) { return try read(contentsOf: URL(fileURLWithPath: nameOrPath)) }
        let looksLikePath = nameOrPath.contains("/") || nameOrPath.contains(".")
        if !looksLikePath, let url = Self.bundledURL(industry: nameOrPath) {
            var file = try read(contentsOf: url)
            file.name = nameOrPath
            return file
        }
        let known = Self.bundledIndustries()
        let hint = known.isEmpty ? "" : " (bundled industries: \(known.joined(separator: ", ")))"
        throw GlossaryError(looksLikePath ? "no such glossary file" : "no such glossary file or bundled industry\(hint)", name: nameOrPath)
    }

    /// Reads a glossary file, its format told by its extension (`.tbx`, anything else CSV).
    public func read(contentsOf url: URL) throws -> GlossaryFile {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw GlossaryError("cannot read the glossary: \(error.localizedDescription)", name: url.path)
        }
        return try read(data, file: url.path)
    }

    public func read(_ data: Data, file: String) throws -> GlossaryFile {
        if file.lowercased().hasSuffix(".tbx") || file.lowercased().hasSuffix(".xml") {
            return try TBXReader(sourceLanguage: sourceLanguage).read(data, file: file)
        }
        return try GlossaryCSVReader(sourceLanguage: sourceLanguage).read(data, file: file)
    }

    /// The folder of bundled glossaries (`glossaries/` of the repository).
    static var bundledFolder: URL { Bundle.module.bundleURL.appendingPathComponent("glossaries", isDirectory: true) }

    /// The bundled glossary of `industry` (`plumbing` → `glossaries/plumbing.csv`), if there is one.
    public static func bundledURL(industry: String) -> URL? {
        guard !industry.isEmpty, !industry.contains("/") else { return nil }
        for ext in ["csv", "tbx"] {
            let url = bundledFolder.appendingPathComponent("\(industry).\(ext)")
            if FileManager.default.fileExists(atPath: url.path) { return url }
        }
        return nil
    }

    /// The industries with a bundled glossary, sorted.
    public static func bundledIndustries() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: bundledFolder.path)) ?? []
        return names.filter { $0.hasSuffix(".csv") || $0.hasSuffix(".tbx") }.map { ($0 as NSString).deletingPathExtension }.sorted()
    }
}
