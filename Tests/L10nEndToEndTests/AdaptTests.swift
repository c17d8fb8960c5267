import Foundation
import L10nTestSupport
import Testing

/// `l10n adapt` end to end: a small product page adapted for several markets, checked through
/// the JSON report and the written files, as a CI job would.
@Suite struct AdaptTests {
    static let page = """
        # AquaFlow XP-2000B Jet Pump

        The XP-2000B lifts water from 52 ft and costs $1,299.00. It runs on 110V/60Hz and is UL certified.
        Order by 03/04/2026 at https://example.com/xp-2000b or write to sales@example.com.

        | Spec | Value |
        |------|-------|
        | Weight | 45 lb |
        | Thread | 1-1/4" NPT |

        """

    struct Report: Decodable {
        struct Entry: Decodable {
            struct Outputs: Decodable { var document: String?; var xliff: String?; var htmlFragment: String? }
            struct Adaptation: Decodable { var segment: String; var rule: String; var kind: String; var before: String; var after: String?; var note: String }
            var source: String
            var market: String
            var sourceLanguage: String
            var targetLanguage: String
            var outputs: Outputs
            var segments: Int
            var adaptations: [Adaptation]
        }
        var documents: [Entry]
    }

    func run(_ markets: [String], extra: [String] = []) throws -> (dir: URL, report: Report, result: CLI.Result) {
        let dir = try TemporaryDirectory.make("l10n-e2e")
        try Data(Self.page.utf8).write(to: dir.appendingPathComponent("pump.md"))
        // Options before the file on purpose: a list option must not swallow the file name.
        let result = try CLI.run(["adapt"] + markets.flatMap { ["--market", $0] } + extra + ["pump.md", "--out", "out", "--report", "out/report.json"], in: dir)
        let data = try Data(contentsOf: dir.appendingPathComponent("out/report.json"))
        return (dir, try JSONDecoder().decode(Report.self, from: data), result)
    }

    /// The first number in `text`, read with the given decimal mark.
    func number(in text: String, decimal: Character) -> Double? {
        guard let match = text.firstMatch(of: /[0-9][0-9.,\u{202F}\u{00A0} ]*/) else { return nil }
        var digits = ""
        for ch in match.output where ch.isNumber || ch == decimal { digits.append(ch == decimal ? "." : ch) }
        return Double(digits)
    }

    @Test func brazilGetsMetricUnitsLocalFormatsAndAdvisories() throws {
        // `--backend none`: this test is about adaptation; MT drafts are ApertiumEndToEndTests'.
        let (dir, report, result) = try run(["br"], extra: ["--backend", "none"])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(result.status == 0, "\(result.stderr)")
        let entry = try #require(report.documents.first)
        #expect(entry.market == "br" && entry.sourceLanguage == "en-US" && entry.targetLanguage == "pt-BR")
        #expect(entry.outputs.document?.hasSuffix("pump.pt-BR.md") == true)
        #expect(entry.outputs.xliff?.hasSuffix("pump.pt-BR.xlf") == true)

        let feet = try #require(entry.adaptations.first { $0.before == "52 ft" })
        #expect(feet.kind == "unit")
        let metres = try #require(feet.after.flatMap { number(in: $0, decimal: ",") })
        #expect(abs(metres - 15.85) / 15.85 < 0.02)
        #expect(feet.after?.hasSuffix("m") == true)

        let pounds = try #require(entry.adaptations.first { $0.before == "45 lb" })
        let kilos = try #require(pounds.after.flatMap { number(in: $0, decimal: ",") })
        #expect(abs(kilos - 20.4) / 20.4 < 0.02)

        let price = try #require(entry.adaptations.first { $0.kind == "currency" })
        #expect(price.before == "$1,299.00")
        #expect(price.after?.contains("1.299,00") == true)

        let date = try #require(entry.adaptations.first { $0.kind == "date" })
        #expect(date.before == "03/04/2026" && date.after == "04/03/2026")

        #expect(entry.adaptations.contains { $0.kind == "electrical" && $0.after == nil && $0.before.contains("110") })
        #expect(entry.adaptations.contains { $0.kind == "certification" && $0.after == nil && $0.note.contains("INMETRO") })
        // The pipe thread stays in inches, everywhere.
        #expect(!entry.adaptations.contains { $0.before.contains("NPT") || $0.before.contains("1-1/4") })

        let document = try String(contentsOf: dir.appendingPathComponent("out/pump.pt-BR.md"), encoding: .utf8)
        #expect(document.contains("XP-2000B"))
        #expect(document.contains("https://example.com/xp-2000b"))
        #expect(document.contains("sales@example.com"))
        #expect(document.contains("1-1/4\" NPT"))
        #expect(!document.contains("52 ft"))
        #expect(document.contains(try #require(feet.after)))

        let xliff = try String(contentsOf: dir.appendingPathComponent("out/pump.pt-BR.xlf"), encoding: .utf8)
        #expect(xliff.contains("category=\"l10n:adaptation\""))
        #expect(!xliff.contains("<target>"), "backend none leaves targets empty")
        let validate = try CLI.run(["validate", "out/pump.pt-BR.xlf"], in: dir)
        #expect(validate.status == 0, "\(validate.stdout)")

        // The XLIFF alone rebuilds the adapted document.
        let merge = try CLI.run(["merge", "out/pump.pt-BR.xlf", "-o", "merged.md"], in: dir)
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(try String(contentsOf: dir.appendingPathComponent("merged.md"), encoding: .utf8) == document)
    }

