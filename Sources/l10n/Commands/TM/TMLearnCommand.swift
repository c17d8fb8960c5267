import ArgumentParser
import Foundation
import L10nPipeline

struct TMLearnCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learn",
        abstract: "Store what a translator approved: the reviewed and final segments of XLIFF files.",
        discussion: """
            Takes the XLIFF a translator or reviewer sends back (from `l10n extract` or `l10n adapt`, 2.x or 1.2) and stores each segment whose state is reviewed or final (1.2: signed-off, final), with its neighbouring segments, so the next `adapt --tm` or `extract --tm` of the same page fills it as an in-context (101) match.
            """)

    @Argument(help: ArgumentHelp("Reviewed XLIFF files (.xlf, .xliff).", valueName: "file"))
    var files: [String]

    @OptionGroup var memory: MemoryOption
    @OptionGroup var output: OutputFormatOption

    @OptionGroup var scope: MemoryScopeOptions

    func run() async throws {
        let store = try await memory.open(create: true)
        let importer = MemoryImporter(store: store, project: scope.project, market: scope.market)
        try await TMImportRun.run(files, output: output) { try await importer.importXLIFF(at: URL(fileURLWithPath: $0), selection: .reviewed) }
    }
}
