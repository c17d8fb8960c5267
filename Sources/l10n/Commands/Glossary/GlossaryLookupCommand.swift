import ArgumentParser
import Foundation
import L10nPipeline

struct GlossaryLookupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Find the glossary terms in a text: each term found, with its translations and status.",
        discussion: """
            Matching is the pipeline's: ICU word boundaries, case folded, whole words, the longest term wins, English plurals (-s, -es, -ies) of a term's last word; in other languages the inflections of every word, through the language's Hunspell dictionary.
            """)

    @Argument(help: ArgumentHelp("A term, or a sentence to search for terms.", valueName: "text"))
    var text: String

    @OptionGroup var memory: MemoryOption
    @OptionGroup var output: OutputFormatOption

    @Option(name: [.customShort("s"), .long], help: ArgumentHelp("The language of the text.", valueName: "tag"))
    var sourceLanguage: LanguageTag = LanguageTag("en")!

    @Option(name: [.customShort("t"), .long], help: ArgumentHelp("Only translations into this language (and do-not-translate entries).", valueName: "tag"))
    var targetLanguage: LanguageTag?

    /// One term found, for JSON.
    struct Found: Encodable {
        var text: String
        var entries: [TermEntry]
    }

    func run() async throws {
        let store = try await memory.open(create: false)
        let termbase: Termbase
        do { termbase = try await store.termbase() } catch { throw ExitStatus.report(error) }
        let hits = TermMatcher(termbase, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage).hits(in: text)
        if output.isJSON { return try output.printJSON(hits.map { Found(text: $0.text, entries: $0.entries) }) }
        if hits.isEmpty { Console.note("no glossary term in \"\(text)\"") }
        for hit in hits {
            Console.out(hit.text)
            for entry in hit.entries { Console.out("    " + GlossaryListCommand.line(entry)) }
        }
    }
}
