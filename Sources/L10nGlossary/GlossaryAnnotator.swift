import L10nCore

/// Puts the glossary terms found in each unit's source on the unit (``TextUnit/glossary``), for
/// the XLIFF writers: one ``GlossEntry`` per glossary entry found, once per unit.
/// Pure: the same document and termbase give the same entries.
public struct GlossaryAnnotator: Sendable {
    public let matcher: TermMatcher

    public init(_ termbase: Termbase, sourceLanguage: LanguageTag, targetLanguage: LanguageTag) {
        matcher = TermMatcher(termbase, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
    }

    /// An annotator with a matcher already built (``TermMatcherCache``).
    public init(matcher: TermMatcher) {
        self.matcher = matcher
    }

    /// `document` with its units' glossary entries replaced by what the termbase finds now.
    public func annotate(_ document: Document) -> Document {
        guard !matcher.isEmpty else { return document }
        var document = document
        for u in document.units.indices {
            document.units[u].glossary = entries(for: document.units[u])
        }
        return document
    }

    /// The entries of one unit, in the order their terms occur: each glossary entry once per
    /// unit, at its first occurrence (`pump` twice in a paragraph is one entry).
    public func entries(for unit: TextUnit) -> [GlossEntry] {
        var out: [GlossEntry] = []
        var seen = Set<TermEntry>()
        for segment in unit.segments where !segment.isIgnorable {
            for hit in matcher.hits(in: segment.source.readableText) {
                for entry in hit.entries where seen.insert(entry).inserted {
                    out.append(Self.gloss(entry, found: hit.text, segment: segment.id))
                }
            }
        }
        return out
    }

    /// What the translator reads: the translation to use (the term itself for a do-not-translate
    /// term, none for a forbidden one) and a definition that says the status in words.
    static func gloss(_ entry: TermEntry, found: String, segment: String) -> GlossEntry {
        var definition: [String] = []
        let translations: [String]
        switch entry.status {
        case .preferred, .admitted:
            translations = entry.targetTerm.map { [$0] } ?? []
            definition.append("\(entry.status.label) term")
        case .forbidden:
            translations = []
            definition.append("FORBIDDEN: do not translate '\(entry.term)' as '\(entry.targetTerm ?? "")'")
        case .doNotTranslate:
            translations = [entry.targetTerm ?? entry.term]
            definition.append("DO NOT TRANSLATE: keep '\(entry.targetTerm ?? entry.term)' as written")
        }
        if let pos = entry.partOfSpeech { definition.append("(\(pos))") }
        var text = definition.joined(separator: " ")
        if let note = entry.note { text += ". " + note }
        var gloss = GlossEntry(segment: segment, term: found, translations: translations, definition: text, status: entry.status.rawValue, glossary: entry.glossary)
        if entry.status == .forbidden, let wrong = entry.targetTerm { gloss.forbidden = [wrong] }
        return gloss
    }
}
