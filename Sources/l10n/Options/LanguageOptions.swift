import ArgumentParser
import L10nPipeline

extension LanguageTag: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }

    public static var defaultCompletionKind: CompletionKind { .list(["en-US", "pt-BR", "de-DE", "ja-JP", "en-GB", "fr-FR", "es-ES", "zh-CN"]) }
}

/// Segmentation options shared by the commands that read source documents.
struct SegmentationOptions: ParsableArguments {
    @Option(name: .customLong("srx"), help: ArgumentHelp("SRX 2.0 rules that extend or override the built-in segmentation rules.", valueName: "file.srx"))
    var srx: String?

    @Flag(name: .customLong("no-segmentation"), help: "One segment per paragraph, heading, cell…: no sentence splitting.")
    var noSegmentation = false

    /// The rules these options name: none, the built-in ones, or the built-in ones after the
    /// user's SRX file.
    func rules() throws -> SegmentationRules {
        if noSegmentation { return .none }
        guard let srx else { return .builtIn }
        return try .srx(data: InputFile.read(srx), name: srx)
    }

    /// A localizer with these rules (and `glossary`'s terms) and everything else built in (extract, pseudo, segment);
    /// errors in the rules are reported and become the exit code.
    func localizer(glossary: Termbase? = nil) throws -> Localizer {
        do { return Localizer(Localizer.Configuration(segmentation: try rules(), glossary: glossary)) } catch { throw ExitStatus.report(error) }
    }
}
