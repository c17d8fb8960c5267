import L10nCore

extension Termbase {
    /// The terms a document's units carry (``TextUnit/glossary``, as an XLIFF 2 file that went
    /// through `extract --glossary` keeps them), for checking the file's translations without
    /// the glossary files: each entry as the status it was written with, its term as the source
    /// spells it. Entries with an unknown status, or a translation status and no translation,
    /// say nothing checkable and are left out.
    public init(glossaryOf document: Document) {
        guard let source = LanguageTag(document.sourceLanguage) else { self.init(); return }
        let target = document.targetLanguage.flatMap(LanguageTag.init)
        var entries: [TermEntry] = []
        var seen = Set<TermEntry>()
        for unit in document.units {
            for gloss in unit.glossary {
                guard let status = TermStatus(rawValue: gloss.status) else { continue }
                var found: [TermEntry] = []
                switch status {
                case .preferred, .admitted:
                    found = gloss.translations.map {
                        TermEntry(sourceLanguage: source, term: gloss.term, targetLanguage: target, targetTerm: $0, status: status, glossary: gloss.glossary)
                    }
                case .forbidden:
                    found = gloss.forbidden.map {
                        TermEntry(sourceLanguage: source, term: gloss.term, targetLanguage: target, targetTerm: $0, status: status, glossary: gloss.glossary)
                    }
                case .doNotTranslate:
                    found = [TermEntry(sourceLanguage: source, term: gloss.term, targetLanguage: nil, targetTerm: nil, status: status, glossary: gloss.glossary)]
                }
                for entry in found where target != nil || entry.targetLanguage == nil {
                    if seen.insert(entry).inserted { entries.append(entry) }
                }
            }
        }
        self.init(entries)
    }
}
