import Foundation
import L10nCore

/// The backends a run can choose from, by id: a value built once (``builtIn`` plus anything an
/// embedding program registers) and passed down, so tests stay parallel-safe and there is no
/// global state.
public struct BackendRegistry: Sendable {
    /// Makes a backend from its configuration; throws ``BackendError`` (misconfigured…).
    public typealias Factory = @Sendable (BackendConfiguration) throws -> any TranslationBackend

    public struct Entry: Sendable {
        public var descriptor: BackendDescriptor
        public var make: Factory
    }

    private var entries: [String: Entry] = [:]

    public init() {}

    /// `none` (leaves targets to translators), `pseudo` (offline pseudo-localization),
    /// `apertium` (offline MT; its descriptor lists the routes the installed modes allow),
    /// `deepl`, `google` (v2), `google-v3`, `libretranslate`, `openai` (any OpenAI-compatible server) and
    /// `command` (any program speaking the JSON-lines protocol).
    public static var builtIn: BackendRegistry {
        var registry = BackendRegistry()
        registry.register(NoneBackend.descriptor) { _ in NoneBackend() }
        registry.register(PseudoBackend.descriptor) { _ in PseudoBackend() }
        let environment = BackendConfiguration(environment: ProcessInfo.processInfo.environment)
        registry.register(ApertiumBackend.descriptor(for: ApertiumBackend.installation(environment))) { try ApertiumBackend(configuration: $0) }
        registry.register(DeepLBackend.descriptor) { try DeepLBackend(configuration: $0) }
        registry.register(LibreTranslateBackend.descriptor) { try LibreTranslateBackend(configuration: $0) }
        registry.register(GoogleBackend.descriptor) { try GoogleBackend(configuration: $0) }
        registry.register(GoogleV3Backend.descriptor) { try GoogleV3Backend(configuration: $0) }
        registry.register(OpenAIBackend.descriptor) { try OpenAIBackend(configuration: $0) }
        registry.register(CommandBackend.descriptor) { try CommandBackend(configuration: $0) }
        return registry
    }

    /// The backend for a run that named none: ``AutomaticBackend`` over this registry.
    public func automatic(configuration: BackendConfiguration) -> any TranslationBackend {
        AutomaticBackend(registry: self, configuration: configuration)
    }

    /// Adds `descriptor`'s backend, replacing one with the same id.
    public mutating func register(_ descriptor: BackendDescriptor, make: @escaping Factory) {
        entries[descriptor.id] = Entry(descriptor: descriptor, make: make)
    }

    /// Every registered backend, by id.
    public var descriptors: [BackendDescriptor] { entries.values.map(\.descriptor).sorted { $0.id < $1.id } }

    public func descriptor(_ id: String) -> BackendDescriptor? { entries[id]?.descriptor }

    /// The backend `id`, built from `configuration` after its required options are checked.
    public func make(_ id: String, configuration: BackendConfiguration = BackendConfiguration()) throws -> any TranslationBackend {
        guard let entry = entries[id] else {
            throw BackendError(.unknownBackend, backend: id, "no such backend; known: \(entries.keys.sorted().joined(separator: ", "))")
        }
        try configuration.check(entry.descriptor)
        return try entry.make(configuration)
    }
}
