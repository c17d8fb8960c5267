import Foundation
import L10nCore

/// LibreTranslate (self-hosted or a mirror), `format=html` so inline codes travel as tags
/// (``XMLTagMarkup``). `LIBRETRANSLATE_URL` is required: there is no keyless public default.
public struct LibreTranslateBackend: TranslationBackend {
    public static let id = "libretranslate"
    public static let urlOption = BackendOption(name: "url", environment: "LIBRETRANSLATE_URL", summary: "server, e.g. http://localhost:5000",
                                                isRequired: true)
    public static let keyOption = BackendOption(name: "api-key", environment: "LIBRETRANSLATE_API_KEY",
                                                summary: "API key, for servers that want one", isSecret: true)

    public static let descriptor = BackendDescriptor(
        id: id, displayName: "LibreTranslate", summary: "LibreTranslate /translate (format=html); self-hosted or a mirror.",
        options: [urlOption, keyOption, HTTPBackendSettings.timeoutOption], limits: BatchLimits(maxSegments: 50, maxCharacters: 20_000), supportsInlineCodes: true, producesDrafts: true)

    public var descriptor: BackendDescriptor { Self.descriptor }
    private let key: String?
    private let server: URL
    private let client: ReliableHTTPClient

    public init(configuration: BackendConfiguration, transport: any HTTPTransport = AsyncHTTPClientTransport(), policy: HTTPPolicy = HTTPPolicy(),
                sleep: (@Sendable (Duration) async throws -> Void)? = nil) throws {
        let settings = HTTPBackendSettings(backend: Self.id, configuration: configuration, keyOption: Self.keyOption, urlOption: Self.urlOption)
        key = try settings.key()
        server = try settings.server(fallback: nil)
        client = try settings.client(transport: transport, policy: policy, sleep: sleep)
    }

    /// LibreTranslate translates each text on its own from the language pair: documents share requests.
    public func sharedContext(for context: TranslationContext) -> TranslationContext? { context.languagePair }

    public func translate(_ batch: [SegmentRequest], context: TranslationContext) async throws -> [SegmentResult] {
        let key = self.key, server = self.server
        return try await TaggedBatchTranslator(
            engine: "LibreTranslate", client: client,
            request: { try LibreTranslateWire.request(texts: $0, context: context, key: key, server: server) },
            texts: { response, _ in try LibreTranslateWire.texts(from: response) }
        ).translate(batch)
    }
}
