import Foundation
@testable import L10nAdapt
import L10nCore
import L10nTestSupport
import Testing

/// The conventions data: it loads, every entry's own examples are left alone in every market
/// that keeps the entry, and broken files fail naming the file and key path.
@Suite struct ConventionsTests {
    static let catalog = Result { try MarketCatalog.load() }

    private func adapt(_ text: String, _ market: MarketProfile) -> (String, [Adaptation]) {
        let context = AdaptationContext(market: market, sourceLanguage: LanguageTag("en-US")!, targetLanguage: LanguageTag(market.language)!)
        let engine = AdaptationEngine()
        let (content, adaptations) = engine.adapt(Content(text: text), key: "t", rules: engine.rules.filter { type(of: $0).applies(to: context) }, context: context)
        return (content.plainText, adaptations)
    }

    @Test func bundledConventionsLoadAndCoverTheIndustries() throws {
        let conventions = try Conventions.load()
        let industries = Set(conventions.files.values)
        #expect(industries.count >= 12, "\(industries.sorted())")
        #expect(conventions.entries.count >= 25)
        #expect(Conventions.bundled == conventions)
        // The bundled expressions are compiled when first used; every one must compile.
        try conventions.compileAll()
        for entry in conventions.entries {
            #expect(!(entry.examples ?? []).isEmpty, "\(entry.id) has no examples")
        }
        #expect(try Self.catalog.get().market("br").conventions == conventions)
    }

    /// Every example of every entry, in every market that keeps the entry: trade sizes and codes
    /// come out exactly as written; industry units are not converted (their figures may take
    /// the market's decimal mark); entries that silence advisories get none (a cited standard
    /// keeps its certification advisory).
    @Test func everyEntryKeepsItsExamplesInEveryMarketThatKeepsIt() throws {
        let catalog = try Self.catalog.get()
        var checked = 0
        for market in catalog.sortedMarkets {
            for entry in market.conventions.entries where entry.isKept(by: market) {
                for example in entry.examples ?? [] {
                    let (output, adaptations) = adapt(example, market)
                    var kinds: Set<AdaptationKind> = entry.kind == .industryUnit ? [.unit] : [.unit, .number]
                    if entry.silencesAdvisories == true { kinds.formUnion([.electrical, .certification]) }
                    let touched = adaptations.filter { kinds.contains($0.kind) }
                    #expect(touched.isEmpty, "\(market.id) \(entry.id): \(example) → \(output) \(touched.map(\.rule))")
                    if entry.kind != .industryUnit { #expect(output == example, "\(market.id) \(entry.id): \(example) → \(output)") }
                    checked += 1
                }
            }
        }
        #expect(checked > 500)
    }

    /// The probes, and the neighbours that must still convert.
    @Test(arguments: [
        ("Housing: UL 94 V-0 rated ABS", "de", "Housing: UL 94 V-0 rated ABS"),
        ("Housing: UL 94 V-0 rated ABS", "br", "Housing: UL 94 V-0 rated ABS"),
        ("Rolls on 27.5 in wheels.", "de", "Rolls on 27.5 in wheels."),
        ("Rolls on 27.5 in wheels.", "br", "Rolls on 27.5 in wheels."),
        ("Fits 27.5 x 2.4 tyres.", "de", "Fits 27.5 x 2.4 tyres."),
        ("Tyres: 225/45 R17 94W", "uk", "Tyres: 225/45 R17 94W"),
        ("A 2-ton heat pump", "de", "A 2-ton heat pump"),
        ("Uses a 50 mm f/1.8 lens", "us", "Uses a 50 mm f/1.8 lens"),
        ("Box: 50 mm deep", "us", "Box: 2.0 in deep"),
        ("Men's US 10.5", "de", "Men's US 10.5"),
        ("A 2x4 stud (actual size 1.5\" x 3.5\")", "de", "A 2x4 stud (actual size 3,8 x 8,9 cm)"),
        ("Crank length: 172.5 mm", "de", "Crank length: 172,5 mm"),
        ("A 15.6\" laptop", "de", "A 15,6\" laptop"),
        ("Nominal 2 x 4 in lumber", "de", "Nominal 2 x 4 in lumber"),
        ("1/2\" NPT inlet, G 1/2 outlet", "de", "1/2\" NPT inlet, G 1/2 outlet"),
        ("Firmware v2.10.3, model XR-2.5", "de", "Firmware v2.10.3, model XR-2.5"),
    ])
    func probes(text: String, market: String, expected: String) throws {
        let (output, _) = adapt(text, try Self.catalog.get().market(market))
        #expect(output == expected)
    }

    /// "2 m (6.6 ft)": the page gives both; never a third figure.
    @Test(arguments: ["us", "br", "de", "uk", "jp"])
    func bothSystemsGivenNeverBecomeThree(market: String) throws {
        let profile = try Self.catalog.get().market(market)
        for text in ["Cable: 2 m (6.6 ft)", "Cable: 6.6 ft (2 m)", "Cable: 2 m (approx. 6.6 ft)", "Bottle: 16 oz (473 ml)", "Box: 24 x 16 x 10 in (61 x 41 cm)"] {
            let (output, _) = adapt(text, profile)
            let figures = output.split(whereSeparator: { !$0.isNumber && $0 != "." && $0 != "," }).count
            let written = text.split(whereSeparator: { !$0.isNumber && $0 != "." && $0 != "," }).count
            #expect(figures <= written, "\(market): \(text) → \(output)")
            #expect(!output.contains("(") || output.components(separatedBy: "(").count == text.components(separatedBy: "(").count, "\(market): \(text) → \(output)")
        }
    }

    @Test func smallLengthsReadInMillimetres() throws {
        let (output, _) = adapt("Tolerance ±0.002 in", try Self.catalog.get().market("de"))
        #expect(output == "Tolerance ±0,05 mm")
    }

    /// Broken files fail with the file and the key path.
    @Test(arguments: [
        ("industry: x\nsummary: y\nentries:\n  - id: a\n    kind: code\n    rationale: r\n    source: s\n    pattern: '('\n", "entries[0].pattern"),
        ("industry: x\nsummary: y\nentries:\n  - id: a\n    kind: code\n    rationale: r\n    source: s\n    units: [metre]\n", "entries[0].units[0]"),
        ("industry: x\nsummary: y\nentries:\n  - id: a\n    kind: name\n    rationale: r\n    source: s\n    units: [in]\n", "entries[0].kind"),
        ("industry: x\nsummary: y\nentries:\n  - id: a\n    kind: code\n    rationale: r\n    source: s\n    units: [in]\n    colour: red\n", "entries[0].colour"),
        ("industry: x\nsummary: y\nentries:\n  - id: a\n    kind: code\n    rationale: r\n    units: [in]\n", "entries[0].source"),
        ("industry: x\nsummary: y\nentries:\n  - id: a\n    kind: code\n    rationale: r\n    source: s\n    units: [in]\n    context: tv\n", "entries[0].context"),
        ("industry: x\nsummary: y\nentries:\n  - id: Wheel-size\n    kind: code\n    rationale: r\n    source: s\n    units: [in]\n", "entries[0].id"),
    ])
    func badDataNamesFileAndKeyPath(yaml: String, keyPath: String) throws {
        let folder = try TemporaryDirectory.make()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("conventions"), withIntermediateDirectories: true)
        try Data(yaml.utf8).write(to: folder.appendingPathComponent("conventions/mine.yaml"))
        let error = try #require(throws: MarketDataError.self) { try MarketCatalog.load(userDirectory: folder.path) }
        #expect(error.file.hasSuffix("conventions/mine.yaml"), "\(error)")
        #expect(error.keyPath == keyPath, "\(error)")
    }

