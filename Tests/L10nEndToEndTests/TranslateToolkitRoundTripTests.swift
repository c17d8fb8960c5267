import Foundation
import L10nTestSupport
import Testing

/// A real translator's round trip through Translate Toolkit (Debian's `translate-toolkit` 3.8.4,
/// installed by `tools/setup`): `l10n extract --prefill-targets --xliff-version 1.2`, TTK's
/// `xliff2po` to a PO file, a few `msgstr`s filled in the PO text, TTK's `pomerge --mergefuzzy=no`
/// back into the XLIFF, then `l10n validate` and `l10n merge` on the file TTK wrote.
///
/// What TTK does with our XLIFF 1.2, as asserted here:
/// - one PO entry per `<trans-unit>` (`#: u6`), never per `<mrk mtype="seg">`: `<seg-source>` is
///   ignored and a unit's sentences are one msgid;
/// - inline codes are dropped from the msgid (`<g>` keeps only its text, `<x>` vanishes,
///   `equiv-text` is not used), so a translation of a unit with codes merges without its markup;
/// - a prefilled target becomes a `#, fuzzy` msgstr equal to the msgid; `--mergefuzzy=no` leaves
///   those targets (their `<mrk>`s and codes) byte for byte as extracted, and they merge as
///   untranslated; a translated entry replaces the whole `<target>` with plain text (no `<mrk>`),
///   `state="translated"`, and adds `approved="yes"` to the unit; header, skeleton, `<seg-source>`
///   are left alone;
/// - notes: `xliff2po` turns only `<note>`s whose `from` names `translator` or `developer` into PO
///   comments, so ours (`from="l10n:context"`, `from="l10n:adaptation"`) never reach the PO and the
///   translator does not see them; pomerge leaves every `<note>` of the template XLIFF in place, so
///   they are all still in the file that comes back, on translated units too;
/// - without prefilled targets, pomerge inserts `<target>` right after `<source>`, before
///   `<seg-source>`, which the XLIFF 1.2 schema forbids, so `l10n validate` rejects the file.
@Suite struct TranslateToolkitRoundTripTests {
    /// One PO translation: the msgid as `xliff2po` writes it, the msgstr the translator types, and
    /// the text that must replace the source text in the merged page.
    struct Entry {
        var page: String
        var msgid: String
        var msgstr: String
        var pageSource: String
        var pageTarget: String
    }

    static let pages = ["water-pump-aquaflow-xp2000b.md", "usb-c-charger-gan-65w.html"]

    static let entries: [Entry] = [
        Entry(page: "water-pump-aquaflow-xp2000b.md",
              msgid: "Why homeowners choose AquaFlow",
              msgstr: "Por que os proprietários escolhem a AquaFlow",
              pageSource: "## Why homeowners choose AquaFlow\n",
              pageTarget: "## Por que os proprietários escolhem a AquaFlow\n"),
        // Two l10n segments, one PO entry: the translation replaces the whole unit.
        Entry(page: "water-pump-aquaflow-xp2000b.md",
              msgid: "Max. pressure: 68 psi (shut-off). Max. water temperature: 104°F.",
              msgstr: "Pressão máx.: 68 psi (desligamento). Temperatura máx. da água: 104°F.",
              pageSource: "\nMax. pressure: 68 psi (shut-off). Max. water temperature: 104°F.\n",
              pageTarget: "\nPressão máx.: 68 psi (desligamento). Temperatura máx. da água: 104°F.\n"),
        // Inline codes: the msgid has none (`**230 V**` is `<g>` in the XLIFF), so the bold is lost.
        Entry(page: "water-pump-aquaflow-xp2000b.md",
              msgid: "Dual-voltage motor: ships wired for 230 V, switches to 115 V in approx. 2 minutes.",
              msgstr: "Motor bivolt: sai de fábrica em 230 V e muda para 115 V em aprox. 2 minutos.",
              pageSource: "- Dual-voltage motor: ships wired for **230 V**, switches to **115 V** in approx. 2 minutes.\n",
              pageTarget: "- Motor bivolt: sai de fábrica em 230 V e muda para 115 V em aprox. 2 minutos.\n"),
        Entry(page: "usb-c-charger-gan-65w.html",
              msgid: "Why GaN?",
              msgstr: "Por que GaN?",
              pageSource: "<h3>Why GaN?</h3>",
              pageTarget: "<h3>Por que GaN?</h3>"),
        // A plain `&` in the PO must come back as the page's `&amp;`.
        Entry(page: "usb-c-charger-gan-65w.html",
              msgid: "Welcome guide & 18-month warranty card",
              msgstr: "Guia de boas-vindas & cartão de garantia de 18 meses",
              pageSource: "<li>Welcome guide &amp; 18-month warranty card</li>",
              pageTarget: "<li>Guia de boas-vindas &amp; cartão de garantia de 18 meses</li>"),
    ]

