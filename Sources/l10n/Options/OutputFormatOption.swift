import ArgumentParser
import Foundation

/// `--format text|json` for commands that print results: text for people, JSON (key-sorted,
/// stable) for scripts.
struct OutputFormatOption: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(name: .long, help: ArgumentHelp("Output format.", valueName: "text|json"))
    var format: Format = .text

    var isJSON: Bool { format == .json }

    /// Prints `value` as pretty, key-sorted JSON on standard output.
    func printJSON(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        Console.out(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
