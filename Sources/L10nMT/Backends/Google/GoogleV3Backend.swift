import Foundation
import L10nCore

/// Google Cloud Translation Advanced (v3) `translateText`, `mimeType` `text/html` so inline
/// codes travel as tags (``XMLTagMarkup``), with an OAuth 2.0 access token (`GOOGLE_ACCESS_TOKEN`,
/// e.g. from `gcloud auth print-access-token`) for a project (`GOOGLE_CLOUD_PROJECT`). A backend
/// of its own beside `google` (v2, an API key): the two authenticate differently and v3 takes a
/// project, a location, a model and a glossary, so each lists exactly the settings it needs, and
/// a run without `--backend` picks v3 when both its project and token are set.
///
/// Batches stay within Google's documented limits: at most 1,024 texts and 30,000 code points of
/// text (tags included) per request. A glossary is one the user made in Google Cloud (v3
/// glossaries live in a region, not `global`), named by id or resource name.
public struct GoogleV3Backend: TranslationBackend {
    public static let id = "google-v3"
    public static let tokenOption = BackendOption(name: "access-token", environment: "GOOGLE_ACCESS_TOKEN",
                                                  summary: "OAuth 2.0 access token (gcloud auth print-access-token; expires after about an hour)",
                                                  isRequired: true, isSecret: true)
    public static let projectOption = BackendOption(name: "project", environment: "GOOGLE_CLOUD_PROJECT", summary: "Google Cloud project id or number",
                                                    isRequired: true)
    public static let locationOption = BackendOption(name: "location", environment: "GOOGLE_CLOUD_LOCATION",
                                                     summary: "location (default global; a glossary needs its region, e.g. us-central1)")
    public static let quotaProjectOption = BackendOption(name: "quota-project", environment: "GOOGLE_CLOUD_QUOTA_PROJECT",
                                                         summary: "project billed for quota, sent as x-goog-user-project (user credentials need it)")
    public static let modelOption = BackendOption(name: "model", environment: "GOOGLE_TRANSLATE_MODEL",
                                                  summary: "model id (general/nmt, general/translation-llm, a custom model) or resource name (default: Google's NMT)")
    public static let glossaryOption = BackendOption(name: "glossary", environment: "GOOGLE_TRANSLATE_GLOSSARY",
                                                     summary: "a v3 glossary's id (in the project and location) or resource name")
    public static let urlOption = BackendOption(name: "url", environment: "GOOGLE_TRANSLATE_URL",
                                                summary: "server (default https://translation.googleapis.com)")

    public static let descriptor = BackendDescriptor(
        id: id, displayName: "Google Translate (v3)",
        summary: "Google Cloud Translation Advanced v3 translateText (text/html); OAuth access token, project, location, model, glossary.",
        options: [tokenOption, projectOption, locationOption, quotaProjectOption, modelOption, glossaryOption, urlOption, HTTPBackendSettings.timeoutOption],
        limits: BatchLimits(maxSegments: GoogleV3Wire.maxContents, maxCharacters: GoogleV3Wire.maxCodePoints), supportsInlineCodes: true,
        supportsGlossaries: true, producesDrafts: true)

    public var descriptor: BackendDescriptor { Self.descriptor }
    private let token: String
    private let target: GoogleV3Wire.Target
    private let client: ReliableHTTPClient

    public init(configuration: BackendConfiguration, transport: any HTTPTransport = AsyncHTTPClientTransport(), policy: HTTPPolicy = HTTPPolicy(),
                sleep: (@Sendable (Duration) async throws -> Void)? = nil) throws {
        let settings = HTTPBackendSettings(backend: Self.id, configuration: configuration, keyOption: Self.tokenOption, urlOption: Self.urlOption)
        token = try settings.key() ?? ""
        func value(_ option: BackendOption) -> String? {
            configuration.value(for: option)?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        }
        guard let project = value(Self.projectOption) else {
            throw BackendError(.misconfigured, backend: Self.id, "needs a project: set \(Self.projectOption.environment!) or give the project option")
        }
        let location = value(Self.locationOption) ?? "global"
        for (name, id) in [("project", project), ("location", location)] where !GoogleV3Wire.isPathSafe(id) {
            throw BackendError(.misconfigured, backend: Self.id, "the \(name) must be a Google id (letters, digits, - _ . :)")
        }
        target = GoogleV3Wire.Target(server: try settings.server(fallback: GoogleWire.defaultServer), project: project, location: location,
                                     quotaProject: value(Self.quotaProjectOption), model: value(Self.modelOption), glossary: value(Self.glossaryOption))
        client = try settings.client(transport: transport, policy: policy, sleep: sleep)
    }

    /// The model and the Google Cloud glossary (the user's, not ``TranslationContext/terms``)
    /// decide the answer.
    public var outputSettings: [String] {
        ["model=\(target.modelName ?? "")", "glossary=\(target.glossaryName ?? "")"]
    }

    /// Google translates each text on its own from the language pair (the model and glossary are settings): documents share requests.
    public func sharedContext(for context: TranslationContext) -> TranslationContext? { context.languagePair }

    public func translate(_ batch: [SegmentRequest], context: TranslationContext) async throws -> [SegmentResult] {
        let token = self.token, target = self.target, glossary = target.glossary != nil
        do {
            return try await TaggedBatchTranslator(
                engine: "Google", client: client, maxTextScalars: GoogleV3Wire.maxCodePoints,
                segments: { try GoogleV3Wire.request(texts: $0.map(\.text), context: context, token: token, target: target) },
                answers: { response, _ in try GoogleV3Wire.texts(from: response, glossary: glossary) }
            ).translate(batch)
        } catch var error as BackendError where error.httpStatus == 403 {
            // PERMISSION_DENIED is as often the project as the token.
            error.message += ", and that the Cloud Translation API is enabled in the project (\(Self.projectOption.environment!)) and the token's account may use it"
            throw error
        }
    }
}

private extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
