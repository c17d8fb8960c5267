import Foundation
import L10nCore
import Logging

/// DeepL (API v2), with inline codes as XML tags DeepL keeps in place (``XMLTagMarkup``),
/// formality from the market's tone, batches of at most 50 texts and 128 KiB. The key comes
/// from `DEEPL_AUTH_KEY` only and goes into one header, never into a message.
///
/// A batch with glossary terms (``TranslationContext/terms``) is translated with a DeepL
/// glossary of exactly those entries (``DeepLGlossaryEntries``), named `l10n-<content hash>`:
/// looked up among the account's glossaries and created only when missing, once per backend
/// however many batches need it at once (``DeepLGlossaries``). Without a glossary for the pair,
/// or when DeepL refuses one, the batch is translated without it and a warning is logged. The
/// page's ``TranslationContext/about`` goes along as DeepL's `context`.
public struct DeepLBackend: TranslationBackend {
    public static let id = "deepl"
    public static let keyOption = BackendOption(name: "api-key", environment: "DEEPL_AUTH_KEY", summary: "DeepL API key (ends in :fx for the free API)",
                                                isRequired: true, isSecret: true)
    public static let urlOption = BackendOption(name: "url", environment: "DEEPL_SERVER_URL",
                                                summary: "server (default: api-free.deepl.com for :fx keys, else api.deepl.com)")

    public static let descriptor = BackendDescriptor(
        id: id, displayName: "DeepL",
        summary: "DeepL API v2; inline codes as XML tags; formality from the market's tone; glossary terms as a DeepL glossary; the page's title as context.",
        options: [keyOption, urlOption, HTTPBackendSettings.timeoutOption],
        languages: .pairs(DeepLWire.languages.flatMap { s in DeepLWire.languages.filter { $0 != s }.map { LanguagePair(s, $0) } }),
        limits: BatchLimits(maxSegments: 50, maxCharacters: 30_000), supportsInlineCodes: true, supportsGlossaries: true,
        supportsFormality: true, supportsContext: true, producesDrafts: true)

    public var descriptor: BackendDescriptor { Self.descriptor }
    private let key: String
    private let server: URL
    private let client: ReliableHTTPClient
    private let glossaries: DeepLGlossaries
    private let logger: Logger

    /// `logger` gets the warnings about glossaries translated without (never a key).
    public init(configuration: BackendConfiguration, transport: any HTTPTransport = AsyncHTTPClientTransport(), policy: HTTPPolicy = HTTPPolicy(),
                sleep: (@Sendable (Duration) async throws -> Void)? = nil, logger: Logger = Logger(label: "l10n.mt.deepl")) throws {
        let settings = HTTPBackendSettings(backend: Self.id, configuration: configuration, keyOption: Self.keyOption, urlOption: Self.urlOption)
        let key = try settings.key() ?? ""
        self.key = key
        server = try settings.server(fallback: DeepLWire.server(forKey: key))
        client = try settings.client(transport: transport, policy: policy, sleep: sleep)
        self.logger = logger
        glossaries = DeepLGlossaries(client: client, key: key, server: server, logger: logger, sleep: sleep ?? { try await Task.sleep(for: $0) })
    }

    public func translate(_ batch: [SegmentRequest], context: TranslationContext) async throws -> [SegmentResult] {
        // Glossary calls are shared by every document of the pair: no document's translation requests.
        let glossary = try await RequestMeter.$current.withValue(nil) { try await glossaries.id(for: context) }
        do {
            return try await translate(batch, context: context, glossary: glossary)
        } catch let error as BackendError where glossary != nil && (error.httpStatus == 400 || error.httpStatus == 404) {
            // The glossary was deleted (or DeepL no longer takes it) since it was listed: once
            // more without it, and no other batch sends it again.
            guard let glossary else { throw error }
            await glossaries.refuse(glossary)
            logger.warning("DeepL refused the glossary \(glossary) (\(error)); translating without the glossary terms")
            return try await translate(batch, context: context, glossary: nil)
        }
    }

    private func translate(_ batch: [SegmentRequest], context: TranslationContext, glossary: String?) async throws -> [SegmentResult] {
        let key = self.key, server = self.server
        return try await TaggedBatchTranslator(
            engine: "DeepL", client: client, maxBodyBytes: DeepLWire.maxBodyBytes,
            request: { try DeepLWire.request(texts: $0, context: context, glossaryID: glossary, key: key, server: server) },
            texts: { response, _ in try DeepLWire.texts(from: response) }
        ).translate(batch)
    }
}
