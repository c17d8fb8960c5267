import ArgumentParser
import Foundation
import L10nPipeline

struct GlossaryListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the termbase index: every entry, or those for one target language.")

    @OptionGroup var memory: MemoryOption
    @OptionGroup var output: OutputFormatOption

    @Option(name: [.customShort("s"), .long], help: ArgumentHelp("Only entries whose source terms are in this language.", valueName: "tag"))
    var sourceLanguage: LanguageTag?

    @Option(name: [.customShort("t"), .long], help: ArgumentHelp("Only translations into this language (and do-not-translate entries).", valueName: "tag"))
    var targetLanguage: LanguageTag?

    func run() async throws {
        let store = try await memory.open(create: false)
        var entries: [TermEntry]
        do { entries = try await store.termbase().entries } catch { throw ExitStatus.report(error) }
        if let sourceLanguage { entries = Termbase(entries).entries(sourceLanguage: sourceLanguage, targetLanguage: nil) }
        if let targetLanguage { entries = entries.filter { $0.applies(to: targetLanguage) } }
        if output.isJSON { return try output.printJSON(entries) }
        if entries.isEmpty { Console.note("no glossary entry") }
        for entry in entries { Console.out("\(entry.term)  " + Self.line(entry)) }
    }

    /// `de: Pumpengehäuse [preferred, noun] (plumbing.csv:12) note`.
    static func line(_ e: TermEntry) -> String {
        var s = "\(e.targetLanguage?.rawValue ?? "*"): \(e.targetTerm ?? e.term) [\(e.status.rawValue)\(e.partOfSpeech.map { ", \($0)" } ?? "")]"
        if let glossary = e.glossary { s += " (\(glossary)\(e.line.map { ":\($0)" } ?? ""))" }
        if let note = e.note { s += " " + note }
        return s
    }
}
