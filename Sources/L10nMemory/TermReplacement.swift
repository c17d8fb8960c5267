/// What ``MemoryStore/replaceTerms(glossary:with:)`` changed in the termbase index.
public struct TermReplacement: Hashable, Sendable {
    public var added = 0
    public var updated = 0
    /// Entries of the glossary that its file no longer has.
    public var removed = 0

    public init(added: Int = 0, updated: Int = 0, removed: Int = 0) {
        self.added = added
        self.updated = updated
        self.removed = removed
    }
}
