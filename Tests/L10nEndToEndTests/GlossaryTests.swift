import Foundation
import L10nTestSupport
import Testing

/// Glossaries end to end: `glossary import`/`lookup`/`list` on a memory, and `extract`/`adapt
/// --glossary` writing XLIFF whose glossary entries the validator accepts (2.1, 2.2: the
/// Glossary module; 1.2: notes) while merge still gives back every byte.
@Suite struct GlossaryTests {
    static let page = "water-pump-aquaflow-xp2000b.md"

    static let csv = """
        term,language,target term,part of speech,status,note
        impeller,de,Laufrad,noun,preferred,
        stainless steel,de,Edelstahl,noun,preferred,
        stainless steel,de,rostfreier Stahl,noun,forbidden,Not in our copy
        AquaFlow,*,,proper noun,do-not-translate,Brand
        pump,de,Pumpe,noun,preferred,
        housing,de,Gehäuse,noun,admitted,
        broken row,de
        """

    static let fixtures = PackagePaths.url("Tests/L10nGlossaryTests/Fixtures")

    /// Runs `arguments` in `dir`, which must succeed and write the XLIFF at `xliff` (relative to
    /// `dir`); `l10n validate` must accept it. Returns its text and the command's result.
    @discardableResult
    func runWritingValidXLIFF(_ arguments: [String], in dir: URL, xliff: String) throws -> (xliff: String, run: CLI.Result) {
        let run = try CLI.run(arguments, in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let url = dir.appendingPathComponent(xliff)
        let text = try String(contentsOf: url, encoding: .utf8)
        let validate = try CLI.run(["validate", url.path], in: dir)
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        return (text, run)
    }

    func folder() throws -> URL {
        let dir = try TemporaryDirectory.make("l10n-glossary-e2e")
        try Data(Self.csv.utf8).write(to: dir.appendingPathComponent("pumps.csv"))
        try Corpus.copy([Self.page], into: dir)
        return dir
    }

    @Test func importLookupAndListThroughTheCLI() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tbx = Self.fixtures.appendingPathComponent("pumps-dct.tbx").path
        let imported = try CLI.run(["glossary", "import", "--tm", "tm.sqlite", "pumps.csv", tbx], in: dir)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("pumps.csv: 6 read, 6 added, 0 updated, 1 skipped"), "\(imported.stdout)")
        #expect(imported.stderr.contains("pumps.csv:8: skipped:"), "\(imported.stderr)")
        #expect(imported.stderr.contains("pumps-dct.tbx:42: skipped:"), "\(imported.stderr)")

        let lookup = try CLI.run(["glossary", "lookup", "--tm", "tm.sqlite", "-t", "de-DE", "--format", "json",
                                  "Two AquaFlow pump housings in stainless steel"], in: dir)
        #expect(lookup.status == 0, "\(lookup.stderr)")
        struct Found: Decodable {
            struct Entry: Decodable { var targetTerm: String?; var status: String }
            var text: String
            var entries: [Entry]
        }
        let found = try JSONDecoder().decode([Found].self, from: Data(lookup.stdout.utf8))
        #expect(found.map(\.text) == ["AquaFlow", "pump housings", "stainless steel"])
        #expect(Set(found[1].entries.compactMap(\.targetTerm)) == ["Pumpengehäuse", "Pumpenmantel"])
        #expect(found[2].entries.map(\.status) == ["preferred", "forbidden"])

