import Foundation
import L10nAdapt
import L10nCore
import L10nFormats
import Yams

/// A project file (`l10n.yaml`): everything `l10n batch` needs to bring a catalogue up to date
/// for every market, so that CI runs one command with no flags. Paths in it are relative to the
/// folder the file is in. See the annotated `l10n.yaml` at the repository root.
///
/// Decoding names the file and key of any mistake, and a misspelt key is an error rather than a
/// silently ignored setting.
public struct ProjectConfiguration: Hashable, Sendable, Codable {
    public var version: Int
    public var source: Source
    public var markets: [String]
    public var output: Output
    public var translation: Translation
    /// A translation memory: an SQLite file or a `postgres://` URL. It holds the translations
    /// people made (used first) and every machine translation (so a sentence is paid for once).
    public var memory: String?
    public var adaptation: AdaptationSettings
    /// Glossaries (TBX or CSV files, relative to the project folder, or bundled industries such
    /// as `pumps-valves`): their terms travel in the XLIFF and `glossary.compliance` checks them.
    public var glossaries: [String]
    public var qa: QASettings
    public var reports: Reports
    public var site: Site?
    /// Where the record of the last run is kept (one small JSON file per source): what makes a
    /// run incremental and `--check` possible. Commit it with the outputs.
    public var state: String

    public struct Source: Hashable, Sendable, Codable {
        /// The language of the source pages (BCP 47).
        public var language: String
        /// Folder that `{path}` and `{dir}` in output patterns are relative to.
        public var root: String
        /// Glob patterns (`*`, `?`, `**`) of the pages to localize, relative to the project folder.
        public var include: [String]
        public var exclude: [String]
    }

    public struct Output: Hashable, Sendable, Codable {
        /// Pattern of the localized document (same format as its source); nil = not written.
        public var document: String?
        /// Pattern of the XLIFF for translators; nil = not written.
        public var xliff: String?
        /// Pattern of the HTML fragment (Markdown rendered for a CMS); nil = not written.
        public var htmlFragment: String?
        public var xliffVersion: String
        /// Untranslated segments get a copy of their source as target, state `initial` (OmegaT).
        public var prefillTargets: Bool
    }

    public struct Translation: Hashable, Sendable, Codable {
        /// A backend id (`l10n backends list`); nil = automatic (an online engine whose key is
        /// set, else Apertium where it has the pair, else none).
        public var backend: String?
        /// Backend options (`url`, `model`…); never keys: those come from the environment.
        public var options: [String: String]
        /// The environment variable holding the API key, when not the backend's own.
        public var apiKeyEnv: String?
    }

    public struct AdaptationSettings: Hashable, Sendable, Codable {
        public var keepOriginalUnits: Bool
        public var categories: [String]
        /// Exchange rates file (CSV or YAML), to convert USD prices.
        public var rates: String?
        /// A folder of market YAML files that add to or override the bundled ones.
        public var marketsDir: String?
    }

    public struct QASettings: Hashable, Sendable, Codable {
        public var enabled: Bool
        /// The lowest severity that fails the run (exit code 1): `error`, `warning`, `info`, or `never`.
        public var failOn: String
        /// Check ids to switch off.
        public var disable: [String]
        /// Severity per check id (`units.unconverted: error`).
        public var severity: [String: String]
        /// Per market id (one of `markets`): what changes for that market's targets.
        public var markets: [String: MarketQA]

        /// `qa.markets.<id>`: a market's own severities (which also turn on, for that market, a
        /// check `qa.disable` switches off) and checks switched off for it alone.
        public struct MarketQA: Hashable, Sendable, Codable {
            public var disable: [String]
            public var severity: [String: String]

            public init(disable: [String] = [], severity: [String: String] = [:]) {
                self.disable = disable
                self.severity = severity
            }
        }
    }

    /// Whole-run reports; nil = not written.
    public struct Reports: Hashable, Sendable, Codable {
        public var json: String?
        public var junit: String?
        public var sarif: String?
        public var html: String?

        package init(json: String? = nil, junit: String? = nil, sarif: String? = nil, html: String? = nil) {
            self.json = json
            self.junit = junit
            self.sarif = sarif
            self.html = html
        }
    }

    /// Settings for pages a web server serves as they are.
    public struct Site: Hashable, Sendable, Codable {
        /// The absolute URL `root` is served at (`https://shop.example.com/`).
        public var baseURL: String
        /// The folder served at `baseURL`; every page's URL is its path below it.
        public var root: String
        /// The market whose page is `x-default` (for visitors no market matches).
        public var defaultMarket: String?
        /// Where to write `sitemap.xml` (with `xhtml:link` alternates); nil = none.
        public var sitemap: String?
        /// Pattern of full HTML pages rendered from Markdown sources (title, description, lang,
        /// alternates); nil = Markdown sources give no site page.
        public var markdownPages: String?
        /// Per market, localized slugs for `{slug}`: `br: {"pumps/solar-pump": "bomba-solar"}`
        /// (keys: source path below `source.root` without extension).
        public var slugs: [String: [String: String]]
    }

