import ArgumentParser

struct TMCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tm",
        abstract: "Translation memory: import TMX/XLIFF, learn reviewed XLIFF, look up, export TMX, stats.",
        discussion: """
            The memory is an SQLite file named with --tm PATH, or a shared PostgreSQL database named with --tm postgres://user@host:port/database (password from PGPASSWORD; never printed), or $L10N_TM. `adapt --tm` and `extract --tm` fill targets from its exact (100) and in-context (101) matches.

            Examples:
              l10n tm import --tm tm.sqlite vendor.tmx
              l10n tm learn --tm tm.sqlite product.pt-BR.xlf
              l10n tm lookup --tm tm.sqlite -s en-US -t pt-BR "Stainless steel housing"
              l10n tm export --tm tm.sqlite -o all.tmx
              l10n tm stats --tm tm.sqlite --format json
            """,
        subcommands: [TMImportCommand.self, TMLearnCommand.self, TMLookupCommand.self, TMExportCommand.self, TMStatsCommand.self]
    )
}