        let list = try CLI.run(["glossary", "list", "--tm", "tm.sqlite", "-t", "pt-BR"], in: dir)
        #expect(list.status == 0, "\(list.stderr)")
        let lines = list.stdout.split(separator: "\n")
        // Only the entries for every language hold for pt-BR here.
        #expect(lines.count == 2 && lines.allSatisfy { $0.contains("do-not-translate") }, "\(list.stdout)")
    }

    @Test func badGlossariesFailWithTheirExitCodeAndLine() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("pump,de,Pumpe\n".utf8).write(to: dir.appendingPathComponent("headless.csv"))
        let bad = try CLI.run(["glossary", "import", "--tm", "tm.sqlite", "headless.csv"], in: dir)
        #expect(bad.status == 65, "\(bad.stderr)")
        #expect(bad.stderr.contains("headless.csv:1:"), "\(bad.stderr)")
        let missing = try CLI.run(["extract", "-t", "de", "--glossary", "no-such-industry", Self.page], in: dir)
        #expect(missing.status == 66, "\(missing.stderr)")
        #expect(missing.stderr.contains("no-such-industry"), "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("water-pump-aquaflow-xp2000b.de.xlf").path))
    }

    @Test(arguments: ["2.1", "2.2", "1.2"]) func extractedGlossaryEntriesValidateAndMergeGivesBackEveryByte(version: String) throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = "out/water-pump-aquaflow-xp2000b.de-DE.xlf"
        let (xliff, extract) = try runWritingValidXLIFF(["extract", "-t", "de-DE", "--xliff-version", version, "--glossary", "pumps.csv", "-o", "out/", Self.page],
                                                        in: dir, xliff: path)
        #expect(extract.stderr.contains("pumps.csv:8: skipped:"), "\(extract.stderr)")
        if version == "1.2" {
            #expect(xliff.contains(#"<note from="l10n:glossary" annotates="source">impeller → Laufrad"#), "\(xliff.prefix(3000))")
            #expect(xliff.contains("FORBIDDEN: do not translate 'stainless steel' as 'rostfreier Stahl'"))
        } else {
            #expect(xliff.contains(#"<gls:glossary xmlns:gls="urn:oasis:names:tc:xliff:glossary:2.0" xmlns:l10n="urn:x-l10n:glossary:1">"#))
            #expect(xliff.contains(##"l10n:status="forbidden">"##) && xliff.contains(##"l10n:status="do-not-translate">"##))
            #expect(xliff.contains(#"<gls:term source="pumps.csv">impeller</gls:term>"#))
            #expect(xliff.contains("<gls:translation>Laufrad</gls:translation>"))
            #expect(xliff.contains("<gls:translation>AquaFlow</gls:translation>"))
            #expect(xliff.contains("DO NOT TRANSLATE"))
            #expect(xliff.contains("<gls:definition>FORBIDDEN: do not translate 'stainless steel' as 'rostfreier Stahl' (noun). Not in our copy</gls:definition>"))
            #expect(!xliff.contains("<gls:translation>rostfreier Stahl</gls:translation>"), "a forbidden term is never offered as a translation")
            #expect(xliff.contains(##"<gls:glossEntry ref="#s"##))
        }
        let merge = try CLI.run(["merge", "-o", "merged/", path], in: dir)
        #expect(merge.status == 0, "\(merge.stderr)")
        let merged = try Data(contentsOf: dir.appendingPathComponent("merged/water-pump-aquaflow-xp2000b.de-DE.md"))
        #expect(merged == (try Data(contentsOf: Corpus.url(Self.page))))
    }

    @Test func adaptCarriesTheTermsIntoTheMarketsXLIFF() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (xliff, _) = try runWritingValidXLIFF(["adapt", "--market", "de", "--backend", "none", "--glossary", "pumps.csv", "--out", "run", Self.page],
                                                  in: dir, xliff: "run/water-pump-aquaflow-xp2000b.de-DE.xlf")
        #expect(xliff.components(separatedBy: "<gls:glossEntry").count > 5)
        #expect(xliff.contains("<gls:translation>Edelstahl</gls:translation>"))
    }
}

