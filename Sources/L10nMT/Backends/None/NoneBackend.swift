import L10nCore

/// Translates nothing: every segment is left to a translator (or, for a target in the
/// source's language, to the adapted source). The default, so a run never calls a service
/// nobody asked for.
public struct NoneBackend: TranslationBackend {
    public static let descriptor = BackendDescriptor(
        id: "none", displayName: "No machine translation",
        summary: "Leaves targets empty for translators (same-language markets get the adapted source).",
        limits: .unlimited, supportsInlineCodes: true)

    public init() {}

    public var descriptor: BackendDescriptor { Self.descriptor }

    public func translate(_ batch: [SegmentRequest], context: TranslationContext) async throws -> [SegmentResult] {
        batch.map { _ in .untranslated }
    }
}