    public static let fileName = "l10n.yaml"
    public static let currentVersion = 1
}

extension ProjectConfiguration {
    /// Reads a project file; `file` is how messages name it.
    public static func decode(_ data: Data, file: String) throws -> ProjectConfiguration {
        guard let text = String(data: data, encoding: .utf8) else { throw ProjectConfigurationError(file: file, keyPath: "", message: "is not UTF-8 text") }
        let node: Node
        do {
            guard let parsed = try Yams.compose(yaml: text, .default, .default, .utf8) else { throw ProjectConfigurationError(file: file, keyPath: "", message: "is empty") }
            node = parsed
        } catch let error as YamlError {
            throw ProjectConfigurationError(file: file, keyPath: "", message: "is not valid YAML: \(MarketCatalog.describe(error))")
        }
        try ProjectSchema.check(node, file: file)
        let raw: RawProject
        do {
            raw = try YAMLDecoder(encoding: .utf8).decode(RawProject.self, from: node)
        } catch let error as DecodingError {
            throw ProjectConfigurationError(file: file, keyPath: MarketCatalog.keyPath(of: error), message: MarketCatalog.reason(of: error))
        }
        let configuration = raw.resolved
        try configuration.checkValues(file: file)
        return configuration
    }

    /// Values that decode but cannot work.
    func checkValues(file: String) throws {
        func fail(_ key: String, _ message: String) -> ProjectConfigurationError { ProjectConfigurationError(file: file, keyPath: key, message: message) }
        guard version == Self.currentVersion else { throw fail("version", "is \(version); this l10n reads version \(Self.currentVersion)") }
        guard LanguageTag(source.language) != nil else { throw fail("source.language", "is not a BCP 47 tag: '\(source.language)'") }
        guard !source.include.isEmpty else { throw fail("source.include", "names no files; give at least one glob") }
        guard !markets.isEmpty else { throw fail("markets", "is empty; name at least one market (`l10n markets list`)") }
        if let duplicate = Dictionary(grouping: markets, by: { $0 }).first(where: { $1.count > 1 })?.key {
            throw fail("markets", "names '\(duplicate)' twice")
        }
        guard output.document != nil || output.xliff != nil || output.htmlFragment != nil else {
            throw fail("output", "writes nothing; set output.document, output.xliff or output.htmlFragment")
        }
        for (key, pattern) in [("output.document", output.document), ("output.xliff", output.xliff), ("output.htmlFragment", output.htmlFragment),
                               ("site.markdownPages", site?.markdownPages)] {
            guard let pattern else { continue }
            do { try OutputPattern.check(pattern) } catch let problem as OutputPattern.Problem { throw fail(key, problem.message) }
            guard pattern.contains("{market}") || pattern.contains("{lang}") else {
                throw fail(key, "must contain {market} or {lang}, or every market would write the same file")
            }
        }
        guard XLIFFVersion(rawValue: output.xliffVersion) != nil else {
            throw fail("output.xliffVersion", "is '\(output.xliffVersion)'; use \(XLIFFVersion.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard ["error", "warning", "info", "never"].contains(qa.failOn) else { throw fail("qa.failOn", "is '\(qa.failOn)'; use error, warning, info or never") }
        for (id, level) in qa.severity.sorted(by: { $0.key < $1.key }) where Severity(rawValue: level) == nil {
            throw fail("qa.severity.\(id)", "is '\(level)'; use error, warning or info")
        }
        for (market, settings) in qa.markets.sorted(by: { $0.key < $1.key }) {
            guard markets.contains(market) else { throw fail("qa.markets.\(market)", "is not in markets") }
            for (id, level) in settings.severity.sorted(by: { $0.key < $1.key }) where Severity(rawValue: level) == nil {
                throw fail("qa.markets.\(market).severity.\(id)", "is '\(level)'; use error, warning or info")
            }
            if let both = settings.disable.first(where: { settings.severity[$0] != nil }) {
                throw fail("qa.markets.\(market).disable", "'\(both)' is also given a severity for this market; keep one of the two")
            }
        }
        if let site {
            guard let url = URL(string: site.baseURL), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
                throw fail("site.baseURL", "must be an absolute http(s) URL, got '\(site.baseURL)'")
            }
            if let market = site.defaultMarket, !markets.contains(market) {
                throw fail("site.defaultMarket", "is '\(market)', which is not in markets")
            }
            for market in site.slugs.keys where !markets.contains(market) {
                throw fail("site.slugs.\(market)", "is not in markets")
            }
        }
    }
}

/// The file as written: everything optional but the essentials, so `resolved` fills the
/// defaults in one place.
private struct RawProject: Decodable {
    struct Source: Decodable { var language: String?; var root: String?; var include: [String]; var exclude: [String]? }
    struct Output: Decodable { var document: String?; var xliff: String?; var htmlFragment: String?; var xliffVersion: String?; var prefillTargets: Bool? }
    struct Translation: Decodable { var backend: String?; var options: [String: String]?; var apiKeyEnv: String? }
    struct Adaptation: Decodable { var keepOriginalUnits: Bool?; var categories: [String]?; var rates: String?; var marketsDir: String? }
    struct QA: Decodable {
        struct Market: Decodable { var disable: [String]?; var severity: [String: String]? }
        var enabled: Bool?; var failOn: String?; var disable: [String]?; var severity: [String: String]?; var markets: [String: Market]?
    }
    struct Site: Decodable {
        var baseURL: String; var root: String?; var defaultMarket: String?; var sitemap: String?; var markdownPages: String?
        var slugs: [String: [String: String]]?
    }

