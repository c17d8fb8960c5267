import ArgumentParser
import L10nPipeline

struct BackendsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backends",
        abstract: "List the translation backends `--backend` can name, or show one's options and limits.",
        subcommands: [List.self, Show.self],
        defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "One line per backend: id, name, summary.")

        func run() throws {
            for d in BackendRegistry.builtIn.descriptors {
                Console.out(d.id.padding(toLength: 16, withPad: " ", startingAt: 0) + d.displayName.padding(toLength: 26, withPad: " ", startingAt: 0) + d.summary)
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "A backend's options (and the environment variables they come from), languages and limits.")
        @Argument(help: ArgumentHelp("Backend id, e.g. pseudo.", valueName: "id"))
        var id: String

        func run() throws {
            guard let d = BackendRegistry.builtIn.descriptor(id) else {
                throw ExitStatus.report(BackendError(.unknownBackend, backend: id, "no such backend; known: \(BackendRegistry.builtIn.descriptors.map(\.id).joined(separator: ", "))"))
            }
            var lines = ["\(d.displayName) (\(d.id))", "  \(d.summary)"]
            switch d.languages {
            case .any: lines.append("  languages: any pair")
            case .pairs(let pairs): lines.append("  languages: " + pairs.map { "\($0.source)→\($0.target)" }.joined(separator: ", "))
            }
            let segments = d.limits.maxSegments == .max ? "no limit" : "\(d.limits.maxSegments)"
            let characters = d.limits.maxCharacters == .max ? "no limit" : "\(d.limits.maxCharacters)"
            lines.append("  batch: \(segments) segments, \(characters) characters per request")
            let features = [("inline codes", d.supportsInlineCodes), ("glossaries", d.supportsGlossaries), ("formality", d.supportsFormality), ("context", d.supportsContext)]
            lines.append("  supports: " + features.map { "\($0.0) \($0.1 ? "yes" : "no")" }.joined(separator: ", "))
            if d.options.isEmpty {
                lines.append("  options: none")
            } else {
                lines.append("  options:")
                for o in d.options {
                    let env = o.environment.map { " (env \($0))" } ?? ""
                    lines.append("    \(o.name)\(env)\(o.isRequired ? ", required" : "")\(o.isSecret ? ", secret" : ""): \(o.summary)")
                }
            }
            Console.out(lines.joined(separator: "\n"))
        }
    }
}
