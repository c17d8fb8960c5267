import L10nCore

/// A machine-translation engine the pipeline's translate stage can call.
///
/// Backends are values built once (by the ``BackendRegistry`` from a configuration) and passed
/// down. They receive whole batches, cut to their ``BackendDescriptor/limits``, so HTTP engines
/// make few requests, and answer one ``SegmentResult`` per request, in order: a segment the engine
/// could not translate fails alone (``SegmentResult/failed(_:)``) while the rest of the batch
/// stands. A failure of the whole call (unauthorized, quota, unreachable) is a thrown
/// ``BackendError``. Cancellation is cooperative: long calls check `Task.isCancelled` and throw
/// `CancellationError`.
public protocol TranslationBackend: Sendable {
    var descriptor: BackendDescriptor { get }
    func translate(_ batch: [SegmentRequest], context: TranslationContext) async throws -> [SegmentResult]

    /// The settings of this backend, beyond its id, that change what it answers (`model=…`, a
    /// server-side glossary, the program run), as `name=value` lines: the translation cache keeps
    /// answers made under other settings apart. Never a key or other secret; only a digest of
    /// them is ever stored.
    var outputSettings: [String] { get }

    /// What of `context` a request of this backend carries, when that is the same for every
    /// document of a run, so the segments of several documents may go out in one request
    /// (``SharedRequests``): an engine that translates each text on its own and takes nothing
    /// but the language pair returns just that. Nil (the default) when the request carries the
    /// document (its context, its glossary hits, a prompt about it): then each document's
    /// segments go alone.
    func sharedContext(for context: TranslationContext) -> TranslationContext?
}

extension TranslationBackend {
    /// Nothing but the request and its context decides the answer.
    public var outputSettings: [String] { [] }

    /// Requests carry the document: none is shared.
    public func sharedContext(for context: TranslationContext) -> TranslationContext? { nil }
}

extension TranslationContext {
    /// Only the language pair: what an engine that takes no other context shares across documents.
    public var languagePair: TranslationContext {
        TranslationContext(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
    }
}

/// One segment to translate.
public struct SegmentRequest: Hashable, Sendable {
    /// `u3-s1`: unit and segment ids joined, unique in a document.
    public var key: String
    public var source: Content
    /// What the translation should know about this segment, in plain words, for engines that
    /// take per-segment context (an LLM's prompt): how adaptation already changed its source for
    /// the market (`units.length: "6 ft" → "1.8 m". …`) and which spans it kept on purpose, so
    /// the engine keeps those figures as they are. Information about the copy, never
    /// instructions; empty when nothing was adapted (and for engines that take no context).
    public var notes: [String]

    public init(key: String, source: Content, notes: [String] = []) {
        self.key = key
        self.source = source
        self.notes = notes
    }
}

/// What a backend made of one request.
public enum SegmentResult: Hashable, Sendable {
    case translated(Content)
    /// The backend leaves this segment to someone else (the `none` backend does for all).
    case untranslated
    /// This segment only could not be translated; the reason never quotes the segment's text.
    case failed(reason: String)
}

/// The language pair and anything else every request of a batch shares.
public struct TranslationContext: Hashable, Sendable {
    public var sourceLanguage: LanguageTag
    public var targetLanguage: LanguageTag
    /// The market the text is for, when there is one (`br`).
    public var market: String?
    /// The document the segments come from, for engines that take context.
    public var document: String?
    /// How the market addresses customers (its tone policy), for engines that take a formality.
    public var formality: Formality?
    /// The glossary terms found in the document's sources, for engines that take terminology
    /// (an LLM's prompt); empty without glossaries.
    public var terms: [GlossaryTerm]
    /// What the document is about, in its source language: its title or first heading and the
    /// text that follows, a few hundred characters at most (the translate stage keeps it within
    /// ``maxAboutCharacters``), for engines that take context that steers the translation but is
    /// not translated (DeepL's `context`); nil when the document has no text to take it from.
    public var about: String?

    /// The most characters the translate stage puts in ``about``.
    public static let maxAboutCharacters = 1_000

    public init(sourceLanguage: LanguageTag, targetLanguage: LanguageTag, market: String? = nil, document: String? = nil,
                formality: Formality? = nil, terms: [GlossaryTerm] = [], about: String? = nil) {
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.market = market
        self.document = document
        self.formality = formality
        self.terms = terms
        self.about = about
    }
}

/// A term the translation must respect: its required translations (`preferred`/`admitted`), or
/// none when it is `forbidden` (the definition says what not to write) or `do-not-translate`.
public struct GlossaryTerm: Hashable, Sendable {
    public var term: String
    public var translations: [String]
    public var status: String
    public var definition: String?

    public init(term: String, translations: [String], status: String, definition: String? = nil) {
        self.term = term
        self.translations = translations
        self.status = status
        self.definition = definition
    }
}

/// Formal or informal address (German *Sie*/*du*, Portuguese *o senhor*/*você*).
public enum Formality: String, Hashable, Sendable {
    case formal, informal
}