    @Test(.timeLimit(.minutes(3)))
    func poTranslationsMergeBackIntoThePages() throws {
        let xliff2po = try Self.requireTool("xliff2po")
        let pomerge = try Self.requireTool("pomerge")
        let dir = try TemporaryDirectory.make("l10n-ttk")
        defer { try? FileManager.default.removeItem(at: dir) }

        // 1. Extract with targets prefilled: pomerge then rewrites targets where they stand.
        try Corpus.copy(Self.pages, into: dir)
        let extract = try CLI.run(["extract", "--prefill-targets", "--xliff-version", "1.2", "-t", "pt-BR"] + Self.pages + ["-o", "x"], in: dir)
        try #require(extract.status == 0, "\(extract.stderr)")

        for page in Self.pages {
            let name = XMLText.localizedNames(page, language: "pt-BR").xliff
            let xliffURL = dir.appendingPathComponent("x/\(name)")
            let source = try String(contentsOf: xliffURL, encoding: .utf8)
            let entries = Self.entries.filter { $0.page == page }
            #expect(!entries.isEmpty)

            // 2. xliff2po: one entry per trans-unit, each a fuzzy copy of its source, codes dropped.
            let poURL = dir.appendingPathComponent("\(name).po")
            let convert = try Self.run(xliff2po, ["-i", xliffURL.path, "-o", poURL.path])
            try #require(convert.status == 0, "xliff2po exited \(convert.status):\n\(convert.output)")
            let po = try Self.parsePO(String(contentsOf: poURL, encoding: .utf8))
            let units = XMLText.count("<trans-unit ", in: source)
            let segments = XMLText.count("<mrk mtype=\"seg\"", in: XMLText.elements("seg-source", in: source))
            #expect(units > 0)
            #expect(segments > units, "the page must have units of several sentences")
            #expect(po.count == units, "xliff2po must write one PO entry per trans-unit")
            #expect(po.map(\.locations) == (1...units).map { ["u\($0)"] })
            #expect(po.allSatisfy { $0.fuzzy && $0.msgstr == $0.msgid })
            let notes = try XLIFFNotes.read(contentsOf: xliffURL)
            #expect(!notes.isEmpty, "\(page) has no notes to carry")
            try Self.expectNoNotes(notes, inPO: String(contentsOf: poURL, encoding: .utf8))
            for entry in entries {
                #expect(po.filter { $0.msgid == entry.msgid }.count == 1, "no PO entry \(entry.msgid)")
            }

            // 3. The translator's work: fill msgstr, clear fuzzy, in the PO text.
            let translatedPO = dir.appendingPathComponent("\(name).pt-BR.po")
            try Self.translate(String(contentsOf: poURL, encoding: .utf8), entries)
                .write(to: translatedPO, atomically: true, encoding: .utf8)

            // 4. pomerge into the l10n XLIFF as template; fuzzy source copies stay as extracted.
            let mergedXLIFF = dir.appendingPathComponent("ttk-\(name)")
            let merge = try Self.run(pomerge, ["--mergefuzzy=no", "-t", xliffURL.path, "-i", translatedPO.path, "-o", mergedXLIFF.path])
            try #require(merge.status == 0, "pomerge exited \(merge.status):\n\(merge.output)")
            let translated = try String(contentsOf: mergedXLIFF, encoding: .utf8)
            #expect(XMLText.count("<trans-unit ", in: translated) == units)
            #expect(XMLText.count("state=\"translated\"", in: translated) == entries.count)
            #expect(XMLText.count("approved=\"yes\"", in: translated) == entries.count)
            #expect(XMLText.elements("header", in: translated) == XMLText.elements("header", in: source))
            #expect(XMLText.elements("seg-source", in: translated) == XMLText.elements("seg-source", in: source))
            for entry in entries {
                #expect(translated.contains("<target state=\"translated\">\(XMLText.escape(entry.msgstr))</target>"),
                        "pomerge did not write \(entry.msgstr)")
            }

            // The notes are all still there, on their units.
            #expect(try XLIFFNotes.read(contentsOf: mergedXLIFF) == notes, "pomerge changed the notes of \(page)")

            // 5. l10n accepts what pomerge wrote, and merges it.
            let validate = try CLI.run(["validate", mergedXLIFF.path], in: dir)
            #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
            let l10nMerge = try CLI.run(["merge", mergedXLIFF.path, "-o", "m"], in: dir)
            try #require(l10nMerge.status == 0, "\(l10nMerge.stderr)")
            let original = try String(contentsOf: Corpus.url(page), encoding: .utf8)
            var expected = original
            for entry in entries {
                #expect(original.components(separatedBy: entry.pageSource).count == 2, "\(entry.pageSource) must occur once in \(page)")
                expected = expected.replacingOccurrences(of: entry.pageSource, with: entry.pageTarget)
            }
            #expect(expected != original)
            let merged = try String(contentsOf: dir.appendingPathComponent("m/\(XMLText.localizedNames(page, language: "pt-BR").document)"), encoding: .utf8)
            #expect(merged == expected)
        }
    }

    /// Without prefilled targets pomerge adds `<target>` after `<source>`, before `<seg-source>`:
    /// not XLIFF 1.2 (the schema's order is source, seg-source, target), and `l10n validate` says so.
    @Test(.timeLimit(.minutes(3)))
    func withoutPrefilledTargetsPomergeWritesTargetsBeforeSegSource() throws {
        let xliff2po = try Self.requireTool("xliff2po")
        let pomerge = try Self.requireTool("pomerge")
        let dir = try TemporaryDirectory.make("l10n-ttk")
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = "usb-c-charger-gan-65w.html"
        try Corpus.copy([page], into: dir)
        let extract = try CLI.run(["extract", "--xliff-version", "1.2", "-t", "pt-BR", page, "-o", "x"], in: dir)
        try #require(extract.status == 0, "\(extract.stderr)")
        let xliffURL = dir.appendingPathComponent("x/\(XMLText.localizedNames(page, language: "pt-BR").xliff)")
        let poURL = dir.appendingPathComponent("page.po")
        let convert = try Self.run(xliff2po, ["-i", xliffURL.path, "-o", poURL.path])
        try #require(convert.status == 0, "xliff2po exited \(convert.status):\n\(convert.output)")
        let po = try Self.parsePO(String(contentsOf: poURL, encoding: .utf8))
        #expect(!po.isEmpty)
        #expect(po.allSatisfy { !$0.fuzzy && $0.msgstr.isEmpty })
        // `<g ctype="x-fmt">(Model <x equiv-text="VL-G65C2A"/>)</g>`: the `<g>` keeps its text, the `<x>` is gone.
        #expect(po.first?.msgid == "VoltLink GaN 65W 3-Port USB-C Charger (Model )")
        let entries = Self.entries.filter { $0.page == page }
        let translatedPO = dir.appendingPathComponent("page.pt-BR.po")
        try Self.translate(String(contentsOf: poURL, encoding: .utf8), entries)
            .write(to: translatedPO, atomically: true, encoding: .utf8)
        let mergedXLIFF = dir.appendingPathComponent("ttk.xlf")
        let merge = try Self.run(pomerge, ["-t", xliffURL.path, "-i", translatedPO.path, "-o", mergedXLIFF.path])
        try #require(merge.status == 0, "pomerge exited \(merge.status):\n\(merge.output)")
        let translated = try String(contentsOf: mergedXLIFF, encoding: .utf8)
        #expect(translated.contains("<source>Why GaN?</source>\n        <target state=\"translated\">Por que GaN?</target>\n        <seg-source>"))
        let validate = try CLI.run(["validate", mergedXLIFF.path], in: dir)
        #expect(validate.status != 0)
        #expect((validate.stdout + validate.stderr).contains("[xliff.schema] Element 'seg-source': This element is not expected."))
    }

    /// A size restriction a project manager put on a unit (1.2 `size-unit="char"` `maxwidth`,
    /// `maxbytes`) is still there in the file pomerge writes, which validates, and `l10n qa`
    /// checks the translation against it.
    @Test(.timeLimit(.minutes(3)))
    func sizeRestrictionsSurvivePomergeAndAreChecked() throws {
        let xliff2po = try Self.requireTool("xliff2po")
        let pomerge = try Self.requireTool("pomerge")
        let dir = try TemporaryDirectory.make("l10n-ttk")
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = "usb-c-charger-gan-65w.html"
        try Corpus.copy([page], into: dir)
        let extract = try CLI.run(["extract", "--prefill-targets", "--xliff-version", "1.2", "-t", "pt-BR", page, "-o", "x"], in: dir)
        try #require(extract.status == 0, "\(extract.stderr)")
        let xliffURL = dir.appendingPathComponent("x/\(XMLText.localizedNames(page, language: "pt-BR").xliff)")
        var source = try String(contentsOf: xliffURL, encoding: .utf8)
        // The unit of "Why GaN?" (an <h3>): at most 10 characters and 12 bytes.
        let unit = try #require(source.range(of: #"<trans-unit id="u\d+"[^>]*>(?=\s*<source>Why GaN\?</source>)"#, options: .regularExpression))
        let start = String(source[unit])
        source.replaceSubrange(unit, with: start.dropLast() + #" size-unit="char" maxwidth="10" maxbytes="12">"#)
        try source.write(to: xliffURL, atomically: true, encoding: .utf8)

        let poURL = dir.appendingPathComponent("page.po")
        try #require(try Self.run(xliff2po, ["-i", xliffURL.path, "-o", poURL.path]).status == 0)
        let translatedPO = dir.appendingPathComponent("page.pt-BR.po")
        // "Por que GaN?": 12 characters (over 10), 12 bytes (at the limit).
        try Self.translate(String(contentsOf: poURL, encoding: .utf8), Self.entries.filter { $0.msgid == "Why GaN?" })
            .write(to: translatedPO, atomically: true, encoding: .utf8)
        let mergedXLIFF = dir.appendingPathComponent("ttk.xlf")
        let merge = try Self.run(pomerge, ["--mergefuzzy=no", "-t", xliffURL.path, "-i", translatedPO.path, "-o", mergedXLIFF.path])
        try #require(merge.status == 0, "pomerge exited \(merge.status):\n\(merge.output)")
        let translated = try String(contentsOf: mergedXLIFF, encoding: .utf8)
        #expect(translated.contains(#"size-unit="char" maxwidth="10" maxbytes="12""#), "pomerge dropped the restriction")

        let validate = try CLI.run(["validate", mergedXLIFF.path], in: dir)
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        let qa = try CLI.run(["qa", "--disable", "spelling.unknown", mergedXLIFF.path], in: dir)
        #expect(qa.status == 1, "\(qa.stdout)\(qa.stderr)")
        let findings = qa.stdout.split(separator: "\n").filter { $0.contains("[length.size-restriction]") }
        #expect(findings.count == 1, "\(qa.stdout)")
        #expect(findings.first?.hasSuffix("the target is 12 code points, over the limit of 10 (size restriction, xliff:codepoints)") == true, "\(qa.stdout)")
    }

    /// A page adapted for Brazil: its adaptation notes do not reach the PO, and the XLIFF pomerge
    /// writes still has every one of them, also on the unit the translator translated.
    @Test(.timeLimit(.minutes(3)))
    func adaptationNotesStayInTheXLIFFButNeverReachThePO() throws {
        let xliff2po = try Self.requireTool("xliff2po")
        let pomerge = try Self.requireTool("pomerge")
        let dir = try TemporaryDirectory.make("l10n-ttk")
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = "water-pump-aquaflow-xp2000b.md"
        try Corpus.copy([page], into: dir)
        let adapt = try CLI.run(["adapt", "--market", "br", "--backend", "none", "--prefill-targets", "--xliff-version", "1.2", "--format", "xliff", page, "--out", "a"], in: dir)
        try #require(adapt.status == 0, "\(adapt.stderr)")
        let xliffURL = dir.appendingPathComponent("a/\(XMLText.localizedNames(page, language: "pt-BR").xliff)")
        let notes = try XLIFFNotes.read(contentsOf: xliffURL)
        let adaptationNotes = notes.filter { $0.from == "l10n:adaptation" }
        #expect(adaptationNotes.count > 10, "\(notes)")

        let poURL = dir.appendingPathComponent("page.po")
        let convert = try Self.run(xliff2po, ["-i", xliffURL.path, "-o", poURL.path])
        try #require(convert.status == 0, "xliff2po exited \(convert.status):\n\(convert.output)")
        let poText = try String(contentsOf: poURL, encoding: .utf8)
        try Self.expectNoNotes(notes, inPO: poText)

        // Translate the first entry whose unit has adaptation notes.
        let po = try Self.parsePO(poText)
        let annotated = Set(adaptationNotes.map(\.unit))
        let entry = try #require(po.first(where: { $0.locations.count == 1 && annotated.contains($0.locations[0]) }))
        let unit = entry.locations[0]
        let translation = Entry(page: page, msgid: entry.msgid, msgstr: "Tradução de \(unit)", pageSource: "", pageTarget: "")
        let translatedPO = dir.appendingPathComponent("page.pt-BR.po")
        try Self.translate(poText, [translation]).write(to: translatedPO, atomically: true, encoding: .utf8)
        let mergedXLIFF = dir.appendingPathComponent("ttk.xlf")
        let merge = try Self.run(pomerge, ["--mergefuzzy=no", "-t", xliffURL.path, "-i", translatedPO.path, "-o", mergedXLIFF.path])
        try #require(merge.status == 0, "pomerge exited \(merge.status):\n\(merge.output)")
        let translated = try String(contentsOf: mergedXLIFF, encoding: .utf8)
        #expect(translated.contains("<target state=\"translated\">Tradução de \(unit)</target>"))
        #expect(try XLIFFNotes.read(contentsOf: mergedXLIFF) == notes, "pomerge changed the notes")
        let validate = try CLI.run(["validate", mergedXLIFF.path], in: dir)
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
    }

    /// The PO `xliff2po` wrote has no comment lines (`#.` extracted, `# ` translator) and none of
    /// the notes' texts.
    static func expectNoNotes(_ notes: [XLIFFNote], inPO po: String) throws {
        let comments = po.split(separator: "\n").filter { $0.hasPrefix("#.") || $0.hasPrefix("# ") || $0 == "#" }
        #expect(comments.isEmpty, "xliff2po wrote comments: \(comments.prefix(3))")
        let unquoted = try parsePO(po).map { $0.msgid + "\n" + $0.msgstr }.joined(separator: "\n")
        for note in notes {
            #expect(!unquoted.contains(note.text) && !po.contains(note.text), "a note reached the PO: \(note)")
        }
    }

    // MARK: - PO

    struct POEntry {
        var locations: [String]
        var fuzzy: Bool
        var msgid: String
        var msgstr: String
    }

    /// The entries of a PO file as xliff2po writes it (the header entry left out).
    static func parsePO(_ text: String) throws -> [POEntry] {
        var result: [POEntry] = []
        for block in text.components(separatedBy: "\n\n") where !block.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            var entry = POEntry(locations: [], fuzzy: false, msgid: "", msgstr: "")
            var field: WritableKeyPath<POEntry, String>?
            for line in block.split(separator: "\n").map(String.init) {
                if line.hasPrefix("#: ") { entry.locations += line.dropFirst(3).split(separator: " ").map(String.init) }
                else if line.hasPrefix("#,") { entry.fuzzy = entry.fuzzy || line.contains("fuzzy") }
                else if line.hasPrefix("msgid ") { field = \.msgid; entry.msgid = try unquote(line.dropFirst(6)) }
                else if line.hasPrefix("msgstr ") { field = \.msgstr; entry.msgstr = try unquote(line.dropFirst(7)) }
                else if line.hasPrefix("\""), let field { entry[keyPath: field] += try unquote(Substring(line)) }
            }
            if !entry.msgid.isEmpty { result.append(entry) }
        }
        return result
    }

    static func unquote(_ quoted: Substring) throws -> String {
        guard quoted.count >= 2, quoted.first == "\"", quoted.last == "\"" else {
            throw TestFailure("not a PO string: \(quoted)")
        }
        var out = ""
        var escaped = false
        for c in quoted.dropFirst().dropLast() {
            if escaped {
                switch c {
                case "n": out.append("\n")
                case "t": out.append("\t")
                default: out.append(c)
                }
                escaped = false
            } else if c == "\\" { escaped = true } else { out.append(c) }
        }
        return out
    }

    static func quote(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
    }

    /// The PO text with each entry's msgstr set (and its fuzzy flag removed), every other line
    /// as xliff2po wrote it.
    static func translate(_ text: String, _ entries: [Entry]) throws -> String {
        var blocks = text.components(separatedBy: "\n\n")
        for entry in entries {
            let matches = try blocks.indices.filter { try parsePO(blocks[$0]).first?.msgid == entry.msgid }
            guard matches.count == 1, let i = matches.first else { throw TestFailure("\(matches.count) PO entries for \(entry.msgid)") }
            let lines = blocks[i].split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard let msgstr = lines.firstIndex(where: { $0.hasPrefix("msgstr ") }) else { throw TestFailure("no msgstr for \(entry.msgid)") }
            let kept = lines[..<msgstr].filter { $0 != "#, fuzzy" }
            let rest = lines[(msgstr + 1)...].drop(while: { $0.hasPrefix("\"") })
            blocks[i] = (kept + ["msgstr " + quote(entry.msgstr)] + Array(rest)).joined(separator: "\n")
        }
        return blocks.joined(separator: "\n\n")
    }

    struct TestFailure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    // MARK: - Helpers

    static func requireTool(_ name: String) throws -> URL {
        try #require(ExternalTool.find(name), """
            Translate Toolkit is not installed (no `\(name)` on PATH): run `tools/setup`, which \
            installs Debian's translate-toolkit package; CI runs it before `swift test`
            """)
    }


    /// Runs a TTK command (offline: it only reads and writes the files it is given).
    static func run(_ tool: URL, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try ExternalTool.run(tool, ["--progress=none"] + arguments)
    }





}
