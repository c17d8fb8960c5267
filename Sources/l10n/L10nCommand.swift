import ArgumentParser
import L10nPipeline

@main
struct L10nCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "l10n",
        abstract: "Localize and culturally adapt product copy: Markdown and HTML in, XLIFF and localized documents out.",
        discussion: """
            Typical flow:
              l10n adapt --market br product.md   # adapt + XLIFF for Brazil
              l10n extract product.md -t pt-BR     # → product.pt-BR.xlf
              l10n merge product.pt-BR.xlf         # → product.pt-BR.md
              l10n qa product.pt-BR.xlf            # quality checks on a translation
              l10n pseudo product.md               # → product.qps.md
              l10n batch                           # every page × market of ./l10n.yaml (CI)

            Exit codes:
            \(ExitCategory.plainTable)
            """,
        version: "0.1.0",
        subcommands: [
            AdaptCommand.self, BatchCommand.self, ExtractCommand.self, MergeCommand.self, PseudoCommand.self, ValidateCommand.self, QACommand.self, SegmentCommand.self, MarketsCommand.self, BackendsCommand.self, TMCommand.self, GlossaryCommand.self,
        ]
    )

    /// Parses and runs the command in a task that Ctrl-C and SIGTERM cancel (``Interruption``),
    /// so an interrupted run exits 130 having written nothing.
    static func main() async {
        MemoryPolicy.apply()
        let run = Task {
            do {
                var command = try parseAsRoot()
                if var asyncCommand = command as? any AsyncParsableCommand {
                    try await asyncCommand.run()
                } else {
                    try command.run()
                }
            } catch {
                if Interruption.wasRequested || error is CancellationError { exit(withError: ExitStatus.interrupted) }
                exit(withError: error)
            }
        }
        let interruption = Interruption { run.cancel() }
        // A run that finished before noticing a late signal wrote its outputs: it exits as it ended.
        await run.value
        withExtendedLifetime(interruption) {}
    }
}
