import L10nCore

/// What a run uses when nobody named a backend: per language pair, an online engine whose key
/// or URL is set in the environment, else Apertium offline where an installed route exists,
/// else no machine translation, with a one-line note saying so and naming the variables that
/// would enable an engine. So `l10n adapt --market br` gives Portuguese with nothing configured,
/// and a key, once set, wins without a flag.
public struct AutomaticBackend: TranslationBackend {
    public static let descriptor = BackendDescriptor(
        id: "auto", displayName: "Automatic", summary: "A configured online engine, else Apertium offline, else none.",
        limits: .unlimited, supportsInlineCodes: true)

    /// The engine chosen for a language pair, and what to tell the user about the choice.
    public struct Choice: Sendable {
        public var backend: any TranslationBackend
        public var note: String?
    }

    /// Engines enabled by their key or URL in the environment, in registry order.
    private let configured: [any TranslationBackend]
    private let offline: (any TranslationBackend)?
    /// The variables that would enable an online engine, for the note.
    private let enablingVariables: [String]

    public init(registry: BackendRegistry, configuration: BackendConfiguration) {
        var configured: [any TranslationBackend] = []
        var variables: [String] = []
        let local: Set<String> = [NoneBackend.descriptor.id, PseudoBackend.descriptor.id, ApertiumBackend.id]
        for descriptor in registry.descriptors where !local.contains(descriptor.id) {
            // What turns an engine on: its required options (DeepL's key), else its URL (a local LLM server).
            let required = descriptor.options.filter(\.isRequired)
            let enabling = required.isEmpty ? descriptor.options.filter { $0.name == "url" } : required
            variables += enabling.compactMap { configuration.variable(for: $0) }
            guard !enabling.isEmpty, enabling.allSatisfy({ configuration.value(for: $0) != nil }),
                  let backend = try? registry.make(descriptor.id, configuration: configuration) else { continue }
            configured.append(backend)
        }
        self.configured = configured
        self.enablingVariables = variables
        self.offline = try? registry.make(ApertiumBackend.id, configuration: configuration)
    }

    public var descriptor: BackendDescriptor { Self.descriptor }

    public func choose(from source: LanguageTag, to target: LanguageTag) -> Choice {
        if source.language == target.language { return Choice(backend: NoneBackend()) }
        if let engine = configured.first(where: { $0.descriptor.languages.supports(source, target) }) {
            return Choice(backend: engine)
        }
        if let offline, offline.descriptor.languages.supports(source, target) { return Choice(backend: offline) }
        let enable = enablingVariables.isEmpty
            ? "no online engine is built in yet"
            : "set \(enablingVariables.joined(separator: ", ")) to use an online engine"
        let apertium = offline == nil ? "Apertium is not installed (tools/setup)" : "Apertium has no route"
        return Choice(backend: NoneBackend(),
                      note: "no machine translation for \(source) → \(target): \(apertium); \(enable); targets are left for translators")
    }

    public func translate(_ batch: [SegmentRequest], context: TranslationContext) async throws -> [SegmentResult] {
        try await choose(from: context.sourceLanguage, to: context.targetLanguage).backend.translate(batch, context: context)
    }
}
