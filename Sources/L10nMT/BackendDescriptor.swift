/// What a backend says about itself: for `l10n backends`, for batching, for configuration errors.
public struct BackendDescriptor: Hashable, Sendable {
    /// Stable id used on the command line (`--backend pseudo`).
    public var id: String
    public var displayName: String
    public var summary: String
    /// Environment variables it needs (API keys come from the environment only).
    public var requiredEnvironment: [String]
    /// Most segments per request.
    public var maxBatchSize: Int
    /// Whether it can carry inline codes through translation.
    public var supportsInlineCodes: Bool

    public init(id: String, displayName: String, summary: String, requiredEnvironment: [String] = [], maxBatchSize: Int, supportsInlineCodes: Bool) {
        self.id = id
        self.displayName = displayName
        self.summary = summary
        self.requiredEnvironment = requiredEnvironment
        self.maxBatchSize = maxBatchSize
        self.supportsInlineCodes = supportsInlineCodes
    }
}
