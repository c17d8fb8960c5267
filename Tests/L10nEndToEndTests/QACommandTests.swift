import Foundation
import L10nTestSupport
import Testing

/// `l10n qa` (alias `check`) on translated XLIFF, as a CI job runs it: findings on stdout in the
/// chosen format, exit 1 on an error-severity finding, 0 when clean, 64 for an unknown check id
/// or market.
@Suite struct QACommandTests {
    @Test func findingsAndExitCodes() throws {
        let dir = try TemporaryDirectory.make("l10n-check")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("# Pump\n\nPrice: $129.99, shipping included.\n".utf8).write(to: dir.appendingPathComponent("p.md"))
        #expect(try CLI.run(["adapt", "-m", "uk", "p.md"], in: dir).status == 0)
        let clean = try CLI.run(["check", "p.en-GB.xlf"], in: dir)
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        #expect(clean.stderr.contains("0 error"))

        let xlf = dir.appendingPathComponent("p.en-GB.xlf")
        let text = try String(contentsOf: xlf, encoding: .utf8)
        // The price as the uk market wrote it (CLDR en-GB: "US$129.99"), changed as a careless edit would.
        let broken = text.replacingOccurrences(of: "<target>Price: US$129.99", with: "<target>Price: US$129.90")
        #expect(broken != text, "the test changed the price")
        try Data(broken.utf8).write(to: xlf)
        let failed = try CLI.run(["qa", "p.en-GB.xlf"], in: dir)
        #expect(failed.status == 1)
        #expect(failed.stdout.contains("error: [numbers.consistency]"), "\(failed.stdout)")
        // The finding points at the line of its segment in the XLIFF.
        let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("<target>Price: US$129.99") })
        let segmentLine = try #require(text.split(separator: "\n", omittingEmptySubsequences: false)[..<line].lastIndex { $0.contains("<segment ") })
        #expect(failed.stdout.contains("p.en-GB.xlf:\(segmentLine + 1): u2-s1: error: [numbers.consistency]"), "\(failed.stdout)")
        #expect(try CLI.run(["qa", "--market", "zz", "p.en-GB.xlf"], in: dir).status == 64)
        #expect(try CLI.run(["check", "--disable", "numbers.consistency", "p.en-GB.xlf"], in: dir).status == 0)
        #expect(try CLI.run(["check", "--disable", "nope", "p.en-GB.xlf"], in: dir).status == 64)
        let list = try CLI.run(["check", "--list"])
        #expect(list.status == 0 && list.stdout.split(separator: "\n").count >= 9)
        // Every line is "id  severity  summary": no id runs into its severity, however long.
        for line in list.stdout.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            #expect(fields.count > 2 && ["error", "warning", "info"].contains(String(fields[1])), "\(line)")
        }
    }

    @Test func reportFormatsForMachines() throws {
        let dir = try TemporaryDirectory.make("l10n-qa-formats")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("# Pump\n\nPrice: $129.99, shipping included.\n\nIt runs quietly.\n".utf8).write(to: dir.appendingPathComponent("p.md"))
        #expect(try CLI.run(["adapt", "-m", "uk", "p.md"], in: dir).status == 0)
        let xlf = dir.appendingPathComponent("p.en-GB.xlf")
        let text = try String(contentsOf: xlf, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "<target>Price: US$129.99", with: "<target>Price: US$129.90")
            .replacingOccurrences(of: "<target>It runs quietly.</target>", with: "<target>It runs  quietly.</target>").utf8).write(to: xlf)

        // SARIF 2.1.0: rule ids, levels, the file and line, the segment in the message.
        let sarif = try CLI.run(["qa", "--format", "sarif", "-q", "p.en-GB.xlf"], in: dir)
        #expect(sarif.status == 1)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let rules = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]]
        #expect(rules?.contains { $0["id"] as? String == "numbers.consistency" } == true)
        let results = try #require(run["results"] as? [[String: Any]])
        let price = try #require(results.first { $0["ruleId"] as? String == "numbers.consistency" })
        #expect(price["level"] as? String == "error")
        #expect(((price["message"] as? [String: Any])?["text"] as? String)?.hasPrefix("u2-s1: ") == true)
        let physical = try #require(((price["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
        #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == "p.en-GB.xlf")
        #expect(((physical["region"] as? [String: Any])?["startLine"] as? Int ?? 0) > 1)
        #expect(results.contains { $0["ruleId"] as? String == "whitespace.doubled" && $0["level"] as? String != nil })

        // JUnit: every error or warning a failed test case named by file and segment.
        let junit = try CLI.run(["qa", "--format", "junit", "-q", "p.en-GB.xlf"], in: dir)
        #expect(junit.stdout.hasPrefix("<?xml"))
        #expect(junit.stdout.contains(#"<testcase classname="p.en-GB.xlf" name="p.en-GB.xlf#u2-s1 [numbers.consistency]"><failure type="numbers.consistency""#), "\(junit.stdout)")
        #expect(junit.stdout.contains("#u3-s1 [whitespace.doubled]"))

        // JSON, written atomically to a file with -o.
        #expect(try CLI.run(["qa", "--format", "json", "-o", "qa.json", "p.en-GB.xlf"], in: dir).status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("qa.json"))) as? [String: Any])
        #expect((json["counts"] as? [String: Int])?["error"] == 1)
    }

    /// The review page written into a file goes file by file (memory follows one XLIFF file):
    /// byte for byte the page written whole to standard output, for several files and markets.
    @Test func theReviewPageWrittenFileByFileIsTheWholePage() throws {
        let dir = try TemporaryDirectory.make("l10n-qa-html")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Corpus.copy(["water-pump-aquaflow-xp2000b.md", "usb-c-charger-gan-65w.html"], into: dir)
        #expect(try CLI.run(["adapt", "-m", "de", "-m", "uk", "--backend", "pseudo", "water-pump-aquaflow-xp2000b.md", "usb-c-charger-gan-65w.html"],
                            in: dir).status == 0)
        let files = ["water-pump-aquaflow-xp2000b.de-DE.xlf", "water-pump-aquaflow-xp2000b.en-GB.xlf", "usb-c-charger-gan-65w.de-DE.xlf",
                     "usb-c-charger-gan-65w.en-GB.xlf"]
        let streamed = try CLI.run(["qa", "-q", "--format", "html", "-o", "review.html"] + files, in: dir)
        let whole = try CLI.run(["qa", "-q", "--format", "html"] + files, in: dir)
        #expect(streamed.status == whole.status)
        let page = try String(contentsOf: dir.appendingPathComponent("review.html"), encoding: .utf8)
        #expect(page == whole.stdout)
        #expect(page.components(separatedBy: "<section").count - 1 == 4)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }.isEmpty, "no scratch file left")
    }

    /// `--jobs`: files checked at once, delivered in order: every report format, the review page
    /// written into a file, the messages (a broken file among good ones) and the exit status are
    /// byte for byte those of one job.
    @Test func theReportDoesNotDependOnJobs() throws {
        let dir = try TemporaryDirectory.make("l10n-qa-jobs")
        defer { try? FileManager.default.removeItem(at: dir) }
        let pages = Array(Corpus.pages().prefix(8))
        try Corpus.copy(pages, into: dir)
        #expect(try CLI.run(["pseudo", "-t", "de-DE", "--xliff", "-o", "x"] + pages, in: dir).status == 0)
        var files = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("x").path).filter { $0.hasSuffix(".xlf") }.sorted()
        #expect(files.count == pages.count)
        // Findings of several checks in two files, and a file that is not XLIFF between them.
        for name in [files[1], files[5]] {
            let url = dir.appendingPathComponent("x/\(name)")
            let text = try String(contentsOf: url, encoding: .utf8)
            let damaged = text.replacingOccurrences(of: "</target>", with: "  1  ( </target>")
            #expect(damaged != text)
            try Data(damaged.utf8).write(to: url)
        }
        try Data("not xliff".utf8).write(to: dir.appendingPathComponent("x/broken.xlf"))
        files.insert("broken.xlf", at: 3)
        for format in ["text", "json", "junit", "sarif", "html"] {
            let one = try CLI.run(["qa", "--jobs", "1", "--format", format] + files, in: dir.appendingPathComponent("x"))
            let four = try CLI.run(["qa", "--jobs", "4", "--format", format] + files, in: dir.appendingPathComponent("x"))
            #expect(one.status != 0 && one.stdout.count > 1000 && one.stderr.contains("broken.xlf"), "\(format): \(one.stderr)")
            #expect(four.status == one.status, "\(format)")
            #expect(four.stdout == one.stdout, "\(format)")
            #expect(four.stderr == one.stderr, "\(format)")
        }
        let one = try CLI.run(["qa", "-q", "-j", "1", "--format", "html", "-o", "one.html"] + files, in: dir.appendingPathComponent("x"))
        let four = try CLI.run(["qa", "-q", "-j", "4", "--format", "html", "-o", "four.html"] + files, in: dir.appendingPathComponent("x"))
        #expect(four.status == one.status && four.stderr == one.stderr)
        let page = try Data(contentsOf: dir.appendingPathComponent("x/one.html"))
        #expect(page.count > 10000)
        #expect(try Data(contentsOf: dir.appendingPathComponent("x/four.html")) == page)
    }

    @Test func unitsTheMarketConvertsAreFlaggedWhenLeftAsTheSourceWroteThem() throws {
        let dir = try TemporaryDirectory.make("l10n-qa-units")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("# Hose\n\nThe hose is 10 ft long and fits 27.5 in wheels.\n".utf8).write(to: dir.appendingPathComponent("h.md"))
        // Extracted, not adapted, and "translated" by a translator who kept every figure.
        #expect(try CLI.run(["extract", "-t", "pt-BR", "h.md"], in: dir).status == 0)
        let xlf = dir.appendingPathComponent("h.pt-BR.xlf")
        try XLIFFTargetFiller.fill(Data(contentsOf: xlf)).write(to: xlf)
        let br = try CLI.run(["qa", "--market", "br", "--disable", "target.untranslated", "h.pt-BR.xlf"], in: dir)
        #expect(br.stdout.contains(#"warning: [units.unconverted] "10 ft" is not converted for Brazil"#), "\(br.stdout)")
        // Wheel sizes are names the market keeps.
        #expect(!br.stdout.contains("27.5 in\" is not converted"))
        // Without a market there is nothing to compare with.
        let none = try CLI.run(["qa", "--disable", "target.untranslated", "h.pt-BR.xlf"], in: dir)
        #expect(!none.stdout.contains("units.unconverted"))
    }

    /// An extracted XLIFF 2.1 with what a CAT tool or a developer adds before setting limits:
    /// the Size and Length Restriction namespace and the profiles (code points, UTF-8 bytes).
    static func extractedWithSizeProfiles(_ file: URL) throws -> String {
        String(decoding: try Data(contentsOf: file), as: UTF8.self)
            .replacingOccurrences(of: #"version="2.1""#, with: #"xmlns:slr="urn:oasis:names:tc:xliff:sizerestriction:2.0" version="2.1""#)
            .replacingOccurrences(of: "</skeleton>", with: #"</skeleton><slr:profiles generalProfile="xliff:codepoints" storageProfile="xliff:utf8"/>"#)
    }

    /// A restriction on a span inside a sentence (`slr:sizeRestriction` on a `<pc>` or `<sc>`: a
    /// button label) binds that span's content in the target, not the sentence.
    @Test func inlineSizeRestrictionsBindTheirSpan() throws {
        let dir = try TemporaryDirectory.make("l10n-qa-inline-size")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("<p>Press <b>Add to cart</b> to buy.</p>\n<p>Or <i>Save</i> it.</p>\n".utf8).write(to: dir.appendingPathComponent("b.html"))
        #expect(try CLI.run(["extract", "-t", "de-DE", "b.html", "-o", "b.xlf"], in: dir).status == 0)
        // What a CAT tool or a developer adds: the profile, a limit on each label, the translations.
        var xliff = try Self.extractedWithSizeProfiles(dir.appendingPathComponent("b.xlf"))
        xliff = xliff.replacingOccurrences(of: #"<pc id="1" type="fmt" subType="xlf:b""#, with: #"<pc id="1" slr:sizeRestriction="12" type="fmt" subType="xlf:b""#)
        xliff = xliff.replacingOccurrences(of: #"<pc id="1" type="fmt" subType="xlf:i""#, with: #"<pc id="1" slr:storageRestriction="10" type="fmt" subType="xlf:i""#)
        let first = try #require(xliff.range(of: "</source>"))
        xliff.insert(contentsOf: #"<target>Drücken Sie <pc id="1">In den Warenkorb</pc>, um zu kaufen.</target>"#, at: first.upperBound)
        let second = try #require(xliff.range(of: "</source>", range: xliff.index(first.upperBound, offsetBy: 80)..<xliff.endIndex))
        xliff.insert(contentsOf: #"<target>Oder <pc id="1">Speichern</pc>.</target>"#, at: second.upperBound)
        try Data(xliff.utf8).write(to: dir.appendingPathComponent("b.xlf"))
        #expect(try CLI.run(["validate", "b.xlf"], in: dir).status == 0)

        let run = try CLI.run(["qa", "--disable", "spelling.unknown", "b.xlf"], in: dir)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        let found = run.stdout.split(separator: "\n").filter { $0.contains("length.size-restriction") }.map { $0.split(separator: " ", maxSplits: 1).last.map(String.init) ?? "" }
        // The label is over its limit; the sentence around it is not restricted; "Speichern" fits 10 bytes.
        #expect(found == ["u1-s1: error: [length.size-restriction] span 1 is 16 code points, over the limit of 12 (size restriction, xliff:codepoints)"],
                "\(run.stdout)")
    }

    /// A restriction on an annotation (`slr:` on an `<mrk>`, or on an `<sm>` up to its `<em>`:
    /// a product name a layout gives a fixed width) binds what the marker holds in the target.
    /// The reader keeps no annotation in the content (merge writes none); the marked text is
    /// measured all the same, and merge still writes the translation without markers.
    @Test func annotationSizeRestrictionsBindTheirMarkers() throws {
        let dir = try TemporaryDirectory.make("l10n-qa-marker-size")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("<p>The AquaFlow pump is quiet.</p>\n<p>Order the spare kit today.</p>\n".utf8).write(to: dir.appendingPathComponent("m.html"))
        #expect(try CLI.run(["extract", "-t", "de-DE", "m.html", "-o", "m.xlf"], in: dir).status == 0)
        var xliff = try Self.extractedWithSizeProfiles(dir.appendingPathComponent("m.xlf"))
        // What a CAT tool or a developer adds: markers with limits in the sources, the translations.
        xliff = xliff.replacingOccurrences(of: "<source>The AquaFlow pump is quiet.</source>",
                                           with: #"<source>The <mrk id="m1" translate="yes" slr:sizeRestriction="12">AquaFlow pump</mrk> is quiet.</source><target>Die <mrk id="m1" translate="yes">AquaFlow-Tauchpumpe</mrk> ist leise.</target>"#)
        xliff = xliff.replacingOccurrences(of: "<source>Order the spare kit today.</source>",
                                           with: #"<source>Order the <sm id="m2" slr:storageRestriction="14"/>spare kit<em startRef="m2"/> today.</source><target>Bestellen Sie das <sm id="m2"/>Ersatzteilset<em startRef="m2"/> noch heute.</target>"#)
        try Data(xliff.utf8).write(to: dir.appendingPathComponent("m.xlf"))
        #expect(try CLI.run(["validate", "m.xlf"], in: dir).status == 0)

        let run = try CLI.run(["qa", "--disable", "spelling.unknown", "m.xlf"], in: dir)
        let found = run.stdout.split(separator: "\n").filter { $0.contains("length.size-restriction") }.map { $0.split(separator: " ", maxSplits: 1).last.map(String.init) ?? "" }
        // "AquaFlow-Tauchpumpe" (19) is over 12; "Ersatzteilset" (13 bytes) fits 14.
        #expect(found == ["u1-s1: error: [length.size-restriction] marker m1 is 19 code points, over the limit of 12 (size restriction, xliff:codepoints)"],
                "\(run.stdout)")
        #expect(run.status == 1)

        let merged = try CLI.run(["merge", "m.xlf", "-o", "out/"], in: dir)
        #expect(merged.status == 0, "\(merged.stderr)")
        let page = String(decoding: try Data(contentsOf: dir.appendingPathComponent("out/m.de-DE.html")), as: UTF8.self)
        #expect(page.contains("<p>Die AquaFlow-Tauchpumpe ist leise.</p>") && page.contains("Ersatzteilset noch heute."), "\(page)")
    }

    /// The checks run on any tool's XLIFF, 2.x and 1.2: a file without the skeleton `extract`
    /// embeds is checked (its codes as its own elements describe them); only merge needs one.
    @Test func anyToolsXLIFFIsChecked() throws {
        let dir = try TemporaryDirectory.make("l10n-qa-foreign")
        defer { try? FileManager.default.removeItem(at: dir) }
        let xliff2 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en-US" trgLang="de-DE">
              <file id="f1" original="page.html">
                <unit id="1">
                  <segment id="1" state="translated">
                    <source>Press <pc id="1">Start</pc> to begin.</source>
                    <target>Drücken Sie Start, um zu beginnen.</target>
                  </segment>
                </unit>
                <unit id="2">
                  <segment id="1" state="translated">
                    <source>The tank holds 2.5 liters.</source>
                    <target>Der Tank fasst 2,5 Liter.</target>
                  </segment>
                </unit>
              </file>
            </xliff>

            """
        let xliff12 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
              <file original="page.html" source-language="en-US" target-language="pt-BR" datatype="html">
                <body>
                  <trans-unit id="a">
                    <source>Working pressure: 1.4 bar.</source>
                    <target state="translated">Pressão de trabalho: 1.4 bar.</target>
                  </trans-unit>
                  <trans-unit id="b">
                    <source>Press <g id="1">Start</g> to begin.</source>
                    <target state="translated">Pressione <g id="1">Iniciar</g> para começar.</target>
                  </trans-unit>
                </body>
              </file>
            </xliff>

            """
        try Data(xliff2.utf8).write(to: dir.appendingPathComponent("tool.xlf"))
        try Data(xliff12.utf8).write(to: dir.appendingPathComponent("tool12.xlf"))
        let run = try CLI.run(["qa", "--disable", "spelling.unknown", "tool.xlf", "tool12.xlf"], in: dir)
        #expect(run.status == 1, "\(run.stderr)")
        let found = run.stdout.split(separator: "\n").map(String.init)
        #expect(found.contains { $0.hasPrefix("tool.xlf:5: 1-1: error: [codes.parity]") }, "\(run.stdout)")
        #expect(found.contains { $0.hasPrefix("tool12.xlf:5: a-s1: error: [numbers.consistency]") }, "\(run.stdout)")
        #expect(found.allSatisfy { $0.contains(": 1-1: error: [codes.parity]") || $0.contains(": a-s1: error: [numbers.consistency]") },
                "the correct units draw nothing: \(run.stdout)")
        // Merge still needs the skeleton, and says so.
        let merged = try CLI.run(["merge", "tool.xlf"], in: dir)
        #expect(merged.status == 65 && merged.stderr.contains("no skeleton"), "\(merged.stderr)")
    }

    /// An `<sm>` binds what lies up to its `<em>` wherever that is on the same side of the unit:
    /// past the end of the `<pc>` it starts in, or in the next segment (across the space the
    /// ignorable between them holds, which merge writes as it is).
    @Test func spanningMarkersBindWhatLiesUpToTheirEnd() throws {
        let dir = try TemporaryDirectory.make("l10n-qa-spanning-marker")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("<p>Order the <b>spare kit</b> today.</p>\n<p>The pump is quiet. Order the kit today.</p>\n".utf8)
            .write(to: dir.appendingPathComponent("s.html"))
        #expect(try CLI.run(["extract", "-t", "de-DE", "s.html", "-o", "s.xlf"], in: dir).status == 0)
        var xliff = try Self.extractedWithSizeProfiles(dir.appendingPathComponent("s.xlf"))
        let pc = #"<pc id="1" type="fmt" subType="xlf:b" dataRefStart="d1" dataRefEnd="d2" dispStart="&lt;b&gt;" dispEnd="&lt;/b&gt;">"#
        // m1 starts inside the <pc> and ends after it: "kit today" (9) fits 12, "teilset noch heute" (18) does not.
        xliff = xliff.replacingOccurrences(of: "<source>Order the \(pc)spare kit</pc> today.</source>",
                                           with: #"<source>Order the \#(pc)spare <sm id="m1" slr:sizeRestriction="12"/>kit</pc> today<em startRef="m1"/>.</source><target>Bestellen Sie den \#(pc)Ersatz<sm id="m1"/>teilset</pc> noch heute<em startRef="m1"/>.</target>"#)
        // m2 starts in s1 and ends in s2: "quiet. Order" (12 bytes) fits 20, "flüsterleise. Bestellen" (24 bytes) does not.
        xliff = xliff.replacingOccurrences(of: "<source>The pump is quiet.</source>",
                                           with: #"<source>The pump is <sm id="m2" slr:storageRestriction="20"/>quiet.</source><target>Die Pumpe ist <sm id="m2"/>flüsterleise.</target>"#)
        xliff = xliff.replacingOccurrences(of: "<source>Order the kit today.</source>",
                                           with: #"<source>Order<em startRef="m2"/> the kit today.</source><target>Bestellen<em startRef="m2"/> Sie das Set heute.</target>"#)
        try Data(xliff.utf8).write(to: dir.appendingPathComponent("s.xlf"))
        let validated = try CLI.run(["validate", "s.xlf"], in: dir)
        #expect(validated.status == 0, "\(validated.stdout)\(validated.stderr)")

        let run = try CLI.run(["qa", "--disable", "spelling.unknown", "s.xlf"], in: dir)
        let found = run.stdout.split(separator: "\n").filter { $0.contains("length.size-restriction") }.map { $0.split(separator: " ", maxSplits: 1).last.map(String.init) ?? "" }
        #expect(found == [
            "u1-s1: error: [length.size-restriction] marker m1 is 18 code points, over the limit of 12 (size restriction, xliff:codepoints)",
            "u2-s1: error: [length.size-restriction] marker m2 takes 24 bytes in UTF-8, over the limit of 20 (storage restriction, xliff:utf8)",
        ], "\(run.stdout)")
        #expect(run.status == 1)

        // Within their limits (the source's own spans), nothing is reported.
        let fitting = xliff.replacingOccurrences(of: "Ersatz<sm id=\"m1\"/>teilset</pc> noch heute", with: "Ersatz<sm id=\"m1\"/>teil</pc> heute")
            .replacingOccurrences(of: "<sm id=\"m2\"/>flüsterleise.", with: "<sm id=\"m2\"/>leise.")
        try Data(fitting.utf8).write(to: dir.appendingPathComponent("s.xlf"))
        let quiet = try CLI.run(["qa", "--disable", "spelling.unknown", "s.xlf"], in: dir)
        #expect(!quiet.stdout.contains("length.size-restriction"), "\(quiet.stdout)")
    }

    /// Hand-edited XLIFF with size restrictions (2.1, 2.2, 1.2; see the fixtures' README):
    /// valid, and every target over or under its unit's, group's or file's limit is an error.
    @Test func sizeRestrictionsAreChecked() throws {
        let dir = try TemporaryDirectory.make("l10n-qa-size")
        defer { try? FileManager.default.removeItem(at: dir) }
        let fixtures = PackagePaths.root.appendingPathComponent("Tests/L10nFormatsTests/Fixtures/xliff/size-restriction")
        let expected: [String: [String]] = [
            "size-restrictions.v21.xlf": [
                "u3-s1: error: [length.size-restriction] the target takes 72 bytes in UTF-16, over the limit of 70 (storage restriction, xliff:utf16)",
                "u1-s1: error: [length.size-restriction] group g1 (2 units) is 55 code points, over the limit of 50 (size restriction, xliff:codepoints, NFC)",
                "u1-s1: error: [length.size-restriction] the file (3 units) takes 182 bytes in UTF-16, over the limit of 160 (storage restriction, xliff:utf16)",
            ],
            "size-restrictions.v22.xlf": [
                "u1-s1: error: [length.size-restriction] the target is 9 code points, under the minimum of 12 (size restriction, xliff:codepoints, NFD)",
                "u3-s1: error: [length.size-restriction] the target is 36 code points, over the limit of 33 (size restriction, xliff:codepoints, NFD)",
            ],
            "size-restrictions.v12.xlf": [
                "u2-s1: error: [length.size-restriction] unit u2 (2 segments) takes 43 bytes in UTF-8, over the limit of 42 (storage restriction, xliff:utf8)",
                "u3-s1: error: [length.size-restriction] the target is 34 code points, over the limit of 30 (size restriction, xliff:codepoints)",
            ],
        ]
        for (name, lines) in expected.sorted(by: { $0.key < $1.key }) {
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name), to: dir.appendingPathComponent(name))
            #expect(try CLI.run(["validate", name], in: dir).status == 0, "\(name) validates")
            let run = try CLI.run(["qa", "--disable", "spelling.unknown", name], in: dir)
            #expect(run.status == 1, "\(name): \(run.stderr)")
            let found = run.stdout.split(separator: "\n").map { $0.split(separator: " ", maxSplits: 1).last.map(String.init) ?? "" }
            #expect(found == lines, "\(name):\n\(run.stdout)")
            let accepted = try CLI.run(["qa", "--disable", "spelling.unknown", "--severity", "length.size-restriction=warning", name], in: dir)
            #expect(accepted.status == 0, "\(name): \(accepted.stdout)")
        }
    }

    /// `--config`: the project file's qa settings, with `--market` that market's own; the command
    /// line over both; a wrong check id named by file and key.
    @Test func projectFileSettingsPerMarket() throws {
        let dir = try TemporaryDirectory.make("l10n-qa-config")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("# Pump\n\nIt runs quietly.\n".utf8).write(to: dir.appendingPathComponent("p.md"))
        #expect(try CLI.run(["adapt", "-m", "uk", "-m", "us", "p.md"], in: dir).status == 0)
        for name in ["p.en-GB.xlf", "p.en-US.xlf"] {
            let xlf = dir.appendingPathComponent(name)
            let text = try String(contentsOf: xlf, encoding: .utf8)
            try Data(text.replacingOccurrences(of: "<target>It runs quietly.</target>", with: "<target>It runs  quietly.</target>").utf8).write(to: xlf)
        }
        func project(_ qa: String) throws {
            try Data("""
                version: 1
                source: {include: ["*.md"]}
                markets: [uk, us]
                output: {xliff: "x/{market}/{stem}.xlf"}
                qa:
                \(qa)
                """.utf8).write(to: dir.appendingPathComponent("l10n.yaml"))
        }
        try project("""
              severity: {whitespace.doubled: warning}
              markets:
                uk: {severity: {whitespace.doubled: error}}
                us: {disable: [whitespace.doubled]}
            """)
        func qa(_ arguments: [String]) throws -> CLI.Result { try CLI.run(["qa", "--config", "l10n.yaml"] + arguments, in: dir) }
        let uk = try qa(["--market", "uk", "p.en-GB.xlf"])
        #expect(uk.status == 1 && uk.stdout.contains("u2-s1: error: [whitespace.doubled]"), "\(uk.stdout)\(uk.stderr)")
        let us = try qa(["--market", "us", "p.en-US.xlf"])
        #expect(us.status == 0 && !us.stdout.contains("whitespace.doubled"), "\(us.stdout)\(us.stderr)")
        let noMarket = try qa(["p.en-GB.xlf"])
        #expect(noMarket.status == 0 && noMarket.stdout.contains("u2-s1: warning: [whitespace.doubled]"), "the project's own setting: \(noMarket.stdout)")
        let overridden = try qa(["--market", "uk", "--severity", "whitespace.doubled=info", "p.en-GB.xlf"])
        #expect(overridden.status == 0 && overridden.stdout.contains("u2-s1: info: [whitespace.doubled]"), "the command line wins: \(overridden.stdout)")
        let plain = try CLI.run(["qa", "--market", "uk", "p.en-GB.xlf"], in: dir)
        #expect(plain.stdout.contains("u2-s1: info: [whitespace.doubled]"), "without --config, the defaults: \(plain.stdout)")

        try project("""
              markets:
                uk: {severity: {whitespace.dubbled: error}}
            """)
        let wrong = try qa(["--market", "uk", "p.en-GB.xlf"])
        #expect(wrong.status == 64, "\(wrong.stderr)")
        #expect(wrong.stderr.contains("l10n.yaml: qa.markets.uk.severity.whitespace.dubbled: is not a check id"), "\(wrong.stderr)")
        let missing = try CLI.run(["qa", "--config", "nope.yaml", "p.en-GB.xlf"], in: dir)
        #expect(missing.status != 0 && missing.stderr.contains("nope.yaml"), "\(missing.stderr)")
    }
}