    @Test func usMarketChangesNothingButUKGetsBritishConventions() throws {
        let (dir, report, result) = try run(["us", "uk"])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(result.status == 0, "\(result.stderr)")
        let us = try #require(report.documents.first { $0.market == "us" })
        #expect(us.adaptations.allSatisfy { $0.after == nil }, "en-US copy for the US market keeps its figures")
        let uk = try #require(report.documents.first { $0.market == "uk" })
        #expect(uk.targetLanguage == "en-GB")
        #expect(uk.adaptations.contains { $0.kind == "date" && $0.after == "04/03/2026" })
        // A same-language market gets a complete document with targets.
        let xliff = try String(contentsOf: dir.appendingPathComponent("out/pump.en-GB.xlf"), encoding: .utf8)
        #expect(xliff.contains("<target>"))
    }

    @Test func htmlFragmentCarriesLanguageAndDirection() throws {
        let (dir, report, result) = try run(["sa"], extra: ["--format", "html-fragment"])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(result.status == 0, "\(result.stderr)")
        let entry = try #require(report.documents.first)
        let path = try #require(entry.outputs.htmlFragment)
        let fragment = try String(contentsOf: dir.appendingPathComponent(path.hasPrefix("out/") ? path : "out/" + URL(fileURLWithPath: path).lastPathComponent), encoding: .utf8)
        #expect(fragment.hasPrefix("<div lang=\"\(entry.targetLanguage)\" dir=\"rtl\">"))
        #expect(fragment.contains("<table>"))
        #expect(entry.outputs.document == nil && entry.outputs.xliff == nil)
    }

    /// `--market` takes a market's language tag or region code as well as its id, and a market
    /// named twice is adapted once; `markets show` and `qa --market` take the same names.
    @Test func marketsAnswerToTheirLanguageTagsAndRegionCodes() throws {
        let dir = try TemporaryDirectory.make("l10n-e2e")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(Self.page.utf8).write(to: dir.appendingPathComponent("pump.md"))
        let run = try CLI.run(["adapt", "--market", "gb,uk", "-m", "en-GB", "--backend", "none", "--out", "out", "--report", "r.json", "pump.md"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("r.json"))) as? [String: Any]
        let documents = try #require(report?["documents"] as? [[String: Any]])
        #expect(documents.count == 1, "one market, once")
        #expect(documents.first?["market"] as? String == "uk")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out").path).sorted() == ["pump.en-GB.md", "pump.en-GB.xlf"])

        let show = try CLI.run(["markets", "show", "gb"], in: dir)
        #expect(show.status == 0 && show.stdout.contains("United Kingdom"), "\(show.stderr)")
        let qa = try CLI.run(["qa", "--market", "en-GB", "out/pump.en-GB.xlf"], in: dir)
        #expect(qa.status == 0, "\(qa.stderr)")

        let french = try CLI.run(["adapt", "--market", "fr-CH", "pump.md"], in: dir)
        #expect(french.status == 64)
        #expect(french.stderr.contains("no market 'fr-CH'; did you mean ch (de-CH)?"), "\(french.stderr)")
        #expect(try CLI.run(["markets", "show", "fr-CH"], in: dir).stderr == french.stderr)
    }

