import ArgumentParser
import Foundation
import L10nPipeline

struct TMStatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "What the memory holds: units per language pair and per origin, glossary entries, schema version.")

    @OptionGroup var memory: MemoryOption
    @OptionGroup var output: OutputFormatOption

    func run() async throws {
        let store = try await memory.open(create: false)
        let stats: MemoryStats
        do { stats = try await store.stats() } catch { throw ExitStatus.report(error) }
        if output.isJSON { return try output.printJSON(stats) }
        Console.out("\(store.location): \(stats.units) unit(s), schema \(stats.schemaVersion)")
        for pair in stats.pairs { Console.out("  \(pair.sourceLanguage) → \(pair.targetLanguage): \(pair.units)") }
        for (origin, n) in stats.origins.sorted(by: { $0.key < $1.key }) { Console.out("  \(origin): \(n)") }
        if stats.glossaryEntries > 0 { Console.out("  glossary entries: \(stats.glossaryEntries)") }
    }
}
