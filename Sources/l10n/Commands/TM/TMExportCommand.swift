import ArgumentParser
import Foundation
import L10nPipeline

struct TMExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the memory (or one language pair of it) as TMX 1.4b.",
        discussion: """
            Streams every unit into the file (written whole or not at all). Inline codes become <bpt>/<ept>/<it>/<ph>; origin, project, market and context travel as x-l10n-* properties, so an exported memory imported again is the same memory.
            """)

    @OptionGroup var memory: MemoryOption
    @OptionGroup var output: OutputFormatOption

    @Option(name: .shortAndLong, help: ArgumentHelp("The TMX file to write.", valueName: "file.tmx"))
    var out: String

    @Option(name: [.customShort("s"), .long], help: ArgumentHelp("Only units from this language.", valueName: "tag"))
    var sourceLanguage: LanguageTag?

    @Option(name: [.customShort("t"), .long], help: ArgumentHelp("Only units into this language.", valueName: "tag"))
    var targetLanguage: LanguageTag?

    func run() async throws {
        let store = try await memory.open(create: false)
        let units: Int
        do {
            units = try await MemoryExporter(store: store).exportTMX(to: out, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
        } catch {
            throw ExitStatus.report(error)
        }
        if output.isJSON { return try output.printJSON(["file": out, "units": "\(units)"]) }
        Console.out("wrote \(out): \(units) unit(s)")
    }
}