extension GlossaryTests {
    /// `qa --glossary`: a "translation" that copied the English source misses the German terms
    /// but keeps the do-not-translate brand; `qa --list` shows the check.
    @Test func qaWithAGlossaryReportsMissingTerms() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let extract = try CLI.run(["extract", "-t", "de-DE", "-o", "out/", Self.page], in: dir)
        #expect(extract.status == 0, "\(extract.stderr)")
        let xlf = dir.appendingPathComponent("out/water-pump-aquaflow-xp2000b.de-DE.xlf")
        try XLIFFTargetFiller.fill(Data(contentsOf: xlf)).write(to: xlf)
        let qa = try CLI.run(["qa", "--glossary", "pumps.csv", "--format", "json", xlf.path], in: dir)
        #expect(qa.stdout.contains("glossary.compliance"), "\(qa.stdout.prefix(2000))")
        #expect(qa.stdout.contains(#"\"impeller\" should be translated as \"Laufrad\" (glossary)"#), "\(qa.stdout.prefix(2000))")
        #expect(!qa.stdout.contains("(do not translate)"), "the copied brand name is kept exactly")
        let without = try CLI.run(["qa", "--format", "json", xlf.path], in: dir)
        #expect(!without.stdout.contains("glossary.compliance"), "extracted without --glossary: no terms in the file")
        let list = try CLI.run(["qa", "--list"], in: dir)
        #expect(list.stdout.contains("glossary.compliance"))
    }
}

extension GlossaryTests {
    /// A file extracted with `--glossary` carries its terms (XLIFF 2 `<gls:glossary>`, forbidden
    /// translations in `<l10n:forbidden>`): `qa` checks them without the glossary file.
    @Test func qaReadsTheTermsTheFileCarries() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (text, _) = try runWritingValidXLIFF(["extract", "-t", "de-DE", "--glossary", "pumps.csv", "-o", "out/", Self.page],
                                                 in: dir, xliff: "out/water-pump-aquaflow-xp2000b.de-DE.xlf")
        #expect(text.contains("<l10n:forbidden>rostfreier Stahl</l10n:forbidden>"), "\(text.prefix(3000))")
        #expect(!text.contains("<gls:translation>rostfreier Stahl</gls:translation>"))
        let xlf = dir.appendingPathComponent("out/water-pump-aquaflow-xp2000b.de-DE.xlf")
        // A "translation" that copies the source and uses the forbidden term once.
        var filled = String(decoding: try XLIFFTargetFiller.fill(Data(contentsOf: xlf)), as: UTF8.self)
        let copied = "stainless steel"
        // Its last occurrence is in the target (a unit's target follows its source and glossary).
        let target = try #require(filled.range(of: copied, options: .backwards))
        filled.replaceSubrange(target, with: "rostfreier Stahl")
        try Data(filled.utf8).write(to: xlf)
        try FileManager.default.removeItem(at: dir.appendingPathComponent("pumps.csv"))

        let carried = try CLI.run(["qa", "--format", "json", xlf.path], in: dir)
        #expect(carried.stdout.contains(#"\"impeller\" should be translated as \"Laufrad\" (glossary)"#), "\(carried.stdout.prefix(2000))")
        #expect(carried.stdout.contains(#"\"rostfreier Stahl\" is a forbidden translation of \"stainless steel\" (glossary)"#), "\(carried.stdout.prefix(3000))")
        #expect(!carried.stdout.contains("(do not translate)"), "the copied brand name is kept exactly")
    }

    /// `--glossary INDUSTRY` reads the glossary bundled from the repository's `glossaries/`, from
    /// a folder that has no such file: the industry's terms and the do-not-translate marks.
    @Test func bundledIndustriesWorkFromAnyFolder() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let shipped = try FileManager.default.contentsOfDirectory(atPath: PackagePaths.url("glossaries").path)
        try #require(shipped.contains("pumps-valves.csv") && shipped.contains("do-not-translate.csv"), "\(shipped)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("pumps-valves").path))
        let (xliff, _) = try runWritingValidXLIFF(["extract", "-t", "de-DE", "--glossary", "pumps-valves", "--glossary", "do-not-translate", "-o", "out/", Self.page],
                                                  in: dir, xliff: "out/water-pump-aquaflow-xp2000b.de-DE.xlf")
        // The title says "Jet Pump", the copy "jet pump": each unit names the term as it wrote it.
        #expect(xliff.contains(#"<gls:term source="pumps-valves.csv">Jet Pump</gls:term>"#), "\(xliff.prefix(4000))")
        #expect(xliff.contains(#"<gls:term source="pumps-valves.csv">jet pump</gls:term>"#))
        #expect(xliff.contains("<gls:translation>Jetpumpe</gls:translation>"))
        #expect(xliff.contains(#"<gls:term source="do-not-translate.csv">UL</gls:term>"#))
    }
}

