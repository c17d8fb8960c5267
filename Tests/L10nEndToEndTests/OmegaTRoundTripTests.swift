import Foundation
import L10nTestSupport
import Testing

/// A real translator's round trip: `l10n extract --prefill-targets --xliff-version 1.2`, the real
/// OmegaT (Debian's `omegat`, installed by `tools/setup`) translating from a project memory in
/// console mode, then `l10n validate` and `l10n merge` on the file OmegaT wrote. Our own readers
/// and writers agree with each other by construction; only a foreign tool shows whether the XLIFF
/// we write is what a CAT tool accepts and whether we read back what it writes. The pump page also
/// goes through `l10n adapt --market br`: OmegaT must write every `<note>` (context and
/// adaptation notes) back on its unit.
@Suite struct OmegaTRoundTripTests {
    /// One memory entry: the sentence as OmegaT shows it (inline codes as OmegaT tags `<g0>`…),
    /// its translation, what OmegaT must then write into the XLIFF target, and the text that
    /// must replace the source text in the merged page.
    struct Entry {
        var page: String
        var omegatSource: String
        var omegatTarget: String
        var xliffTarget: String
        var pageSource: String
        var pageTarget: String
    }

    static let pages = ["water-pump-aquaflow-xp2000b.md", "usb-c-charger-gan-65w.html"]

    static let entries: [Entry] = [
        Entry(page: "water-pump-aquaflow-xp2000b.md",
              omegatSource: "Why homeowners choose AquaFlow",
              omegatTarget: "Por que os proprietários escolhem a AquaFlow",
              xliffTarget: "Por que os proprietários escolhem a AquaFlow",
              pageSource: "## Why homeowners choose AquaFlow\n",
              pageTarget: "## Por que os proprietários escolhem a AquaFlow\n"),
        // The first sentence of a three-sentence paragraph: the other two must stay English.
        Entry(page: "water-pump-aquaflow-xp2000b.md",
              omegatSource: "Tired of weak showers and sputtering faucets?",
              omegatTarget: "Cansado de chuveiros fracos e torneiras engasgando?",
              xliffTarget: "Cansado de chuveiros fracos e torneiras engasgando?",
              pageSource: "Tired of weak showers and sputtering faucets? The **AquaFlow",
              pageTarget: "Cansado de chuveiros fracos e torneiras engasgando? The **AquaFlow"),
        // Inline codes: OmegaT shows `<g id="1">` as `<g0>`, and writes the original `<g>` back.
        Entry(page: "water-pump-aquaflow-xp2000b.md",
              omegatSource: "Dual-voltage motor: ships wired for <g0>230 V</g0>, switches to <g1>115 V</g1> in approx. 2 minutes.",
              omegatTarget: "Motor de dupla voltagem: sai de fábrica ligado em <g0>230 V</g0> e muda para <g1>115 V</g1> em aprox. 2 minutos.",
              xliffTarget: #"Motor de dupla voltagem: sai de fábrica ligado em <g id="1" ctype="bold">230 V</g> e muda para <g id="2" ctype="bold">115 V</g> em aprox. 2 minutos."#,
              pageSource: "- Dual-voltage motor: ships wired for **230 V**, switches to **115 V** in approx. 2 minutes.\n",
              pageTarget: "- Motor de dupla voltagem: sai de fábrica ligado em **230 V** e muda para **115 V** em aprox. 2 minutos.\n"),
        Entry(page: "usb-c-charger-gan-65w.html",
              omegatSource: "Why GaN?",
              omegatTarget: "Por que GaN?",
              xliffTarget: "Por que GaN?",
              pageSource: "<h3>Why GaN?</h3>",
              pageTarget: "<h3>Por que GaN?</h3>"),
        // An escaped `&` must come back as the page's `&amp;`.
        Entry(page: "usb-c-charger-gan-65w.html",
              omegatSource: "Welcome guide & 18-month warranty card",
              omegatTarget: "Guia de boas-vindas & cartão de garantia de 18 meses",
              xliffTarget: "Guia de boas-vindas &amp; cartão de garantia de 18 meses",
              pageSource: "<li>Welcome guide &amp; 18-month warranty card</li>",
              pageTarget: "<li>Guia de boas-vindas &amp; cartão de garantia de 18 meses</li>"),
    ]

