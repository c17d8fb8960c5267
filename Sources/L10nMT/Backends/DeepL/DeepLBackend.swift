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
        guard let key = configuration.value(for: Self.keyOption) else {
            throw BackendError(.misconfigured, backend: Self.id, "needs a key: set \(configuration.variable(for: Self.keyOption) ?? "DEEPL_AUTH_KEY")")
        }
        if let url = configuration.value(for: Self.urlOption) {
            guard let parsed = URL(string: url), parsed.scheme == "http" || parsed.scheme == "https", parsed.host != nil else {
                throw BackendError(.misconfigured, backend: Self.id, "the server URL (DEEPL_SERVER_URL or --backend-url) is not an http(s) URL")
            }
            server = parsed
        } else {
            server = DeepLWire.server(forKey: key)
        }
        self.key = key
        let keyVariable = configuration.variable(for: Self.keyOption), urlVariable = configuration.options["url"] == nil ? "DEEPL_SERVER_URL" : "--backend-url"
        if let sleep {
            client = ReliableHTTPClient(backend: Self.id, transport: transport, policy: policy, keyVariable: keyVariable, urlVariable: urlVariable, sleep: sleep)
        } else {
            client = ReliableHTTPClient(backend: Self.id, transport: transport, policy: policy, keyVariable: keyVariable, urlVariable: urlVariable)
        }
    }

    public func translate(_ batch: [SegmentRequest], context: TranslationContext) async throws -> [SegmentResult] {
        let encoded = batch.map { XMLTagMarkup.encode($0.source) }
        var results: [SegmentResult] = []
        for range in try chunks(encoded.map(\.text), context: context) {
            let (texts, problem) = try await translated(Array(encoded[range].map(\.text)), context: context)
            for offset in range {
                guard let texts else {
                    results.append(.failed(reason: problem))
                    continue
                }
                do {
                    results.append(.translated(try XMLTagMarkup.decode(texts[offset - range.lowerBound], codes: encoded[offset].codes)))
                } catch {
                    results.append(.failed(reason: "\(error)"))
                }
            }
        }
        return results
    }

    /// One request's texts. An answer that breaks the contract (unreadable JSON, a different
    /// number of translations) is asked for once more; then every text of the request fails
    /// alone, rather than guessing which answer is whose.
    private func translated(_ texts: [String], context: TranslationContext) async throws -> (texts: [String]?, problem: String) {
        var problem = ""
        for _ in 0..<2 {
            let response = try await client.send(try DeepLWire.request(texts: texts, context: context, key: key, server: server))
            do {
                let answers = try DeepLWire.texts(from: response)
                if answers.count == texts.count { return (answers, "") }
                problem = "DeepL answered \(answers.count) translations for \(texts.count) texts"
            } catch let error as BackendError where error.code == .invalidResponse {
                problem = "DeepL's \(error.message)"
            }
        }
        return (nil, problem + ", twice")
    }

    /// Index ranges whose request bodies stay under DeepL's 128 KiB.
    private func chunks(_ texts: [String], context: TranslationContext) throws -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        while start < texts.count {
            var end = texts.count
            while end - start > 1,
                  try DeepLWire.request(texts: Array(texts[start..<end]), context: context, key: key, server: server).body?.count ?? 0 > DeepLWire.maxBodyBytes {
                end = start + (end - start) / 2
            }
            ranges.append(start..<end)
            start = end
        }
        return ranges
    }
}