    @Test func unknownMarketAndBadMarketDataAreClearErrors() throws {
        let dir = try TemporaryDirectory.make("l10n-e2e")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(Self.page.utf8).write(to: dir.appendingPathComponent("pump.md"))
        let unknown = try CLI.run(["adapt", "--market", "xx", "pump.md"], in: dir)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("no market 'xx'"))

        let markets = dir.appendingPathComponent("markets")
        try FileManager.default.createDirectory(at: markets, withIntermediateDirectories: true)
        try Data("id: br\nname: Broken\nlanguage: pt-BR\nmeasurement: {system: metric, convert: {ft: metre}, keep: []}\n".utf8)
            .write(to: markets.appendingPathComponent("br.yaml"))
        let bad = try CLI.run(["adapt", "--market", "br", "--markets-dir", "markets", "pump.md"], in: dir)
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("br.yaml"), "\(bad.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("pump.pt-BR.md").path))
    }

    @Test func oneBadPageWritesNothingForAnyPage() throws {
        let dir = try TemporaryDirectory.make("l10n-e2e")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(Self.page.utf8).write(to: dir.appendingPathComponent("pump.md"))
        try Data([0x23, 0x20, 0xC3, 0x0A]).write(to: dir.appendingPathComponent("zbad.md"))
        let result = try CLI.run(["adapt", "--market", "de", "--market", "br", "pump.md", "zbad.md", "--out", "out", "--report", "out/r.json"], in: dir)
        #expect(result.status == 65)
        #expect(result.stderr.contains("zbad.md:1:3"), "\(result.stderr)")
        let written = (try? FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out").path)) ?? []
        #expect(written.isEmpty, "nothing may be written, found \(written)")

        // The reports are written document by document as the run goes: a run that fails on its
        // last page leaves the earlier reports as they were, and no temporary file beside them.
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("earlier report".utf8).write(to: out.appendingPathComponent("r.json"))
        try Data("earlier page".utf8).write(to: out.appendingPathComponent("r.html"))
        let again = try CLI.run(["adapt", "-m", "de", "-m", "br", "pump.md", "zbad.md", "--out", "out", "--report", "out/r.json",
                                 "--report-html", "out/r.html"], in: dir)
        #expect(again.status == 65)
        #expect(try String(contentsOf: out.appendingPathComponent("r.json"), encoding: .utf8) == "earlier report")
        #expect(try String(contentsOf: out.appendingPathComponent("r.html"), encoding: .utf8) == "earlier page")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["r.html", "r.json"])
    }

    /// The streamed reports are the whole-run ones: every page's entry in order in the JSON, and
    /// every page × market section under one summary in the review page.
    @Test func reportsWrittenPageByPageHoldEveryPage() throws {
        let dir = try TemporaryDirectory.make("l10n-e2e")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(Self.page.utf8).write(to: dir.appendingPathComponent("pump.md"))
        try Data(Self.page.replacingOccurrences(of: "pump", with: "blower").utf8).write(to: dir.appendingPathComponent("blower.md"))
        let result = try CLI.run(["adapt", "-m", "de", "-m", "br", "--backend", "none", "pump.md", "blower.md", "--out", "out",
                                  "--report", "out/r.json", "--report-html", "out/r.html"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let report = try JSONDecoder().decode(Report.self, from: Data(contentsOf: dir.appendingPathComponent("out/r.json")))
        #expect(report.documents.map { "\($0.source) \($0.market)" } == ["pump.md de", "pump.md br", "blower.md de", "blower.md br"])
        let page = try String(contentsOf: dir.appendingPathComponent("out/r.html"), encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.hasSuffix("</html>\n"))
        #expect(page.components(separatedBy: "<section").count - 1 == 4, "one section per page and market")
        #expect(page.contains("<title>l10n adapt review</title>"))
        let outputs = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out").path)
        #expect(!outputs.contains { $0.hasPrefix(".") }, "no scratch file left: \(outputs)")
    }
}
