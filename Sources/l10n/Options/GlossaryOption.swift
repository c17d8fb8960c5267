import ArgumentParser
import Foundation
import L10nPipeline

/// `--glossary FILE|INDUSTRY` (repeatable) for the commands that read source documents: terms
/// recognized in the sources travel in the XLIFF to translators (docs/glossaries.md).
struct GlossaryOption: ParsableArguments {
    @Option(name: .customLong("glossary"), parsing: .singleValue, help: ArgumentHelp(
        "A glossary: a TBX or CSV file, or an industry whose glossary ships with l10n (glossaries/<industry>.csv). Repeatable. Terms found in the source go into the XLIFF with their translations and status.",
        valueName: "file|industry"))
    var glossaries: [String] = []

    /// The glossaries named, read with `sourceLanguage` as their terms' language, as one
    /// termbase (nil when none is named). Skipped rows are listed on standard error with their
    /// lines; a file that cannot be read is reported and becomes the exit code.
    func termbase(sourceLanguage: LanguageTag) throws -> Termbase? {
        guard !glossaries.isEmpty else { return nil }
        let reader = GlossaryReader(sourceLanguage: sourceLanguage)
        var termbase = Termbase()
        for name in glossaries {
            let file: GlossaryFile
            do { file = try reader.read(name) } catch { throw ExitStatus.report(error) }
            for skipped in file.skipped { Console.note("\(file.name):\(skipped.line): skipped: \(skipped.reason)") }
            if !file.skipped.isEmpty { Console.note("\(file.name): \(file.skipped.count) entr(ies) skipped") }
            termbase = termbase.merging(file.termbase)
        }
        return termbase
    }
}
