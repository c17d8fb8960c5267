import L10nCore

/// One answer of a lookup: the stored unit, its score and how it matched. `target` carries the
/// query's code ids (and, for a number-substituted match, the query's numbers); `storedTarget`
/// is the unit as stored.
public struct MemoryCandidate: Hashable, Sendable {
    public var unit: TranslationUnit
    /// 101 in context, 100 exact, below 100 number-substituted or fuzzy.
    public var score: Int
    public var kind: MatchKind
    /// The target to use for the query, or nil when its codes cannot be mapped onto the query's.
    public var target: Content?
    /// The row id in the store (stable for the store's life).
    public var id: Int64

    public init(unit: TranslationUnit, score: Int, kind: MatchKind, target: Content?, id: Int64) {
        self.unit = unit
        self.score = score
        self.kind = kind
        self.target = target
        self.id = id
    }
}