    var version: Int
    var source: Source
    var markets: [String]
    var output: Output
    var translation: Translation?
    var memory: String?
    var adaptation: Adaptation?
    var glossaries: [String]?
    var qa: QA?
    var reports: ProjectConfiguration.Reports?
    var site: Site?
    var state: String?

    var resolved: ProjectConfiguration {
        ProjectConfiguration(
            version: version,
            source: .init(language: source.language ?? "en-US", root: source.root ?? ".", include: source.include, exclude: source.exclude ?? []),
            markets: markets,
            output: .init(document: output.document, xliff: output.xliff, htmlFragment: output.htmlFragment,
                          xliffVersion: output.xliffVersion ?? XLIFFVersion.v2_1.rawValue, prefillTargets: output.prefillTargets ?? false),
            translation: .init(backend: translation?.backend, options: translation?.options ?? [:], apiKeyEnv: translation?.apiKeyEnv),
            memory: memory,
            adaptation: .init(keepOriginalUnits: adaptation?.keepOriginalUnits ?? false, categories: adaptation?.categories ?? [],
                              rates: adaptation?.rates, marketsDir: adaptation?.marketsDir),
            glossaries: glossaries ?? [],
            qa: .init(enabled: qa?.enabled ?? true, failOn: qa?.failOn ?? "error", disable: qa?.disable ?? [], severity: qa?.severity ?? [:],
                      markets: (qa?.markets ?? [:]).mapValues { .init(disable: $0.disable ?? [], severity: $0.severity ?? [:]) }),
            reports: reports ?? .init(json: nil, junit: nil, sarif: nil, html: nil),
            site: site.map {
                .init(baseURL: $0.baseURL, root: $0.root ?? ".", defaultMarket: $0.defaultMarket, sitemap: $0.sitemap,
                      markdownPages: $0.markdownPages, slugs: $0.slugs ?? [:])
            },
            state: state ?? ".l10n/state")
    }
}

/// The keys a project file may have at each level.
private enum ProjectSchema {
    static let keys: [String: Set<String>] = [
        "": ["version", "source", "markets", "output", "translation", "memory", "adaptation", "glossaries", "qa", "reports", "site", "state"],
        "source": ["language", "root", "include", "exclude"],
        "output": ["document", "xliff", "htmlFragment", "xliffVersion", "prefillTargets"],
        "translation": ["backend", "options", "apiKeyEnv"],
        "adaptation": ["keepOriginalUnits", "categories", "rates", "marketsDir"],
        "qa": ["enabled", "failOn", "disable", "severity", "markets"],
        // Under `qa.markets.<market id>`.
        "qa.markets.*": ["disable", "severity"],
        "reports": ["json", "junit", "sarif", "html"],
        "site": ["baseURL", "root", "defaultMarket", "sitemap", "markdownPages", "slugs"],
    ]

    static func check(_ node: Node, file: String) throws {
        guard let top = node.mapping else { throw ProjectConfigurationError(file: file, keyPath: "", message: "must be a mapping of keys to values") }
        try checkKeys(top, path: "", file: file)
        for (key, value) in top {
            guard let name = key.string, keys[name] != nil, let mapping = value.mapping else { continue }
            try checkKeys(mapping, path: name, file: file)
        }
        // One level deeper: each market's QA settings.
        for (key, qa) in top where key.string == "qa" {
            for (key, markets) in qa.mapping.map(Array.init) ?? [] where key.string == "markets" {
                for (key, value) in markets.mapping.map(Array.init) ?? [] {
                    guard let market = key.string, let mapping = value.mapping else { continue }
                    try checkKeys(mapping, path: "qa.markets.\(market)", allowedAt: "qa.markets.*", file: file)
                }
            }
        }
    }

    private static func checkKeys(_ mapping: Node.Mapping, path: String, allowedAt schemaPath: String? = nil, file: String) throws {
        let allowed = keys[schemaPath ?? path] ?? []
        for (key, _) in mapping {
            let name = key.string ?? ""
            guard allowed.contains(name) else {
                throw ProjectConfigurationError(file: file, keyPath: path.isEmpty ? name : "\(path).\(name)",
                                                message: "unknown key; expected one of \(allowed.sorted().joined(separator: ", "))")
            }
        }
    }
}
