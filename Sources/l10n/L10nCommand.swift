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
}
