import L10nCore

/// The terms of one or more glossaries, as read from their files (``GlossaryReader``) or from
/// the memory's index: plain values, so a matcher, the pipeline and a QA check can share it.
public struct Termbase: Hashable, Sendable {
    public var entries: [TermEntry]

    public init(_ entries: [TermEntry] = []) {
        self.entries = entries
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// Both glossaries' entries (a run with several `--glossary` options).
    public func merging(_ other: Termbase) -> Termbase { Termbase(entries + other.entries) }

    /// The entries whose source is in `sourceLanguage`'s language and which hold for
    /// translations into `targetLanguage` (every entry with a nil target language does).
    public func entries(sourceLanguage: LanguageTag, targetLanguage: LanguageTag?) -> [TermEntry] {
        entries.filter { entry in
            entry.sourceLanguage.language.lowercased() == sourceLanguage.language.lowercased()
                && (targetLanguage.map { entry.applies(to: $0) } ?? true)
        }
    }
}
