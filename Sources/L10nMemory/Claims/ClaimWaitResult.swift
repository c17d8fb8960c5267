import L10nCore

/// What ``MemoryStore/waitForTranslations(of:owner:ttl:pollInterval:)`` ends with: for each
/// query, either another runner's translation landed, or this owner holds its claim now and must
/// translate it itself.
public struct ClaimWaitResult: Hashable, Sendable {
    /// Per query, in order: the exact (or in-context) match that landed; nil where it did not.
    public var matches: [MemoryMatch?]
    /// The claim keys (``ClaimKey``) this owner took over: their holder released them or died
    /// (its claim expired) without storing a translation.
    public var claimed: Set<String>

    public init(matches: [MemoryMatch?], claimed: Set<String>) {
        self.matches = matches
        self.claimed = claimed
    }
}
