import Foundation
import L10nTestSupport
import Testing

/// The HTML review page (`l10n qa --format html`) in a real browser: Debian's Chromium, headless,
/// renders it to a PNG without a console message, and its filters change what is shown.
@Suite(.enabled(if: ExternalTool.find("chromium") != nil,
                "Chromium is not installed (no `chromium` on PATH): run tools/setup, which installs Debian's chromium"))
struct ReviewPageTests {
    static func chromium(_ arguments: [String]) throws -> (status: Int32, output: String) {
        // No sandbox: CI runs as root, where Chromium refuses to start with one.
        try ExternalTool.run(ExternalTool.find("chromium")!, ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run"] + arguments)
    }

    @Test(.timeLimit(.minutes(5))) func theReviewPageRendersAndFilters() throws {
        let dir = try TemporaryDirectory.make("l10n-review")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("# Hose\n\nThe hose is 25 ft long.\n\nIt weighs 4 lb, ships free.\n".utf8).write(to: dir.appendingPathComponent("h.md"))
        #expect(try CLI.run(["adapt", "-m", "uk", "h.md"], in: dir).status == 0)
        // One target broken, so there is an error to filter by.
        let xlf = dir.appendingPathComponent("h.en-GB.xlf")
        let text = try String(contentsOf: xlf, encoding: .utf8)
        let broken = text.replacingOccurrences(of: "<target>It weighs 1.8 kg", with: "<target>It weighs 1.9 kg")
        #expect(broken != text, "the test changed a figure: \(text)")
        try Data(broken.utf8).write(to: xlf)
        let qa = try CLI.run(["qa", "--market", "uk", "--format", "html", "-o", "review.html", "h.en-GB.xlf"], in: dir)
        #expect(qa.status == 1)
        let page = dir.appendingPathComponent("review.html")
        let html = try String(contentsOf: page, encoding: .utf8)
        // Self-contained: nothing fetched from anywhere.
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("@import"))
        #expect(html.contains("<mark"), "the adaptations are marked")

        let png = dir.appendingPathComponent("review.png")
        let shot = try Self.chromium(["--enable-logging=stderr", "--v=0", "--window-size=1280,1600", "--screenshot=\(png.path)", page.absoluteString])
        #expect(shot.status == 0, "\(shot.output)")
        let consoleLines = shot.output.split(separator: "\n").filter { $0.contains(":CONSOLE") }
        #expect(consoleLines.isEmpty, "console messages: \(consoleLines)")
        let pngBytes = try Data(contentsOf: png)
        #expect(pngBytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) && pngBytes.count > 10_000)

        // The filters, set from the fragment as a link would: fewer rows with errors only, none
        // untranslated in a market whose targets are all there.
        func shown(_ fragment: String) throws -> Int {
            let dom = try Self.chromium(["--dump-dom", page.absoluteString + fragment]).output
            let marker = try #require(dom.range(of: #"<p id="shown" role="status" aria-live="polite">"#), "\(dom.prefix(500))")
            return Int(dom[marker.upperBound...].prefix { $0.isNumber }) ?? -1
        }
        let all = try shown("")
        let errors = try shown("#severity=error")
        #expect(all >= 3)
        #expect(errors == 1, "one segment has an error")
        #expect(try shown("#market=uk&kind=untranslated") == 0, "the uk targets are all there")
        #expect(try shown("#market=uk") == all)
    }

    @Test func adaptWritesTheReviewPageForEveryMarket() throws {
        let dir = try TemporaryDirectory.make("l10n-review-adapt")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("# Hose\n\nThe hose is 25 ft long.\n".utf8).write(to: dir.appendingPathComponent("h.md"))
        let run = try CLI.run(["adapt", "-m", "uk", "-m", "de", "--backend", "pseudo", "--qa", "--report-html", "review.html", "h.md"], in: dir)
        #expect(run.status == 0 || run.status == 1, "\(run.stderr)")
        let html = try String(contentsOf: dir.appendingPathComponent("review.html"), encoding: .utf8)
        #expect(html.contains(#"<section data-market="uk">"#) && html.contains(#"<section data-market="de">"#))
        #expect(html.contains("7,6 m") || html.contains("7.6 m"), "the adapted figure is shown")
        let dom = try Self.chromium(["--enable-logging=stderr", "--v=0", "--dump-dom", dir.appendingPathComponent("review.html").absoluteString])
        #expect(!dom.output.contains(":CONSOLE"), "\(dom.output.prefix(2000))")
    }
}