    @Test(.timeLimit(.minutes(3)))
    func omegatTranslatesFromMemoryAndMergeRebuildsThePages() throws {
        let omegat = try #require(ExternalTool.find("omegat"), """
            OmegaT is not installed (no `omegat` on PATH): run `tools/setup`, which installs \
            Debian's omegat package; CI runs it before `swift test`
            """)
        let dir = try TemporaryDirectory.make("l10n-omegat")
        defer { try? FileManager.default.removeItem(at: dir) }

        // 1. Extract with targets prefilled as source copies, as a translator using OmegaT needs.
        try Corpus.copy(Self.pages, into: dir)
        let extract = try CLI.run(["extract", "--prefill-targets", "--xliff-version", "1.2", "-t", "pt-BR"] + Self.pages + ["-o", "x"], in: dir)
        try #require(extract.status == 0, "\(extract.stderr)")

        // …and the pump page adapted for Brazil, whose units carry the adaptation notes.
        let adapt = try CLI.run(["adapt", "--market", "br", "--backend", "none", "--prefill-targets", "--xliff-version", "1.2", "--format", "xliff", Self.adaptedPage, "--out", "a"], in: dir)
        try #require(adapt.status == 0, "\(adapt.stderr)")

        // 2. An OmegaT project: our XLIFF as source, the memory in tm/auto/ (OmegaT inserts its
        // exact matches as translations; plain tm/ would only offer them as fuzzy matches).
        let project = dir.appendingPathComponent("project")
        for folder in ["source", "target", "tm/auto", "glossary", "dictionary", "omegat", "config", "home"] {
            try FileManager.default.createDirectory(at: project.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try Self.projectFile.write(to: project.appendingPathComponent("omegat.project"), atomically: true, encoding: .utf8)
        try Self.memory(Self.entries).write(to: project.appendingPathComponent("tm/auto/memory.tmx"), atomically: true, encoding: .utf8)
        var extracted: [String: String] = [:]
        for page in Self.pages {
            let name = XMLText.localizedNames(page, language: "pt-BR").xliff
            let xliff = dir.appendingPathComponent("x/\(name)")
            extracted[page] = try String(contentsOf: xliff, encoding: .utf8)
            try FileManager.default.copyItem(at: xliff, to: project.appendingPathComponent("source/\(name)"))
        }

        let adaptedURL = dir.appendingPathComponent("a/\(XMLText.localizedNames(Self.adaptedPage, language: "pt-BR").xliff)")
        try FileManager.default.copyItem(at: adaptedURL, to: project.appendingPathComponent("source/\(Self.adaptedName)"))

        // 3. OmegaT itself, headless and offline.
        let run = try Self.runOmegaT(omegat, project: project)
        try #require(run.status == 0, "omegat exited \(run.status):\n\(run.output.suffix(4000))")
        let stats = try String(contentsOf: project.appendingPathComponent("omegat/project_stats.txt"), encoding: .utf8)

        for page in Self.pages {
            let name = XMLText.localizedNames(page, language: "pt-BR").xliff
            let source = try #require(extracted[page])
            let translatedURL = project.appendingPathComponent("target/\(name)")
            let translated = try String(contentsOf: translatedURL, encoding: .utf8)
            let entries = Self.entries.filter { $0.page == page }
            #expect(!entries.isEmpty)

            // OmegaT saw every segment l10n extracted, and wrote a target segment for each.
            let segments = XMLText.count("<mrk mtype=\"seg\"", in: XMLText.elements("seg-source", in: source))
            #expect(segments > 0)
            #expect(Self.omegatSegmentCount(file: name, stats: stats) == segments, "OmegaT statistics:\n\(stats)")
            #expect(XMLText.count("<mrk mtype=\"seg\"", in: XMLText.elements("target", in: translated)) == segments)
            #expect(XMLText.count("<trans-unit ", in: translated) == XMLText.count("<trans-unit ", in: source))
            for entry in entries {
                #expect(translated.contains(">\(entry.xliffTarget)</mrk>"), "OmegaT did not write \(entry.xliffTarget)")
            }

            // l10n accepts what OmegaT wrote.
            let validate = try CLI.run(["validate", translatedURL.path], in: dir)
            #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")

            // The merged page is the original with exactly the memory's sentences replaced.
            let merge = try CLI.run(["merge", translatedURL.path, "-o", "m"], in: dir)
            try #require(merge.status == 0, "\(merge.stderr)")
            let original = try String(contentsOf: Corpus.url(page), encoding: .utf8)
            var expected = original
            for entry in entries {
                #expect(original.components(separatedBy: entry.pageSource).count == 2, "\(entry.pageSource) must occur once in \(page)")
                expected = expected.replacingOccurrences(of: entry.pageSource, with: entry.pageTarget)
            }
            #expect(expected != original)
            let mergedURL = dir.appendingPathComponent("m/\(XMLText.localizedNames(page, language: "pt-BR").document)")
            let merged = try String(contentsOf: mergedURL, encoding: .utf8)
            #expect(merged == expected)
            #expect(Self.tags(in: merged) == Self.tags(in: original))
        }

        // 4. Notes: OmegaT writes every <note> back unchanged, on its unit (`"` as `&quot;`, the
        // same text): the context notes of attribute units on extracted pages, and the
        // adaptation notes (changes and advisories) on the adapted page, translated units included.
        var categories: Set<String> = []
        for name in Self.pages.map({ XMLText.localizedNames($0, language: "pt-BR").xliff }) + [Self.adaptedName] {
            let before = try XLIFFNotes.read(contentsOf: project.appendingPathComponent("source/\(name)"))
            let after = try XLIFFNotes.read(contentsOf: project.appendingPathComponent("target/\(name)"))
            #expect(!before.isEmpty, "\(name) has no notes to carry")
            #expect(after == before, "OmegaT changed the notes of \(name)")
            categories.formUnion(before.compactMap(\.from))
        }
        #expect(categories.isSuperset(of: ["l10n:context", "l10n:adaptation"]), "\(categories)")
        let adapted = try String(contentsOf: project.appendingPathComponent("target/\(Self.adaptedName)"), encoding: .utf8)
        // The unit whose first sentence OmegaT translated from the memory keeps its adaptation notes.
        let translatedSentence = try #require(adapted.range(of: ">Cansado de chuveiros fracos e torneiras engasgando?</mrk>"),
                                              "OmegaT did not translate the adapted page")
        let unitStart = try #require(adapted[..<translatedSentence.lowerBound].range(of: "<trans-unit id=\"", options: .backwards))
        let unit = String(adapted[unitStart.upperBound...].prefix { $0 != "\"" })
        let after = try XLIFFNotes.read(contentsOf: project.appendingPathComponent("target/\(Self.adaptedName)"))
        #expect(after.contains(where: { $0.unit == unit && $0.from == "l10n:adaptation" }), "no adaptation note on translated unit \(unit)")
        #expect(Self.omegatSegmentCount(file: Self.adaptedName, stats: stats)
            == XMLText.count("<mrk mtype=\"seg\"", in: XMLText.elements("seg-source", in: try String(contentsOf: adaptedURL, encoding: .utf8))))
        let validate = try CLI.run(["validate", project.appendingPathComponent("target/\(Self.adaptedName)").path], in: dir)
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
    }

    /// The page also taken through `l10n adapt --market br`, and the name its XLIFF gets in the
    /// OmegaT project (beside the extracted one of the same page).
    static let adaptedPage = "water-pump-aquaflow-xp2000b.md"
    static let adaptedName = "adapted-water-pump-aquaflow-xp2000b.pt-BR.xlf"

    /// The project file as OmegaT 3.6 reads it (its `schemas/project_properties.xsd`; all paths
    /// relative to the project folder). No sentence segmentation: l10n's segments are sentences.
    static let projectFile = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <omegat>
            <project version="1.0">
                <source_dir>source</source_dir>
                <target_dir>target</target_dir>
                <tm_dir>tm</tm_dir>
                <glossary_dir>glossary</glossary_dir>
                <glossary_file>glossary/glossary.txt</glossary_file>
                <dictionary_dir>dictionary</dictionary_dir>
                <source_lang>en-US</source_lang>
                <target_lang>pt-BR</target_lang>
                <source_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</source_tok>
                <target_tok>org.omegat.tokenizer.LuceneBrazilianTokenizer</target_tok>
                <sentence_seg>false</sentence_seg>
                <support_default_translations>true</support_default_translations>
                <remove_tags>false</remove_tags>
            </project>
        </omegat>

        """

    /// A TMX 1.4 memory with `entries`, text escaped once (OmegaT tags are text in a TMX seg).
    static func memory(_ entries: [Entry]) -> String {
        let units = entries.map { entry in
            "    <tu><tuv xml:lang=\"en-US\"><seg>\(XMLText.escape(entry.omegatSource))</seg></tuv>"
                + "<tuv xml:lang=\"pt-BR\"><seg>\(XMLText.escape(entry.omegatTarget))</seg></tuv></tu>\n"
        }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4">
              <header creationtool="l10n-tests" creationtoolversion="1" segtype="paragraph" o-tmf="none" adminlang="en" srclang="en-US" datatype="plaintext"/>
              <body>
            \(units)  </body>
            </tmx>

            """
    }





    /// Runs `omegat --mode=console-translate` on `project` with its own config folder and HOME
    /// (nothing read from or written to the user's ~/.omegat), no team (git/svn) support, and a
    /// headless JVM. Console translation loads files and memories and writes `target/`; with no
    /// machine translation configured it opens no connection.
    static func runOmegaT(_ omegat: URL, project: URL) throws -> (status: Int32, output: String) {
        // The project folder goes last: OmegaT takes the first non-option argument that is a
        // project folder (one holding omegat.project and an omegat/ folder).
        try ExternalTool.run(omegat, [
            "--mode=console-translate", "--no-team", "--disable-project-locking",
            "--config-dir=\(project.appendingPathComponent("config").path)", project.path,
        ], environment: ["JAVA_TOOL_OPTIONS": "-Djava.awt.headless=true", "HOME": project.appendingPathComponent("home").path])
    }

    /// The "Total Segments" OmegaT counted for `file` in omegat/project_stats.txt, or nil.
    static func omegatSegmentCount(file: String, stats: String) -> Int? {
        for line in stats.split(separator: "\n") {
            let columns = line.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
            if columns.first == file, columns.count > 1 { return Int(columns[1]) }
        }
        return nil
    }



    /// Every HTML tag, and every Markdown structural line start (headings, list items, quotes,
    /// tables, fences), in document order: the markup the merge must keep.
    static func tags(in text: String) -> [String] {
        var result: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            result.append(String(rest[open...close]))
            rest = rest[rest.index(after: close)...]
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let marker = line.prefix { "#->|`*0123456789. ".contains($0) }
            result.append(String(marker))
        }
        return result
    }
}
