import Foundation
import L10nPipeline
import L10nTestSupport
import Testing

/// The whole-run reports of `l10n batch`, written page by page: the same bytes as the whole-run
/// renderers, nothing left behind when a run fails, and nothing kept per page.
@Suite struct BatchReportWriterTests {
    typealias Page = (entries: [AdaptReport.Entry], xliff: [String: Data])

    static let reports = ProjectConfiguration.Reports(json: "out/reports/l10n.json", junit: "out/reports/l10n.junit.xml",
                                                      sarif: "out/reports/l10n.sarif", html: "out/reports/l10n.html")

    /// Real entries and XLIFF: the Markdown and the HTML page, each for Germany, Brazil and the
    /// UK (pseudo-translated), with findings of checks SARIF describes and of checks it does not
    /// (`units.unconverted` is a market check, `xliff.read` not a check at all, `adhoc.made-up`
    /// made up: it comes last but sorts first among them), at segments and at none, with text
    /// every report format must escape.
    static func pages() async throws -> [Page] {
        let localizer = Localizer(Localizer.Configuration(backend: PseudoBackend()))
        var pages: [Page] = []
        for source in [PipelineFixtures.markdownSource, PipelineFixtures.htmlSource] {
            let localization = try await localizer.localize(source, markets: ["de", "br", "uk"])
            var page: Page = ([], [:])
            for (m, result) in localization.results.enumerated() {
                let xliff = "out/xliff/\(result.market.id)/\(source.name).xlf"
                var entry = result.reportEntry(source: "pages/" + source.name, outputs: .init(document: "out/site/\(result.market.id)/\(source.name)", xliff: xliff))
                let segments = result.document.units.flatMap { unit in unit.segments.map { "\(unit.id)-\($0.id)" } }
                try #require(segments.count >= 2)
                let findings: [(String?, String, String, String)] = [
                    (segments[0], "punctuation.end", "warning", "The target ends without \"the\" source's full stop."),
                    (segments[1], "units.unconverted", "error", "33 ft left in </target> & <b>; path a/b\\c"),
                    (nil, "xliff.read", "info", "control \u{1} and tab\t, emoji 🚰, line\nbreak"),
                    (segments[m % segments.count], "adhoc.made-up", "warning", "l10n-sarif-rule-index \"l10n-json-array-element\""),
                    (segments.last, "spelling.unknown", "info", "Wort „Pumpe“?"),
                ]
                // Each market a different share, so files differ in tests and failures.
                entry.findings = findings.prefix(2 + m).map { AdaptReport.ReportedFinding(Finding(check: $0.1, severity: Severity(rawValue: $0.2)!, message: $0.3, segment: $0.0)) }
                page.entries.append(entry)
                let data = try #require(result.outputs.xliff, "the default outputs include the XLIFF")
                page.xliff[xliff] = data
            }
            pages.append(page)
        }
        return pages
    }

    /// What the whole-run renderers write for these pages (what `l10n batch` wrote before it streamed).
    static func expected(_ pages: [Page]) throws -> [String: Data] {
        let entries = pages.flatMap(\.entries)
        let xliff = pages.reduce(into: [String: Data]()) { $0.merge($1.xliff) { a, _ in a } }
        let files = entries.map { entry in
            BatchReportWriter.qaFile(entry, xliff: entry.outputs.xliff.flatMap { xliff[$0] }, withDocuments: true)
        }
        return ["out/reports/l10n.json": try AdaptReport(documents: entries).encoded(),
                "out/reports/l10n.junit.xml": QAReportFormat.junit.render(files),
                "out/reports/l10n.sarif": QAReportFormat.sarif.render(files),
                "out/reports/l10n.html": QAReportFormat.html.render(files)]
    }

    /// Writes `pages` in `dir` page by page, as a batch run does.
    static func write(_ pages: [Page], in dir: URL) throws -> [String: Data] {
        let writer = try BatchReportWriter(reports) { dir.appendingPathComponent($0).path }
        for page in pages { try writer.add(page.entries) { page.xliff[$0] } }
        try writer.finish()
        try writer.commit()
        return try TemporaryDirectory.contents(of: dir)
    }

