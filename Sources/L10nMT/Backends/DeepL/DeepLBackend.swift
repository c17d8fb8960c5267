import Foundation
import L10nCore

/// DeepL (API v2), with inline codes as XML tags DeepL keeps in place (``XMLTagMarkup``),
/// formality from the market's tone, batches of at most 50 texts and 128 KiB. The key comes
/// from `DEEPL_AUTH_KEY` only and goes into one header, never into a message.
public struct DeepLBackend: TranslationBackend {
    public static let id = "deepl"
    public static let keyOption = BackendOption(name: "api-key", environment: "DEEPL_AUTH_KEY", summary: "DeepL API key (ends in :fx for the free API)",
                                                isRequired: true, isSecret: true)
    public static let urlOption = BackendOption(name: "url", environment: "DEEPL_SERVER_URL",
                                                summary: "server (default: api-free.deepl.com for :fx keys, else api.deepl.com)")

    public static let descriptor = BackendDescriptor(
        id: id, displayName: "DeepL", summary: "DeepL API v2; inline codes as XML tags; formality from the market's tone.",
        options: [keyOption, urlOption],
        languages: .pairs(DeepLWire.languages.flatMap { s in DeepLWire.languages.filter { $0 != s }.map { LanguagePair(s, $0) } }),
        limits: BatchLimits(maxSegments: 50, maxCharacters: 30_000), supportsInlineCodes: true, supportsFormality: true, producesDrafts: true)

    public var descriptor: BackendDescriptor { Self.descriptor }
    private let key: String
    private let server: URL
    private let client: ReliableHTTPClient

    public init(configuration: BackendConfiguration, transport: any HTTPTransport = AsyncHTTPClientTransport(), policy: HTTPPolicy = HTTPPolicy(),
                sleep: (@Sendable (Duration) async throws -> Void)? = nil) throws {
        let settings = HTTPBackendSettings(backend: Self.id, configuration: configuration, keyOption: Self.keyOption, urlOption: Self.urlOption)
        let key = try settings.key() ?? ""
        self.key = key
        server = try settings.server(fallback: DeepLWire.server(forKey: key))
        client = settings.client(transport: transport, policy: policy, sleep: sleep)
    }

    public func translate(_ batch: [SegmentRequest], context: TranslationContext) async throws -> [SegmentResult] {
        let key = self.key, server = self.server
        return try await TaggedBatchTranslator(
            engine: "DeepL", client: client, maxBodyBytes: DeepLWire.maxBodyBytes,
            request: { try DeepLWire.request(texts: $0, context: context, key: key, server: server) },
            texts: { response, _ in try DeepLWire.texts(from: response) }
        ).translate(batch)
    }
}
