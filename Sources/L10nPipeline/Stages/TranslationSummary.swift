/// What the translate stage did: one backend, how many segments and characters it was sent
/// (what a paid engine bills), and what came back.
public struct TranslationSummary: Hashable, Sendable, Codable {
    public var backend: String
    public var requests: Int
    /// HTTP requests those calls really sent (retries on 429/5xx/timeouts and answers asked for
    /// again included); nil for engines that are no HTTP service (Apertium, a command, pseudo).
    public var httpRequests: Int?
    public var segments: Int
    public var characters: Int
    public var translated: Int
    public var failed: Int
    /// Why nothing was machine-translated when no backend was named and none could be chosen
    /// (no route offline, no engine configured), naming what would enable one.
    public var note: String?
    /// Segments whose translation by this engine came from the translation cache instead of a
    /// call (not billed again); nil when the run had no cache.
    public var reused: Int?

    public init(backend: String, requests: Int = 0, segments: Int = 0, characters: Int = 0, translated: Int = 0, failed: Int = 0, note: String? = nil) {
        self.backend = backend
        self.requests = requests
        self.segments = segments
        self.characters = characters
        self.translated = translated
        self.failed = failed
        self.note = note
    }
}
