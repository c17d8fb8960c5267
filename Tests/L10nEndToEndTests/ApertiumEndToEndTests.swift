import Foundation
import L10nTestSupport
import Testing

/// `l10n adapt` with no backend named, on real corpus pages, with the real Apertium: Portuguese
/// for Brazil (through Spanish), Spanish for Mexico, every URL, model number and piece of
/// markup intact, drafts labelled as machine output; and a one-line note where no offline
/// route exists.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: "/usr/share/apertium/modes/eng-spa.mode"),
                "Apertium's eng-spa pair is not installed (run tools/setup): apertium end-to-end tests skipped"))
struct ApertiumEndToEndTests {
    static let pages = ["water-pump-aquaflow-xp2000b.md", "usb-c-charger-gan-65w.html"]

    @Test func brazilAndMexicoGetOfflineDraftsWithEverythingIntact() throws {
        let dir = try TemporaryDirectory.make("l10n-apertium")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Corpus.copy(Self.pages, into: dir)
        let result = try CLI.run(["adapt", "-m", "br", "-m", "mx", "-o", "out", "--report", "out/r.json"] + Self.pages, in: dir,
                                 environment: ["DEEPL_AUTH_KEY": nil, "DEEPL_SERVER_URL": nil])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.components(separatedBy: "mt:apertium").count - 1 == 4, "\(result.stdout)")

        let report = try TranslationReport.read(dir.appendingPathComponent("out/r.json"))
        #expect(report.documents.count == 4)
        for entry in report.documents {
            let translation = try #require(entry.targets?.translation)
            #expect(translation.backend == "apertium")
            #expect(translation.requests >= 1)
            #expect(translation.translated + translation.failed <= entry.segments)
            #expect(Double(translation.translated) >= 0.8 * Double(entry.segments), "\(entry.market): \(translation.translated) of \(entry.segments)")
        }

        for page in Self.pages {
            let stem = URL(fileURLWithPath: page).deletingPathExtension().lastPathComponent, ext = URL(fileURLWithPath: page).pathExtension
            let original = try String(contentsOf: dir.appendingPathComponent(page), encoding: .utf8)
            for (language, word) in [("pt-BR", " é "), ("es-MX", " es ")] {
                let output = try String(contentsOf: dir.appendingPathComponent("out/\(stem).\(language).\(ext)"), encoding: .utf8)
                #expect(output.contains(word), "\(stem).\(language) reads as \(language)")
                #expect(output != original)
                #expect(MarkupInvariants.counts(output, html: ext == "html") == MarkupInvariants.counts(original, html: ext == "html"),
                        "\(stem).\(language): URLs, model numbers and markup as in the source")
                let xliff = "out/\(stem).\(language).xlf"
                let text = try String(contentsOf: dir.appendingPathComponent(xliff), encoding: .utf8)
                #expect(text.contains("state=\"initial\" subState=\"l10n:mt-apertium\""), "a machine draft for review")
                #expect(text.contains("category=\"l10n:mt\""))
                let validate = try CLI.run(["validate", xliff], in: dir)
                #expect(validate.status == 0, "\(validate.stdout)")
                let merged = try CLI.run(["merge", xliff, "-o", "merged-\(language).\(ext)"], in: dir)
                #expect(merged.status == 0, "\(merged.stderr)")
                #expect(try String(contentsOf: dir.appendingPathComponent("merged-\(language).\(ext)"), encoding: .utf8) == output,
                        "the XLIFF alone gives the same draft")
            }
        }
    }

    @Test func withoutAnOfflineRouteTheRunSaysSoInOneLine() throws {
        let dir = try TemporaryDirectory.make("l10n-apertium-de")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Corpus.copy([Self.pages[0]], into: dir)
        let result = try CLI.run(["adapt", "-m", "de", "-o", "out", Self.pages[0]], in: dir, environment: ["DEEPL_AUTH_KEY": nil, "DEEPL_SERVER_URL": nil])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").filter { $0.contains("no machine translation for en-US → de-DE") }
        #expect(lines.count == 1, "\(result.stdout)")
        #expect(lines.first?.contains("Apertium has no route") == true)
        #expect(lines.first?.contains("DEEPL_AUTH_KEY") == true, "names the variables that would enable an engine")

        let missing = try CLI.run(["adapt", "-m", "br", "-o", "out2", Self.pages[0]], in: dir,
                                  environment: ["APERTIUM_DATADIR": "/nonexistent/apertium"])
        #expect(missing.status == 0, "\(missing.stderr)")
        #expect(missing.stdout.contains("Apertium is not installed"), "\(missing.stdout)")

        let named = try CLI.run(["adapt", "-m", "br", "--backend", "apertium", "-o", "out3", Self.pages[0]], in: dir,
                                environment: ["APERTIUM_DATADIR": "/nonexistent/apertium"])
        #expect(named.status == 64)
        #expect(named.stderr.contains("APERTIUM_PATH"), "\(named.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out3").path), "nothing written")
    }
}
