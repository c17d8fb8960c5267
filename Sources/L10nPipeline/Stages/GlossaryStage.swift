import L10nCore
import L10nGlossary

/// Recognizes the termbase's terms in each unit's source (after adaptation, so in the text the
/// translator sees) and puts them on the unit (``TextUnit/glossary``) with their translations
/// into the job's target language and their status: the XLIFF carries them (2.x Glossary
/// module, 1.2 notes). Changes no text.
public struct GlossaryStage: PipelineStage {
    public var termbase: Termbase { matchers.termbase }
    public var name: StageName { .glossary }
    /// One matcher per language pair for every document and market of a run.
    private let matchers: TermMatcherCache

    public init(termbase: Termbase) {
        matchers = TermMatcherCache(termbase)
    }

    /// A stage sharing `matchers` (a ``Localizer``'s, for every run it makes).
    public init(matchers: TermMatcherCache) {
        self.matchers = matchers
    }

    public func run(_ job: inout LocalizationJob) async throws {
        let document = try job.requireDocument(for: .glossary)
        let matcher = matchers.matcher(sourceLanguage: job.source.language, targetLanguage: job.targetLanguage)
        job.document = GlossaryAnnotator(matcher: matcher).annotate(document)
    }
}
