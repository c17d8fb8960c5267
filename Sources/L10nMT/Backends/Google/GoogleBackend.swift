import Foundation
import L10nCore

/// Google Cloud Translation Basic (v2), `format=html` so inline codes travel as tags
/// (``XMLTagMarkup``), with an API key. Advanced (v3: a project and an OAuth access token) is
/// ``GoogleV3Backend``, `google-v3`.
public struct GoogleBackend: TranslationBackend {
    public static let id = "google"
    public static let keyOption = BackendOption(name: "api-key", environment: "GOOGLE_API_KEY", summary: "Google Cloud API key",
                                                isRequired: true, isSecret: true)
    public static let urlOption = BackendOption(name: "url", environment: "GOOGLE_TRANSLATE_URL",
                                                summary: "server (default https://translation.googleapis.com)")

    public static let descriptor = BackendDescriptor(
        id: id, displayName: "Google Translate (v2)", summary: "Google Cloud Translation Basic v2 (format=html).",
        options: [keyOption, urlOption, HTTPBackendSettings.timeoutOption], limits: BatchLimits(maxSegments: 100, maxCharacters: 25_000), supportsInlineCodes: true,
        producesDrafts: true)

    /// Google asks for at most about 100 KiB per request.
    public static let maxBodyBytes = 100 * 1024

    public var descriptor: BackendDescriptor { Self.descriptor }
    private let key: String
    private let server: URL
    private let client: ReliableHTTPClient

    public init(configuration: BackendConfiguration, transport: any HTTPTransport = AsyncHTTPClientTransport(), policy: HTTPPolicy = HTTPPolicy(),
                sleep: (@Sendable (Duration) async throws -> Void)? = nil) throws {
        let settings = HTTPBackendSettings(backend: Self.id, configuration: configuration, keyOption: Self.keyOption, urlOption: Self.urlOption)
        key = try settings.key() ?? ""
        server = try settings.server(fallback: GoogleWire.defaultServer)
        client = try settings.client(transport: transport, policy: policy, sleep: sleep)
    }

    /// Google translates each text on its own from the language pair: documents share requests.
    public func sharedContext(for context: TranslationContext) -> TranslationContext? { context.languagePair }

    public func translate(_ batch: [SegmentRequest], context: TranslationContext) async throws -> [SegmentResult] {
        let key = self.key, server = self.server
        return try await TaggedBatchTranslator(
            engine: "Google", client: client, maxBodyBytes: Self.maxBodyBytes,
            request: { try GoogleWire.request(texts: $0, context: context, key: key, server: server) },
            texts: { response, _ in try GoogleWire.texts(from: response) }
        ).translate(batch)
    }
}
