import ArgumentParser
import Foundation
import L10nPipeline

struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Print the segments of a document, for tuning segmentation rules.",
        discussion: """
            One line per segment: its id (unit-segment) and its text, with inline codes shown as {1}…{/1} (paired) and {2/} (standalone); the id of a unit nobody translates (figures alone, such as a price in a table cell: adaptation may rewrite it) is followed by " translate=no". Try --srx to see the effect of your own rules.
            """)

    @Argument(help: ArgumentHelp("A Markdown or HTML file.", valueName: "file"))
    var file: String

    @Option(name: [.customShort("l"), .long], help: ArgumentHelp("The language of the text.", valueName: "tag"))
    var language: LanguageTag = LanguageTag("en-US")!

    @Flag(name: .long, help: "Print the codes' original markup instead of {1} placeholders.")
    var showMarkup = false

    @OptionGroup var segmentation: SegmentationOptions

    func run() throws {
        do {
            let localizer = try segmentation.localizer()
            let document = try localizer.extract(SourceDocument(bytes: try InputFile.read(file), name: file, language: language), targetLanguage: nil)
            for unit in document.units {
                for segment in unit.segments where !segment.isIgnorable {
                    Console.out("\(unit.id)-\(segment.id)\(unit.translate ? "" : " translate=no")\t\(render(segment.source))")
                }
            }
            Console.note("\(document.units.count) unit(s), \(document.segmentCount) segment(s)")
        } catch {
            throw ExitStatus.report(error)
        }
    }

    private func render(_ content: Content) -> String {
        var s = ""
        for run in content.runs {
            switch run {
            case .text(let t): s += t.replacingOccurrences(of: "\n", with: "⏎")
            case .code(let c):
                if showMarkup { s += c.data.replacingOccurrences(of: "\n", with: "⏎"); continue }
                switch c.kind {
                case .open: s += "{\(c.id)}"
                case .close: s += "{/\(c.id)}"
                case .standalone: s += c.equiv.map { "{\(c.id):\($0)}" } ?? "{\(c.id)/}"
                }
            }
        }
        return s
    }
}
