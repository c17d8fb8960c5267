import Foundation
import L10nCore

/// Any OpenAI-compatible chat-completions server (OpenAI, vLLM, Ollama, llama.cpp): one
/// request per batch with a strict JSON answer (``OpenAIWire``), inline codes as tags the model
/// must return unchanged — the translate stage's guard checks that it did. The prompt carries
/// the market's formality, the glossary terms the batch contains, what the page is about and
/// each segment's adaptation notes, as data beside the copy. The key is optional
/// (local servers need none); `OPENAI_BASE_URL` alone makes it the engine of a run without
/// `--backend`, so a key set for other tools never sends copy to a paid service unasked.
public struct OpenAIBackend: TranslationBackend {
    public static let id = "openai"
    public static let urlOption = BackendOption(name: "url", environment: "OPENAI_BASE_URL",
                                                summary: "server with /v1, e.g. http://localhost:8080/v1 (default https://api.openai.com/v1)")
    public static let keyOption = BackendOption(name: "api-key", environment: "OPENAI_API_KEY", summary: "API key (optional for local servers)",
                                                isSecret: true)
    public static let modelOption = BackendOption(name: "model", environment: "OPENAI_MODEL", summary: "model (default \(OpenAIWire.defaultModel))")
    public static let maxTokensOption = BackendOption(
        name: "max-tokens", environment: "OPENAI_MAX_TOKENS",
        summary: "ceiling on each answer's tokens (default: twice the batch's characters plus room for the JSON; 0 = none, for reasoning models, whose thinking counts against it)")

    public static let descriptor = BackendDescriptor(
        id: id, displayName: "OpenAI-compatible LLM", summary: "Chat completions with a strict JSON answer; any OpenAI-compatible server.",
        options: [urlOption, keyOption, modelOption, maxTokensOption, HTTPBackendSettings.timeoutOption], limits: BatchLimits(maxSegments: 40, maxCharacters: 8_000), supportsInlineCodes: true,
        supportsGlossaries: true, supportsFormality: true, supportsContext: true, producesDrafts: true)

    public var descriptor: BackendDescriptor { Self.descriptor }
    private let key: String?
    private let model: String
    private let maxTokens: Int?
    private let server: URL
    private let client: ReliableHTTPClient

    public init(configuration: BackendConfiguration, transport: any HTTPTransport = AsyncHTTPClientTransport(), policy: HTTPPolicy = HTTPPolicy(),
                sleep: (@Sendable (Duration) async throws -> Void)? = nil) throws {
        let settings = HTTPBackendSettings(backend: Self.id, configuration: configuration, keyOption: Self.keyOption, urlOption: Self.urlOption)
        key = try settings.key()
        server = try settings.server(fallback: OpenAIWire.defaultServer)
        model = configuration.value(for: Self.modelOption) ?? OpenAIWire.defaultModel
        if let text = configuration.value(for: Self.maxTokensOption) {
            guard let n = Int(text.trimmingCharacters(in: .whitespaces)), n >= 0 else {
                throw BackendError(.misconfigured, backend: Self.id, "max-tokens (OPENAI_MAX_TOKENS) must be a whole number, 0 for no ceiling, not '\(text)'")
            }
            maxTokens = n
        } else {
            maxTokens = nil
        }
        client = try settings.client(transport: transport, policy: policy, sleep: sleep)
    }

    /// Another model answers otherwise, and so may another server under the same model name
    /// (llama.cpp's server answers to any name; two Ollama hosts may hold different builds of
    /// one): the server as scheme, host, port and path, never credentials or a query.
    public var outputSettings: [String] { ["model=\(model)", "server=\(Self.identity(of: server))"] }

    static func identity(of server: URL) -> String {
        guard var parts = URLComponents(url: server, resolvingAgainstBaseURL: false) else { return server.host ?? "" }
        parts.user = nil
        parts.password = nil
        parts.query = nil
        parts.fragment = nil
        return parts.string ?? server.host ?? ""
    }

    public func translate(_ batch: [SegmentRequest], context: TranslationContext) async throws -> [SegmentResult] {
        let key = self.key, server = self.server, model = self.model, maxTokens = self.maxTokens
        return try await TaggedBatchTranslator(
            engine: "the model", client: client,
            segments: { try OpenAIWire.request(texts: $0.map(\.text), notes: $0.map(\.request.notes), context: context, model: model, key: key, server: server,
                                                     maxTokens: maxTokens) },
            answers: { try OpenAIWire.texts(from: $0, count: $1) }
        ).translate(batch)
    }
}
