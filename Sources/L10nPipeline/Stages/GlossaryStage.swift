import L10nCore
import L10nGlossary

/// Recognizes the termbase's terms in each unit's source (after adaptation, so in the text the
/// translator sees) and puts them on the unit (``TextUnit/glossary``) with their translations
/// into the job's target language and their status: the XLIFF carries them (2.x Glossary
/// module, 1.2 notes). Changes no text.
public struct GlossaryStage: PipelineStage {
    public var termbase: Termbase
    public var name: StageName { .glossary }

    public init(termbase: Termbase) {
        self.termbase = termbase
    }

    public func run(_ job: inout LocalizationJob) async throws {
        let document = try job.requireDocument(for: .glossary)
        job.document = GlossaryAnnotator(termbase, sourceLanguage: job.source.language, targetLanguage: job.targetLanguage).annotate(document)
    }
}
