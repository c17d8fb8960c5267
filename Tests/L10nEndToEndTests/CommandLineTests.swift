import Foundation
import L10nTestSupport
import Testing

@Suite struct CommandLineTests {
    @Test(arguments: ["", "extract", "merge", "pseudo", "validate", "segment"])
    func helpReadsWell(_ command: String) throws {
        let result = try CLI.run(command.isEmpty ? ["--help"] : [command, "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE:"))
        #expect(result.stdout.contains("OVERVIEW:"))
    }

    @Test func extractThenMergeTranslatedXLIFFBesideTheInput() throws {
        let dir = try TemporaryDirectory.make("l10n-e2e")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("# Pump\n\nThe **XP-2000B** pump moves water. See https://example.com/pump.\n".utf8)
            .write(to: dir.appendingPathComponent("pump.md"))
        let extract = try CLI.run(["extract", "pump.md", "--target-language", "de-DE"], in: dir)
        #expect(extract.status == 0, "\(extract.stderr)")
        let xliffURL = dir.appendingPathComponent("pump.de-DE.xlf")
        var xliff = try String(contentsOf: xliffURL, encoding: .utf8)
        #expect(xliff.contains("srcLang=\"en-US\"") && xliff.contains("trgLang=\"de-DE\""))
        #expect(!xliff.contains("See https://"), "URLs must be protected, not translatable text")
        #expect(xliff.contains("subType=\"l10n:url\""))
        // A translator translates the heading.
        xliff = xliff.replacingOccurrences(of: "<source>Pump</source>", with: "<source>Pump</source><target>Pumpe</target>")
        try Data(xliff.utf8).write(to: xliffURL)
        let merge = try CLI.run(["merge", "pump.de-DE.xlf"], in: dir)
        #expect(merge.status == 0, "\(merge.stderr)")
        let merged = try String(contentsOf: dir.appendingPathComponent("pump.de-DE.md"), encoding: .utf8)
        #expect(merged == "# Pumpe\n\nThe **XP-2000B** pump moves water. See https://example.com/pump.\n")
    }

    @Test func segmentSplitsSentencesButNotAfterAbbreviations() throws {
        let dir = try TemporaryDirectory.make("l10n-e2e")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("Approx. 5 ft tall. Ask Dr. Lee about it. Done!\n".utf8).write(to: dir.appendingPathComponent("a.md"))
        let result = try CLI.run(["segment", "a.md", "--language", "en"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map { String($0.split(separator: "\t").last ?? "") }
        #expect(lines == ["Approx. 5 ft tall.", "Ask Dr. Lee about it.", "Done!"])
    }

    @Test func validateReportsTheBrokenRuleAndExits1() throws {
        let dir = try TemporaryDirectory.make("l10n-e2e")
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = """
            <?xml version="1.0"?>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en">
             <file id="f1"><unit id="u1"><segment><source>a</source></segment></unit>
             <unit id="u1"><segment><source>b</source></segment></unit></file>
            </xliff>
            """
        try Data(bad.utf8).write(to: dir.appendingPathComponent("dup.xlf"))
        let result = try CLI.run(["validate", "dup.xlf"], in: dir)
        #expect(result.status == 1)
        #expect(result.stdout.contains("dup.xlf:4"), "\(result.stdout)")
    }
}
