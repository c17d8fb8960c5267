import Foundation
import L10nPipeline
import L10nTestSupport
import Testing

/// The project file: defaults filled in one place, and every mistake named by file and key.
@Suite struct ProjectConfigurationTests {
    static let minimal = """
        version: 1
        source:
          include: ["pages/*.md"]
        markets: [de]
        output:
          document: "out/{market}/{path}"
        """

    func decode(_ yaml: String) throws -> ProjectConfiguration {
        try ProjectConfiguration.decode(Data(yaml.utf8), file: "l10n.yaml")
    }

    func problem(_ yaml: String) -> String? {
        do {
            _ = try decode(yaml)
            return nil
        } catch let error as ProjectConfigurationError {
            #expect(error.exitCategory == .usage)
            return error.description
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test func defaults() throws {
        let c = try decode(Self.minimal)
        #expect(c.source.language == "en-US" && c.source.root == "." && c.source.exclude.isEmpty)
        #expect(c.output.xliffVersion == "2.1" && c.output.xliff == nil)
        #expect(c.qa.enabled && c.qa.failOn == "error")
        #expect(c.state == ".l10n/state" && c.site == nil && c.memory == nil && c.translation.backend == nil)
        #expect(c.glossaries.isEmpty)
        #expect(try decode(Self.minimal + "\nglossaries: [pumps-valves, terms/ours.tbx]").glossaries == ["pumps-valves", "terms/ours.tbx"])
    }

    @Test func theShippedExampleReads() throws {
        let url = PackagePaths.root.appendingPathComponent("l10n.yaml")
        let c = try ProjectConfiguration.decode(Data(contentsOf: url), file: "l10n.yaml")
        #expect(c.markets.count >= 3)
        #expect(c.site?.sitemap != nil && c.memory != nil)
    }

    @Test(arguments: [
        (minimal + "\ncolour: blue", "l10n.yaml: colour: unknown key"),
        (minimal.replacingOccurrences(of: "  include:", with: "  includes:"), "l10n.yaml: source.includes: unknown key"),
        (minimal.replacingOccurrences(of: "version: 1", with: "version: 9"), "l10n.yaml: version: is 9"),
        (minimal.replacingOccurrences(of: "[de]", with: "[]"), "l10n.yaml: markets: is empty"),
        (minimal.replacingOccurrences(of: "[de]", with: "[de, de]"), "l10n.yaml: markets: names 'de' twice"),
        (minimal.replacingOccurrences(of: "{market}/", with: ""), "l10n.yaml: output.document: must contain {market} or {lang}"),
        (minimal.replacingOccurrences(of: "{path}", with: "{name}"), "l10n.yaml: output.document: has an unknown placeholder {name}"),
        (minimal.replacingOccurrences(of: "markets: [de]", with: "markets: de"), "l10n.yaml: markets:"),
        (minimal + "\nqa: {failOn: loud}", "l10n.yaml: qa.failOn: is 'loud'"),
        (minimal + "\nqa: {markets: {de: {colour: blue}}}", "l10n.yaml: qa.markets.de.colour: unknown key; expected one of disable, severity"),
        (minimal + "\nqa: {markets: {fr: {disable: [words.repeated]}}}", "l10n.yaml: qa.markets.fr: is not in markets"),
        (minimal + "\nqa: {markets: {de: {severity: {words.repeated: loud}}}}", "l10n.yaml: qa.markets.de.severity.words.repeated: is 'loud'"),
        (minimal + "\nqa: {markets: {de: {severity: {words.repeated: info}, disable: [words.repeated]}}}",
         "l10n.yaml: qa.markets.de.disable: 'words.repeated' is also given a severity"),
        (minimal + "\nqa: {markets: {de: [words.repeated]}}", "l10n.yaml: qa.markets.de:"),
        (minimal + "\nglossaries: pumps.csv", "l10n.yaml: glossaries:"),
        (minimal + "\nsite: {baseURL: shop.example.com}", "l10n.yaml: site.baseURL: must be an absolute http(s) URL"),
        (minimal + "\nsite: {baseURL: 'https://x.example/', defaultMarket: fr}", "l10n.yaml: site.defaultMarket: is 'fr', which is not in markets"),
        ("version: 1\nsource: [", "l10n.yaml: is not valid YAML: line"),
        ("", "l10n.yaml: is empty"),
    ])
    func mistakesAreNamed(yaml: String, expected: String) {
        let message = problem(yaml)
        #expect(message?.hasPrefix(expected) == true, "got \(message ?? "no error")")
    }

    @Test func qaSettingsPerMarket() throws {
        let c = try decode(Self.minimal.replacingOccurrences(of: "[de]", with: "[de, jp]") + """

            qa:
              disable: [spelling.unknown]
              severity: {words.repeated: error}
              markets:
                jp:
                  severity: {length.ratio: error, spelling.unknown: info}
                  disable: [punctuation.end]
            """)
        #expect(c.qa.markets == ["jp": .init(disable: ["punctuation.end"], severity: ["length.ratio": "error", "spelling.unknown": "info"])])
        var checker = QualityChecker()
        try c.qa.configure(&checker, file: "l10n.yaml")
        #expect(checker.disabled == ["spelling.unknown"] && checker.severities == ["words.repeated": .error])
        let jp = checker.settings(for: "jp")
        #expect(jp.disabled == ["punctuation.end"])
        #expect(jp.severities == ["words.repeated": .error, "length.ratio": .error, "spelling.unknown": .info])
        #expect(checker.settings(for: "de").disabled == ["spelling.unknown"])
    }

    /// Check ids are known only once the checks are: `configure` names file and key of a wrong one.
    @Test(arguments: [
        ("severity: {lenght.ratio: error}", "l10n.yaml: qa.severity.lenght.ratio: is not a check id"),
        ("disable: [nope]", "l10n.yaml: qa.disable: 'nope' is not a check id"),
        ("markets: {de: {severity: {nope: error}}}", "l10n.yaml: qa.markets.de.severity.nope: is not a check id"),
        ("markets: {de: {disable: [words.repeated, nope]}}", "l10n.yaml: qa.markets.de.disable: 'nope' is not a check id"),
    ])
    func unknownCheckIdsAreNamed(qa: String, expected: String) throws {
        let c = try decode(Self.minimal + "\nqa: {\(qa)}")
        var checker = QualityChecker()
        do {
            try c.qa.configure(&checker, file: "l10n.yaml")
            Issue.record("\(qa) was accepted")
        } catch let error as ProjectConfigurationError {
            #expect(error.description.hasPrefix(expected), "\(error.description)")
        }
    }
}