    /// Entry ids are checked on their bytes: the same answers as `^[a-z0-9]+(-[a-z0-9]+)*$`.
    @Test func entryIdsAreHyphenatedLowerCaseWords() throws {
        let alphabet: [Character] = ["a", "z", "0", "9", "-", "A", "_", "é", " "]
        var ids = [""], layer = [""]
        for _ in 0..<4 {
            layer = layer.flatMap { id in alphabet.map { id + String($0) } }
            ids += layer
        }
        let expression = try NSRegularExpression(pattern: "^[a-z0-9]+(-[a-z0-9]+)*$")
        for id in ids {
            let matches = expression.firstMatch(in: id, range: NSRange(id.startIndex..., in: id)) != nil
            #expect(Conventions.isHyphenatedWords(id) == matches, "\(id)")
        }
        #expect(Conventions.isHyphenatedWords("bicycle-wheel-size"))
    }

    /// Blank rationales and cue words are found as `trimmingCharacters(in: .whitespaces)` finds them.
    @Test func blankMeansWhatFoundationsWhitespaceTrimmingSays() {
        let pieces = ["", " ", "\t", "\u{A0}", "\u{2003}", "\u{3000}", "\n", "\r", "\u{200B}", "\u{FEFF}", "a", "é", "\u{301}"]
        for a in pieces { for b in pieces { for c in pieces {
            let text = a + b + c
            #expect(Conventions.isBlank(text) == text.trimmingCharacters(in: .whitespaces).isEmpty, "\(text.unicodeScalars.map(\.value))")
        } } }
    }

    /// Conventions are read with a resolver that knows only strings and null: numbers still
    /// decode as numbers, `~` and `null` as absent, and words YAML's default would read as
    /// booleans or numbers (`yes`, `on`, `0x10`) stay the words they are.
    @Test func scalarsDecodeAsWrittenWithoutTheDefaultResolver() throws {
        let yaml = "industry: x\nsummary: y\nentries:\n  - id: a\n    kind: trade-size\n    rationale: r\n    source: s\n    units: [in]\n    after: [yes, on, 0x10]\n    gap: 3\n    within: ~\n    topic: null\n"
        let entries = try Conventions.decode(Data(yaml.utf8), file: "mine.yaml")
        let entry = try #require(entries.first)
        #expect(entry.gap == 3)
        #expect(entry.within == nil)
        #expect(entry.topic == nil)
        #expect(entry.after == ["yes", "on", "0x10"])
    }

    /// A user's file with a bundled file's name replaces it: here, bicycle wheels convert.
    @Test func userFolderOverridesABundledFile() throws {
        let folder = try TemporaryDirectory.make()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("conventions"), withIntermediateDirectories: true)
        let yaml = "industry: bicycles\nsummary: none\nentries:\n  - id: rim-tape\n    kind: trade-size\n    rationale: r\n    source: s\n    units: [in]\n    after: [rim tape]\n    examples: [\"1 in rim tape\"]\n"
        try Data(yaml.utf8).write(to: folder.appendingPathComponent("conventions/bicycles.yaml"))
        let catalog = try MarketCatalog.load(userDirectory: folder.path)
        #expect(catalog.conventions.entry("bicycle-wheel-size") == nil)
        #expect(catalog.conventions.entry("rim-tape") != nil)
        let de = try catalog.market("de")
        #expect(adapt("Rolls on 29 in wheels.", de).0 == "Rolls on 74 cm wheels.")
        #expect(adapt("1 in rim tape", de).0 == "1 in rim tape")
    }
}
