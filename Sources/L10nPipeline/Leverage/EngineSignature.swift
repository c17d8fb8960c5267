import L10nCore
import L10nMT

/// Which engine answered, set up how, and which parts of a request's context it reads: what a
/// ``TranslationCache`` tells answers apart by besides the source. An answer is reused only for
/// a request whose ``digest(of:context:)`` is the same, so a changed glossary term, note,
/// formality or model is asked for again instead of served from an earlier run.
///
/// What the page is about (``TranslationContext/about``: its title and lead) is left out on
/// purpose, although engines that read context (DeepL, `openai`, `command`) get it. It is
/// page-level: keyed on it, any edit of a page's title or opening text would buy every sentence
/// of the page again, and a sentence on two pages would be bought twice — against the batch's
/// promise that unchanged text costs nothing and a changed page pays only for its new sentences.
/// So a cached answer may have been made with another page's context; the segment's own inputs
/// (its notes, the glossary terms it contains) do count.
///
/// Only what the engine reads counts (its descriptor says: formality, glossaries, context), so
/// an engine that ignores them is not asked again when they change.
/// A string literal is an engine that reads everything (the safe side: at worst a miss).
public struct EngineSignature: Hashable, Sendable, ExpressibleByStringLiteral {
    /// The backend's id, as in provenance (`mt:deepl`).
    public var id: String
    /// ``TranslationBackend/outputSettings``: `model=…` and the like.
    public var settings: [String]
    /// Whether the engine reads ``TranslationContext/formality``.
    public var readsFormality: Bool
    /// Whether it reads ``TranslationContext/terms``.
    public var readsGlossary: Bool
    /// Whether it reads context (``TranslationContext/about`` and ``SegmentRequest/notes``); only
    /// the notes are keyed (see the type's documentation for why `about` is not).
    public var readsContext: Bool

    public init(id: String, settings: [String] = [], readsFormality: Bool = true, readsGlossary: Bool = true, readsContext: Bool = true) {
        self.id = id
        self.settings = settings
        self.readsFormality = readsFormality
        self.readsGlossary = readsGlossary
        self.readsContext = readsContext
    }

    /// `backend` as its descriptor and settings describe it.
    public init(_ backend: any TranslationBackend) {
        let d = backend.descriptor
        self.init(id: d.id, settings: backend.outputSettings, readsFormality: d.supportsFormality, readsGlossary: d.supportsGlossaries,
                  readsContext: d.supportsContext)
    }

    public init(stringLiteral id: String) { self.init(id: id) }

    /// Names the format of ``digest(of:context:)``: a new version makes every earlier answer a miss.
    /// v2: `about` is no longer part of it.
    static let digestVersion = "l10n-mt-inputs-v2"

    /// SHA-256 (lower-case hex) of everything but the source that shapes this engine's answer to
    /// `request`: the engine and its settings, both languages (full tags: `pt-BR` is not `pt-PT`),
    /// and what it reads of the formality, the glossary terms found in the segment
    /// (``terms(for:in:)``) and the segment's notes. Not what the page is about
    /// (``TranslationContext/about``): page-level context, so editing a page's title or lead
    /// does not buy its unchanged sentences again. Length-prefixed parts, so the same inputs
    /// give the same digest in every run, process and machine.
    public func digest(of request: SegmentRequest, context: TranslationContext) -> String {
        var hash = ContentHash()
        hash.add("version", Self.digestVersion)
        hash.add("engine", id)
        for setting in settings.sorted() { hash.add("setting", setting) }
        hash.add("source-language", context.sourceLanguage.rawValue)
        hash.add("target-language", context.targetLanguage.rawValue)
        if readsFormality { hash.add("formality", context.formality?.rawValue ?? "") }
        if readsGlossary {
            for term in Self.terms(for: request.source, in: context.terms) {
                hash.add("term", term.term)
                hash.add("status", term.status)
                for translation in term.translations { hash.add("translation", translation) }
                if let definition = term.definition { hash.add("definition", definition) }
            }
        }
        // Not `context.about`: page-level, see above.
        if readsContext {
            for note in request.notes { hash.add("note", note) }
        }
        return hash.finalize()
    }

    /// The terms of `terms` that occur in `source`'s text (case-insensitively, as engines look
    /// for them), once each, by term; terms written alike keep their order (the first is the one
    /// a DeepL glossary takes). So the same sentence gets the same terms on any page.
    public static func terms(for source: Content, in terms: [GlossaryTerm]) -> [GlossaryTerm] {
        let text = source.plainText.lowercased()
        var seen = Set<GlossaryTerm>()
        let found = terms.enumerated().filter { !$0.element.term.isEmpty && text.contains($0.element.term.lowercased()) && seen.insert($0.element).inserted }
        return found.sorted { a, b in
            let x = Array(a.element.term.utf8), y = Array(b.element.term.utf8)
            return x == y ? a.offset < b.offset : x.lexicographicallyPrecedes(y)
        }.map(\.element)
    }
}
