import ArgumentParser
import Foundation
import L10nPipeline

struct GlossaryImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import glossaries (TBX, CSV, or a bundled industry) into the memory's termbase index.",
        discussion: """
            TBX-Basic v3 (DCA and DCT styles) and TBX 2008 (<martif>) are read as a stream; CSV needs the header term,language,target term,part of speech,status,note. Rows or entries that cannot be used are skipped and listed with their line on standard error, and counted; a file that cannot be read at all is an error naming file and line. An entry already stored (same term, languages, target term and glossary) is replaced.
            """)

    @Argument(help: ArgumentHelp("Glossary files (.tbx, .csv) or bundled industry names.", valueName: "file"))
    var files: [String]

    @OptionGroup var memory: MemoryOption
    @OptionGroup var output: OutputFormatOption

    @Option(name: [.customShort("s"), .long], help: ArgumentHelp("The language of the glossaries' source terms.", valueName: "tag"))
    var sourceLanguage: LanguageTag = LanguageTag("en")!

    func run() async throws {
        let store = try await memory.open(create: true)
        let importer = GlossaryImporter(store: store, sourceLanguage: sourceLanguage)
        try await TMImportRun.run(files, output: output, inputCheck: { path in
            // A bundled industry is a name, not a file here.
            if FileManager.default.fileExists(atPath: path) || path.contains("/") { try InputFile.check(path, limit: InputFile.maximumSize) }
        }) { try await importer.importFile($0) }
    }
}
