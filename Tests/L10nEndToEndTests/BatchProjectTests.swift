import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import L10nTestSupport
import Testing

/// `l10n batch` on a small project as a CI job runs it: the machine translation goes to an
/// in-process DeepL, so the tests can count what would have been paid for.
@Suite(.timeLimit(.minutes(5))) struct BatchProjectTests {
    static let key = "batch-test-key:fx"
    static let pages = ["water-pump-aquaflow-xp2000b.md", "cordless-drill-torqmax-20v.md", "usb-c-charger-gan-65w.html", "toy-robot-kit-buildbot.html"]

    /// A project folder with four corpus pages under `pages/` (one in a subfolder) and a project
    /// file that sends Germany and Brazil through DeepL at `server`.
    /// With `copies` > 1, each page is there that many times more under other names (the same
    /// sentences on many pages, as in a catalogue of variants).
    static func project(server: String, extra: String = "", copies: Int = 1) throws -> URL {
        let dir = try TemporaryDirectory.make("l10n-batch")
        let pagesDir = dir.appendingPathComponent("pages/tools")
        try FileManager.default.createDirectory(at: pagesDir, withIntermediateDirectories: true)
        for (i, name) in pages.enumerated() {
            let data = try Data(contentsOf: PackagePaths.corpora.appendingPathComponent(name))
            let folder = i == 1 ? pagesDir : dir.appendingPathComponent("pages")
            try data.write(to: folder.appendingPathComponent(name))
            for copy in 1..<max(copies, 1) { try data.write(to: folder.appendingPathComponent("variant\(copy)-\(name)")) }
        }
        let yaml = """
            version: 1
            source:
              language: en-US
              root: pages
              include: ["pages/**/*.md", "pages/**/*.html"]
            markets: [de, br]
            output:
              document: "out/site/{market}/{dir}{slug}.{ext}"
              xliff: "out/xliff/{market}/{dir}{stem}.xlf"
            translation:
              backend: deepl
              options: {url: "\(server)"}
              apiKeyEnv: BATCH_DEEPL_KEY
            memory: .l10n/memory.sqlite
            qa:
              failOn: never
            reports:
              json: out/reports/l10n.json
              junit: out/reports/l10n.junit.xml
              sarif: out/reports/l10n.sarif
            site:
              baseURL: https://shop.example.com/
              root: out/site
              defaultMarket: de
              sitemap: out/site/sitemap.xml
              markdownPages: "out/site/{market}/{dir}{slug}.html"
              slugs:
                br: {water-pump-aquaflow-xp2000b: bomba-dagua}
            \(extra)
            """
        try Data(yaml.utf8).write(to: dir.appendingPathComponent("l10n.yaml"))
        return dir
    }

    static func batch(_ arguments: [String] = [], in dir: URL, memory: String? = nil) throws -> CLI.Result {
        try CLI.run(["batch"] + arguments, in: dir, environment: ["BATCH_DEEPL_KEY": key, "CI": "true", "DEEPL_AUTH_KEY": nil, "L10N_TM": memory])
    }

    /// Every file below `folders` of `dir`, by relative path.
    static func snapshot(_ dir: URL, _ folders: [String] = ["out", ".l10n/state"]) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for folder in folders {
            let root = dir.appendingPathComponent(folder)
            guard let paths = FileManager.default.subpaths(atPath: root.path) else { continue }
            for path in paths {
                let url = root.appendingPathComponent(path)
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    files[folder + "/" + path] = try Data(contentsOf: url)
                }
            }
        }
        return files
    }

    /// Texts DeepL was sent, over all requests.
    static func textsSent(_ fake: FakeDeepL) -> Int {
        fake.bodies.reduce(0) { $0 + (($1["text"] as? [String])?.count ?? 0) }
    }

    @Test func twiceFreshAndChecked() async throws {
        let fake = try await FakeDeepL.start(key: Self.key)
        let dir = try Self.project(server: fake.baseURL)
        defer { try? FileManager.default.removeItem(at: dir) }

        let first = try Self.batch(in: dir)
        #expect(first.status == 0, "\(first.stderr)")
        let paid = Self.textsSent(fake)
        #expect(paid > 0, "the first run translates through DeepL")
        #expect(first.stdout.contains("4 page(s) localized, 0 unchanged"), "\(first.stdout)")
        #expect(first.stderr.contains("[1/4] pages/toy-robot-kit-buildbot.html") || first.stderr.contains("[1/4] pages/"), "plain page lines in CI")
        let written = try Self.snapshot(dir)
        #expect(written.keys.contains("out/site/br/bomba-dagua.html"), "Markdown page with its Brazilian slug: \(written.keys.sorted())")
        #expect(written.keys.contains("out/site/de/tools/cordless-drill-torqmax-20v.md"))
        #expect(written.keys.contains("out/xliff/br/tools/cordless-drill-torqmax-20v.xlf"))
        #expect(written.keys.contains(".l10n/state/pages/tools/cordless-drill-torqmax-20v.md.json"))

        // Twice: nothing to do, no call, the same bytes.
        let requestsBefore = fake.requests.count
        let second = try Self.batch(in: dir)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(fake.requests.count == requestsBefore, "an unchanged catalogue costs no MT call")
        #expect(second.stdout.contains("0 page(s) localized, 4 unchanged"), "\(second.stdout)")
        #expect(try Self.snapshot(dir) == written)

        // --check passes now, fails after an output is edited (naming it), passes after a run.
        #expect(try Self.batch(["--check"], in: dir).status == 0)
        let edited = dir.appendingPathComponent("out/site/de/toy-robot-kit-buildbot.html")
        try Data((String(decoding: try Data(contentsOf: edited), as: UTF8.self) + "<!-- hand edit -->\n").utf8).write(to: edited)
        let stale = try Self.batch(["--check"], in: dir)
        #expect(stale.status == 1)
        #expect(stale.stdout.contains("out/site/de/toy-robot-kit-buildbot.html was changed"), "\(stale.stdout)")
        #expect(try Self.batch(["--check"], in: dir).status == 1, "--check changes nothing")
        #expect(try Self.batch(in: dir).status == 0)
        #expect(try Self.batch(["--check"], in: dir).status == 0)
        // The pages come back as they were, from the memory; only the run's own record of what
        // it did (the report, the page's record: reused instead of sent) tells the runs apart.
        #expect(try Self.snapshot(dir, ["out/site", "out/xliff"]) == written.filter { $0.key.hasPrefix("out/site/") || $0.key.hasPrefix("out/xliff/") },
                "the run put the output back as it was, from the memory")
        #expect(fake.requests.count == requestsBefore, "…without paying again")

        // Fresh: another folder, no memory, no records: the same bytes.
        let fresh = try Self.project(server: fake.baseURL)
        defer { try? FileManager.default.removeItem(at: fresh) }
        #expect(try Self.batch(["--jobs", "1"], in: fresh).status == 0)
        #expect(try Self.snapshot(fresh) == written, "a fresh run gives the same bytes, whatever --jobs")
        try await fake.stop()
    }

    @Test func aChangedPagePaysOnlyForItsNewSentence() async throws {
        let fake = try await FakeDeepL.start(key: Self.key)
        let dir = try Self.project(server: fake.baseURL)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try Self.batch(in: dir).status == 0)
        let paid = Self.textsSent(fake)

        let page = dir.appendingPathComponent("pages/toy-robot-kit-buildbot.html")
        let html = String(decoding: try Data(contentsOf: page), as: UTF8.self)
        let changed = html.replacingOccurrences(of: "</h2>", with: "</h2>\n<p>Ships in a recyclable box.</p>", options: [], range: html.range(of: "</h2>"))
        try #require(changed != html)
        try Data(changed.utf8).write(to: page)
        let run = try Self.batch(in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("1 page(s) localized, 3 unchanged"), "\(run.stdout)")
        // One new sentence, two markets: two texts sent, not the page again.
        #expect(Self.textsSent(fake) - paid == 2, "sent \(Self.textsSent(fake) - paid) texts for one new sentence in two markets")
        let translated = String(decoding: try Data(contentsOf: dir.appendingPathComponent("out/site/de/toy-robot-kit-buildbot.html")), as: UTF8.self)
        #expect(translated.contains("SHIPS IN A RECYCLABLE BOX."))
        try await fake.stop()
    }

    @Test func shardsTogetherEqualOneRun() async throws {
        let fake = try await FakeDeepL.start(key: Self.key)
        let whole = try Self.project(server: fake.baseURL)
        let sharded = try Self.project(server: fake.baseURL)
        defer {
            try? FileManager.default.removeItem(at: whole)
            try? FileManager.default.removeItem(at: sharded)
        }
        #expect(try Self.batch(in: whole).status == 0)
        // The pages, the XLIFF and the sitemap; the records and reports also say what each run
        // paid for (a shard reuses fewer sentences than one run over everything), so they differ.
        let expected = try Self.snapshot(whole, ["out/site", "out/xliff"])
        for shard in ["1/3", "2/3", "3/3"] {
            let run = try Self.batch(["--shard", shard], in: sharded)
            #expect(run.status == 0, "\(run.stderr)")
        }
        #expect(try Self.snapshot(sharded, ["out/site", "out/xliff"]) == expected, "the shards' pages, XLIFF and sitemap equal one run's")
        let reports = try Self.snapshot(sharded, ["out/reports"]).keys
        #expect(reports.contains("out/reports/l10n.shard-1-of-3.json") && reports.contains("out/reports/l10n.shard-3-of-3.sarif"), "each shard's reports are named for it: \(reports.sorted())")
        // The final job of a CI matrix: everything is current, and a plain run writes the whole report.
        #expect(try Self.batch(["--check"], in: sharded).status == 0)
        let final = try Self.batch(in: sharded)
        #expect(final.stdout.contains("0 page(s) localized, 4 unchanged"), "\(final.stdout)")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: sharded.appendingPathComponent("out/reports/l10n.json"))) as? [String: Any]
        #expect((report?["documents"] as? [Any])?.count == 8, "4 pages × 2 markets in the whole-run report")
        try await fake.stop()
    }

    @Test func siteLinksAreReciprocalAndTheSitemapListsEveryPage() async throws {
        let fake = try await FakeDeepL.start(key: Self.key)
        let dir = try Self.project(server: fake.baseURL)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try Self.batch(in: dir).status == 0)
        let base = "https://shop.example.com/"
        let root = dir.appendingPathComponent("out/site")

        // Every served page: its lang, and its alternates (hreflang → URL).
        var pages: [String: (lang: String, links: [String: String])] = [:]
        for path in FileManager.default.subpaths(atPath: root.path) ?? [] where path.hasSuffix(".html") {
            let html = String(decoding: try Data(contentsOf: root.appendingPathComponent(path)), as: UTF8.self)
            let lang = html.firstMatch(of: /<html[^>]*\blang="([^"]+)"/)?.1 ?? ""
            var links: [String: String] = [:]
            for match in html.matches(of: /<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/) { links[String(match.1)] = String(match.2) }
            pages[base + path] = (String(lang), links)
        }
        #expect(pages.count == 8, "4 pages × 2 markets served: \(pages.keys.sorted())")
        for (url, page) in pages {
            #expect(page.links[page.lang] == url, "\(url) lists itself under its own language \(page.lang)")
            #expect(page.links["x-default"] != nil)
            for (lang, other) in page.links where lang != "x-default" {
                let target = try #require(pages[other], "\(url) links to \(other), which is not a served page")
                #expect(target.links == page.links, "\(other) links back with the same set")
                #expect(target.lang == lang)
            }
        }
        #expect(Set(pages.values.map(\.lang)) == ["de-DE", "pt-BR"])

        // The sitemap: valid against the sitemaps.org schema (alternates against XHTML's), one
        // <url> per page with the same alternates.
        let sitemapData = try Data(contentsOf: root.appendingPathComponent("sitemap.xml"))
        #expect(try SitemapSchema.errors(of: sitemapData) == [])
        // The schema check can fail: a region written with an underscore is no language code.
        let broken = Data(String(decoding: sitemapData, as: UTF8.self).replacingOccurrences(of: "hreflang=\"de-DE\"", with: "hreflang=\"de_DE\"").utf8)
        #expect(try SitemapSchema.errors(of: broken).contains { $0.contains("hreflang") })
        let sitemap = try XMLDocument(data: sitemapData)
        let urlset = try #require(sitemap.rootElement())
        #expect(urlset.name == "urlset" && urlset.uri == "http://www.sitemaps.org/schemas/sitemap/0.9")
        let urls = urlset.elements(forName: "url")
        #expect(urls.count == pages.count)
        for url in urls {
            let loc = try #require(url.elements(forName: "loc").first?.stringValue)
            #expect(loc.hasPrefix(base) && loc.count <= 2048)
            let links = url.children?.compactMap { $0 as? XMLElement }.filter { $0.localName == "link" && $0.uri == "http://www.w3.org/1999/xhtml" } ?? []
            var set: [String: String] = [:]
            for link in links {
                func attribute(_ name: String) -> String? { (link.attributes ?? []).first { ($0.localName ?? $0.name) == name }?.stringValue }
                #expect(attribute("rel") == "alternate")
                set[attribute("hreflang") ?? ""] = attribute("href")
            }
            #expect(set == pages[loc]?.links, "sitemap alternates of \(loc) = its page's")
        }
        try await fake.stop()
    }

    @Test func mistakesInTheProjectFileNameFileAndKey() throws {
        let dir = try Self.project(server: "http://127.0.0.1:9", extra: "colour: blue")
        defer { try? FileManager.default.removeItem(at: dir) }
        let typo = try Self.batch(in: dir)
        #expect(typo.status == 64)
        #expect(typo.stderr.contains("l10n.yaml: colour: unknown key"), "\(typo.stderr)")

        let yaml = String(decoding: try Data(contentsOf: dir.appendingPathComponent("l10n.yaml")), as: UTF8.self)
        try Data(yaml.replacingOccurrences(of: "colour: blue", with: "").replacingOccurrences(of: "[de, br]", with: "[de, xx, br]").utf8)
            .write(to: dir.appendingPathComponent("l10n.yaml"))
        let market = try Self.batch(in: dir)
        #expect(market.status == 64, "an unknown market is the same usage error as for adapt: \(market.stderr)")
        #expect(market.stderr.contains("xx"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }

    /// The command line takes a market's other names (`BR`, `pt-BR`, `gb`); the project file
    /// wants its id, which its `{market}` outputs and `qa.markets` keys are written with.
    @Test func theProjectFileNamesMarketsByTheirIds() throws {
        let dir = try TemporaryDirectory.make("l10n-batch")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("pages"), withIntermediateDirectories: true)
        try Data(contentsOf: PackagePaths.corpora.appendingPathComponent(Self.pages[0])).write(to: dir.appendingPathComponent("pages/" + Self.pages[0]))
        for (other, market) in [("BR", "'br' (Brazil, pt-BR)"), ("pt-BR", "'br' (Brazil, pt-BR)"), ("gb", "'uk' (United Kingdom, en-GB)")] {
            try Data("""
                version: 1
                source: {include: ["pages/*.md"]}
                markets: [de, \(other)]
                output: {xliff: "xliff/{market}/{stem}.xlf"}
                translation: {backend: none}

                """.utf8).write(to: dir.appendingPathComponent("l10n.yaml"))
            let run = try CLI.run(["batch"], in: dir, environment: ["CI": "true", "L10N_TM": nil])
            #expect(run.status == 64, "\(run.stderr)")
            #expect(run.stderr.contains("l10n.yaml: markets: names '\(other)', which is the market \(market): write its id"), "\(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("xliff").path))
        }
    }

    @Test func theProjectFileCarriesCATToolSettings() throws {
        // For OmegaT: XLIFF 1.2 with every target prefilled, offline (no engine at all).
        let dir = try TemporaryDirectory.make("l10n-batch")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("pages"), withIntermediateDirectories: true)
        try Data(contentsOf: PackagePaths.corpora.appendingPathComponent(Self.pages[0])).write(to: dir.appendingPathComponent("pages/" + Self.pages[0]))
        try Data("""
            version: 1
            source: {include: ["pages/*.md"]}
            markets: [br]
            output: {xliff: "xliff/{market}/{stem}.xlf", xliffVersion: "1.2", prefillTargets: true}
            translation: {backend: none}

            """.utf8).write(to: dir.appendingPathComponent("l10n.yaml"))
        let run = try CLI.run(["batch"], in: dir, environment: ["CI": "true", "L10N_TM": nil])
        #expect(run.status == 0, "\(run.stderr)")
        let xliff = String(decoding: try Data(contentsOf: dir.appendingPathComponent("xliff/br/water-pump-aquaflow-xp2000b.xlf")), as: UTF8.self)
        #expect(xliff.contains("version=\"1.2\""))
        let units = xliff.components(separatedBy: "<trans-unit").count - 1
        #expect(units > 10)
        #expect(xliff.components(separatedBy: "state=\"needs-translation\"").count - 1 >= units, "every target prefilled, marked not translated yet")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent(".l10n/memory.sqlite").path), "no memory unless the project names one")
    }

    /// `qa.markets`: the same check an error for one market and off for another, so the two
    /// markets' findings differ, and so does the exit code when the config changes.
    @Test func qaSettingsPerMarket() throws {
        let dir = try TemporaryDirectory.make("l10n-batch-qa")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("pages"), withIntermediateDirectories: true)
        try Data(contentsOf: PackagePaths.corpora.appendingPathComponent(Self.pages[0])).write(to: dir.appendingPathComponent("pages/" + Self.pages[0]))
        // An engine that drops end punctuation: punctuation.end, a warning by default.
        let engine = try SloppyEngine.install(in: dir)
        func project(_ markets: String) throws {
            try Data("""
                version: 1
                source: {include: ["pages/*.md"]}
                markets: [de, br]
                output: {xliff: "xliff/{market}/{stem}.xlf"}
                translation: {backend: command, options: {command: "\(engine)"}}
                qa:
                  failOn: error
                  markets:
                \(markets)
                reports: {json: out/l10n.json}

                """.utf8).write(to: dir.appendingPathComponent("l10n.yaml"))
        }
        func run() throws -> (CLI.Result, [String: [String: Int]]) {
            let run = try CLI.run(["batch"], in: dir, environment: ["CI": "true", "L10N_TM": nil])
            var counts: [String: [String: Int]] = [:]  // market → "check severity" → count
            if let data = FileManager.default.contents(atPath: dir.appendingPathComponent("out/l10n.json").path),
               let report = try JSONSerialization.jsonObject(with: data) as? [String: Any] {
                for document in report["documents"] as? [[String: Any]] ?? [] {
                    let market = document["market"] as? String ?? "?"
                    for finding in document["findings"] as? [[String: Any]] ?? [] {
                        counts[market, default: [:]]["\(finding["check"] ?? "") \(finding["severity"] ?? "")", default: 0] += 1
                    }
                }
            }
            return (run, counts)
        }

        try project("""
                de: {severity: {punctuation.end: error}}
                br: {disable: [punctuation.end]}
            """)
        let (strict, found) = try run()
        #expect(strict.status == 1, "an error finding for de fails the run: \(strict.stdout)\(strict.stderr)")
        #expect(strict.stderr.contains("at or above qa.failOn (error): exit 1"), "\(strict.stderr)")
        #expect((found["de"]?["punctuation.end error"] ?? 0) > 0, "\(found)")
        #expect(found["de"]?["punctuation.end warning"] == nil)
        #expect(found["br"]?.keys.contains { $0.hasPrefix("punctuation.end") } == false, "off for br: \(found["br"] ?? [:])")
        #expect(found["br"]?.isEmpty == false, "br's other findings are still there")

        try project("""
                de: {disable: [punctuation.end]}
                br: {severity: {punctuation.end: warning}}
            """)
        let (relaxed, refound) = try run()
        #expect(relaxed.status == 0, "\(relaxed.stdout)\(relaxed.stderr)")
        #expect(refound["de"]?.keys.contains { $0.hasPrefix("punctuation.end") } == false, "\(refound["de"] ?? [:])")
        #expect((refound["br"]?["punctuation.end warning"] ?? 0) > 0, "\(refound["br"] ?? [:])")

        try project("""
                de: {disable: [punctuation.ending]}
            """)
        let (wrong, _) = try run()
        #expect(wrong.status == 64, "\(wrong.stderr)")
        #expect(wrong.stderr.contains("l10n.yaml: qa.markets.de.disable: 'punctuation.ending' is not a check id"), "\(wrong.stderr)")
    }

    /// Cold runs agree byte for byte whatever `--jobs` (issue 16): pages that share sentences are
    /// localized at once, yet the page that pays for a shared sentence (in the reports and the
    /// records) and the page whose context it is translated in are the first in catalogue order
    /// that needs it, as in a run with one job. No sentence is sent twice in a run, and a warm run
    /// sends none.
    @Test func coldRunsAgreeWhateverJobs() throws {
        // An engine (the `command` backend) that shows which page paid for each sentence: it swaps
        // the case of the text (codes and entities kept) and appends the name of the page it was
        // asked for. It sleeps a little per call so pages in flight overlap, and logs what it is sent.
        let engineDir = try TemporaryDirectory.make("l10n-batch-jobs-engine")
        defer { try? FileManager.default.removeItem(at: engineDir) }
        let engine = engineDir.appendingPathComponent("engine.py")
        try Data("""
            import json, os, re, sys, time
            log = open(sys.argv[1], "a")
            for line in sys.stdin:
                r = json.loads(line)
                time.sleep(0.02)
                page = re.sub(r"[^a-z]", "", os.path.basename(r.get("document", "")).rsplit(".", 1)[0])
                out = []
                for s in r["segments"]:
                    log.write(r["target"] + "\\t" + s["text"] + "\\n")
                    parts = re.split(r"(<[^>]*>|&[#a-zA-Z0-9]+;)", s["text"])
                    text = "".join(p if i % 2 else p.swapcase() for i, p in enumerate(parts))
                    out.append({"key": s["key"], "text": text + " [" + page + "]"})
                log.flush()
                print(json.dumps({"id": r["id"], "translations": out}), flush=True)

            """.utf8).write(to: engine)

        // Twelve pages drawing on one pool of sentences. The first page in catalogue order is long
        // (many sentences of its own before the shared ones), so the short pages after it reach the
        // engine first: the race a run with several jobs has on every catalogue of variants.
        let names = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo", "lima"]
        let pool = (1...40).map { "Shared sentence \($0) describes the housing, the seals and the **service kit** of the series." }
        func page(_ k: Int) -> String {
            let name = names[k]
            var paragraphs = ["# The \(name) model", "The \(name) model is one of a family of variants."]
            if k == 0 { paragraphs += (1...300).map { "Detail \($0) of the \(name) model is told here and nowhere else." } }
            paragraphs += k == 0 ? pool : (0..<16).map { pool[(k * 7 + $0 * 3) % pool.count] }
            return paragraphs.joined(separator: "\n\n") + "\n"
        }
        func project() throws -> URL {
            let dir = try TemporaryDirectory.make("l10n-batch-jobs")
            try FileManager.default.createDirectory(at: dir.appendingPathComponent("pages"), withIntermediateDirectories: true)
            for k in names.indices { try Data(page(k).utf8).write(to: dir.appendingPathComponent("pages/\(names[k]).md")) }
            try Data("""
                version: 1
                source: {include: ["pages/*.md"]}
                markets: [de, br]
                output:
                  document: "out/site/{market}/{stem}.{ext}"
                  xliff: "out/xliff/{market}/{stem}.xlf"
                translation: {backend: command, options: {command: "python3 '\(engine.path)' mt-sent.log"}}
                memory: .l10n/memory.sqlite
                qa: {failOn: never}
                reports:
                  json: out/reports/l10n.json
                  junit: out/reports/l10n.junit.xml
                  sarif: out/reports/l10n.sarif
                  html: out/reports/l10n.html

                """.utf8).write(to: dir.appendingPathComponent("l10n.yaml"))
            return dir
        }
        func sent(_ dir: URL) -> [String] {
            String(decoding: FileManager.default.contents(atPath: dir.appendingPathComponent("mt-sent.log").path) ?? Data(), as: UTF8.self)
                .split(separator: "\n").map(String.init)
        }
        func differences(_ a: [String: Data], _ b: [String: Data]) -> [String] {
            Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
        }

        var dirs: [URL] = []
        defer { for dir in dirs { try? FileManager.default.removeItem(at: dir) } }
        var snapshots: [[String: Data]] = []
        for jobs in ["1", "4", "4"] {
            let dir = try project()
            dirs.append(dir)
            let run = try CLI.run(["batch", "--jobs", jobs], in: dir, environment: ["CI": "true", "L10N_TM": nil])
            #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
            let lines = sent(dir)
            #expect(!lines.isEmpty, "the engine was called")
            #expect(Set(lines).count == lines.count, "no sentence is sent twice in a run (--jobs \(jobs))")
            #expect(lines.sorted() == sent(dirs[0]).sorted(), "every run sends the same sentences (--jobs \(jobs))")
            snapshots.append(try Self.snapshot(dir))
        }
        let reports = ["out/reports/l10n.json", "out/reports/l10n.junit.xml", "out/reports/l10n.sarif", "out/reports/l10n.html"]
        #expect(reports.allSatisfy { snapshots[0][$0] != nil }, "\(snapshots[0].keys.sorted())")
        #expect(snapshots[0].keys.contains("out/site/de/bravo.md") && snapshots[0].keys.contains(".l10n/state/pages/lima.md.json"))
        let bravo = String(decoding: snapshots[0]["out/site/de/bravo.md"] ?? Data(), as: UTF8.self)
        // The engine's lowercase page name (the text itself comes back in swapped case): the
        // shared sentences were bought for the first page, the page's own for itself.
        #expect(bravo.contains("alpha") && bravo.contains("bravo"), "\(bravo)")
        #expect(differences(snapshots[0], snapshots[1]).isEmpty, "--jobs 4 differs from --jobs 1 in \(differences(snapshots[0], snapshots[1]))")
        #expect(differences(snapshots[1], snapshots[2]).isEmpty, "two cold --jobs 4 runs differ in \(differences(snapshots[1], snapshots[2]))")

        // Warm: no call, the same bytes.
        let before = sent(dirs[1]).count
        let warm = try CLI.run(["batch", "--jobs", "4"], in: dirs[1], environment: ["CI": "true", "L10N_TM": nil])
        #expect(warm.status == 0, "\(warm.stderr)")
        #expect(warm.stdout.contains("0 page(s) localized, 12 unchanged"), "\(warm.stdout)")
        #expect(sent(dirs[1]).count == before, "a warm run sends nothing")
        #expect(try Self.snapshot(dirs[1]) == snapshots[1])
    }

    @Test func aFailedPageWritesNothing() async throws {
        let fake = try await FakeDeepL.start(key: Self.key)
        let dir = try Self.project(server: fake.baseURL)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data([0x23, 0x20, 0xFF, 0x0A]).write(to: dir.appendingPathComponent("pages/zz-bad.md"))
        let run = try Self.batch(in: dir)
        #expect(run.status == 65, "\(run.stderr)")
        #expect(run.stderr.contains("pages/zz-bad.md:1:3"), "\(run.stderr)")
        #expect(run.stderr.contains("nothing was written"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent(".l10n/state").path))
        try await fake.stop()
    }

    @Test func aPageThatLeavesTheProjectTakesItsOutputsAlong() async throws {
        let fake = try await FakeDeepL.start(key: Self.key)
        let dir = try Self.project(server: fake.baseURL)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try Self.batch(in: dir).status == 0)
        let before = try Self.snapshot(dir)
        let robot = before.keys.filter { $0.contains("toy-robot-kit-buildbot") }.sorted()
        #expect(robot.count == 5, "two pages, two XLIFFs, one record: \(robot)")
        let drill = before.keys.filter { $0.contains("cordless-drill") }.sorted()
        #expect(drill.count == 7, "two pages and their HTML renderings, two XLIFFs, one record: \(drill)")

        // The robot page is deleted, the drill page renamed; a translator edited the drill's German page.
        try FileManager.default.removeItem(at: dir.appendingPathComponent("pages/toy-robot-kit-buildbot.html"))
        try FileManager.default.moveItem(at: dir.appendingPathComponent("pages/tools/cordless-drill-torqmax-20v.md"),
                                         to: dir.appendingPathComponent("pages/tools/drill-torqmax-20v.md"))
        let edited = dir.appendingPathComponent("out/site/de/tools/cordless-drill-torqmax-20v.md")
        try Data((String(decoding: try Data(contentsOf: edited), as: UTF8.self) + "\nHand-made note.\n").utf8).write(to: edited)

        let check = try Self.batch(["--check"], in: dir)
        #expect(check.status == 1)
        #expect(check.stdout.contains("out of date: pages/toy-robot-kit-buildbot.html: left the project"), "\(check.stdout)")
        #expect(try Self.snapshot(dir) == before.merging([("out/site/de/tools/cordless-drill-torqmax-20v.md", try Data(contentsOf: edited))]) { $1 },
                "--check removes nothing")

        let run = try Self.batch(in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("2 page(s) left the project: 9 output(s) removed"), "\(run.stdout)")
        #expect(run.stderr.contains("kept out/site/de/tools/cordless-drill-torqmax-20v.md"), "\(run.stderr)")
        let after = try Self.snapshot(dir)
        #expect(after.keys.filter { $0.contains("toy-robot-kit-buildbot") }.isEmpty, "\(after.keys.sorted())")
        #expect(after.keys.filter { $0.contains("cordless-drill") } == ["out/site/de/tools/cordless-drill-torqmax-20v.md"],
                "only the hand-edited page stays")
        #expect(after.keys.contains("out/site/br/tools/drill-torqmax-20v.html"), "the renamed page is made under its new name")
        let sitemap = String(decoding: after["out/site/sitemap.xml"] ?? Data(), as: UTF8.self)
        #expect(!sitemap.contains("toy-robot") && !sitemap.contains("cordless-drill") && sitemap.contains("drill-torqmax-20v"))
        for (path, data) in before where path.contains("water-pump") || path.contains("usb-c-charger") {
            #expect(after[path] == data, "\(path) is untouched")
        }
        #expect(try Self.batch(["--check"], in: dir).status == 0)
        try await fake.stop()
    }
}
