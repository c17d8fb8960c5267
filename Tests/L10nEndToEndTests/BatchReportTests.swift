import Foundation
import L10nTestSupport
import Testing

/// The whole-run reports of `l10n batch` (JSON, JUnit, SARIF, HTML), written page by page as the
/// pages finish: the same bytes for any `--jobs` and for a run that made nothing, and a failed run
/// leaves the last reports as they were, with no temporary file behind.
@Suite(.timeLimit(.minutes(5))) struct BatchReportTests {
    static let reports = ["out/reports/l10n.json", "out/reports/l10n.junit.xml", "out/reports/l10n.sarif", "out/reports/l10n.html"]

    /// A project of four corpus pages (two Markdown, two HTML, of different sizes, so that with
    /// several jobs they finish out of order), translated for Germany and Brazil by ``SloppyEngine``, offline,
    /// with every report.
    static func project() throws -> URL {
        let dir = try TemporaryDirectory.make("l10n-batch-reports")
        let pages = dir.appendingPathComponent("pages")
        try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
        let names = ["water-pump-aquaflow-xp2000b.md", "cordless-drill-torqmax-20v.md", "usb-c-charger-gan-65w.html", "toy-robot-kit-buildbot.html"]
        for name in names { try FileManager.default.copyItem(at: Corpus.url(name), to: pages.appendingPathComponent(name)) }
        try Data("""
            version: 1
            source: {root: pages, include: ["pages/*.md", "pages/*.html"]}
            markets: [de, br]
            output: {document: "out/site/{market}/{path}", xliff: "out/xliff/{market}/{stem}.xlf"}
            translation: {backend: command, options: {command: "\(try SloppyEngine.install(in: dir))"}}
            qa: {failOn: never}
            reports: {json: out/reports/l10n.json, junit: out/reports/l10n.junit.xml, sarif: out/reports/l10n.sarif, html: out/reports/l10n.html}

            """.utf8).write(to: dir.appendingPathComponent("l10n.yaml"))
        return dir
    }

    static func batch(_ arguments: [String], in dir: URL) throws -> CLI.Result {
        try CLI.run(["batch"] + arguments, in: dir, environment: ["CI": "true", "L10N_TM": nil])
    }

    /// Temporary files anywhere in the project.
    static func temporaries(in dir: URL) throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".tmp") }
    }

    @Test func fourJobsAndOneWriteTheSameReports() throws {
        let four = try Self.project(), one = try Self.project()
        defer {
            try? FileManager.default.removeItem(at: four)
            try? FileManager.default.removeItem(at: one)
        }
        let a = try Self.batch(["--jobs", "4"], in: four)
        #expect(a.status == 0, "\(a.stderr)")
        let b = try Self.batch(["--jobs", "1"], in: one)
        #expect(b.status == 0, "\(b.stderr)")
        let written = try TemporaryDirectory.contents(of: four.appendingPathComponent("out"))
        for report in Self.reports {
            let path = String(report.dropFirst("out/".count))
            let data = try #require(written[path], "\(report) written")
            #expect(data.count > 1000)
            #expect(try Data(contentsOf: one.appendingPathComponent(report)) == data, "\(report): --jobs 4 and --jobs 1 differ")
        }
        #expect(try TemporaryDirectory.contents(of: one.appendingPathComponent("out")) == written, "every output the same too")
        // The reports name findings (the engine drops end punctuation) and every page × market.
        let junit = String(decoding: written["reports/l10n.junit.xml"] ?? Data(), as: UTF8.self)
        #expect(junit.contains("<failure "), "\(junit.prefix(500))")
        let json = try #require(try JSONSerialization.jsonObject(with: written["reports/l10n.json"] ?? Data()) as? [String: Any])
        #expect((json["documents"] as? [Any])?.count == 8)

        // Again, everything unchanged: the reports come from the records and the XLIFF on disk,
        // and are the same bytes as those of the run that made the pages.
        let warm = try Self.batch(["--jobs", "4"], in: four)
        #expect(warm.stdout.contains("0 page(s) localized, 4 unchanged"), "\(warm.stdout)")
        #expect(try TemporaryDirectory.contents(of: four.appendingPathComponent("out")) == written)
        #expect(try Self.temporaries(in: four).isEmpty && Self.temporaries(in: one).isEmpty)
    }

    @Test(arguments: ["1", "3"])
    func aFailedRunLeavesTheLastReportsAndNoTemporaryFile(jobs: String) throws {
        let dir = try Self.project()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try Self.batch([], in: dir).status == 0)
        let before = try TemporaryDirectory.contents(of: dir.appendingPathComponent("out"))
        let state = try TemporaryDirectory.contents(of: dir.appendingPathComponent(".l10n"))

        // A changed page (its report entries would change) and, last in catalogue order, a page
        // that cannot be read: the run fails after every other page went into the reports.
        let page = dir.appendingPathComponent("pages/toy-robot-kit-buildbot.html")
        let html = String(decoding: try Data(contentsOf: page), as: UTF8.self)
        let changed = html.replacingOccurrences(of: "</h2>", with: "</h2>\n<p>Ships in a recyclable box</p>")
        try #require(changed != html)
        try Data(changed.utf8).write(to: page)
        try Data([0x23, 0x20, 0xFF, 0x0A]).write(to: dir.appendingPathComponent("pages/zz-bad.md"))
        let failed = try Self.batch(["--jobs", jobs], in: dir)
        #expect(failed.status == 65, "\(failed.stderr)")
        #expect(failed.stderr.contains("nothing was written"), "\(failed.stderr)")
        #expect(try TemporaryDirectory.contents(of: dir.appendingPathComponent("out")) == before, "the last run's reports and outputs, untouched")
        #expect(try TemporaryDirectory.contents(of: dir.appendingPathComponent(".l10n")) == state)
        let leftovers = try Self.temporaries(in: dir)
        #expect(leftovers.isEmpty, "\(leftovers)")

        // Without the bad page the run goes through and the reports change.
        try FileManager.default.removeItem(at: dir.appendingPathComponent("pages/zz-bad.md"))
        #expect(try Self.batch(["--jobs", jobs], in: dir).status == 0)
        let after = try TemporaryDirectory.contents(of: dir.appendingPathComponent("out"))
        #expect(after["reports/l10n.json"] != before["reports/l10n.json"])
        #expect(try Self.temporaries(in: dir).isEmpty)
    }
}
