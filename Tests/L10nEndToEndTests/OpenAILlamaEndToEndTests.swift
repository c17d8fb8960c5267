import Foundation
import L10nTestSupport
import Testing

/// The `openai` backend against a real OpenAI-compatible server, not a fake: llama.cpp's own
/// server with SmolLM2-135M-Instruct (``TestLlamaServer``, from `tools/setup --llm`). The model's
/// German is poor and beside the point; what is checked (``RealEngineRun``) is that the request —
/// messages, the strict JSON schema, `max_completion_tokens` — is one a real server takes, that its
/// answer is read, that the guard rails hold whatever the model writes (every code, model number and
/// URL intact, or the segment left untranslated with a finding), that the key appears nowhere, and
/// that a re-run with the same memory asks the server nothing it already answered.
@Suite(.enabled(if: TestLlamaServer.python != nil,
                "openai end to end against llama.cpp skipped: no .venv-llm/bin/python (run tools/setup --llm)"),
       .serialized)
struct OpenAILlamaEndToEndTests {
    static let key = "sk-e2e-llama-secret-7d1c"

    @Test(.timeLimit(.minutes(20))) func aRealServerAnswersThroughTheGuardRailsAndTheMemory() async throws {
        let server = try TestLlamaServer.start()
        defer { server.stop() }
        // A CPU shared with a whole test run: minutes per batch are possible, so the timeout is generous.
        try RealEngineRun(backend: "openai",
                          environment: ["OPENAI_BASE_URL": server.baseURL, "OPENAI_API_KEY": Self.key, "OPENAI_MODEL": "smollm2-135m-instruct"],
                          secrets: [Self.key], extraArguments: ["--backend-timeout", "900"],
                          diagnostics: { "--- server log ---\n\(server.logTail)" }).check()
    }
}
