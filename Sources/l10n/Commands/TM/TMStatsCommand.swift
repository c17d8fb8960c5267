import ArgumentParser
import Foundation
import L10nPipeline

struct TMStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "What the memory holds: units per language pair and per origin, schema version.")

    @OptionGroup var memory: MemoryOption
    @OptionGroup var output: OutputFormatOption

    func run() throws {
        let store = try memory.open(create: false)
        let stats: MemoryStats
        do { stats = try store.stats() } catch { throw ExitStatus.report(error) }
        if output.isJSON { return try output.printJSON(stats) }
        Console.out("\(store.path): \(stats.units) unit(s), schema \(stats.schemaVersion)")
        for pair in stats.pairs { Console.out("  \(pair.sourceLanguage) → \(pair.targetLanguage): \(pair.units)") }
        for (origin, n) in stats.origins.sorted(by: { $0.key < $1.key }) { Console.out("  \(origin): \(n)") }
    }
}
