import ArgumentParser
import Foundation
import L10nPipeline

struct TMLookupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Look a sentence up: the best matches with their scores.",
        discussion: """
            Scores: 101 in context, 100 exact, 99 and below fuzzy (word edit distance over ICU word boundaries, case, whitespace and punctuation normalized, penalties for differing inline codes and numbers). A number-substituted match (only numbers differ) has the query's numbers put into the target and is flagged.
            """)

    @Argument(help: ArgumentHelp("The source text.", valueName: "text"))
    var text: String

    @OptionGroup var memory: MemoryOption
    @OptionGroup var output: OutputFormatOption

    @Option(name: [.customShort("s"), .long], help: ArgumentHelp("The language of the text.", valueName: "tag"))
    var sourceLanguage: LanguageTag = LanguageTag("en-US")!

    @Option(name: [.customShort("t"), .long], help: ArgumentHelp("The language of the translations.", valueName: "tag"))
    var targetLanguage: LanguageTag

    @Option(name: .long, help: ArgumentHelp("How many matches to show at most.", valueName: "n"))
    var limit: Int = 5

    @Option(name: .long, help: ArgumentHelp("The lowest score shown.", valueName: "score"))
    var threshold: Int = MemoryLookup.defaultThreshold

    @Option(name: .long, help: ArgumentHelp("Leave out translations stored for another market (those for no market stay).", valueName: "id"))
    var market: String?

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
        guard (0...101).contains(threshold) else { throw ValidationError("--threshold must be between 0 and 101") }
    }

    func run() async throws {
        let store = try await memory.open(create: false)
        let query = MemoryQuery(source: Content(text: text), sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, market: market)
        let candidates: [ReportedCandidate]
        do { candidates = try await store.lookup(query, limit: limit, threshold: threshold).map(ReportedCandidate.init) } catch { throw ExitStatus.report(error) }
        if output.isJSON { return try output.printJSON(candidates) }
        if candidates.isEmpty { Console.note("no match at or above \(threshold)") }
        for c in candidates {
            Console.out("\(c.score) \(c.kind): \(c.target)")
            Console.out("    source: \(c.source)  [\(c.origin)\(c.document.map { ", \($0)" } ?? "")]")
        }
    }
}
