import ArgumentParser

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
              l10n pseudo product.md               # → product.qps.md

            Exit codes:
              0   success
              1   validate: a file is not valid XLIFF
              64  usage error (bad option or argument)
              65  bad input data: invalid UTF-8, binary or empty file,
                  malformed XML/XLIFF, DTD entities (XXE, entity bombs),
                  bad market data
              66  an input file is missing or unreadable
              70  internal error (a bug: please report it)
              73  an output cannot be written
            """,
        version: "0.1.0",
        subcommands: [
            AdaptCommand.self, ExtractCommand.self, MergeCommand.self, PseudoCommand.self, ValidateCommand.self, SegmentCommand.self, MarketsCommand.self,
        ]
    )
}
