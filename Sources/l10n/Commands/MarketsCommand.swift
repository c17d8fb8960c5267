import ArgumentParser
import Foundation
import L10nPipeline

struct MarketsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "markets",
        abstract: "List the markets l10n can adapt for, or show one market's conventions.",
        subcommands: [List.self, Show.self],
        defaultSubcommand: List.self)

    struct Location: ParsableArguments {
        @Option(name: .long, help: ArgumentHelp("A folder of market YAML files that add to or override the built-in ones.", valueName: "dir"))
        var marketsDir: String?

        func catalog() throws -> MarketCatalog {
            do { return try MarketCatalog.load(userDirectory: marketsDir) } catch { throw ExitStatus.report(error) }
        }

        /// The listing only: cheap (see ``MarketSummary``).
        func summaries() throws -> [MarketSummary] {
            do { return try MarketCatalog.summaries(userDirectory: marketsDir) } catch { throw ExitStatus.report(error) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "One line per market: id, name, language, currency, mains.")
        @OptionGroup var location: Location

        func run() throws {
            for m in try location.summaries() {
                let mains = m.voltages.map { String(format: "%g", $0) }.joined(separator: "/") + " V " + String(format: "%g", m.frequency) + " Hz"
                Console.out([m.id.padding(toLength: 4, withPad: " ", startingAt: 0),
                             m.name.padding(toLength: 22, withPad: " ", startingAt: 0),
                             m.language.padding(toLength: 8, withPad: " ", startingAt: 0),
                             m.currency.padding(toLength: 5, withPad: " ", startingAt: 0),
                             mains.padding(toLength: 18, withPad: " ", startingAt: 0),
                             m.measurementSystem.rawValue].joined(separator: " "))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Everything l10n knows about one market.")
        @Argument(help: ArgumentHelp("Market id, e.g. br.", valueName: "id"))
        var id: String
        @OptionGroup var location: Location

        func run() throws {
            let catalog = try location.catalog()
            let m: MarketProfile
            do { m = try catalog.market(id) } catch { throw ExitStatus.report(error) }
            var lines = ["\(m.name) (\(m.id))  — from \(catalog.sources[m.id] ?? "?")",
                         "  language \(m.language), locale \(m.locale), currency \(m.currency)",
                         "  measurement: \(m.measurement.system.rawValue)"]
            if !m.measurement.convert.isEmpty {
                lines.append("    converts " + m.measurement.convert.sorted { $0.key < $1.key }.map { "\($0.key)→\($0.value)" }.joined(separator: ", "))
            }
            if !m.measurement.keep.isEmpty { lines.append("    keeps " + m.measurement.keep.joined(separator: ", ")) }
            lines.append("  mains: \(m.electrical.summary)")
            lines.append("  certifications:")
            for (category, regime) in m.certifications.sorted(by: { $0.key < $1.key }) {
                let marks = regime.required.isEmpty ? "no mark" : regime.required.joined(separator: ", ")
                lines.append("    \(category): \(marks)\(regime.authority.map { " (\($0))" } ?? "")")
                lines.append("      \(regime.note)")
            }
            lines.append("  spelling: \(m.spelling ?? "—")")
            let t = m.tone
            lines.append("  tone: \(t.address.rawValue) address; superlatives \(t.superlatives.rawValue), comparatives \(t.comparatives.rawValue), ALL CAPS \(t.allCaps.rawValue), emoji \(t.emoji.rawValue), \(t.exclamationRun == 0 ? "any !" : "flag \(t.exclamationRun)+ !")")
            if let note = t.note { lines.append("    \(note)") }
            lines.append("  dates: \(m.dates.pattern) (\(m.dates.order.rawValue)), long \(m.dates.longPattern)")
            Console.out(lines.joined(separator: "\n"))
        }
    }
}
