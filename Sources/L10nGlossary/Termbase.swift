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
    ///
    /// The most specific translation wins: where a term has a translation for the target's own
    /// region (`pt-BR`), the translations given for the language alone (`pt`) or for no
    /// language step aside — a Brazilian page is not asked for both "bomba" and "bomba d'água".
    /// Forbidden and do-not-translate entries are restrictions and always hold.
    public func entries(sourceLanguage: LanguageTag, targetLanguage: LanguageTag?) -> [TermEntry] {
        let applying = entries.filter { entry in
            entry.sourceLanguage.language.lowercased() == sourceLanguage.language.lowercased()
                && (targetLanguage.map { entry.applies(to: $0) } ?? true)
        }
        guard let region = targetLanguage?.region?.lowercased() else { return applying }
        func isTranslation(_ entry: TermEntry) -> Bool { entry.status == .preferred || entry.status == .admitted }
        func isRegional(_ entry: TermEntry) -> Bool { entry.targetLanguage?.region?.lowercased() == region }
        let regional = Set(applying.filter { isTranslation($0) && isRegional($0) }.map(\.key))
        guard !regional.isEmpty else { return applying }
        return applying.filter { !isTranslation($0) || isRegional($0) || !regional.contains($0.key) }
    }
}
