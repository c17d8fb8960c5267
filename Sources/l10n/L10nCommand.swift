import ArgumentParser

@main
struct L10nCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "l10n",
        abstract: "Localize and culturally adapt product copy: Markdown and HTML in, XLIFF and localized documents out.",
        discussion: """
            Typical flow:
              l10n extract product.md --target-language pt-BR     # → product.pt-BR.xlf for a CAT tool
              l10n merge product.pt-BR.xlf                        # → product.pt-BR.md
              l10n pseudo product.md                              # → product.qps.md, proves markup survives

            Exit codes:
              0   success
              1   the input was read but is not valid (validate found errors)
              64  usage error (bad option or argument)
              65  bad input data: invalid UTF-8, binary, empty, malformed XML/XLIFF, XXE/entity bombs
              66  an input file is missing or unreadable
              73  an output cannot be written
              70  internal error (a bug: please report it)
            """,
        version: "0.1.0",
        subcommands: [
            AdaptCommand.self, ExtractCommand.self, MergeCommand.self, PseudoCommand.self, ValidateCommand.self, SegmentCommand.self, MarketsCommand.self,
        ]
    )
}