    @Test func streamedReportsAreTheWholeRunRenderersBytes() async throws {
        let pages = try await Self.pages()
        let dir = try TemporaryDirectory.make("l10n-reports")
        defer { try? FileManager.default.removeItem(at: dir) }
        // No page, one, both, both three times; no finding at all; findings only of described checks.
        let clean = pages.map { page in (page.entries.map { entry in var e = entry; e.findings = []; return e }, page.xliff) }
        let described = pages.map { page in
            (page.entries.map { entry in var e = entry; e.findings = e.findings.filter { ["punctuation.end", "spelling.unknown"].contains($0.check) }; return e }, page.xliff)
        }
        let cases: [(String, [Page])] = [("none", []), ("one", [pages[0]]), ("both", pages), ("many", pages + pages + pages),
                                          ("clean", clean), ("described", described)]
        for (name, run) in cases {
            try? FileManager.default.removeItem(at: dir.appendingPathComponent("out"))
            let written = try Self.write(run, in: dir)
            let expected = try Self.expected(run)
            #expect(Set(written.keys) == Set(expected.keys), "\(name): \(written.keys.sorted())")
            for (path, data) in expected {
                let got = written[path] ?? Data()
                #expect(got == data, "\(name): \(path) differs from the whole-run renderer's at byte \(zip(got, data).prefix { $0 == $1 }.count) (\(got.count) vs \(data.count) bytes)")
            }
        }
        // The streamed JSON is valid and every document is there, in order.
        let many = try Self.write(pages + pages, in: dir)
        let report = try #require(try JSONSerialization.jsonObject(with: many["out/reports/l10n.json"] ?? Data()) as? [String: Any])
        let documents = try #require(report["documents"] as? [[String: Any]])
        #expect(documents.map { $0["source"] as? String ?? "" } == (pages + pages).flatMap(\.entries).map(\.source))
        let sarif = try #require(try JSONSerialization.jsonObject(with: many["out/reports/l10n.sarif"] ?? Data()) as? [String: Any])
        let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        for result in try #require(run["results"] as? [[String: Any]]) {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String, "each result names its own rule")
        }
    }

    @Test func aDiscardedRunLeavesTheLastReportsAndNoTemporaryFile() async throws {
        let pages = try await Self.pages()
        let dir = try TemporaryDirectory.make("l10n-reports")
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = try Self.write([pages[0]], in: dir)
        #expect(before.count == 4)
        // Discarded after some pages, and after everything was finished but not committed.
        for finish in [false, true] {
            let writer = try BatchReportWriter(Self.reports) { dir.appendingPathComponent($0).path }
            for page in pages { try writer.add(page.entries) { page.xliff[$0] } }
            if finish { try writer.finish() }
            let during = try FileManager.default.subpathsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".tmp") }
            #expect(during.count == 8, "a staged file per report, a scratch file for JUnit and HTML, two for SARIF: \(during)")
            writer.discard()
            #expect(try TemporaryDirectory.contents(of: dir) == before, "finished: \(finish)")
        }
        // A writer that goes away uncommitted cleans up too, and removes the folders it made.
        let fresh = try TemporaryDirectory.make("l10n-reports")
        defer { try? FileManager.default.removeItem(at: fresh) }
        do {
            let writer = try BatchReportWriter(Self.reports) { fresh.appendingPathComponent($0).path }
            try writer.add(pages[0].entries) { pages[0].xliff[$0] }
            writer.discard()
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: fresh.path).isEmpty)
    }

    /// What a writer holds between pages, by reflection: every element of every collection and
    /// every byte of every string and `Data` reachable from its stored properties. After 40 pages
    /// it is what it was after 2: no page's entries, findings or sections are kept, only counts.
    @Test func whatTheWriterHoldsDoesNotGrowWithThePages() async throws {
        let pages = try await Self.pages()
        let dir = try TemporaryDirectory.make("l10n-reports")
        defer { try? FileManager.default.removeItem(at: dir) }
        func run(_ count: Int) throws -> (held: [Int], written: Int) {
            try? FileManager.default.removeItem(at: dir.appendingPathComponent("out"))
            let writer = try BatchReportWriter(Self.reports) { dir.appendingPathComponent($0).path }
            var held: [Int] = []
            for i in 0..<count {
                let page = pages[i % pages.count]
                try writer.add(page.entries) { page.xliff[$0] }
                if i >= 1 { held.append(Retained.size(of: writer)) }  // after every page, once each page was seen
            }
            try writer.finish()
            try writer.commit()
            let written = try TemporaryDirectory.contents(of: dir).values.reduce(0) { $0 + $1.count }
            return (held, written)
        }
        let small = try run(2), large = try run(40)
        #expect(small.held.count == 1 && small.held[0] > 0)
        #expect(Set(large.held) == Set(small.held), "held \(Set(large.held).sorted()) over 40 pages, \(small.held) after 2")
        #expect(large.written > 10 * small.written, "the reports themselves grow: \(small.written) → \(large.written) bytes")
    }
}

/// The size of what a value holds, by reflection (see the test above): elements of collections,
/// bytes of strings and `Data`, through structs, enums, optionals and objects (each object once).
enum Retained {
    static func size(of value: Any) -> Int {
        var seen: Set<ObjectIdentifier> = []
        return size(of: value, seen: &seen)
    }

    private static func size(of value: Any, seen: inout Set<ObjectIdentifier>) -> Int {
        switch value {
        case let string as String: return string.utf8.count
        case let data as Data: return data.count
        case let bytes as [UInt8]: return bytes.count
        default: break
        }
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .class {
            guard seen.insert(ObjectIdentifier(value as AnyObject)).inserted else { return 0 }
        }
        var total = 0
        if [.collection, .dictionary, .set].contains(mirror.displayStyle) { total += mirror.children.count }
        for child in mirror.children { total += size(of: child.value, seen: &seen) }
        return total
    }
}