extension GlossaryTests {
    /// `glossaries:` in l10n.yaml: the terms reach every market's XLIFF, skipped rows are said,
    /// and an edited glossary makes the pages out of date (its content is in the fingerprint).
    @Test func batchProjectsNameTheirGlossaries() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let yaml = """
            version: 1
            source:
              include: ["*.md"]
            markets: [de]
            output:
              xliff: "out/{market}/{stem}.xlf"
            translation:
              backend: none
            glossaries: [pumps.csv, do-not-translate]
            qa:
              failOn: never
            """
        try Data(yaml.utf8).write(to: dir.appendingPathComponent("l10n.yaml"))
        let run = try CLI.run(["batch", "--quiet"], in: dir, environment: ["CI": "true"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("pumps.csv:8: skipped:"), "\(run.stderr)")
        let xliff = try String(contentsOf: dir.appendingPathComponent("out/de/water-pump-aquaflow-xp2000b.xlf"), encoding: .utf8)
        #expect(xliff.contains(#"<gls:term source="pumps.csv">impeller</gls:term>"#))
        #expect(xliff.contains(#"<gls:term source="do-not-translate.csv">UL</gls:term>"#))
        #expect(try CLI.run(["batch", "--check"], in: dir, environment: ["CI": "true"]).status == 0)

        try Data(Self.csv.replacingOccurrences(of: "Laufrad", with: "Flügelrad").utf8).write(to: dir.appendingPathComponent("pumps.csv"))
        let check = try CLI.run(["batch", "--check"], in: dir, environment: ["CI": "true"])
        #expect(check.status == 1, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("out of date: water-pump-aquaflow-xp2000b.md"), "\(check.stdout)")
    }
}

extension GlossaryTests {
    /// `glossary import INDUSTRY` indexes a bundled glossary; importing it again changes nothing
    /// (JSON summary), and `tm stats` counts the entries.
    @Test func importingABundledIndustryByName() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        struct Summary: Decodable { var file: String; var read: Int; var added: Int; var updated: Int; var removed: Int? }
        let first = try CLI.run(["glossary", "import", "--tm", "tm.sqlite", "--format", "json", "do-not-translate"], in: dir)
        #expect(first.status == 0, "\(first.stderr)")
        let summary = try #require(try JSONDecoder().decode([Summary].self, from: Data(first.stdout.utf8)).first)
        #expect(summary.file == "do-not-translate" && summary.read > 50 && summary.added == summary.read && summary.removed == 0)
        let again = try #require(try JSONDecoder().decode([Summary].self, from: Data(try CLI.run(
            ["glossary", "import", "--tm", "tm.sqlite", "--format", "json", "do-not-translate"], in: dir).stdout.utf8)).first)
        #expect((again.added, again.updated, again.removed) == (0, summary.read, 0))
        struct Stats: Decodable { var glossaryEntries: Int }
        let stats = try JSONDecoder().decode(Stats.self, from: Data(try CLI.run(["tm", "stats", "--tm", "tm.sqlite", "--format", "json"], in: dir).stdout.utf8))
        #expect(stats.glossaryEntries == summary.read)
    }
}
