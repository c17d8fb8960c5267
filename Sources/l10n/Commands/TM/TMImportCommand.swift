import ArgumentParser
import Foundation
import L10nPipeline

struct TMImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import TMX 1.4b or translated XLIFF (2.x, 1.2) into the memory.",
        discussion: """
            TMX is read as a stream (UTF-8 or UTF-16 with BOM) and stored in transactional batches; units that cannot be used are skipped and listed with their line. From XLIFF, segments whose target is translated, reviewed or final are stored, with their neighbours for in-context matches. A unit already stored (same source, languages, neighbours, project and market) gets the new target.
            """)

    @Argument(help: ArgumentHelp("TMX (.tmx) or XLIFF (.xlf, .xliff) files.", valueName: "file"))
    var files: [String]

    @OptionGroup var memory: MemoryOption
    @OptionGroup var output: OutputFormatOption

    @Option(name: [.customShort("s"), .long], help: ArgumentHelp("For TMX with srclang=\"*all*\": the source language (default: every language pair).", valueName: "tag"))
    var sourceLanguage: LanguageTag?

    @OptionGroup var scope: MemoryScopeOptions

    func run() async throws {
        let store = try await memory.open(create: true)
        let importer = MemoryImporter(store: store, project: scope.project, market: scope.market, sourceLanguage: sourceLanguage)
        try await TMImportRun.run(files, output: output) { try await importer.importFile(at: URL(fileURLWithPath: $0), selection: .translated) }
    }
}
