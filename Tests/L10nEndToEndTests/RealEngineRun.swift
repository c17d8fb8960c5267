import Foundation
import L10nTestSupport
import Testing

/// `l10n adapt` against a real translation service (llama.cpp's server, or a live engine whose
/// key is set), checked for what must hold whatever the engine writes: the run succeeds, every
/// segment is translated or left with a `translate.*` finding, every code, model number and URL of
/// the page survives, the XLIFF validates, the secret appears in no output, and a second run with
/// the same memory asks the engine nothing it already answered.
struct RealEngineRun {
    static let page = """
        # XR-200 stand mixer

        The **XR-200** mixer has a 2 l bowl.

        Read the [manual](https://example.com/xr-200-manual.pdf) before first use.

        """
    /// Segments of ``page`` to translate.
    static let segments = 3

    var backend: String
    /// The variables that point `l10n` at the engine (passed to it; nothing else of the kind is).
    var environment: [String: String]
    /// Values that must appear in no output (keys, tokens).
    var secrets: [String]
    var extraArguments: [String] = []
    /// Shown when the run fails (a server's log).
    var diagnostics: () -> String = { "" }

    func check() throws {
        let dir = try TemporaryDirectory.make("l10n-\(backend)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(Self.page.utf8).write(to: dir.appendingPathComponent("mixer.md"))
        try Data(#"<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en-US" datatype="plaintext"/><body/></tmx>"#.utf8)
            .write(to: dir.appendingPathComponent("empty.tmx"))
        #expect(try CLI.run(["tm", "import", "--tm", "tm.sqlite", "empty.tmx"], in: dir).status == 0)
        func adapt(_ out: String) throws -> (CLI.Result, TranslationReport.Translation) {
            let result = try CLI.run(["adapt", "-m", "de", "--backend", backend, "--tm", "tm.sqlite", "-o", out, "--report", "\(out)/r.json"]
                                     + extraArguments + ["mixer.md"], in: dir, environment: environment)
            #expect(result.status == 0, "\(result.stderr)\n\(diagnostics())")
            let report = try TranslationReport.read(dir.appendingPathComponent("\(out)/r.json"))
            let translation = try #require(report.documents.first?.targets?.translation)
            for secret in secrets { #expect(!result.stdout.contains(secret) && !result.stderr.contains(secret), "a secret was printed") }
            return (result, translation)
        }

        let (_, translation) = try adapt("one")
        #expect(translation.backend == backend)
        #expect(translation.requests >= 1)
        #expect(translation.translated + translation.failed == Self.segments, "\(Self.segments) segments to translate: \(translation)")
        let findings = try TranslationReport.read(dir.appendingPathComponent("one/r.json")).documents.flatMap(\.findings)
        if translation.failed > 0 {
            #expect(findings.contains { $0.check == "translate.guard" || $0.check == "translate.failed" }, "\(findings)")
        }
        // Whatever the engine wrote, its answer could be read: the request was one it takes.
        #expect(!findings.contains { ($0.message ?? "").contains("not a chat completion") }, "\(findings)")
        let output = try String(contentsOf: dir.appendingPathComponent("one/mixer.de-DE.md"), encoding: .utf8)
        #expect(MarkupInvariants.counts(output, html: false) == MarkupInvariants.counts(Self.page, html: false), "\(output)")
        #expect(output.contains("https://example.com/xr-200-manual.pdf") && output.contains("XR-200"))
        #expect(try CLI.run(["validate", "one/mixer.de-DE.xlf"], in: dir).status == 0)
        for (name, data) in try TemporaryDirectory.contents(of: dir.appendingPathComponent("one")) {
            for secret in secrets { #expect(!String(decoding: data, as: UTF8.self).contains(secret), "a secret leaked into \(name)") }
        }

        // What the engine answered is in the memory: asked again, it is asked only what failed.
        let (_, again) = try adapt("two")
        if translation.failed == 0 {
            #expect(again.requests == 0, "every sentence came from the memory")
            #expect(try Data(contentsOf: dir.appendingPathComponent("one/mixer.de-DE.md"))
                    == Data(contentsOf: dir.appendingPathComponent("two/mixer.de-DE.md")))
        } else {
            #expect(again.translated + again.failed == translation.failed, "only the failed segments were sent again: \(again)")
        }
    }
}
