import Foundation
import L10nTestSupport
import Testing

/// The `openai` backend against a real OpenAI-compatible server, not a fake: llama.cpp's own
/// server with SmolLM2-135M-Instruct (``TestLlamaServer``, from `tools/setup --llm`). The model's
/// German is poor and beside the point; what is checked is that the request — messages, the strict
/// JSON schema, `max_completion_tokens` — is one a real server takes, that its answer is read, that
/// the guard rails hold whatever the model writes (every code, model number and URL intact, or the
/// segment left untranslated with a finding), that the key appears nowhere, and that a re-run with
/// the same memory asks the server nothing it already answered.
@Suite(.enabled(if: TestLlamaServer.python != nil,
                "openai end to end against llama.cpp skipped: no .venv-llm/bin/python (run tools/setup --llm)"),
       .serialized)
struct OpenAILlamaEndToEndTests {
    static let key = "sk-e2e-llama-secret-7d1c"
    static let page = """
        # XR-200 stand mixer

        The **XR-200** mixer has a 2 l bowl.

        Read the [manual](https://example.com/xr-200-manual.pdf) before first use.

        """

    @Test(.timeLimit(.minutes(20))) func aRealServerAnswersThroughTheGuardRailsAndTheMemory() async throws {
        let server = try TestLlamaServer.start()
        defer { server.stop() }
        let dir = try TemporaryDirectory.make("l10n-llama")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(Self.page.utf8).write(to: dir.appendingPathComponent("mixer.md"))
        try Data(#"<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en-US" datatype="plaintext"/><body/></tmx>"#.utf8)
            .write(to: dir.appendingPathComponent("empty.tmx"))
        #expect(try CLI.run(["tm", "import", "--tm", "tm.sqlite", "empty.tmx"], in: dir).status == 0)
        func adapt(_ out: String) throws -> (CLI.Result, TranslationReport.Translation) {
            // A CPU shared with a whole test run: minutes per batch are possible, so the timeout is generous.
            let result = try CLI.run(["adapt", "-m", "de", "--backend", "openai", "--backend-timeout", "900", "--tm", "tm.sqlite",
                                      "-o", out, "--report", "\(out)/r.json", "mixer.md"], in: dir,
                                     environment: ["OPENAI_BASE_URL": server.baseURL, "OPENAI_API_KEY": Self.key, "OPENAI_MODEL": "smollm2-135m-instruct"])
            #expect(result.status == 0, "\(result.stderr)\n--- server log ---\n\(server.logTail)")
            let report = try TranslationReport.read(dir.appendingPathComponent("\(out)/r.json"))
            let translation = try #require(report.documents.first?.targets?.translation)
            return (result, translation)
        }

        let (first, translation) = try adapt("one")
        #expect(translation.backend == "openai")
        #expect(translation.requests >= 1)
        #expect(translation.translated + translation.failed == 3, "three segments to translate: \(translation)")
        let findings = try TranslationReport.read(dir.appendingPathComponent("one/r.json")).documents.flatMap(\.findings)
        if translation.failed > 0 {
            #expect(findings.contains { $0.check == "translate.guard" || $0.check == "translate.failed" }, "\(findings)")
        }
        // Whatever the model wrote, the server answered a chat completion we could read: the request was one it takes.
        #expect(!findings.contains { ($0.message ?? "").contains("not a chat completion") }, "\(findings)")
        let output = try String(contentsOf: dir.appendingPathComponent("one/mixer.de-DE.md"), encoding: .utf8)
        #expect(MarkupInvariants.counts(output, html: false) == MarkupInvariants.counts(Self.page, html: false), "\(output)")
        #expect(output.contains("https://example.com/xr-200-manual.pdf") && output.contains("XR-200"))
        #expect(try CLI.run(["validate", "one/mixer.de-DE.xlf"], in: dir).status == 0)
        for (name, data) in try TemporaryDirectory.contents(of: dir.appendingPathComponent("one")) {
            #expect(!String(decoding: data, as: UTF8.self).contains(Self.key), "the key leaked into \(name)")
        }
        #expect(!first.stdout.contains(Self.key) && !first.stderr.contains(Self.key))

        // What the server answered is in the memory: asked again, it is asked only what failed.
        let (second, again) = try adapt("two")
        if translation.failed == 0 {
            #expect(again.requests == 0, "every sentence came from the memory")
            #expect(try Data(contentsOf: dir.appendingPathComponent("one/mixer.de-DE.md"))
                    == Data(contentsOf: dir.appendingPathComponent("two/mixer.de-DE.md")))
        } else {
            #expect(again.translated + again.failed == translation.failed, "only the failed segments were sent again: \(again)")
        }
        #expect(!second.stdout.contains(Self.key) && !second.stderr.contains(Self.key))
    }
}
